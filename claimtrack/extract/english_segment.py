"""English segmentation: paragraphs, quotation spans, quote-aware sentences and reporting cues, with exact offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimtrack.extract.english_lexicon import (
    ABBREVIATIONS,
    AMBIGUOUS,
    MODALS,
    PARTICLE,
    PHRASES,
    SPEECH_FORMS,
    STRICT,
)

__all__ = ["sentences"]

_OPEN_Q = "“\""
_CLOSE_Q = "”\""
_QUOTE_PAIR = re.compile(
    r"“[^“”\n]*?(?:”|\"(?=[\s,.;:!?)—–-]|$)|$)|\"[^\"”\n]*(?:[\"”]|$)|''[^\n]*?(?:''|$)", re.M)
# A sentence ends at a stop (and closing quotes) before a capital, a digit or an opening quote, including the
# doubled apostrophe some outlets print for quotation marks (''We …'').
_SENT_END = re.compile(r"[.!?…]+[”\"’'»)\]]*(?=\s+(?:''|[“\"‘'«(\[])?[A-Z0-9])")
_PARA = re.compile(r"[^\n]+")


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
    """Quotation spans of `text`; units come from `_segment` once the cues are known."""
    quotes = _quote_spans(text)
    return _Doc(text, quotes, [q[0] for q in quotes], [])


def _segment(doc: _Doc, cue_starts: list[int]) -> None:
    """Fill `doc.units`: sentences of the first paragraph and of paragraphs with (or just before) a cue;
    any other paragraph is one unit, since it can give no claim."""
    text = doc.text
    paras = _paragraphs(text)
    need = [False] * len(paras)
    if paras:
        need[0] = True
    starts = [a for a, _ in paras]
    for c in cue_starts:
        i = bisect.bisect_right(starts, c) - 1
        if i >= 0:
            need[i] = True
            if i > 0:
                need[i - 1] = True  # "Doe said." opening a paragraph looks back at the previous one
    doc.units = [u for (a, b), n in zip(paras, need, strict=True)
                 for u in (_split(text, a, b, doc) if n else [(a, b)])]


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


_FRONT = ["Saying", "Warning", "Insisting", "Noting", "Arguing", "Claiming", "Stressing", "Acknowledging",
          "Asserting", "Denying", "Declaring", "Conceding", "Suggesting", "Predicting", "Alleging"]
_FIRST = "".join(sorted({w[0] for w in SPEECH_FORMS} | {p[0] for p in PHRASES} | {w[0] for w in _FRONT} | {"A"}))
_CUE = re.compile(  # the lookahead on the first letter lets the scan skip most word starts cheaply
    r"\b(?=[" + _FIRST + r"])(?:(?P<front>" + "|".join(_FRONT) + r")(?= that\b| [“\"])"
    r"|(?P<acc>[Aa]ccording to)|(?P<phr>" + "|".join(sorted(PHRASES, key=len, reverse=True)) + r")"
    r"|(?P<verb>" + _trie(list(SPEECH_FORMS)) + r")(?P<part> (?:out|to))?)\b"
)
_PHRASE_KIND = [(re.compile(p), k) for p, k in PHRASES.items()]
_PASSIVE = re.compile(r"\b(?:is|was|were|are|be|been|being|am)\s+(?:\w+ly\s+)?$")
_BE = {"is", "was", "were", "are", "be", "been", "being", "am"}
_DET_WORDS = set("""the a an his her their its our my your this that these those new such of in for to and by with on
from what some no any recent latest earlier previous annual first""".split())
_ADJ_DET = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those"}
_AMBIG_NEXT = re.compile(
    r"\s+(?:is|was|were|are|has|had|have|of|and|or|to|for|in|on|from|by|with|about|department|officials?"
    r"|legislature|law|laws|level|lawmakers|senator|house|senate|government|media|television|tv|run|funds?"
    r"|card|cards|released?|published|issued|did|does|do|will|would|could|can|may|might|should|must)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never|n[’']t|no longer|refused to|declined to|refuses to|declines to)\s+(?:\w+ly\s+)?$",
                      re.I)
_FREQUENCY = {"sometimes", "often", "always", "usually", "frequently", "occasionally", "regularly", "routinely",
              "typically", "generally", "never", "rarely", "seldom"}
# "the plan that X announced is …": the cue's object is the noun before "that", and a verb follows the cue.
_TRANSITIVE = ("announc", "promis", "predict", "reveal", "disclos", "report", "propos", "unveil")  # take an object
_RELATIVE = re.compile(r"\b(?:that|which)\s+(?:[\w.’'-]+\s+){1,4}$")
_OBJECT_GAP = re.compile(r"\s+(?:is|was|are|were|has|have|had|will|would|remains?|includes?)\b")
# A cue inside an "if"/"unless" clause opened just before it (no clause boundary in between).
_CONDITIONAL = re.compile(r"(?:^|[.;:!?]\s+|,\s+|\n)(?:[Ee]ven )?(?:[Ii]f|[Uu]nless)\s+[^,.;:!?\n“”\"]{1,50}$")
_STRICT_NEXT = re.compile(r"\s*(?:that\b|[,.:;]|[“\"])")
_CONT_Q = re.compile(r"\s*(?:[,:]\s*[“\"]|that\b)")
_CONT_P = re.compile(r"\s*[,.:;]")
_QUOTE_BACK = re.compile(r"[,.!?—-][”\"’']*\s+(?:[\w.'’-]+\s+){0,4}$")

# IDIOM_CUE: formulas of the writer's own voice ("Having said that", "It goes without saying", "It is worth noting",
# "Needless to say", "additional reporting by") and "said as much" report no proposition.
_IDIOM_BEFORE = re.compile(r"(?:\b[Hh]aving|\bwithout|\bworth|\b[Nn]eedless to|\b[Aa]dditional|\b[Ss]uffice it to)\s+$")
_AS_MUCH = re.compile(r"\s+(?:\w+\s+)?as much\b")
_NOUN_ADJECTIVES = {"new", "recent", "latest", "earlier", "later", "previous", "separate", "official", "first",
                    "second", "final", "public", "brief", "lengthy", "angry", "private", "written", "prepared"}
_ADJECTIVE_ENDS = ("ing", "ent", "ous", "ive", "ial", "ful", "ary")


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    kind: str
    word: str  # lower-cased cue text
    passive: bool = False  # "the proposal was rejected (by voters)": content before, source after "by"


def _not_a_report(text: str, w: str, s: int, e: int, p1: str, p2: str) -> bool:
    """A cue that is hypothetical ("would say"), habitual ("would sometimes dismiss"), conditional ("If the plan
    rejected …, …") or a relative clause's verb ("the program that X announced is …")."""
    if SPEECH_FORMS[w] != "denial" and (p1 in MODALS or (p1.endswith("ly") and p2 in MODALS)):
        return True
    if p2 == "would" and p1 in _FREQUENCY:
        return True
    if SPEECH_FORMS[w] == "denial" and _NEGATED.search(text, max(0, s - 30), s):
        return True  # "did not deny", "never denied", "refused to deny": no denial is reported
    if w.startswith(_TRANSITIVE) and _OBJECT_GAP.match(text, e) and _RELATIVE.search(text, max(0, s - 40), s):
        return True
    return bool(_CONDITIONAL.search(text, max(0, s - 60), s))


def _noun_use(p1: str, p2: str, after: str) -> bool:
    """Whether an ambiguous cue form ("claims", "remarks", "tweet") is used as a noun: after a determiner or a
    possessive, after a deny verb (DENIED_NOUN: "rejected claims that …"), after a determiner and an adjective
    (NOUN_AFTER_ADJECTIVE: "his opening remarks", "a subsequent tweet"), or before a noun-phrase continuation."""
    if p1 in _DET_WORDS or SPEECH_FORMS.get(p1) == "denial" or p1.endswith(("'s", "’s")):
        return True
    if p2 in _ADJ_DET and (p1 in _NOUN_ADJECTIVES or p1.endswith(_ADJECTIVE_ENDS)):
        return True
    return bool(_AMBIG_NEXT.match(after))


def _cues(doc: _Doc) -> list[_Cue]:
    text = doc.text
    out: list[_Cue] = []
    for m in _CUE.finditer(text):
        s, e = m.start(), m.end()
        if doc.in_quote(s) or (s and text[s - 1] in "<_=/-:") or text[e:e + 1] in "-=_":
            continue
        if m.group("front"):  # "Warning that prices will rise, the bank …"
            w = m.group("front").lower()
            out.append(_Cue(s, e, SPEECH_FORMS.get(w, "statement"), w))
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
        passive = (p1 in _BE or (p1.endswith("ly") and p2 in _BE)) and not (  # "is insisting" is active
            w.endswith("ing") and not w.startswith("continu"))
        if SPEECH_FORMS[w] == "denial" and w.endswith("ed") and (passive or after.startswith(" by ")):
            out.append(_Cue(s, e, "denial", text[s:e].lower(), True))
            continue
        if passive and not after.startswith(" by"):
            continue
        if after.startswith((" to be", " to have", " to me by")) or p1 in _ADJ_DET:
            continue
        if w in AMBIGUOUS and _noun_use(p1, p2, after):
            continue
        if w in STRICT and not _STRICT_NEXT.match(text, e):
            continue
        if _not_a_report(text, w, s, e, p1, p2) or _IDIOM_BEFORE.search(before) or _AS_MUCH.match(text, e):
            continue
        if w.startswith("continu") and not (
                _CONT_Q.match(after)
                or (_CONT_P.match(after) and _QUOTE_BACK.search(text, max(0, s - 60), s))):
            continue  # "talks continue." is not a report; "“…,” he continued." is
        if w in ("consider", "considers", "considered") and not after.startswith((" it", " him", " her", " the")):
            continue
        out.append(_Cue(s, e, SPEECH_FORMS[w], text[s:e].lower()))
    return out
