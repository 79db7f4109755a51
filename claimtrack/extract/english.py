"""English claim attribution: quote-aware segmentation, reporting cues, sources and content spans.

`extract_english(text)` returns one `ExtractedClaim` per reporting relation, with exact offsets
(text[c.start:c.end] == c.quote). Rules only, compiled regexes, one pass per pattern over the text.
"""

from __future__ import annotations

import bisect
import re

from claimtrack.extract.base import ActorRef, ExtractedClaim
from claimtrack.extract.english_claimants import (
    INVALID,
    PRONOUN,
    is_person_or_group,
    repair_source,
    source_type,
)
from claimtrack.extract.english_segment import (
    _ADJ_DET,
    _CLOSE_Q,
    _OPEN_Q,
    _build,
    _Cue,
    _cues,
    _Doc,
    _segment,
    sentences,
)
from claimtrack.extract.english_sources import (
    _clause_subject,
    _plausible_source,
    _source_after,
    _source_before,
    _Speakers,
    _strip_adverbs,
    _subject_at,
)

__all__ = ["extract_english", "sentences"]


_WS = re.compile(r"\s+")
_THAT = re.compile(r"[^“\",;:]{0,70}?\bthat\b")
_LEAD = re.compile(r"[\s,:;—–-]+")
_TRAIL = re.compile(r"[\s,:;—–-]+$")
_PREPS = {"after", "before", "during", "in", "on", "at", "to", "from", "with", "when", "while", "as", "since",
          "following", "through", "via", "last", "this", "earlier", "later", "over", "about", "of", "outside",
          "inside", "ahead", "near"}
_ADVERBIAL = set("""on in at during last this earlier later late early recently yesterday today tonight
monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night week weekend month
year a an the statement interview twitter facebook email phone telephone call conference news speech rally
reporters me us him her them told also then afterward afterwards again recently separately privately publicly
press release briefing radio television tv show program hearing appearance of with by to via sept oct nov
dec jan feb march april may june july aug""".split())
_WILL = re.compile(r"\b(?:will|won[’']t|shall|going to|gonna)\b|[’']ll\b", re.I)
_WOULD = re.compile(r"\b(?:would|wouldn[’']t)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:if|unless|tomorrow|soon|next\s+(?:week|month|year|season|term|spring|summer|fall|winter|\w+day)"
    r"|in\s+(?:the\s+)?(?:coming|next|future)|by\s+(?:the\s+end\s+of|20\d\d)|in\s+20[2-9]\d|eventually)\b", re.I)
_FALSE = (r"(?:not true|untrue|false|baseless|unfounded|fake|a lie|lies|wrong|incorrect|inaccurate|fabricated"
          r"|nonsense|groundless|without (?:any )?(?:basis|merit|foundation))(?=\s*(?:[,.;:!”\"’'—-]|and\b|but\b|$))")
_CLAIM_NP = (r"(?:it|this|that|these|those|they|such \w+|(?:the|those|these|his|her|their|its|any) (?:\w+ )?"
             r"(?:reports?|claims?|story|stories|allegations?|accusations?|charges?|rumou?rs?|suggestions?|assertions?"
             r"|account|idea|notion))")
_NOT_TRUE = re.compile(r"(?:that\s+)?" + _CLAIM_NP + r"\s+(?:was|were|is|are|had been|has been|have been)\s+"
                       r"(?:\w+ly\s+)?" + _FALSE, re.I)
# CALLED_FALSE: "called the reports false", "called the claims about the bridge “completely baseless”".
_CALLED_FALSE = re.compile(_CLAIM_NP + r"(?:\s+[\w’'-]+){0,3}?\s+[“\"‘']?(?:\w+ly\s+)?(?:an?\s+)?(?:\w+\s+)?"
                           + _FALSE.replace("[,.;:!”", "[“”’,.;:!"), re.I)
_DENIED_PROP = re.compile(
    r"(?:the\s+|any\s+)?(?:\w+\s+)?(?:criticism|accusations?|allegations?|claims?|charges?|suggestions?|notion|idea"
    r"|assertions?|reports?|rumou?rs?|implication)(?:\s+(?:from|by|of)\s+[^,;]{1,60}?)?\s+that\s+(.{8,})", re.I)
_PARTICIPLE_CUES = {"adding", "saying", "noting", "arguing", "claiming", "explaining", "suggesting",
                    "warning", "insisting", "telling", "stating", "declaring", "acknowledging", "asserting",
                    "pointing", "announcing", "promising", "accusing", "writing", "describing",
                    "calling", "urging", "predicting", "denying", "continuing", "tweeting", "replying",
                    "responding", "charging", "alleging", "admitting", "conceding", "stressing"}
_STRONG_ENDS = ("”", '"', "''", "’’", "'’", "’'")
_QB_ENDS = _STRONG_ENDS + (",", "—")
_FUTURE_HINTS = ("will", "won", "shall", "going to", "gonna", "'ll", "’ll", "would")
# PARTICIPLE_AFTER_QUOTE: '… said: “A,” adding that …' — a comma inside closing quotation marks leads a participle too.
_PART_LEAD = re.compile(r"(?:,[”\"’']*|\band|\bby|\bwhile|\bbefore|\bafter)\s*$")
_WORD = re.compile(r"\w")
_TAIL_SPLIT = re.compile(r"[,;]|\band\b")
_REGION = re.compile(r"[^,;.“\"]*")
_RESUME_Q = re.compile(r"[^,;.“\"]{0,60}?,\s*(?:[“\"]|'')")
_RESUME = re.compile(r"[^,;.“\"]{0,60}?,\s+(?=[\w‘])")
_REL_SUBJECT = re.compile(r"\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*),\s+(?:who|which)\s")
_NEXT_PARA = re.compile(r"[ \t]*\n\s*([^\n]{12,})")
_AUX_TAIL = re.compile(r"(?:\s*\b(?:that|which|who|has|have|had|was|were|is|are|be|been|being|since|not|\w+ly))*\s*$")
# RELATIVE_DESCRIPTION: a relative pronoun before the source of a cue ("Ohio, which he describes as his favourite
# state", "the crew, whom she described as tireless", "the mine, which Lee says he will keep open"): the claim
# runs from the pronoun.
_REL_DESCRIPTION = re.compile(r"\b(?:which|whom|what)\s+$")
# PROGRESSIVE_CUE: a reporting participle after a form of "be" is the finite verb of its clause ("The council is
# insisting the budget balances", "The utility has been warning that …"); its subject is the source.
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|am|been)\s+(?:\w+ly\s+)?$")
_SUBJECT_COMMA = re.compile(r"\s*([A-Z][^,;:()]{2,60}),\s+(?:who|which|[A-Z])[^;:]{3,200},\s*$")
# OBJECT_BEFORE_DENIAL: a deny cue followed by punctuation or a preposition has its object before it ("the charge,
# which Orr denies, …", "something he denied to reporters as absurd"): no proposition follows to be denied.
_NO_OBJECT = re.compile(r"\s*(?:[,.;:)]|(?:to|as|in|on|at|during|after|before|with)\b(?!\s+(?:be|have)\b))")
_REL_BEFORE = re.compile(r"\b(?:that|which|whom)\s+$")
_VERB_FIRST = re.compile(r"(?!(?:that|he|she|they|it|we|i|the|a|an|his|her|their|its|this|these|those|there|if|whether"
                         r"|to|of|in|on|at|for|with|about|by|from|as)\b)[a-z]")
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
_COMPLEMENTISER = {"that", "whether", "if", "how", "why", "what", "when", "where"}
_MAX_QUOTE = 590
_CTX = 40


def _is_adverbial_tail(seg: str) -> bool:
    words = re.findall(r"[\w'’]+", seg)
    if len(words) > 8:
        return False
    return all(w.lower() in _ADVERBIAL or w[0].isupper() or w.isdigit() for w in words)


def _is_time_clause(pre: str) -> bool:
    """"In a speech last July," before "he said": an adverbial opener, not content."""
    first = pre.split(None, 1)[0].lower()
    return first in _PREPS and pre.endswith(",") and _is_adverbial_tail(pre)


# TITLED_OPENER: 'In his 2002 book, “Make Your Own Luck,” Lee said …', 'On this week's episode of “City Desk,” …':
# a prepositional opener ending in a quoted title is an adverbial, not the quotation the cue reports.
_TITLE_END = re.compile(r"[“”\"]|''")
# QUESTION_OPENER: a participle clause about being questioned opens the sentence; the content follows the cue.
_QUESTION_OPENERS = {"asked", "pressed", "questioned", "challenged", "quizzed"}
_TITLE_SMALL = {"of", "the", "a", "an", "and", "in", "on", "for", "with", "to", "at", "by", "or", "is"}


def _is_titled_opener(pre: str) -> bool:
    first = pre.split(None, 1)[0].lower()
    if first in _QUESTION_OPENERS:
        return True  # QUESTION_OPENER: 'Asked why he waited, on "City Desk," Orr said …' is the circumstance
    if first not in _PREPS or not pre.rstrip("”\"'’").endswith(","):
        return False
    opens = [m.end() for m in _TITLE_END.finditer(pre)]
    if len(opens) < 2:
        return False
    title = re.findall(r"\w[\w'’-]*", pre[opens[-2]:])
    return 0 < len(title) <= 8 and all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL for w in title)


def _is_prep_tail(right: str, pre: str) -> bool:
    """"…, Carson said after the attacks.": a short prepositional tail ends the sentence, the content is before."""
    words = right.split()
    if not words or words[0].lower() not in _PREPS or len(words) > 9 or len(pre.split()) < 4:
        return False
    return not any(w.lower() in ("that", "he", "she", "they", "it", "we", "i") for w in words)


def _content_kind(kind: str, content: str) -> str:
    """Refine a cue's kind from its content: "said it was not true" denies, "will …" predicts."""
    if kind in ("statement", "assessment") and (
            _NOT_TRUE.match(content) or (kind == "assessment" and _CALLED_FALSE.match(content))):
        return "denial"
    if kind != "statement":
        return kind
    low = content.lower()
    if not any(w in low for w in _FUTURE_HINTS):
        return kind
    if _WILL.search(content) or ("would" in low and _WOULD.search(content) and _FUTURE.search(content)):
        return "prediction"  # plain backshifted "would" ("said it would be hard") stays a statement
    return kind


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",:;—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",:;—–-"):
        e -= 1
    if e - s > _MAX_QUOTE:
        cut = s + _MAX_QUOTE
        dot = max(text.rfind(". ", s, cut), text.rfind(".” ", s, cut))
        e = dot + 1 if dot > s + 60 else cut
    return s, e


def extract_english(text: str, resolve_pronouns: bool = True) -> list[ExtractedClaim]:
    """Attributed claims in English `text`, in document order, with exact offsets.

    A pronoun claimant no name resolves is dropped, unless `resolve_pronouns` is False (a transcript turn,
    where "I" and "we" are the speaker and the speaker's organisation)."""
    if not text:
        return []
    doc = _build(text)
    cues = _cues(doc)
    _segment(doc, [c.start for c in cues])
    speakers = _Speakers(text)
    out: list[ExtractedClaim] = []
    cue_starts = [c.start for c in cues]
    prev_unit_end = 0
    units = doc.units
    ui = 0
    while ui < len(units):
        us, ue = units[ui]
        unit_cues = cues[bisect.bisect_left(cue_starts, us):bisect.bisect_left(cue_starts, ue)]
        ui += 1
        if not unit_cues:
            if ui == 1 or text.rfind("\n", 0, us) < 0:
                _headline(text, us, ue, speakers, out)
            prev_unit_end = ue
            continue
        last, floor = _unit_claims(doc, unit_cues, (us, ue), prev_unit_end, speakers, out)
        if last is not None and floor >= ue - 2:
            ui = _extend(text, units, ui, cue_starts, last)
            while ui < len(units) and units[ui][1] <= last.end:
                ui += 1  # a block quote taken by "he said:"
        prev_unit_end = units[ui - 1][1]
    if resolve_pronouns:
        _resolve_forward(out)
    _finish(text, out)
    return out


def _unit_claims(doc: _Doc, unit_cues: list[_Cue], unit: tuple[int, int], prev_unit_end: int,
                 speakers: _Speakers, out: list[ExtractedClaim]) -> tuple[ExtractedClaim | None, int]:
    """Claims of the cues of one unit (sentence), appended to `out`; (the last claim, end of consumed text)."""
    text = doc.text
    us, ue = unit
    floor = us
    clause: tuple[ActorRef, str] | None = None  # the unit's current source and its surface
    last: ExtractedClaim | None = None
    for ci, cue in enumerate(unit_cues):
        if cue.start < floor:
            continue
        nxt = unit_cues[ci + 1] if ci + 1 < len(unit_cues) else None
        res = _attribute(doc, cue, floor, us, ue, nxt, prev_unit_end, speakers)
        if res is None:
            if last is not None and cue.word == "according to":
                floor = ue  # a trailing "according to X" closes the claim's sentence: quotes after it extend it
            continue
        cs, ce, src, region_end = res
        src = _usable_source(text, src, clause is not None or speakers.last is not None)
        if clause is not None and cue.word in _PARTICIPLE_CUES and (
                src is None or _PART_LEAD.search(text, max(us, cue.start - 8), cue.start)):
            src = None  # "X said …, adding that …": the same speaker; "…, with Y telling …" is Y's (WITH_SUBJECT)
        if src is None:
            if (clause is None and speakers.last is None) or cue.passive:
                continue  # PASSIVE_WITHOUT_AGENT: "A fact is dismissed as false when …" is nobody's report
            ref, surface = clause if clause is not None else (speakers.last, "")
            assert ref is not None  # a source was checked for above
        else:
            src = _relative_antecedent(text, us, src)
            surface = text[src[0]:src[1]]
            ref = speakers.resolve(surface, src[0])
        cs, ce = _trim(text, cs, ce)
        quote = text[cs:ce]
        if ce - cs < 3 or (quote.rstrip().rstrip("”\"’'").endswith("?") and not any(q in quote for q in _OPEN_Q)):
            continue
        clause = (ref, surface)
        speakers.note(ref)
        last = _claim(text, cue, (cs, ce), src, ref, surface)
        out.append(last)
        floor = max(floor, region_end)
    return last, floor


def _usable_source(text: str, src: tuple[int, int] | None, fallback: bool) -> tuple[int, int] | None:
    """The source span, repaired or dropped when it cannot name a source (then the current speaker speaks)."""
    if src is None:
        return None
    if fallback and not _plausible_source(text[src[0]:src[1]]):
        return None  # "The", "Hours", "yet": not a source, fall back to the current speaker
    if source_type(text[src[0]:src[1]]) == INVALID:
        fixed = repair_source(text[src[0]:src[1]])  # "though Lynch" → "Lynch"; "heard us" → None
        return (src[0] + fixed[0], src[0] + fixed[1]) if fixed else None
    return src


def _claim(text: str, cue: _Cue, span: tuple[int, int], src: tuple[int, int] | None, ref: ActorRef,
           surface: str) -> ExtractedClaim:
    cs, ce = span
    quote = text[cs:ce]
    direct = quote.lstrip()[:1] in _OPEN_Q or quote.lstrip().startswith("''")
    gap = (cue.start, cue.end)
    if src and cue.word == "according to" and cs < cue.start < ce:
        gap = (cue.start, src[1])  # "The bridge, according to the engineers, needs …" reads without the source
    elif src and cs < src[0] < ce and _REL_DESCRIPTION.match(text, cs, src[0]):
        gap = (cs, cue.end)  # "which he describes as X" reads "as X"
    elif src and cs < src[0] < ce:
        lead = _LEAD.match(text, cue.end)
        rel = _VERB_FIRST.match(text, lead.end() if lead else cue.end)
        gap = (src[0], cue.end if rel else _region_end(text, cue.end, ce))
    return ExtractedClaim(
        quote=quote, start=cs, end=ce, claimant=ref, claimant_surface=surface or ref.canonical,
        kind=cue.kind, text=_display(text, cs, ce, gap), cue=text[cue.start:cue.end],
        direct_quote=direct, language="en", confidence=0.8 if src else 0.6)


def _finish(text: str, out: list[ExtractedClaim]) -> None:
    """Kinds refined by content, denied propositions, context."""
    for c in out:
        c.kind = _content_kind(c.kind, c.text)
        if c.kind == "denial":
            m = _DENIED_PROP.match(c.text)  # "rejected criticism from X that P": P is what is denied
            if m:
                c.text = m.group(1)
        c.prefix = text[max(0, c.start - _CTX):c.start]
        c.suffix = text[c.end:c.end + _CTX]


def _relative_antecedent(text: str, floor: int, src: tuple[int, int]) -> tuple[int, int]:
    """"The company, which has denied …": the noun phrase before ", who/which" stands for the pronoun."""
    if text[src[0]:src[1]].lower() not in ("who", "which"):
        return src
    j = src[0]
    while j > floor and text[j - 1] == " ":
        j -= 1
    if j <= floor or text[j - 1] != ",":
        return src
    return _source_before(text, floor, j - 1) or src


def _resolve_forward(claims: list[ExtractedClaim]) -> None:
    """A pronoun claimant no earlier name resolved ("he said" in a lead before the name) takes the next named
    claimant of matching kind; one with none left is dropped: a claimant is never an unresolved pronoun."""
    named: ExtractedClaim | None = None
    for c in reversed(claims):
        if source_type(c.claimant.canonical) == PRONOUN:
            low = c.claimant.canonical.lower()
            person = low in ("he", "she", "him", "her")
            if named is not None and low not in ("i", "we", "you") and (not person or named.claimant.kind == "person"):
                c.claimant = named.claimant
        else:
            named = c
    claims[:] = [c for c in claims if source_type(c.claimant.canonical) != PRONOUN]


def _extend(text: str, units: list[tuple[int, int]], ui: int, cue_starts: list[int], claim: ExtractedClaim) -> int:
    """Grow `claim` over following quoted sentences of the same paragraph that carry no cue of their own."""
    while ui < len(units):
        s, e = units[ui]
        if ("\n" in text[claim.end:s] or not (text[s] in _OPEN_Q or text.startswith("''", s))
                or e - claim.start > _MAX_QUOTE):
            break
        if bisect.bisect_left(cue_starts, s) != bisect.bisect_left(cue_starts, e):
            break
        e = _trim(text, s, e)[1]
        claim.text = claim.text + " " + _clean(text[s:e])
        claim.end = e
        claim.quote = text[claim.start:e]
        claim.direct_quote = True
        ui += 1
    return ui


def _display(text: str, cs: int, ce: int, gap: tuple[int, int]) -> str:
    """Display text of a quote, without the source and cue when they sit inside it (`"A," he said, "B."`)."""
    g0, g1 = gap
    if g0 == cs < g1 < ce:
        return _clean(text[g1:ce].lstrip(" ,;:"))
    if cs < g0 < ce:
        left = text[cs:g0]
        right = text[max(g1, g0):ce].lstrip(" ,;:")
        return _clean(left) + " " + _clean(right) if _clean(right) else _clean(left)
    return _clean(text[cs:ce])


_HEAD = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?P<body>\S.{8,})")


_HEAD_VERB = re.compile(
    r"([A-Z][\w.'’-]*(?: (?!(?:Just|Now|Also|Finally) )[A-Z][\w.'’-]*){0,3}) (?:Just |Now |Also |Finally )?(?P<verb>Says|Tells|Tweets|Promises|Claims|Warns|Denies|Argues|Insists"
    r"|Admits|Predicts|Suggests|Writes|Reports|Declares|Announces|Accuses|Rejects|Dismisses|Urges|Vows"
    r"|Confirms|Said|Told|Warned|Claimed|Denied)(?: [Tt]hat)?\s+(?P<body>\S.{8,})")


# HEADLINE_LABEL: words that label a headline ("The Latest: …", "Revealed: …", "Wow: …") and never speak.
_HEAD_LABELS = {"the latest", "latest", "wow", "revealed", "watch", "breaking", "exclusive", "update", "video",
                "analysis", "opinion", "photos", "boom", "just in", "fact check", "editorial", "live", "explainer"}


def _headline(text: str, us: int, ue: int, speakers: _Speakers, out: list[ExtractedClaim]) -> None:
    """Headline of the form "SOURCE: proposition" on the first line."""
    if ue - us > 200:
        return
    m = _HEAD.fullmatch(text, us, ue) or _HEAD_VERB.fullmatch(text, us, ue)
    if m and m.group(1).lower() in _HEAD_LABELS:  # HEADLINE_LABEL: "Wow: X Just Said …", "The Latest: …"
        m = _HEAD_VERB.fullmatch(text, m.start("body"), ue)
    if not m:
        return
    surface = m.group(1)
    ref = speakers.resolve(surface, m.start(1))
    cs, ce = _trim(text, m.start("body"), ue)
    quote = text[cs:ce]
    out.append(ExtractedClaim(
        quote=quote, start=cs, end=ce, claimant=ref, claimant_surface=surface,
        kind="statement", text=_clean(quote), cue=m.groupdict().get("verb") or ":", language="en",
        confidence=0.5))


def _clean(quote: str) -> str:
    """Display text of a quote: no leading "that", no edge quotation marks or trailing commas."""
    s = quote
    if s.startswith("that "):
        s = s[5:]
    s = s.strip(" \n\t“”\"'‘’").rstrip(" ,.;:“”\"'‘’")
    return _WS.sub(" ", s)


_Span = tuple[int, int, tuple[int, int] | None, int]  # content start, content end, source span, consumed end


def _attribute(doc: _Doc, cue: _Cue, floor: int, us: int, ue: int, nxt: _Cue | None, prev_unit_end: int,
               speakers: _Speakers) -> _Span | None:
    """(content start, content end, source span, end of the consumed region) for one cue."""
    text = doc.text
    if cue.word == "according to":
        return _according_to(text, cue, floor, us, ue, nxt)
    if cue.passive:
        return _passive(text, cue, floor, nxt.start if nxt else ue)
    src, pre_end = _cue_source(text, cue, floor, us, nxt.start if nxt else ue)
    pre_s = text[floor:pre_end].rstrip()
    after_end = nxt.start if nxt else ue
    right = text[cue.end:after_end]
    quote_before = len(pre_s) > 1 and pre_s.endswith(_QB_ENDS)
    if src is None and quote_before and cue.word not in _PARTICIPLE_CUES:
        return _quote_then_inverted(doc, cue, floor, pre_end, ue, nxt)
    if src is None and text[cue.start].isupper() and floor == us:
        return _fronted_participle(text, cue, ue)
    if src is None and cue.word in _PARTICIPLE_CUES:
        if not _PART_LEAD.search(text[max(us, cue.start - 8):cue.start]):
            return None
        start = _content_start(text, cue.end, after_end)
        c_end = _content_end(text, start, ue, nxt)
        return (start, c_end, _clause_subject(text, us, cue.start), c_end)
    if src is None:
        return None
    r = right.strip()
    if r == ":" and nxt is None:  # "In a speech, he said:" then the quoted paragraph
        block = _NEXT_PARA.match(text, ue)
        if block:
            return (block.start(1), block.end(1), src, block.end(1))
    if quote_before and _WORD.search(pre_s) and not _is_time_clause(pre_s) and not _is_titled_opener(pre_s):
        res = _quote_then_cue(doc, cue, (floor, pre_end), src, r, ue, nxt)
        if res is not None:
            return res
    if not r or not _WORD.search(r) or (floor == us and nxt is None and r.split()[0].lower() in _PREPS
                                        and (_is_adverbial_tail(r.rstrip(".")) or r.startswith("of ")) and prev_unit_end
                                        and text[prev_unit_end - 1] in _CLOSE_Q):
        return _cue_closing_sentence(doc, floor, us, ue, prev_unit_end, src)  # '“… NOW!” Lee said on Twitter.'

    if cue.kind == "denial" and (verdict := _VERDICT_FIRST.match(text, cue.end, ue)):
        return _content_after(text, _Cue(cue.start, verdict.end(), cue.kind, cue.word), floor, src, ue, nxt)
    if cue.kind == "denial" and _denies_nothing(text, cue.end, ue):
        return None  # OBJECT_BEFORE_DENIAL: "the charge, which Orr denies, was filed …" denies nothing after it
    res = _content_after(text, cue, floor, src, ue, nxt)
    content = text[res[0]:res[1]].strip(" .,;:")
    if content and len(content.split()) <= 3 and _is_adverbial_tail(content) and content[0].islower():
        return None  # ADVERBIAL_ONLY: "what the mayor has said yesterday." — nothing is reported after the cue
    return res


# VERDICT_FIRST: "rejected as “baseless” reports that …", "dismissed as false the claim that …": the verdict comes
# between the deny cue and what it denies.
_VERDICT_FIRST = re.compile(r"\s+as\s+(?:[“\"‘'][^”\"’'\n]{1,30}[”\"’']|(?:\w+ly\s+)?[a-z]+)(?=\s+(?:the|a|an|any|all"
                            r"|claims?|reports?|allegations?|accusations?|charges?|suggestions?|rumou?rs?)\b)")


def _denies_nothing(text: str, pos: int, ue: int) -> bool:
    """OBJECT_BEFORE_DENIAL: punctuation or a preposition after the deny cue, and no "that" clause after an
    adverbial ("denied, in a statement on Monday, that …" still denies)."""
    if not _NO_OBJECT.match(text, pos):
        return False
    that = text.find(" that ", pos, min(ue, pos + 80))
    return that < 0 or not _is_adverbial_tail(text[pos:that].replace(",", " "))


# OBJECT_THEN_PARTICIPLE: "Cruz is making a pitch to New York voters saying …", "Trump unleashed a series of tweets
# saying …": the noun phrase before the participle is an object; the clause subject speaks.
_OBJECT_BEFORE = re.compile(r"\b(?:(?:to|a|an|the|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}|[a-z]{3,}ed\s+)$")
# INFINITIVE_CUE: a cue in an infinitive after a verb or an adverbial ("appeared to suggest", "took to Twitter to
# accuse", "used the speech to argue") is the clause subject's report.
_INFINITIVE_HEAD = re.compile(r"\b(?:appeared|appears|seemed|seems|continued|continues|went|goes|refused|declined|tried"
                              r"|tries|moved|rushed|hastened|took to \w+|used [\w\s'’]{1,25}|overnight|quick)$")
_TELL_TO = re.compile(r"\s+(?:\w+\s+){1,2}to\s+[a-z]+\b")  # "are telling you to stay": an order, not a report
_RECIPIENT_CUES = {"told", "tell", "tells", "telling", "assured", "assures", "warned", "warns", "reminded"}
_CALENDAR_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July"
                            r"|August|September|October|November|December|Last|This|Earlier|Later")


def _inverted_source(text: str, floor: int, cs: int, ce: int, limit: int) -> bool:
    """INVERTED_SOURCE: "P, said one council source in the room." — after a comma, the cue is followed by the
    source and at most a short prepositional tail to the end of the sentence."""
    if not text[floor:cs].rstrip().endswith(","):
        return False
    before = _source_before(text, floor, cs)
    if before is not None and not text[floor:before[0]].strip() and text[before[1]:cs].lstrip().startswith(","):
        return False  # "Ann Lee, a pastor in Dover, said the rule …": the sentence opens with its source
    sa = _source_after(text, ce, limit)
    if sa is not None and _CALENDAR_WORD.match(text, sa[0]):
        return False
    if sa is None or not (text[sa[0]].isupper() or is_person_or_group(text[sa[0]:sa[1]])):
        return False
    rest = text[sa[1]:limit].strip()
    words = rest.rstrip(".!?”\"").split()
    if rest.startswith(",") and rest.endswith((".", "!", "?")) and len(words) <= 20:
        return True  # "…, said Dan Lee, director of the institute." — an appositive closes the sentence
    return not words or (len(words) <= 5 and words[0].lower() in _PREPS and rest.endswith((".", "!", "?")))


def _cue_source(text: str, cue: _Cue, floor: int, us: int, limit: int) -> tuple[tuple[int, int] | None, int]:
    """(source span or None, end of the text before the source) for a cue whose source precedes it, if any."""
    j = _strip_adverbs(text, floor, cue.start)
    if text[max(floor, j - 4):j] in (" and", " but") and cue.word not in _PARTICIPLE_CUES:
        return _clause_subject(text, us, j - 4), cue.start  # "X launched an ad and announced that …"
    if cue.word in _PARTICIPLE_CUES and text[floor:cue.start].rstrip().rstrip("”\"’'").endswith(","):
        return None, cue.start  # "…in Tulsa, Oklahoma, arguing that": the clause subject speaks
    if (cue.word not in _PARTICIPLE_CUES and cue.word not in _RECIPIENT_CUES
            and _inverted_source(text, floor, cue.start, cue.end, limit)):
        return None, cue.start  # INVERTED_SOURCE: "…, the meeting broke up, said one source in the room."
    if text.endswith(" to ", max(floor, cue.start - 4), cue.start) and _INFINITIVE_HEAD.search(
            text, max(floor, cue.start - 30), cue.start - 4):
        return _clause_subject(text, us, cue.start), cue.start  # INFINITIVE_CUE: "Lee took to Twitter to accuse …"
    if cue.word.endswith("ing") and cue.kind != "assessment" and not _TELL_TO.match(text, cue.end) and (prog := _PROGRESSIVE.search(text, max(floor, cue.start - 30), cue.start)):
        src = _source_before(text, floor, prog.start())  # PROGRESSIVE_CUE: "The council is insisting …"
        pre_end = src[0] if src else cue.start
    else:
        src = _source_before(text, floor, cue.start)
        pre_end = src[0] if src else cue.start
        if src and cue.word in _PARTICIPLE_CUES and _OBJECT_BEFORE.search(text, max(us, src[0] - 30), src[0]):
            src = _clause_subject(text, us, src[0]) or src  # OBJECT_THEN_PARTICIPLE
    return src, pre_end


_RESUME_AFTER_SOURCE = re.compile(r",\s+(?=(?:is|are|was|were|has|have|had|will|would|can|could|may|might|did|does"
                                  r"|do)\b|[a-z]+(?:s|ed)\b)")


def _according_to(text: str, cue: _Cue, floor: int, us: int, ue: int, nxt: _Cue | None) -> _Span | None:
    """"According to X, P" (content after the source) or "P, according to X" (content before the cue)."""
    limit = nxt.start if nxt else ue
    src = _source_after(text, cue.end, limit)
    pre = text[floor:cue.start].strip(" ,;:—–\"“”")
    if len(pre) <= 3 or pre.endswith(("but", "But", "and", "And")):
        if not src:
            return None
        comma = text.find(",", src[1], limit)
        if (comma < 0 or comma - src[1] > 40) and floor > us:
            return None  # TRAILING_ACCORDING_TO: "…, according to a poll taken in May." adds no claim
        send = src[1] if comma < 0 or comma - src[1] > 40 else comma
        c_end = _content_end(text, send, ue, nxt)
        return (send, c_end, src, c_end)
    trail = _TRAIL.search(text, floor, cue.start)
    resume = _RESUME_AFTER_SOURCE.match(text, src[1], limit) if src else None
    if resume:  # ACCORDING_TO_INSIDE: "Among the rulings at risk, according to Lee, are 16 on tax." is one claim
        return (floor, _content_end(text, resume.end(), ue, nxt), src, ue)
    return (floor, trail.start() if trail else cue.start, src, src[1] if src else cue.end)


def _quote_then_inverted(doc: _Doc, cue: _Cue, floor: int, pre_end: int, ue: int, nxt: _Cue | None) -> _Span:
    """"“P,” said X" (source after the cue), or "Humphrey, who calls Trump a “sociopath,” said he …"."""
    text = doc.text
    after_end = nxt.start if nxt else ue
    rel = _REL_SUBJECT.match(text, floor, pre_end)
    subj = rel.span(1) if rel else _interrupted_subject(text, floor, pre_end)
    if subj and text[cue.end:after_end].strip():
        start = _content_start(text, cue.end, after_end)
        c_end = _content_end(text, start, ue, nxt)
        return (start, c_end, subj, c_end)
    src_after = _source_after(text, cue.end, after_end)
    region = src_after[1] if src_after else cue.end
    c_end = _before_punct(text, floor, pre_end)
    c_end2 = _continuation(text, region, ue, nxt, lower=False)
    start = _quote_open(doc, floor, pre_end)
    return (start, c_end2 or c_end, src_after, c_end2 or _content_end(text, region, ue, nxt))


def _interrupted_subject(text: str, floor: int, pre_end: int) -> tuple[int, int] | None:
    """INTERRUPTED_SUBJECT: "The campaign, which has faced questions for months, said …" and "One pastor, Ann
    Lee of Grace Church, said …": a subject noun phrase, then a comma clause without quotation marks, then the cue."""
    pre = text[floor:pre_end]
    if any(q in pre for q in "“”\"") or "''" in pre:
        return None
    m = _SUBJECT_COMMA.match(text, floor, pre_end)
    if not m:
        return None
    src = _source_before(text, m.start(1), m.end(1))
    return src if src and src[0] == m.start(1) else None


def _quote_then_cue(doc: _Doc, cue: _Cue, pre: tuple[int, int], src: tuple[int, int], r: str, ue: int,
                    nxt: _Cue | None) -> _Span | None:
    """"“P,” X said (, “Q.”)": the content is the quote before the source, and its continuation."""
    text = doc.text
    floor, pre_end = pre
    pre_s = text[floor:pre_end].rstrip()
    strong = pre_s.endswith(_STRONG_ENDS)
    tail = _TAIL_SPLIT.split(r, maxsplit=1)[0] if r else ""
    if not (strong or not r or r[0] in ".!?" or r.startswith(",") or _is_adverbial_tail(tail.rstrip("."))
            or _is_prep_tail(r, pre_s)):
        return None
    c_end = _before_punct(text, floor, pre_end)
    cont = _continuation(text, cue.end, ue, nxt)
    start = _quote_open(doc, floor, pre_end) if strong else floor
    return (start, cont or c_end, src, cont or _region_end(text, cue.end, nxt.start if nxt else ue))


def _cue_closing_sentence(doc: _Doc, floor: int, us: int, ue: int, prev_unit_end: int,
                          src: tuple[int, int]) -> _Span | None:
    """"Trump said." after a quote that closed the previous sentence: that sentence is the content."""
    text = doc.text
    if prev_unit_end and text[prev_unit_end - 1] in _CLOSE_Q and floor == us:
        ps = text.rfind("\n", 0, prev_unit_end - 1) + 1
        units = [u for u in doc.units if u[1] == prev_unit_end]
        return (units[0][0] if units else ps, prev_unit_end, src, ue)
    return None


def _content_after(text: str, cue: _Cue, floor: int, src: tuple[int, int], ue: int, nxt: _Cue | None) -> _Span:
    """"X said (that) P": the content follows the cue; "a deadline that insiders said went unnoticed"."""
    start = _content_start(text, cue.end, nxt.start if nxt else ue)
    c_end = _content_end(text, start, ue, nxt)
    rel = _REL_BEFORE.search(text, max(floor, src[0] - 8), src[0])
    desc = _REL_DESCRIPTION.search(text, max(floor, src[0] - 8), src[0])
    if desc and (cue.kind == "assessment" or not text.startswith("what", desc.start())) \
            and not _is_adverbial_tail(text[cue.end:c_end].rstrip(".")):
        return (desc.start(), c_end, src, c_end)  # RELATIVE_DESCRIPTION: "Ohio, which he describes as his home"
    if rel and _VERB_FIRST.match(text, start):
        return (_antecedent(text, floor, rel.start()), c_end, src, c_end)
    return (start, c_end, src, c_end)


def _passive(text: str, cue: _Cue, floor: int, limit: int) -> tuple[int, int, tuple[int, int] | None, int] | None:
    """"This proposal was rejected by 64 percent of voters": the subject is the content, the agent the source."""
    m = _AUX_TAIL.search(text, max(floor, cue.start - 40), cue.start)
    end = m.start() if m else cue.start
    end = _strip_joiners(text, floor, end)
    if end - floor < 4:
        return None
    src = _source_after(text, cue.end + 4, limit) if text.startswith(" by ", cue.end) else None
    return (floor, end, src, src[1] if src else cue.end)


def _fronted_participle(text: str, cue: _Cue, ue: int) -> tuple[int, int, tuple[int, int], int] | None:
    """"Warning that prices will rise, the bank raised rates": content up to the comma, source after it."""
    start = _content_start(text, cue.end, ue)
    if not (text.startswith("that ", start) or text[start:start + 1] in _OPEN_Q):
        return None
    c = text.find(",", start, ue)
    while c >= 0:
        subj = _subject_at(text, c + 1, ue)
        if subj:
            return (start, c, subj, c)
        c = text.find(",", c + 1, ue)
    return None


def _antecedent(text: str, floor: int, rel: int) -> int:
    """Start of the noun phrase a relative pronoun at `rel` refers to, or `rel` itself after a comma."""
    toks = list(_TOKEN.finditer(text, max(floor, rel - 60), rel))[-6:]
    for m in reversed(toks):
        w = m.group(0)
        if not w[0].isalnum():
            break
        if w.lower() in _ADJ_DET or w.lower() in ("this", "that"):
            return m.start()
    return rel


def _quote_open(doc: _Doc, floor: int, pre_end: int) -> int:
    """Start of the content before a cue: `floor`, or earlier if the quote closing there opened before it."""
    text = doc.text
    j = pre_end
    while j > floor and (text[j - 1].isspace() or text[j - 1] in ",.?!—–-"):
        j -= 1
    i = bisect.bisect_right(doc.q_starts, j - 1) - 1
    if i >= 0 and doc.quotes[i][1] >= j - 1 and doc.quotes[i][0] < floor:
        return doc.quotes[i][0]
    return floor


def _before_punct(text: str, floor: int, end: int) -> int:
    m = _TRAIL.search(text, floor, end)
    return m.start() if m else end


def _region_end(text: str, pos: int, limit: int) -> int:
    """End of the cue's trailing adverbials/recipient ("said Tuesday in a statement")."""
    m = _REGION.match(text, pos, limit)
    return m.end() if m else pos


def _continuation(text: str, pos: int, ue: int, nxt: _Cue | None, lower: bool = True) -> int | None:
    """`“A,” he said, “B.”`: the end of quoted speech that resumes after the cue, or None."""
    limit = nxt.start if nxt else ue
    m = _RESUME_Q.match(text, pos, limit)
    if not m:
        if not lower:
            return None
        m2 = _RESUME.match(text, pos, limit)
        if m2 and not (nxt and nxt.word in _PARTICIPLE_CUES and nxt.start - m2.end() < 3):
            return _content_end(text, m2.end(), ue, nxt)
        return None
    return _content_end(text, m.end() - 1, ue, nxt)


def _content_start(text: str, pos: int, limit: int) -> int:
    """Where the content begins after a cue: at "that" if it comes soon, else after punctuation."""
    m = _THAT.match(text, pos, limit)
    if m and _is_adverbial_tail(text[pos:m.end() - 4]):
        return m.end() - 4
    m = _LEAD.match(text, pos, limit)
    return m.end() if m else pos


def _strip_joiners(text: str, start: int, end: int) -> int:
    """Move `end` left over spaces, commas, dashes and a final "and"/"but"."""
    while end > start:
        c = text[end - 1]
        if c.isspace() or c in ",;—–-":
            end -= 1
        elif text.endswith((" and", " but"), start, end) or text[start:end] in ("and", "but"):
            end -= 3
        elif text.endswith(", with", start, end):
            end -= 5  # "…, with X telling …": "with" opens the next report
        elif text.endswith((", which", ", whom", ", what"), start, end):
            end = text.rfind(",", start, end)  # "…, which he said were …" opens the next claim (RELATIVE_DESCRIPTION)
        else:
            break
    return end


# NESTED_FRAGMENT: a cut before a nested cue that would leave a fragment ("that the Commission on", "anybody")
# means the nested cue belongs to the content.
_SUBORDINATORS = {"after", "before", "when", "while", "if", "as", "since", "because", "although", "though", "once",
                  "unless", "until", "whenever"}
_FRAGMENT_END = {"on", "of", "for", "the", "a", "an", "in", "to", "about", "with", "from", "at", "by", "that", "who"}


def _content_end(text: str, start: int, ue: int, nxt: _Cue | None) -> int:
    """Content runs to the end of the unit, or to the clause of the next cue in the same unit."""
    if nxt is None or nxt.start >= ue:
        return ue
    src = _source_before(text, start, nxt.start)
    cut = src[0] if src else nxt.start
    end = _strip_joiners(text, start, cut)
    if end - start < 3 or text[start:end].strip(" ,“\"").lower() in _COMPLEMENTISER:
        return ue  # "X noted Y said Z", "X added that Y said Z": the nested report is the content
    words = text[start:end].strip(" ,;:—").split()
    if len(words) < 3 or words[-1].lower() in _FRAGMENT_END or words[0].lower() in _SUBORDINATORS:
        return ue  # NESTED_FRAGMENT: "notes that the Commission on Debates announced …" is one content
    return end
