"""Offset-keeping segmentation: a folded copy of the text for matching, quotation spans, sentences."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from claimtrack.extract.arabic_patterns import rule
from claimtrack.text import split_sentences

# harakat, tatweel; `[…][…]*`, not `[…]+`: a pattern that opens with a character class lets `re` skip fast
_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640][\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]*")
_FOLD_PAIRS = tuple(zip("أإآٱىةیک٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "اااايهيك01234567890123456789", strict=True))


def fold_chars(s: str) -> str:
    """One-to-one folding (alef forms, ya, ta marbuta, kaf, digits); same length as `s`.

    A chain of str.replace is ~15x faster than str.translate with a non-ASCII table.
    """
    for a, b in _FOLD_PAIRS:
        if a in s:
            s = s.replace(a, b)
    return s

QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"', "„": "“"}
_QUOTE_CHARS = re.compile('[«»“”"„]')
# '…، مشدداً "قرار …': a straight quote shaped as an opener (space before, letter after) right after
# "، word" while a straight quote is open: the earlier quote was never closed, this one opens anew
_REOPEN_BEFORE = re.compile(r"[،,]\s*\S+\s+$")


@dataclass(slots=True)
class Folded:
    """`text` folded for matching (no harakat; alef, ya, ta marbuta and digits unified; not lower-cased).

    `orig(i)` maps an index of the folded string back to the original text; `orig_end(j)` maps an
    exclusive end. Without harakat in the source the mapping is the identity. The mapping is kept as the
    folded positions where a run of marks was removed and the marks removed so far (a bisect per lookup, not a
    list of every character's position).
    """

    source: str
    text: str
    _starts: list[int] | None  # folded index from which each removed run shifts the mapping
    _shifts: list[int] | None  # marks removed up to and including that run

    @classmethod
    def of(cls, source: str) -> Folded:
        runs = [m.span() for m in _MARKS.finditer(source)]
        if not runs:
            return cls(source, fold_chars(source), None, None)
        starts: list[int] = []
        shifts: list[int] = []
        removed = 0
        for a, b in runs:
            starts.append(a - removed)  # the folded position of the run
            removed += b - a
            shifts.append(removed)
        return cls(source, fold_chars(_MARKS.sub("", source)), starts, shifts)

    def orig(self, i: int) -> int:
        if self._starts is None:
            return i
        if i >= len(self.text):
            return len(self.source)
        k = bisect_right(self._starts, i)
        return i + (self._shifts[k - 1] if k else 0)  # type: ignore[index]

    def orig_end(self, j: int) -> int:
        if self._starts is None:
            return j
        if j <= 0:
            return 0
        if j - 1 >= len(self.text):
            return len(self.source)
        k = self.orig(j - 1) + 1
        m = _MARKS.match(self.source, k)  # keep trailing harakat with their letter
        return m.end() if m else k


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Quotation spans (open, close+1) in text[start:end]: «…», “…”, "…"; unclosed quotes are dropped."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    opener: str | None = None
    open_at = 0
    for m in _QUOTE_CHARS.finditer(text, start, end):
        ch = m.group()
        if opener is None:
            if ch in QUOTE_PAIRS:
                opener, open_at = ch, m.start()
        elif ch == '"' and opener == '"' and m.end() < end and text[m.end()].isalpha() \
                and _REOPEN_BEFORE.search(text, max(open_at, m.start() - 30), m.start()):
            open_at = m.start()  # the unclosed earlier quote is dropped
        elif ch == QUOTE_PAIRS[opener] or (opener == "„" and ch == "”"):
            if m.start() - open_at > 1:
                spans.append((open_at, m.end()))
            opener = None
        elif ch == "«" and opener != "«":  # a new guillemet inside straight quotes: restart
            opener, open_at = ch, m.start()
    return spans


def inside(pos: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span containing `pos` (strictly inside), if any."""
    for a, b in spans:
        if a < pos < b - 1:
            return (a, b)
        if a > pos:
            break
    return None


# "د. خالد", "م. سامي", "أ. د. علي": a one-letter Arabic title abbreviation (folded or not) before a full stop
_TITLE_ABBREV = re.compile(r"(?:^|\s)[\u0621-\u064A]\.$")


@rule("عنوان\nوأوضح د. سامي العلي أن المستشفى استقبل مئة حالة.", off=False)
def title_abbreviation(text: str, a: int, b: int) -> bool:
    """A sentence "ending" in a one-letter title abbreviation ("د.", "م.", "أ.") does not end: the name
    follows ("وأبان د. الجهني أن …")."""
    return bool(_TITLE_ABBREV.search(text, max(a, b - 3), b))


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in split_sentences(text[start:end]):
        if out and title_abbreviation(text, *out[-1]):
            out[-1] = (out[-1][0], b + start)
        else:
            out.append((a + start, b + start))
    return out


def sentences_outside_quotes(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] where a quotation never ends a sentence before it closes."""
    raw = _sentences(text, start, end)
    out: list[tuple[int, int]] = []
    for a, b in raw:
        if out and inside(out[-1][1] - 1, quotes) is not None:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def sentences_within(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """All sentence spans of text[start:end], in absolute offsets (quotes split too)."""
    return _sentences(text, start, end)
