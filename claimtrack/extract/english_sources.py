"""English sources: the noun phrase of a reporting clause and document-level speaker resolution."""

from __future__ import annotations

import re

from claimtrack.extract.base import ActorRef
from claimtrack.extract.english_lexicon import (
    ADVERBS,
    COMMON_SOURCES,
    ORG_NOUNS,
    ORG_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLES,
)
from claimtrack.extract.english_segment import _is_abbrev

_PAREN = re.compile(r"\s*\([^()]*\)")
_NAME_RUN = re.compile(r"(?:[A-Z][\w'’.-]*|(?:de|van|von|der|al|bin|la|le|du|da|di)(?= [A-Z]))"
                       r"(?:\s+(?:[A-Z][\w'’.-]*|(?:de|van|von|der|al|bin|la|le|du|da|di)(?= [A-Z])))*")
_NAME_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z][a-z]+\.? ){1,3}(?:[A-Z]\. )?$")


_LY_NOUNS = {"family", "ally", "rally", "assembly", "supply", "daily", "weekly", "monthly", "quarterly", "italy",
             "anomaly", "monopoly", "melancholy", "homily", "bully", "belly", "folly", "jelly", "lily"}


_DAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_TIME_TAIL = re.compile(
    r"\s+(?:(?:on|late|early|last|this)\s+)?(?:" + _DAYS + r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|earlier|later)\s+(?:week|month|year|weekend|spring|summer|fall|autumn|winter)"
    r"|in\s+(?:a|an)\s+(?:statement|interview|speech|email|op-ed|letter|tweet)|yesterday|today|tonight"
    r"|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December))$")

_TIME_WORDS = set("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday morning afternoon evening night week month
year weekend spring summer fall autumn winter statement interview speech email op-ed letter tweet yesterday today
tonight January February March April May June July August September October November December""".split())


def _strip_adverbs(text: str, start: int, end: int) -> int:
    """Move `end` left over adverbs/auxiliaries between a subject and its verb."""
    while True:
        j = end
        while j > start and text[j - 1].isspace():
            j -= 1
        k = j
        while k > start and (text[k - 1].isalpha() or text[k - 1] in "’'"):
            k -= 1
        w = text[k:j].lower()
        m = _TIME_TAIL.search(text, max(start, j - 40), j) if text[k:j] in _TIME_WORDS else None
        if m and m.start() > start:
            end = m.start()
            continue
        if k < j and k > start and (w in ADVERBS or w.endswith(("n't", "n’t"))
                                    or (w.endswith("ly") and len(w) > 4 and text[k].islower() and w not in _LY_NOUNS)):
            end = k
            continue
        return j


_LEAD_FUNC = re.compile(r"(?:of|for|and|the|a|an|at|in)\s+|'s\s+|’s\s+")
_TOK = re.compile(r"[A-Za-z0-9][\w.'’&/%-]*|[^\w\s]")


_STOP_CAP = set("""And But So When While After Before If Although Because As In On At Then Now Still Yet However
Also Asked Speaking Writing That This Meanwhile Later Earlier Instead Indeed Last Since Though During Even
Over Under For With Without From By To Of Amid Among Amongst Despite Following Throughout Upon Within Across
Against Beyond Behind Besides Unlike Regarding Toward Towards Around Until Via Per""".split())
# (SENTENCE_PREPOSITION: a capitalised preposition opening a sentence, "Amid the noise, …", is never a source.)


_OPENERS = {"What", "Why", "How", "Where", "Who", "Whether", "Unless", "Until", "Once", "Whatever", "Whenever"}


_CALENDAR = set("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Jan. Feb. Aug. Sept. Oct. Nov. Dec.""".split())


_SRC_STOP = set("""by to that which is was were are be been being has had have with from into than as because but
when while if after before since so where said says told say not also what whether how why it's there
in on at about against during under over through upon via like unlike per""".split())


_NP_ED = {"retired", "unnamed", "elected", "indicted", "disgraced", "embattled", "united", "detained",
          "jailed", "related", "unidentified", "registered", "concerned", "self-described", "armed"}


_TO_HEADS = {"aide", "aides", "adviser", "advisers", "advisor", "advisors", "counsel", "consultant", "consultants",
             "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "assistant", "deputy", "successor",
             "heir", "lawyer", "attorney"}


# CLOSE_TO: "those close to him", "a source close to the mayor", "people familiar with the talks" are one source.
_CLOSE_TO = {("close", "to"), ("familiar", "with"), ("closest", "to"), ("loyal", "to"), ("allied", "with")}
_SUBJ_PRON = {"he", "she", "they", "i", "we", "it", "He", "She", "They", "I", "We", "It", "who", "which"}


# SHARE_OF_PEOPLE: a share of respondents speaks in poll reports ("26% say", "One in five say", "nine in 10 said",
# "About four out of 10 voters said", "Those over 60 say").
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_SHARE = re.compile(
    r"(?<![\w,])((?:(?:[Aa]bout|[Nn]early|[Rr]oughly|[Aa]lmost|[Oo]nly|[Jj]ust|[Ss]ome)\s+)?(?:\d+(?:\.\d+)?\s*(?:%|percent)"
    r"|" + _NUM + r"\s+(?:in|out\s+of)\s+" + _NUM + r"|[Tt]hose\s+(?:over|under|aged)\s+\d+)"
    r"(?:\s+(?:of\s+)?(?:[\w'’-]+\s+){0,3}?(?:voters|respondents|people|adults|Americans|[A-Z]\w+ans|members|those"
    r"\s+\w+))?)\s*$", re.I)


_SHARE_LAST = {"percent", "voters", "respondents", "people", "adults", "members", "one", "two", "three", "four",
               "five", "six", "seven", "eight", "nine", "ten"}


def _share_before(text: str, floor: int, end: int) -> tuple[int, int] | None:
    """SHARE_OF_PEOPLE span ending at `end`; the regex runs only when the last word can end one (speed)."""
    k = text.rfind(" ", max(floor, end - 30), end - 1) + 1
    last = text[max(k, floor):end].strip().lower()
    if not last or not (last[0].isdigit() or last[-1] in "%0123456789" or last in _SHARE_LAST
                        or last.endswith("ans") or last.startswith("those")):
        return None
    m = _SHARE.search(text, max(floor, end - 70), end)
    return m.span(1) if m else None


def _joins_names(text: str, toks: list[tuple[int, int]], i: int) -> bool:
    """Whether the conjunction at token `i` joins two capitalised names ("Smith and Jones")."""
    return 0 < i < len(toks) - 1 and text[toks[i - 1][0]].isupper() and text[toks[i + 1][0]].isupper()


def _source_before(text: str, floor: int, cs: int, depth: int = 0) -> tuple[int, int] | None:
    """Span of the source noun phrase ending right before a cue at `cs`, or None."""
    end = _strip_adverbs(text, floor, cs)
    if end <= floor:
        return None
    share = _share_before(text, floor, end)
    if share:
        return share
    toks = [(m.start(), m.end()) for m in _TOK.finditer(text, max(floor, end - 120), end)]
    start = None
    i = len(toks) - 1
    n = 0
    while i >= 0:
        a, b = toks[i]
        w = text[a:b]
        if w == ")":
            j = i
            while j >= 0 and text[toks[j][0]] != "(":
                j -= 1
            if j < 0:
                break
            i = j - 1
            continue
        if not (w[0].isalnum()):
            if w == "," and start is None and depth == 0:
                return _appositive(text, floor, a, toks[:i])
            break
        if w in _SUBJ_PRON:
            if start is None:
                start = a
            break
        if w[0].isupper() or w[0].isdigit():
            if w in _STOP_CAP or w in _CALENDAR or (w[0].isdigit() and a and text[a - 1] in ":.,"):
                break
        else:
            lw = w.lower()
            if lw in ("and", "or", "&") and not _joins_names(text, toks, i):
                break
            prev_w = text[toks[i - 1][0]:toks[i - 1][1]].lower() if i else ""
            if lw in ("to", "with") and start is not None and (prev_w in _TO_HEADS or (prev_w, lw) in _CLOSE_TO):
                pass  # "an aide to the mayor", "adviser to Mr. Trump"; CLOSE_TO: "people familiar with the talks"
            elif lw in _SRC_STOP or (lw.endswith("ed") and lw not in _NP_ED) or lw.endswith("ly"):
                if lw in ("who", "whom") and start is None:
                    return _source_before(text, floor, a, depth + 1)
                break
        start = a
        n += 1
        if n >= 12:
            break
        i -= 1
    if start is None:
        return None
    while True:
        m = _LEAD_FUNC.match(text, start, end)
        if m and text[start:end].split()[0] in ("of", "for", "and", "at", "in"):
            start = m.end()
            continue
        break
    return (start, end) if start < end else None


# PLACE_APPOSITIVE: "NAME, 22, of Flint, Mich., said": the segment after "of/from/in PLACE," is the place's state.
_PLACE_BEFORE = re.compile(r"\b(?:of|from|in)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$")


# CLAUSE_NAME: a name opening a new clause after a conjunction, before the speaker's appositive.
_CLAUSE_NAME = re.compile(r"\b(?:after|when|as|because|since|while|before|until|and|but)\s+"
                          r"((?:[A-Z][\w'’-]*\.?\s+){0,3}[A-Z][\w'’-]+)$")


def _appositive(text: str, floor: int, comma: int, toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """"John Kirby, a State Department spokesman, said": the name before the appositive(s)."""
    commas = [a for a, b in toks if text[a] == ","]
    stops = [a for a, b in toks if text[a] in "“”\";:()—"]
    bound = max(stops) if stops else -1
    end = comma
    for c in reversed(commas[-4:]):
        if c < bound:
            break
        first = text[c + 1:end].split()
        if not first:
            return None
        f = first[0]
        if (f[0].islower() or f in ("A", "An", "The") or f in TITLES or f[0].isdigit()
                or f.startswith(("R-", "D-", "I-")) or "’s" in f or "'s" in f):
            opener = _CLAUSE_NAME.search(text, max(c + 1, end - 60), end) if end != comma else None
            if opener:  # CLAUSE_NAME: "…, a rule named after Warren Buffett, the investor, complained that …"
                return opener.span(1)
            end = c  # skip this appositive segment, look further left
            continue
        if end == comma and _PLACE_BEFORE.search(text, max(floor, c - 40), c):
            end = c  # PLACE_APPOSITIVE: "Cory Lane, 22, of Flint, Mich., said": the state is no source
            continue
        if end == comma:
            if len(first) <= 4 and all(w[0].isupper() for w in first):
                a = c + 1
                while text[a].isspace():
                    a += 1
                return (a, comma)  # "Bloomberg's pollster, Douglas Schoen, says"
            return None
        return _source_before(text, floor, end, 1)
    if end != comma:
        return _source_before(text, floor, end, 1)
    return None


_AFTER_STOP = set("""in on at during who whom which that to told after when while as because with about for from
said says say by since before than like was is were are has had have will would can could, and but or if its
his her their this""".split())


def _source_after(text: str, ce: int, limit: int) -> tuple[int, int] | None:
    """Inverted order and "according to": the source noun phrase right after the cue."""
    start = end = None
    for n, m in enumerate(_TOK.finditer(text, ce, min(limit, ce + 160)), 1):
        w = m.group(0)
        if not w[0].isalnum():
            break
        lw = w.lower().rstrip(".")
        if start is not None and lw in _AFTER_STOP:
            break
        if start is None and lw in ("that", "it", "this", "there", "to", "in", "on", "at", "of", "if", "what"):
            return None
        if start is None:
            start = m.start()
        end = m.end()
        if w.endswith(".") and not _is_abbrev(w):
            end -= 1
            break
        if n >= 10:
            break
    if start is None or end is None or end <= start:
        return None
    first = text[start:end].split()
    if len(first) > 1 and first[0].lower() in ("he", "she", "they", "we", "i"):
        return None  # "said he doesn't believe …": the pronoun opens the content, not an inverted source
    return (start, end)


_ARTICLES = {"the", "a", "an"}
_DETERMINERS = {"his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "some", "many",
                "several", "other", "both", "all", "each", "most", "few", "two", "three", "four", "five"}
_NAME_PARTICLES = {"de", "van", "von", "der", "al", "bin", "la", "le", "du", "da", "di", "jr", "sr"}


def _is_name_run(run: str, desc: str) -> bool:
    """A capitalised run that is a name, not a common noun capitalised at the start ("Officials", "Sources")."""
    toks = run.split()
    if desc.startswith(run) and toks[0].lower() in COMMON_SOURCES | ROLE_NOUNS | ORG_NOUNS | _ARTICLES:
        return len(toks) > 1 and _is_name_run(" ".join(toks[1:]), " ".join(toks[1:]))
    return toks[0] not in _STOP_CAP and toks[0].lower() not in _DETERMINERS


def _plausible_source(surface: str) -> bool:
    """False for one-word spans that cannot name a source ("The", "Hours", "yet", "particular", "43")."""
    words = surface.split()
    if len(words) != 1:
        return True
    w = words[0].strip(",.;:")
    lw = w.lower()
    if lw in PRONOUNS or lw in COMMON_SOURCES or lw in ROLE_NOUNS or lw in ORG_NOUNS or _SHARE.fullmatch(w):
        return True
    return w[:1].isupper() and w not in _STOP_CAP and lw not in _ARTICLES | _DETERMINERS | _NOT_SOURCES


_NOT_SOURCES = {"having", "hours", "days", "weeks", "months", "years", "one", "once", "back", "yet", "some", "none",
                "here", "there", "now", "today", "tonight", "yesterday", "it’s", "she’s", "he’s", "that’s", "what"}


class _Speakers:
    """Document-level memory for resolving short names, pronouns and roles to canonical names."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.last: ActorRef | None = None
        self.last_person: ActorRef | None = None
        self.roles: dict[str, ActorRef] = {}
        self.by_name: dict[str, ActorRef] = {}
        self._expanded: dict[str, tuple[int, str | None]] = {}  # name -> (scanned up to, best full name)

    def expand(self, name: str, pos: int) -> str:
        """"Kirby" → "John Kirby" when the full name appeared before `pos` (scans each name once, forward)."""
        if " " in name or not name[:1].isupper():
            return name
        text = self.text
        i, best = self._expanded.get(name, (0, None))
        if i > pos:
            i, best = 0, None
        i = text.find(name, i)
        while 0 <= i < pos:
            j = i + len(name)
            if (j >= len(text) or not text[j].isalnum()) and i > 1 and text[i - 1] == " ":
                m = _NAME_BEFORE.search(text, max(0, i - 40), i)
                if m:
                    parts = m.group(0).split()
                    stops = [i for i, w in enumerate(parts) if w.endswith(".") and len(w) > 3 and w not in TITLES]
                    parts = parts[stops[-1] + 1:] if stops else parts  # "West Virginia. Mr. Clarke" → "Clarke"
                    k = 0
                    while k < len(parts) and (parts[k] in TITLES or parts[k] in _STOP_CAP or parts[k] in _OPENERS):
                        k += 1  # "Mr.", and "When"/"But" opening the sentence before "Trump"
                    if k < len(parts):
                        best = " ".join(parts[k:]) + " " + name
            i = text.find(name, j)
        self._expanded[name] = (pos if i < 0 or i >= pos else i, best)
        return best or name

    def resolve(self, surface: str, pos: int) -> ActorRef:
        s = _PAREN.sub("", surface).strip(" ,.;:")
        low = s.lower()
        if low in PRONOUNS:
            ref = self.last_person if low in ("he", "she") and self.last_person else self.last
            return ref if ref is not None else ActorRef(canonical=s, kind="unknown")
        words = s.split()
        det = bool(words) and words[0].lower() in _ARTICLES
        # "a government spokesman" → "government spokesman"
        desc = s[len(words[0]):].lstrip() if det and len(words) > 1 else s
        bare = desc.split()
        head = bare[-1].lower().strip(",") if bare else ""
        if head in ROLE_NOUNS and len(bare) <= 3 and low.startswith("the "):
            ref = self.roles.get(head)
            if ref is not None:
                return ref
        runs = [r for r in (m.group(0) for m in _NAME_RUN.finditer(desc)) if _is_name_run(r, desc)]
        org = any(w.strip(",") in ORG_WORDS for w in words) or head in ORG_NOUNS
        name = ""
        for r in reversed(runs):
            toks = r.split()
            k = len(toks)
            while k > 0 and toks[k - 1] not in TITLES:
                k -= 1
            if k < len(toks):
                name = " ".join(toks[k:])
                break
        described = len(bare) > 1 and bare[-1][:1].islower() and head not in _NAME_PARTICLES  # "McConnell aides"
        if org or not name or described or "’s" in s or "'s" in s:
            kind = "organisation" if org else "person" if head in ROLE_NOUNS else "unknown"
            ref = self.by_name.get(desc) or ActorRef(canonical=desc, kind=kind)
            self.by_name[desc] = ref
            if s != desc and s not in ref.aliases:
                ref.aliases.append(s)
            if head in ROLE_NOUNS and not org:
                self.roles.setdefault(head, ref)
            return ref
        canon = self.expand(name, pos)
        ref = self.by_name.get(canon) or ActorRef(canonical=canon, kind="person")
        self.by_name[canon] = ref
        if s != canon and s not in ref.aliases:
            ref.aliases.append(s)  # the form as written ("Mr. Kirby"), for matching and display
        for w in words:
            if w.lower() in ROLE_NOUNS:
                self.roles[w.lower()] = ref
        return ref

    def note(self, ref: ActorRef) -> None:
        self.last = ref
        if ref.kind == "person":
            self.last_person = ref


_SUBJECT = re.compile(
    r"\s*[“\"]?((?:[Tt]he|An?)\s+(?:[\w'’-]+\s+){0,3}[a-z][\w-]+"
    r"|(?:[A-Z][\w.'’&-]*\s+){0,5}[A-Z][\w.'’&-]*(?:['’]s?\s+[a-z]+)?|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)"
    r"(?:\s*\([^()]*\))?\s+(?:[a-z]|\()")


_SENT_GAP = re.compile(r"(?<=[a-z]{2})[.!?]\s+(?=[A-Z])")


def _after_stop(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop a part of a subject span that lies before a sentence stop ("West Virginia. Mr. Clarke")."""
    last = None
    for m in _SENT_GAP.finditer(text, a, b):
        last = m
    return (last.end(), b) if last else (a, b)


# DATELINE: a wire dateline opening a lead ("OSLO, May 3 (Reuters) - ") is skipped before looking for the subject.
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]+,(?:\s+[A-Z][a-z]{2,}\.?\s+\d{1,2})?\s*(?:\([^()]*\))?\s*[-—–]+\s*")
# APPOSITIVE_SUBJECT: "The party's leader, Ann Lee, voiced …": the name between the commas is the clause subject.
_APPOSITIVE_SUBJECT = re.compile(r"\s*(?:[A-Z][^,;:“”\"]{2,80}?),\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*),\s+[a-z]")


def _clause_subject(text: str, us: int, pos: int) -> tuple[int, int] | None:
    """Subject of the main clause before `pos`: first comma segment that opens with a noun phrase and a verb."""
    seg = us
    dateline = _DATELINE.match(text, us, pos)
    if dateline:
        seg = dateline.end()  # DATELINE: "OSLO, May 3 (Reuters) - The minister, Ann Lee, said …"
    named = _APPOSITIVE_SUBJECT.match(text, seg, pos)
    if named:
        return named.span(1)  # APPOSITIVE_SUBJECT: "The party's leader, Ann Lee, voiced support …, saying …"
    while seg < pos:
        comma = text.find(",", seg, pos)
        span = _subject_at(text, seg, pos)
        if span:
            words = text[span[0]:span[1]].split()
            if not (len(words) == 1 and words[0].endswith(("ed", "ing"))):  # "Chastened, Trump revised …"
                return _after_stop(text, *span)
        if comma < 0:
            break
        seg = comma + 1
    return None


_FINITE = set("""is was are were has have had will would can could may might must should left made took went met
told said says raised cut kept sent set put ran won lost""".split())


def _subject_at(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """Span of a clause subject opening at `pos` ("the central bank raised …"), or None."""
    m = _SUBJECT.match(text, pos, end)
    if not m:
        return None
    words = m.group(1).split()
    if words[0] in _STOP_CAP or words[0] in _CALENDAR:
        return None
    a, b = m.span(1)
    for k in range(1, len(words)):
        if words[k].endswith("ed") or words[k] in _FINITE:  # "the central bank raised rates"
            b = a + len(" ".join(words[:k]))
            break
    return (a, b)
