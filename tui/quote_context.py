"""The text around a claim's span, as the claim screen shows it: the span's sentence and its neighbours.

A whole paragraph can run to several kilobytes (wire copy, transcripts, documents without paragraph
breaks); the analyst wants the span in context, and a screen of text costs its layout on every opening.
So the claim screen shows the sentences around the span (`sentence_window`), capped in characters on
either side, and the whole paragraph on request (`paragraph_around`)."""

from __future__ import annotations

import re

from rich.text import Text

QUOTE_STYLE = "bold reverse"
SENTENCES_AROUND = 1  # whole sentences shown before and after the span's own
MAX_AROUND = 360  # characters at most on either side of the span (a sentence can be a paragraph)
ELLIPSIS = "…"

# a sentence ends at . ! ? (Arabic ؟ too) or an ellipsis, closing quotes or brackets after it, then a space
_SENTENCE_END = re.compile(r"(?:[.!?؟…]+)[\"'»”’)\]]*\s+")


def paragraph_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The paragraph (line) of `text` holding [start, end) and the span's offsets inside it."""
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    p1 = len(text) if p1 < 0 else p1
    return text[p0:p1], start - p0, end - p0


def _cut_before(para: str, a: int, s: int) -> int:
    """Where the shown text starts: `a`, or later (at a word start) if that leaves more than MAX_AROUND."""
    if s - a <= MAX_AROUND:
        return a
    space = para.find(" ", s - MAX_AROUND, s)
    return s - MAX_AROUND if space < 0 else space + 1


def _cut_after(para: str, b: int, e: int) -> int:
    if b - e <= MAX_AROUND:
        return b
    space = para.rfind(" ", e, e + MAX_AROUND)
    return e + MAX_AROUND if space < 0 else space


def sentence_window(para: str, s: int, e: int) -> tuple[int, int]:
    """[a, b) of `para`: the sentences holding the span [s, e) and SENTENCES_AROUND sentences either side,
    never more than MAX_AROUND characters either side of the span (cut at a word)."""
    s, e = max(0, min(s, len(para))), max(0, min(e, len(para)))
    ends = [m.end() for m in _SENTENCE_END.finditer(para)]
    starts_before = [x for x in ends if x <= s]
    a = starts_before[-1 - SENTENCES_AROUND] if len(starts_before) > SENTENCES_AROUND else 0
    ends_after = [x for x in ends if x >= e]
    b = ends_after[SENTENCES_AROUND] if len(ends_after) > SENTENCES_AROUND else len(para)
    return _cut_before(para, a, s), _cut_after(para, b, e)


def quote_in_context(text: str, start: int, end: int, whole: bool = False) -> Text:
    """The span [start, end) of `text` highlighted in its sentences (`whole`: in its whole paragraph);
    an ellipsis marks text left out of the paragraph."""
    para, s, e = paragraph_around(text, start, end)
    a, b = (0, len(para)) if whole else sentence_window(para, s, e)
    out = Text(ELLIPSIS if a > 0 else "")
    lead = len(out)
    out.append(para[a:b].rstrip() if b < len(para) else para[a:b])
    if b < len(para):
        out.append(ELLIPSIS)
    out.stylize(QUOTE_STYLE, lead + max(0, s - a), lead + max(0, min(b, e) - a))
    return out


def is_shortened(text: str, start: int, end: int) -> bool:
    """Whether `quote_in_context` leaves part of the span's paragraph out."""
    para, s, e = paragraph_around(text, start, end)
    return sentence_window(para, s, e) != (0, len(para))
