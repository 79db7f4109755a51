"""English claim attribution: quote-aware segmentation, reporting cues, sources and content spans.

`extract_english(text)` returns one `ExtractedClaim` per reporting relation, with exact offsets
(text[c.start:c.end] == c.quote). Rules only, compiled regexes, one pass per pattern over the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimtrack.extract.base import ActorRef, ExtractedClaim
from claimtrack.extract.english_lexicon import (
    ABBREVIATIONS,
    ADVERBS,
    AMBIGUOUS,
    ORG_NOUNS,
    ORG_WORDS,
    PARTICLE,
    PHRASES,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_FORMS,
    TITLES,
)

__all__ = ["extract_english", "sentences"]

_OPEN_Q = "“\""
_CLOSE_Q = "”\""
_QUOTE_PAIR = re.compile(
    r"“[^“”\n]*?(?:”|\"(?=[\s,.;:!?)—–-]|$)|$)|\"[^\"”\n]*(?:[\"”]|$)|''[^\n]*?(?:''|$)", re.M)
_SENT_END = re.compile(r"[.!?…]+[”\"’'»)\]]*(?=\s+[“\"‘'«(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.*$")
_PARA = re.compile(r"[^\n]+")



def _trie(words: list[str]) -> str:
    """A regex alternation of `words` factored by common prefixes (much faster than a flat list)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        opt = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return ("(?:" + body + ")?") if opt else body

    return emit(tree)


_CUE = re.compile(
    r"\b(?:(?P<acc>[Aa]ccording to)|(?P<phr>" + "|".join(sorted(PHRASES, key=len, reverse=True)) + r")"
    r"|(?P<verb>" + _trie(list(SPEECH_FORMS)) + r")(?P<part> (?:out|to))?)\b"
)
_PHRASE_KIND = [(re.compile(p), k) for p, k in PHRASES.items()]
_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"[\w.'’&-]+|[^\w\s]")
_THAT = re.compile(r"[^“\",;:]{0,70}?\bthat\b")
_LEAD = re.compile(r"[\s,:;—–-]+")
_TRAIL = re.compile(r"[\s,:;—–-]+$")
_PASSIVE = re.compile(r"\b(?:is|was|were|are|be|been|being|am)\s+(?:\w+ly\s+)?$")
_BE = {"is", "was", "were", "are", "be", "been", "being", "am"}
_DET_WORDS = set("""the a an his her their its our my your this that these those new such of in for to and by with on
from what some no any recent latest earlier previous annual first""".split())
_ADJ_DET = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those"}
_BOUNDARY = re.compile(
    r"(?:[,;:(\[)\]“”\"—–]|\bthat\b|\bbecause\b|\bbut\b|\bwhen\b|\bwhile\b|\bas\b|\bif\b|\balthough\b"
    r"|\bafter\b|\bbefore\b|\bsince\b|\bwhere\b|\bso\b|\band (?=he|she|they|I|we)\b|\bAnd\b|\bBut\b|\bSo\b)")
_AMBIG_NEXT = re.compile(
    r"\s+(?:is|was|were|are|has|had|have|of|and|or|to|for|in|on|from|by|with|about|department|officials?"
    r"|legislature|law|laws|level|lawmakers|senator|house|senate|government|media|television|tv|run|funds?"
    r"|card|cards|released?|published|issued|did|does|do|will|would|could|can|may|might|should|must)\b", re.I)
_PAREN = re.compile(r"\s*\([^()]*\)")
_NAME_RUN = re.compile(r"(?:[A-Z][\w'’.-]*|(?:de|van|von|der|al|bin|la|le|du|da|di)(?= [A-Z]))"
                       r"(?:\s+(?:[A-Z][\w'’.-]*|(?:de|van|von|der|al|bin|la|le|du|da|di)(?= [A-Z])))*")
_NAME_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z][a-z]+\.? ){1,3}(?:[A-Z]\. )?$")
_FULLNAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+){0,1}\s+(?:Mc|Mac|O’|O')?[A-Z][a-z'’-]+")
_ADVERBIAL = set("""on in at during last this earlier later late early recently yesterday today tonight
monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night week weekend month
year a an the statement interview twitter facebook email phone telephone call conference news speech rally
reporters me us him her them told also then afterward afterwards again recently separately privately publicly
press release briefing radio television tv show program hearing appearance of with by to via sept oct nov
dec jan feb march april may june july aug""".split())
_WILL = re.compile(r"\b(?:will|won[’']t|would|wouldn[’']t|shall|going to|gonna|[’']ll)\b", re.I)
_QUESTION = re.compile(r"\?[”\"’']*\s*$")
_PARTICIPLE_CUES = {"adding", "saying", "noting", "arguing", "claiming", "explaining", "suggesting",
                    "warning", "insisting", "telling", "stating", "declaring", "acknowledging", "asserting",
                    "pointing", "announcing", "promising", "accusing", "writing", "describing",
                    "calling", "urging", "predicting", "denying", "continuing", "tweeting", "replying",
                    "responding", "charging", "alleging", "admitting", "conceding", "stressing"}
_MAX_QUOTE = 590
_CTX = 40


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    kind: str
    word: str  # lower-cased cue text


@dataclass(slots=True)
class _Doc:
    text: str
    quotes: list[tuple[int, int]]
    q_starts: list[int]
    units: list[tuple[int, int]]

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.q_starts, pos) - 1
        return i >= 0 and self.quotes[i][0] < pos < self.quotes[i][1]


def _is_abbrev(word: str) -> bool:
    w = word.rstrip(".")
    if len(w) == 1 and w.isupper():
        return True  # initial: "John F. Kennedy"
    return w.lower() in ABBREVIATIONS or ("." in w and len(w) <= 5)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE_PAIR.finditer(text)]


def _split(text: str, start: int, end: int, quotes: _Doc | None) -> list[tuple[int, int]]:
    """Sentence spans within [start, end); boundaries inside quotes are ignored when `quotes` is given."""
    out: list[tuple[int, int]] = []
    s = start
    for m in _SENT_END.finditer(text, start, end):
        b = m.end()
        dot = m.start()
        if text[dot] == ".":
            j = dot
            while j > start and dot - j < 12 and (text[j - 1].isalpha() or text[j - 1] == "."):
                j -= 1
            if j < dot and _is_abbrev(text[j:dot]):
                continue
        if quotes is not None and quotes.in_quote(b):
            continue
        if text[s:b].strip():
            out.append((s, b))
        s = b
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        out.append((s, end))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets (start, end) of `text`, paragraph by paragraph, abbreviation-aware."""
    out: list[tuple[int, int]] = []
    for p in _PARA.finditer(text):
        out.extend(_split(text, p.start(), p.end(), None))
    return out


def _build(text: str) -> _Doc:
    quotes = _quote_spans(text)
    doc = _Doc(text, quotes, [q[0] for q in quotes], [])
    doc.units = [u for a, b in _paragraphs(text) for u in _split(text, a, b, doc)]
    return doc


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    a = 0
    n = len(text)
    while a < n:
        b = text.find("\n", a)
        if b < 0:
            b = n
        if b > a:
            out.append((a, b))
        a = b + 1
    return out


def _cues(doc: _Doc) -> list[_Cue]:
    text = doc.text
    out: list[_Cue] = []
    for m in _CUE.finditer(text):
        s, e = m.start(), m.end()
        if doc.in_quote(s):
            continue
        if m.group("acc"):
            out.append(_Cue(s, e, "statement", "according to"))
            continue
        if m.group("phr"):
            ph = m.group("phr")
            kind = next((k for r, k in _PHRASE_KIND if r.match(text, s)), "statement")
            if kind == "assessment" and _PASSIVE.search(text, max(0, s - 20), s):
                continue
            out.append(_Cue(s, e, kind, ph.lower()))
            continue
        w = m.group("verb")
        part = m.group("part")
        if w in ("state", "states"):
            continue
        if w in PARTICLE:
            if part != " out":
                continue
        else:
            e = m.end("verb")
        before = text[max(0, s - 30):s]
        after = text[e:e + 12]
        prev = before.split()[-2:]
        p1 = prev[-1].lower() if prev else ""
        p2 = prev[0].lower() if len(prev) == 2 else ""
        if (p1 in _BE or (p1.endswith("ly") and p2 in _BE)) and not after.startswith(" by"):
            continue
        if after.startswith((" to be", " to have", " to me by")) or p1 in _ADJ_DET:
            continue
        if w in AMBIGUOUS and (p1 in _DET_WORDS or p1.endswith(("'s", "’s")) or _AMBIG_NEXT.match(after)):
            continue
        if w.startswith("continu") and not re.match(r"\s*(?:[,.:;]|$|[“\"]|\bthat\b)", after):
            continue
        if w in ("consider", "considers", "considered") and not after.startswith((" it", " him", " her", " the")):
            continue
        out.append(_Cue(s, e, SPEECH_FORMS[w], text[s:e].lower()))
    return out


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
        if k < j and (w in ADVERBS or w.endswith("n't") or w.endswith("n’t")) and k > start:
            end = k
            continue
        return j


_TOK = re.compile(r"[A-Za-z0-9][\w.'’&/%-]*|[^\w\s]")
_STOP_CAP = set("""And But So When While After Before If Although Because As In On At Then Now Still Yet However
Also Asked Speaking Writing That This Meanwhile Later Earlier Instead Indeed Last Since Though During Even
Over Under For With Without From By To Of""".split())
_CALENDAR = set("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Jan. Feb. Aug. Sept. Oct. Nov. Dec.""".split())
_SRC_STOP = set("""by to that which is was were are be been being has had have with from into than as because but
when while if after before since so where said says told say not also what whether how why it's there
in on at about against during under over through upon via like unlike per""".split())
_NP_ED = {"retired", "unnamed", "elected", "indicted", "disgraced", "embattled", "united", "detained",
          "jailed", "related", "unidentified", "registered", "concerned", "self-described", "armed"}
_SUBJ_PRON = {"he", "she", "they", "i", "we", "it", "He", "She", "They", "I", "We", "It", "who", "which"}


def _source_before(text: str, floor: int, cs: int, depth: int = 0) -> tuple[int, int] | None:
    """Span of the source noun phrase ending right before a cue at `cs`, or None."""
    end = _strip_adverbs(text, floor, cs)
    if end <= floor:
        return None
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
            if w in _STOP_CAP or w in _CALENDAR:
                break
        else:
            lw = w.lower()
            if lw in _SRC_STOP or (lw.endswith("ed") and lw not in _NP_ED) or lw.endswith("ly"):
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
        m = re.compile(r"(?:of|for|and|the|a|an|at|in)\s+|'s\s+|’s\s+").match(text, start, end)
        if m and text[start:end].split()[0] in ("of", "for", "and", "at", "in"):
            start = m.end()
            continue
        break
    return (start, end) if start < end else None


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
            end = c  # skip this appositive segment, look further left
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
    return (start, end)


def _is_adverbial_tail(seg: str) -> bool:
    words = re.findall(r"[\w'’]+", seg)
    if len(words) > 8:
        return False
    return all(w.lower() in _ADVERBIAL or w[0].isupper() or w.isdigit() for w in words)


class _Speakers:
    """Document-level memory for resolving short names, pronouns and roles to canonical names."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.last: ActorRef | None = None
        self.last_person: ActorRef | None = None
        self.roles: dict[str, ActorRef] = {}
        self.by_name: dict[str, ActorRef] = {}

    def expand(self, name: str, pos: int) -> str:
        """"Kirby" → "John Kirby" when the full name appeared before `pos`."""
        if " " in name or not name[:1].isupper():
            return name
        text = self.text
        best = None
        i = text.find(name)
        while 0 <= i < pos:
            j = i + len(name)
            if (j >= len(text) or not text[j].isalnum()) and i > 1 and text[i - 1] == " ":
                m = _NAME_BEFORE.search(text, max(0, i - 40), i)
                if m:
                    parts = m.group(0).split()
                    k = 0
                    while k < len(parts) and parts[k] in TITLES:
                        k += 1
                    if k < len(parts):
                        best = " ".join(parts[k:]) + " " + name
            i = text.find(name, j)
        return best or name

    def resolve(self, surface: str, pos: int) -> ActorRef:
        s = _PAREN.sub("", surface).strip(" ,.;:")
        low = s.lower()
        if low in PRONOUNS:
            ref = self.last_person if low in ("he", "she") and self.last_person else self.last
            return ref if ref is not None else ActorRef(canonical=s, kind="unknown")
        words = s.split()
        bare = [w for w in words if w.lower() not in ("the", "a", "an")]
        if bare and bare[-1].lower() in ROLE_NOUNS and len(bare) <= 3 and words[0].lower() == "the":
            ref = self.roles.get(bare[-1].lower())
            if ref is not None:
                return ref
        runs = [m.group(0) for m in _NAME_RUN.finditer(s)]
        org = any(w.strip(",") in ORG_WORDS for w in words) or (
            bool(words) and words[-1].lower() in ORG_NOUNS)
        name = ""
        for r in reversed(runs):
            toks = r.split()
            k = len(toks)
            while k > 0 and toks[k - 1] not in TITLES:
                k -= 1
            if k < len(toks):
                name = " ".join(toks[k:])
                break
        if org or not name or "’s" in s or "'s" in s:
            canon = s[4:] if low.startswith("the ") else s
            ref = ActorRef(canonical=canon, kind="organisation" if org else "unknown")
        else:
            canon = self.expand(name, pos)
            ref = self.by_name.get(canon) or ActorRef(canonical=canon, kind="person")
            self.by_name[canon] = ref
            for w in words:
                if w.lower() in ROLE_NOUNS:
                    self.roles[w.lower()] = ref
        return ref

    def note(self, ref: ActorRef) -> None:
        self.last = ref
        if ref.kind == "person":
            self.last_person = ref


def _content_kind(kind: str, content: str) -> str:
    if kind == "statement" and _WILL.search(content):
        return "prediction"
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


def extract_english(text: str) -> list[ExtractedClaim]:
    """Attributed claims in English `text`, in document order, with exact offsets."""
    if not text:
        return []
    doc = _build(text)
    cues = _cues(doc)
    speakers = _Speakers(text)
    out: list[ExtractedClaim] = []
    cue_starts = [c.start for c in cues]
    prev_unit_end = 0
    units = doc.units
    ui = 0
    while ui < len(units):
        us, ue = units[ui]
        lo = bisect.bisect_left(cue_starts, us)
        hi = bisect.bisect_left(cue_starts, ue)
        unit_cues = cues[lo:hi]
        ui += 1
        if not unit_cues:
            if ui == 1 or text.rfind("\n", 0, us) < 0:
                _headline(text, us, ue, speakers, out)
            prev_unit_end = ue
            continue
        floor = us
        clause_src: ActorRef | None = None
        clause_surface = ""
        last: ExtractedClaim | None = None
        for ci, cue in enumerate(unit_cues):
            if cue.start < floor:
                continue
            nxt = unit_cues[ci + 1] if ci + 1 < len(unit_cues) else None
            res = _attribute(doc, cue, floor, us, ue, nxt, prev_unit_end, speakers)
            if res is None:
                continue
            cs, ce, src, region_end = res
            if src is None:
                if clause_src is None:
                    if speakers.last is None:
                        continue
                    ref, surface = speakers.last, ""
                else:
                    ref, surface = clause_src, clause_surface
            else:
                surface = text[src[0]:src[1]]
                ref = speakers.resolve(surface, src[0])
            cs, ce = _trim(text, cs, ce)
            if ce - cs < 3:
                continue
            quote = text[cs:ce]
            if _QUESTION.search(quote) and not any(q in quote for q in _OPEN_Q):
                continue
            clause_src, clause_surface = ref, surface
            speakers.note(ref)
            direct = quote.lstrip()[:1] in _OPEN_Q or quote.lstrip().startswith("''")
            gap = (src[0], region_end) if src and cs < src[0] < ce else (cue.start, cue.end)
            last = ExtractedClaim(
                quote=quote, start=cs, end=ce, claimant=ref, claimant_surface=surface or ref.canonical,
                kind=cue.kind, text=_display(text, cs, ce, gap), cue=text[cue.start:cue.end],
                direct_quote=direct, language="en", confidence=0.8 if src else 0.6)
            out.append(last)
            floor = max(floor, region_end)
        if last is not None and floor >= ue - 2:
            ui = _extend(text, units, ui, cue_starts, last)
        prev_unit_end = units[ui - 1][1]
    for c in out:
        c.kind = _content_kind(c.kind, c.text)
        c.prefix = text[max(0, c.start - _CTX):c.start]
        c.suffix = text[c.end:c.end + _CTX]
    return out


def _extend(text: str, units: list[tuple[int, int]], ui: int, cue_starts: list[int], claim: ExtractedClaim) -> int:
    """Grow `claim` over following quoted sentences of the same paragraph that carry no cue of their own."""
    while ui < len(units):
        s, e = units[ui]
        if "\n" in text[claim.end:s] or text[s] not in _OPEN_Q or e - claim.start > _MAX_QUOTE:
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
    if cs < g0 < ce:
        left = text[cs:g0]
        right = text[max(g1, g0):ce]
        return _clean(left) + " " + _clean(right) if _clean(right) else _clean(left)
    return _clean(text[cs:ce])


_HEAD = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(\S.{8,})")


def _headline(text: str, us: int, ue: int, speakers: _Speakers, out: list[ExtractedClaim]) -> None:
    """Headline of the form "SOURCE: proposition" on the first line."""
    m = _HEAD.fullmatch(text, us, ue)
    if not m or ue - us > 200:
        return
    surface = m.group(1)
    ref = speakers.resolve(surface, m.start(1))
    cs, ce = _trim(text, m.start(2), ue)
    quote = text[cs:ce]
    out.append(ExtractedClaim(
        quote=quote, start=cs, end=ce, claimant=ref, claimant_surface=surface,
        kind="statement", text=_clean(quote), cue=":", language="en", confidence=0.5))


def _clean(quote: str) -> str:
    """Display text of a quote: no leading "that", no edge quotation marks or trailing commas."""
    s = quote
    if s.startswith("that "):
        s = s[5:]
    s = s.strip(" \n\t“”\"'‘’").rstrip(" ,.;:“”\"'‘’")
    return _WS.sub(" ", s)


def _attribute(doc: _Doc, cue: _Cue, floor: int, us: int, ue: int, nxt: _Cue | None, prev_unit_end: int,
               speakers: _Speakers) -> tuple[int, int, tuple[int, int] | None, int] | None:
    """(content start, content end, source span, end of the consumed region) for one cue."""
    text = doc.text
    limit = nxt.start if nxt else ue
    if cue.word == "according to":
        src = _source_after(text, cue.end, limit)
        pre = text[floor:cue.start].strip(" ,;:—–\"“”")
        if len(pre) <= 3 or pre.endswith(("but", "But", "and", "And")):
            if not src:
                return None
            comma = text.find(",", src[1], limit)
            send = src[1] if comma < 0 or comma - src[1] > 40 else comma
            c_end = _content_end(text, send, ue, nxt)
            return (send, c_end, src, c_end)
        c_end = _TRAIL.search(text, floor, cue.start)
        return (floor, c_end.start() if c_end else cue.start, src, src[1] if src else cue.end)
    j = _strip_adverbs(text, floor, cue.start)
    if text[max(floor, j - 4):j] in (" and", " but") and cue.word not in _PARTICIPLE_CUES:
        src = _clause_subject(text, us, j - 4)  # "X launched an ad and announced that …"
        pre_end = cue.start
    else:
        src = _source_before(text, floor, cue.start)
        pre_end = src[0] if src else cue.start
    pre = text[floor:pre_end]
    pre_s = pre.rstrip()
    after_end = nxt.start if nxt else ue
    right = text[cue.end:after_end]
    quote_before = bool(re.search(r"[,.?!—–-]?[”\"]$|['’]{2}$|,$|—$", pre_s)) and len(pre_s) > 1
    if src is None and quote_before and cue.word not in _PARTICIPLE_CUES:
        src_after = _source_after(text, cue.end, after_end)
        region = src_after[1] if src_after else cue.end
        c_end = _before_punct(text, floor, pre_end)
        c_end2 = _continuation(text, region, ue, nxt, lower=False)
        start = _quote_open(doc, floor, pre_end)
        return (start, c_end2 or c_end, src_after, c_end2 or _content_end(text, region, ue, nxt))
    if src is None and cue.word in _PARTICIPLE_CUES:
        if not re.search(r"(?:,|\band|\bby|\bwhile|\bbefore|\bafter)\s*$", text[max(us, cue.start - 8):cue.start]):
            return None
        start = _content_start(text, cue.end, after_end)
        c_end = _content_end(text, start, ue, nxt)
        return (start, c_end, _clause_subject(text, us, cue.start), c_end)
    if src is None:
        return None
    r = right.strip()
    if quote_before and re.search(r"\w", pre_s):
        strong = bool(re.search(r"[”\"]$|['’]{2}$", pre_s))
        tail = re.split(r"[,;]|\band\b", r, maxsplit=1)[0] if r else ""
        if strong or not r or r[0] in ".!?" or r.startswith(",") or _is_adverbial_tail(tail.rstrip(".")):
            c_end = _before_punct(text, floor, pre_end)
            cont = _continuation(text, cue.end, ue, nxt)
            start = _quote_open(doc, floor, pre_end) if strong else floor
            return (start, cont or c_end, src, cont or _region_end(text, cue.end, after_end))
    if not r or re.fullmatch(r"[\W]*", r):
        # "Trump said." after a quote that closed the previous sentence
        if prev_unit_end and text[prev_unit_end - 1] in _CLOSE_Q and floor == us:
            ps = text.rfind("\n", 0, prev_unit_end - 1) + 1
            units = [u for u in doc.units if u[1] == prev_unit_end]
            return (units[0][0] if units else ps, prev_unit_end, src, ue)
        return None
    start = _content_start(text, cue.end, after_end)
    c_end = _content_end(text, start, ue, nxt)
    return (start, c_end, src, c_end)


_SUBJECT = re.compile(
    r"\s*[“\"]?((?:[A-Z][\w.'’&-]*\s+){0,5}[A-Z][\w.'’&-]*(?:['’]s?\s+[a-z]+)?|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I"
    r"|[Tt]he\s+(?:[\w-]+\s+){0,3}[a-z][\w-]+)(?:\s*\([^()]*\))?\s+(?:[a-z]|\()")


def _clause_subject(text: str, us: int, pos: int) -> tuple[int, int] | None:
    """Subject of the main clause before `pos`: first comma segment that opens with a noun phrase and a verb."""
    seg = us
    while seg < pos:
        comma = text.find(",", seg, pos)
        m = _SUBJECT.match(text, seg, pos)
        if m:
            first = m.group(1).split()[0]
            if first not in _STOP_CAP and first not in _CALENDAR:
                e = m.end(1)
                return (m.start(1), e)
        if comma < 0:
            break
        seg = comma + 1
    return None


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
    m = re.compile(r"[^,;.“\"]*").match(text, pos, limit)
    return m.end() if m else pos


def _continuation(text: str, pos: int, ue: int, nxt: _Cue | None, lower: bool = True) -> int | None:
    """`“A,” he said, “B.”`: the end of quoted speech that resumes after the cue, or None."""
    limit = nxt.start if nxt else ue
    m = re.compile(r"[^,;.“\"]{0,60}?,\s*[“\"]").match(text, pos, limit)
    if not m:
        if not lower:
            return None
        m2 = re.compile(r"[^,;.“\"]{0,60}?,\s+(?=\w)").match(text, pos, limit)
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


def _content_end(text: str, start: int, ue: int, nxt: _Cue | None) -> int:
    """Content runs to the end of the unit, or to the clause of the next cue in the same unit."""
    if nxt is None or nxt.start >= ue:
        return ue
    src = _source_before(text, start, nxt.start)
    cut = src[0] if src else nxt.start
    m = re.compile(r"(?:[\s,;—–-]|\band\b|\bbut\b)*$").search(text, start, cut)
    return m.start() if m else cut
