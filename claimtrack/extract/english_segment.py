"""English segmentation: paragraphs, quotation spans and quote-aware sentences with exact offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimtrack.extract.english_lexicon import ABBREVIATIONS

__all__ = ["sentences"]

_OPEN_Q = "“\""
_CLOSE_Q = "”\""
_QUOTE_PAIR = re.compile(
    r"“[^“”\n]*?(?:”|\"(?=[\s,.;:!?)—–-]|$)|$)|\"[^\"”\n]*(?:[\"”]|$)|''[^\n]*?(?:''|$)", re.M)
_SENT_END = re.compile(r"[.!?…]+[”\"’'»)\]]*(?=\s+[“\"‘'«(\[]?[A-Z0-9])")
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
            if i + 1 < len(paras):
                need[i + 1] = True  # "Doe said." opening a paragraph looks back at the previous one
            if i > 0:
                need[i - 1] = True
    doc.units = [u for (a, b), n in zip(paras, need) for u in (_split(text, a, b, doc) if n else [(a, b)])]


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
