"""English claim attribution: quote-aware segmentation, reporting cues, sources and content spans.

`extract_english(text)` returns one `ExtractedClaim` per reporting relation, with exact offsets
(text[c.start:c.end] == c.quote). Rules only, compiled regexes, one pass per pattern over the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimtrack.extract.base import ActorRef, ExtractedClaim
from claimtrack.extract.english_lexicon import AMBIGUOUS, MODALS, PARTICLE, PHRASES, SPEECH_FORMS, STRICT
from claimtrack.extract.english_segment import _CLOSE_Q, _OPEN_Q, _build, _Doc, _segment, sentences
from claimtrack.extract.english_sources import (
    _clause_subject,
    _source_after,
    _source_before,
    _Speakers,
    _strip_adverbs,
)

__all__ = ["extract_english", "sentences"]


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
_THAT = re.compile(r"[^“\",;:]{0,70}?\bthat\b")
_LEAD = re.compile(r"[\s,:;—–-]+")
_TRAIL = re.compile(r"[\s,:;—–-]+$")
_PASSIVE = re.compile(r"\b(?:is|was|were|are|be|been|being|am)\s+(?:\w+ly\s+)?$")
_BE = {"is", "was", "were", "are", "be", "been", "being", "am"}
_DET_WORDS = set("""the a an his her their its our my your this that these those new such of in for to and by with on
from what some no any recent latest earlier previous annual first""".split())
_ADJ_DET = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those"}
_AMBIG_NEXT = re.compile(
    r"\s+(?:is|was|were|are|has|had|have|of|and|or|to|for|in|on|from|by|with|about|department|officials?"
    r"|legislature|law|laws|level|lawmakers|senator|house|senate|government|media|television|tv|run|funds?"
    r"|card|cards|released?|published|issued|did|does|do|will|would|could|can|may|might|should|must)\b", re.I)
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
_PARTICIPLE_CUES = {"adding", "saying", "noting", "arguing", "claiming", "explaining", "suggesting",
                    "warning", "insisting", "telling", "stating", "declaring", "acknowledging", "asserting",
                    "pointing", "announcing", "promising", "accusing", "writing", "describing",
                    "calling", "urging", "predicting", "denying", "continuing", "tweeting", "replying",
                    "responding", "charging", "alleging", "admitting", "conceding", "stressing"}
_STRICT_NEXT = re.compile(r"\s*(?:that\b|[,.:;]|[“\"])")
_CONT_Q = re.compile(r"\s*(?:[,:]\s*[“\"]|that\b)")
_CONT_P = re.compile(r"\s*[,.:;]")
_STRONG_ENDS = ("”", '"', "''", "’’", "'’", "’'")
_QB_ENDS = _STRONG_ENDS + (",", "—")
_FUTURE_HINTS = ("will", "won", "shall", "going to", "gonna", "'ll", "’ll", "would")
_PART_LEAD = re.compile(r"(?:,|\band|\bby|\bwhile|\bbefore|\bafter)\s*$")
_WORD = re.compile(r"\w")
_TAIL_SPLIT = re.compile(r"[,;]|\band\b")
_REGION = re.compile(r"[^,;.“\"]*")
_RESUME_Q = re.compile(r"[^,;.“\"]{0,60}?,\s*[“\"]")
_RESUME = re.compile(r"[^,;.“\"]{0,60}?,\s+(?=\w)")
_QUOTE_BACK = re.compile(r"[,.!?—-][”\"’']*\s+(?:[\w.'’-]+\s+){0,4}$")
_COMPLEMENTISER = {"that", "whether", "if", "how", "why", "what", "when", "where"}
_MAX_QUOTE = 590
_CTX = 40


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    kind: str
    word: str  # lower-cased cue text


def _cues(doc: _Doc) -> list[_Cue]:
    text = doc.text
    out: list[_Cue] = []
    for m in _CUE.finditer(text):
        s, e = m.start(), m.end()
        if doc.in_quote(s) or (s and text[s - 1] in "<_=/-:") or text[e:e + 1] in "-=_":
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
        if w in STRICT and not _STRICT_NEXT.match(text, e):
            continue
        if (SPEECH_FORMS[w] != "denial" and (p1 in MODALS or (p1.endswith("ly") and p2 in MODALS))
                or before.endswith("Additional ")):
            continue
        if w.startswith("continu") and not (
                _CONT_Q.match(after)
                or (_CONT_P.match(after) and _QUOTE_BACK.search(text, max(0, s - 60), s))):
            continue  # "talks continue." is not a report; "“…,” he continued." is
        if w in ("consider", "considers", "considered") and not after.startswith((" it", " him", " her", " the")):
            continue
        out.append(_Cue(s, e, SPEECH_FORMS[w], text[s:e].lower()))
    return out


def _is_adverbial_tail(seg: str) -> bool:
    words = re.findall(r"[\w'’]+", seg)
    if len(words) > 8:
        return False
    return all(w.lower() in _ADVERBIAL or w[0].isupper() or w.isdigit() for w in words)


def _content_kind(kind: str, content: str) -> str:
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


def extract_english(text: str) -> list[ExtractedClaim]:
    """Attributed claims in English `text`, in document order, with exact offsets."""
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
            if quote.rstrip().rstrip("”\"’'").endswith("?") and not any(q in quote for q in _OPEN_Q):
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
    if cs < g0 < ce:
        left = text[cs:g0]
        right = text[max(g1, g0):ce]
        return _clean(left) + " " + _clean(right) if _clean(right) else _clean(left)
    return _clean(text[cs:ce])


_HEAD = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?P<body>\S.{8,})")


_HEAD_VERB = re.compile(
    r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) (?P<verb>Says|Tells|Tweets|Promises|Claims|Warns|Denies|Argues|Insists"
    r"|Admits|Predicts|Suggests|Writes|Reports|Declares|Announces|Accuses|Rejects|Dismisses|Urges|Vows"
    r"|Confirms|Said|Told|Warned|Claimed|Denied)(?: [Tt]hat)?\s+(?P<body>\S.{8,})")


def _headline(text: str, us: int, ue: int, speakers: _Speakers, out: list[ExtractedClaim]) -> None:
    """Headline of the form "SOURCE: proposition" on the first line."""
    if ue - us > 200:
        return
    m = _HEAD.fullmatch(text, us, ue) or _HEAD_VERB.fullmatch(text, us, ue)
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
    quote_before = len(pre_s) > 1 and pre_s.endswith(_QB_ENDS)
    if src is None and quote_before and cue.word not in _PARTICIPLE_CUES:
        src_after = _source_after(text, cue.end, after_end)
        region = src_after[1] if src_after else cue.end
        c_end = _before_punct(text, floor, pre_end)
        c_end2 = _continuation(text, region, ue, nxt, lower=False)
        start = _quote_open(doc, floor, pre_end)
        return (start, c_end2 or c_end, src_after, c_end2 or _content_end(text, region, ue, nxt))
    if src is None and cue.word in _PARTICIPLE_CUES:
        if not _PART_LEAD.search(text[max(us, cue.start - 8):cue.start]):
            return None
        start = _content_start(text, cue.end, after_end)
        c_end = _content_end(text, start, ue, nxt)
        return (start, c_end, _clause_subject(text, us, cue.start), c_end)
    if src is None:
        return None
    r = right.strip()
    if quote_before and _WORD.search(pre_s):
        strong = pre_s.endswith(_STRONG_ENDS)
        tail = _TAIL_SPLIT.split(r, maxsplit=1)[0] if r else ""
        if strong or not r or r[0] in ".!?" or r.startswith(",") or _is_adverbial_tail(tail.rstrip(".")):
            c_end = _before_punct(text, floor, pre_end)
            cont = _continuation(text, cue.end, ue, nxt)
            start = _quote_open(doc, floor, pre_end) if strong else floor
            return (start, cont or c_end, src, cont or _region_end(text, cue.end, after_end))
    if not r or not _WORD.search(r):
        # "Trump said." after a quote that closed the previous sentence
        if prev_unit_end and text[prev_unit_end - 1] in _CLOSE_Q and floor == us:
            ps = text.rfind("\n", 0, prev_unit_end - 1) + 1
            units = [u for u in doc.units if u[1] == prev_unit_end]
            return (units[0][0] if units else ps, prev_unit_end, src, ue)
        return None
    start = _content_start(text, cue.end, after_end)
    c_end = _content_end(text, start, ue, nxt)
    return (start, c_end, src, c_end)


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
        else:
            break
    return end


def _content_end(text: str, start: int, ue: int, nxt: _Cue | None) -> int:
    """Content runs to the end of the unit, or to the clause of the next cue in the same unit."""
    if nxt is None or nxt.start >= ue:
        return ue
    src = _source_before(text, start, nxt.start)
    cut = src[0] if src else nxt.start
    end = _strip_joiners(text, start, cut)
    if end - start < 3 or text[start:end].strip(" ,“\"").lower() in _COMPLEMENTISER:
        return ue  # "X noted Y said Z", "X added that Y said Z": the nested report is the content
    return end
