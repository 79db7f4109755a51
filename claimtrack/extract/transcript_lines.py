"""Sentences of a speaker turn: which are check-worthy assertions, who asserts them ("we"), and their kind.

Check-worthy means a factual assertion a fact-checker could check: it names something (a proper noun), counts
something (a number) or ranks it ("the largest", "a record"). Questions, greetings, floor management ("Go
ahead, Peter."), the speaker's talk about the briefing itself ("I don't have anything to announce", "I'd refer
you to …") and instructions to the audience are not.
"""

from __future__ import annotations

import re

_A = r"[’']"  # either apostrophe
# Discourse openers that carry no content ("So, look, …", "And, again, …", "Now, as you know, …").
_MARKER = re.compile(
    r"^(?:(?:[—–-]\s*)?(?:so|and|but|then|now|look|well|again|also|yeah|yes|no|okay|ok|right|anyway|listen|obviously|clearly|of course"
    r"|in fact|i mean|you know|as you know|as you all know|as i said|as i mentioned|as you just heard|as you heard"
    r"|mind you|frankly|honestly|certainly|indeed|first|second|third|finally|additionally|lastly|that said"
    r"|let" + _A + r"s not forget|let" + _A + r"s be clear|remember"
    r"|and so|but again|so again|and again|again)\b[,:;—–-]*\s*)+", re.I)
_VOCATIVE = re.compile(r"^(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|guys|folks|everybody|everyone),\s+")
# Floor management, greetings and talk about the briefing itself.
_PROCEDURAL = re.compile(
    r"^(?:go ahead|go right|thank|thanks|good (?:morning|afternoon|evening)|hello|hi\b|happy\b|okay\b|all right"
    r"|sorry|welcome|see you|have a (?:good|great|nice)|safe travels|let me|let" + _A + r"s|with that|pardon|excuse"
    r"|i" + _A + r"m (?:going to|gonna) (?:go|move|try|take|turn|be|leave|get|come|wrap|call|let|start|keep|refer)"
    r"|i" + _A + r"ll (?:come|take|go|get|leave|let|turn|see|be|refer|start|just say|say this)"
    r"|i (?:want|would like|wanted) to|i do(?: not|n" + _A + r"t) (?:have|know|want|think i|get)"
    r"|i" + _A + r"m (?:not|just not|sorry|happy|glad|not quite)|i am not|i won" + _A + r"t|i (?:would|will) refer"
    r"|i" + _A + r"d (?:refer|leave|have to|say|love)|i will (?:leave|let)|i just (?:don|haven|want|can)"
    r"|i (?:can" + _A + r"t|cannot) (?:speak|get|go|say|confirm)|i haven" + _A + r"t|i (?:appreciate|hear|understand)"
    r"|i refer|i can take|i have (?:one|two|a couple|nothing|no )|that" + _A + r"s (?:a good|a fair|all|it)\b"
    r"|we don" + _A + r"t have (?:anything|a date|an update|any)|we (?:will|" + _A + r"ll) have more"
    r"|we have to wrap|we" + _A + r"re going to (?:wrap|take)|you" + _A + r"re free|if anybody|feel free"
    r"|don" + _A + r"t have|just don" + _A + r"t|(?:way |right )?in the back|right here|last question|one more"
    r"|\(|\d{1,2}:\d\d\s*[ap]\.?m)|.*\b(?:look(?:s|ing)? forward|what i" + _A + r"m saying|what i said"
    r"|i didn" + _A + r"t say|we don" + _A + r"t have a lot of time)", re.I)
# Instructions to the audience.
_IMPERATIVE = re.compile(r"^(?:please|wait|do not|don" + _A + r"t|listen|check|remember|call|go|take|make sure|stay|keep"
                         r"|turn|finish|shelter|avoid|follow|be (?:safe|careful))\b", re.I)
_NUMBER = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
                     r"|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen"
                     r"|dozens|percent|twice|double|triple)\b", re.I)
_RANK = re.compile(r"\b(?:most|least|largest|biggest|smallest|highest|lowest|strongest|greatest|fastest|longest"
                   r"|deadliest|worst|best|record|more than|less than|fewer than|increas\w*|decreas\w*|ris(?:e|en|ing)"
                   r"|fell|doubled|historic\w*)\b|\b(?:more|less|fewer|\w+er)\b[^.;]{0,60}\bthan\b", re.I)
# An event or action: a perfect or past-tense verb ("have banned", "met", "was delayed").
_EVENT = re.compile(r"\b(?:has|have|had|was|were)\s+(?:\w+ly\s+|not\s+|also\s+|already\s+|just\s+|been\s+)*"
                    r"(?:\w+ed|made|taken|put|sent|met|led|held|built|paid|brought|given|done|seen|found|won|lost|"
                    r"cut|set|spent|left|told|said|become|begun|known|shown|grown|risen|fallen|drawn|written)\b"
                    r"|\b(?:\w{3,}ed|made|took|put|sent|met|led|held|built|paid|brought|gave|did|saw|found|won|lost"
                    r"|spent|left|became|began|knew|showed|grew|rose|fell|drew|wrote|dealt|struck|launched)\b")
# The organisation's assessment ("we assess that …", "we continue to believe …", "we hold that …").
_WE_ASSESS = re.compile(r"\bwe (?:\w+ )?(?:\w+ to )?(?:assess|believe|expect|judge|hold|estimate|know)\b", re.I)
# Subjects that are not news on their own: pronouns and deictics (the nominal subject carries the event).
_DEICTIC = {"he", "she", "it", "they", "that", "this", "these", "those", "there", "i", "you", "we", "what", "which",
            "who", "he's", "she's", "it's", "they're", "that's", "there's", "we're", "we've", "i'm", "you're"}
_CAPITAL = re.compile(r"(?<![.!?:“\"]\s)(?<=\s)(?:[A-Z][a-z’'-]*[a-z]|[A-Z]{2,}[a-z]?)\b")
# Capitalised words that are not news: interjections, and the titles and institutions of every briefing.
_NOT_NAMES = {"I", "OK", "Okay", "Q", "Inaudible", "Laughter", "Laughs", "Applause", "Cross-talk", "President",
              "Vice", "White", "House", "Congress", "Administrator", "Admiral", "Secretary", "Press", "Office",
              "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
# Ordinary words that open sentences; any other capitalised first word is taken for a name ("Florida has …").
_COMMON_STARTS = set("""it they he she we i you this that these those there the a an and but so if when what which who
whom whose as in on at for with our their his her its my your some any every all no not now then here yes well just
also even still only one let today tomorrow yesterday many much more most both each either neither such because
while after before since until although though however again once maybe perhaps look okay people everybody everyone
nobody something anything nothing folks very really to from by about into over under through during without within
among against between how why where whether nor or yet already never always often sometimes usually certainly
clearly obviously actually basically frankly first second third last next other another same every""".split())
# The speaker framing an assertion ("I can tell you that …", "I will say this: …", "I mentioned … that …").
_I_FRAME = re.compile(
    r"^(?:here" + _A + r"s what (?:i can (?:tell you|say)|we know)[,:]?\s+"
    r"|i want to be (?:very )?clear(?: that|:)\s+"
    r"|(?:what )?(?:i (?:can (?:also )?(?:tell you|confirm|say)|will (?:also )?say|would say|think|believe|mean|know"
    r"|(?:do )?want to say|(?:had |have |" + _A + r"ve )?(?:just |already )?(?:mentioned|said|noted)\b[^.]*?\bthat)"
    r"|you (?:saw|heard|know|" + _A + r"ve (?:seen|heard)|have (?:seen|heard))\b[^.]{0,50}?\bthat)"
    r"(?: this)?(?:,? \w+,)?(?: is)?(?: that)?[,:]?\s+)", re.I)
# The speaker's doings and the audience's ("I've spoken to this", "I'll come back", "You saw those actions").
_ADDRESSEE = re.compile(r"^(?:you|you" + _A + r"\w+|i (?:want|wanted|would|will|won|need|have to|think|mean|hear"
                        r"|appreciate|understand|guess|just|don|do not|can|cannot|am|was|had just)|i" + _A
                        + r"(?:m|ll|d|ve)\b)", re.I)
# Talk about the briefing anywhere in the sentence ("…, I would refer you to HHS", "you would have to ask …").
_META = re.compile(r"\b(?:refer you to|(?:you|you" + _A + r"d) (?:would )?have to (?:ask|reach out)|i" + _A
                   + r"m not going to|i am not going to|i" + _A + r"m just not|not going to get (?:into|ahead)"
                   r"|don" + _A + r"t have (?:anything|a date|an update|any updates?) (?:to|for|on)"
                   r"|take (?:a few |some )?questions)\b", re.I)
_SUBORDINATORS = {"if", "when", "whenever", "as", "because", "while", "although", "though", "unless", "before",
                  "after", "since", "until", "once", "whether"}
# An aside between dashes ("Saudi Arabia — and I've said this before — is a partner"), ignored when judging.
_ASIDE = re.compile(r"\s[—–]\s[^—–]{1,80}?\s[—–]\s")
_TAG_QUESTION = re.compile(r",\s*(?:right|correct|okay|you know)\?\s*$", re.I)
_NORMATIVE = re.compile(r"\b(?:should|shouldn" + _A + r"t|must|need to|needs to|ought to)\b", re.I)
# A leading adverbial ("Today,", "In recent weeks,", "Due to recent events,") before the subject.
_ADVERBIAL = re.compile(
    r"^(?:(?:today|yesterday|tonight|now|then|recently|earlier|later|meanwhile|separately|together|unfortunately"
    r"|despite \w+|due to [^,]{1,40}|in [^,]{1,40}|on [^,]{1,40}|at [^,]{1,40}|as [^,]{1,60}|after [^,]{1,40}"
    r"|before [^,]{1,40}|since [^,]{1,40}|over [^,]{1,40}|last \w+|this \w+|with [^,]{1,40}|for [^,]{1,40}"
    r"|through [^,]{1,40}|from [^,]{1,40}|by [^,]{1,40}|while [^,]{1,120}|if [^,]{1,80}|because [^,]{1,80}),\s+)",
    re.I)
# "We …", "Our information indicates …": the organisation speaks. "Our partners …" is the partners' doing.
_WE_SUBJECT = re.compile(r"^(?:we|we" + _A + r"\w+|our (?:information|intelligence|assessment|message|view|position"
                         r"|understanding|judgment|estimate|analysis|belief|expectation|policy|commitment|focus|goal"
                         r"|priority|data|sanctions|team|teams|government|administration))\b", re.I)
# "As we have said, …": the assertion is the organisation's even when its subject is not "we".
_AS_WE_SAID = re.compile(r"^as we(?: have|" + _A + r"ve)? (?:\w+ly )?(?:said|stated|noted|made clear|warned|announced"
                         r"|assessed|reported|seen)\b", re.I)
# A third party's stated or held position, reported by the speaker without a speech verb.
_STANCE = re.compile(r"(?P<who>(?:[Tt]he )?(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*|[Tt]he [a-z]+)\s+"
                     r"(?:(?:has|have) been (?:very )?clear|expressed|recogni[sz]es|believes|anticipates|expects"
                     r"|maintains|insists|would have you believe)(?: that|:)?\s+(?=\S)")
# Openers before the subject: a short restart ("it's absolutely — we …"), "that's why", "today".
_RESTART = re.compile(r"^(?:[^\s—–.]+\s+){0,3}[—–]\s*")
_OPENER = re.compile(r"^(?:that" + _A + r"s why|which is why|and|so|but|today|now|also|again|clearly|obviously"
                     r"|certainly|of course|absolutely|in fact|indeed|still)\b,?\s+", re.I)
_DENIAL = re.compile(r"^(?:that|this|it|these|those|the)(?: (?:report|reports|story|claim|claims|allegation|allegations"
                     r"|idea|notion))?(?:" + _A + r"s| is| are| was| were) (?:simply |just |absolutely )?"
                     r"(?:not true|false|untrue|wrong|ridiculous|nonsense|baseless|inaccurate|incorrect)\b"
                     r"|\b(?:we|i) (?:categorically |flatly |strongly )?(?:deny|reject|refute)\b", re.I)
_CALL = re.compile(r"\b(?:we|i) (?:\w+ )?(?:urge|call on|call upon|appeal to)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|won" + _A + r"t|going to|gonna)\b|\b(?:it|he|she|they|we|that)" + _A + r"ll\b",
                     re.I)
_ASSESS = re.compile(r"\b(?:assess|assessment|believe|judge|consider|view)\b", re.I)


def core(sentence: str) -> str:
    """The sentence without discourse openers and a leading vocative ("So, look, Peter, …")."""
    s = _MARKER.sub("", sentence.strip(), count=1)
    return _VOCATIVE.sub("", s, count=1)


def is_checkworthy(sentence: str) -> bool:
    """A factual assertion: declarative, not procedural, and naming, counting or ranking something."""
    s = _TAG_QUESTION.sub(".", sentence.strip())
    if s.rstrip("”\"’' )").endswith("?") or len(s.split()) < 3 or s[0] in "—–-":
        return False  # a question, or the tail of an interrupted turn
    c = core(_ASIDE.sub(" ", s))
    for _ in range(3):  # "I — I'll say this", "And — and then …": restarts and openers
        m = _RESTART.match(c)
        if not m:
            break
        c = core(c[m.end():])
    c = _I_FRAME.sub("", c, count=1)
    if len(c.split()) < 3 or _PROCEDURAL.match(c) or _IMPERATIVE.match(c) or _META.search(c) or _ADDRESSEE.match(c):
        return False
    number = _NUMBER.search(c)
    if _NORMATIVE.search(c) and not number:
        return False  # a call ("It should not be used as a political football"), not a checkable fact
    return bool(number or _names(c) or _RANK.search(c) or _WE_ASSESS.search(c) or _nominal_event(c))


def _names(c: str) -> list[str]:
    """Proper nouns of the sentence, its first word included unless it is an ordinary opener."""
    first = c.split(None, 1)[0].strip(",;:").lower().replace("’", "'")
    lead = [] if first in _COMMON_STARTS or "'" in first else [c.split(None, 1)[0]]  # "Florida has …"
    return [w for w in lead + [m.group(0) for m in _CAPITAL.finditer(c)] if w.strip(",;:") not in _NOT_NAMES]


def _nominal_event(c: str) -> bool:
    """An event or action with a noun-phrase subject ("The obligation … was delayed"), not "He was asked" or a
    subordinate clause alone ("If you are confirmed.")."""
    first = c.split(None, 1)[0].lower().replace("’", "'")
    return first not in _DEICTIC and first not in _SUBORDINATORS and bool(_EVENT.search(c))


def _clause(sentence: str) -> str:
    """The sentence from its main subject on: openers, framing, adverbials and short restarts removed."""
    s = core(sentence)
    for _ in range(4):
        m = _RESTART.match(s)  # "we're — the President has been clear …": the speaker started over
        if m:
            s = s[m.end():]
            continue
        if _WE_SUBJECT.match(s) or _AS_WE_SAID.match(s):
            return s
        m = _ADVERBIAL.match(s) or _OPENER.match(s) or _I_FRAME.match(s)
        if not m:
            break
        s = s[m.end():]
    return s


def speaks_as_we(sentence: str) -> bool:
    """Whether the sentence's subject is "we"/"our information …", past openers, framing and adverbials."""
    s = _clause(sentence)
    return bool(_WE_SUBJECT.match(s) or _AS_WE_SAID.match(s))


def stance_holder(sentence: str) -> str | None:
    """The named or described subject of a stance verb ("The governor expressed that …", "the President has been
    clear that …", "The administration recognizes …"): the source the speaker reports; None otherwise."""
    m = _STANCE.match(_clause(sentence))
    return m.group("who") if m else None


def assertion_kind(sentence: str) -> str:
    """statement, or denial / call / prediction / assessment by the sentence's own cues."""
    s = core(sentence)
    if _DENIAL.search(s):
        return "denial"
    if _CALL.search(s):
        return "call"
    if _FUTURE.search(s):
        return "prediction"
    if _ASSESS.search(s):
        return "assessment"
    return "statement"
