"""Bidirectional text for terminals that do none (Textual and Rich lay out in logical order).

Three modes:

* ``terminal``: logical order is passed through; the terminal (e.g. VTE, mlterm) reorders.
* ``app``: claimtrack shapes Arabic (arabic-reshaper, harakat kept) and reorders every displayed
  line itself with python-bidi's pure-Python UBA (``bidi.algorithm``, which mirrors brackets);
  the app sends ``ESC [8l`` so that VTE does not reorder a second time.
* ``off``: logical order, left-aligned, nothing done.

Only copies are reordered: stored text is never changed. RTL paragraphs are right-aligned in
``terminal`` and ``app`` modes. Styles (highlighted quotes, claim spans) survive reordering because
shaping is done without ligatures (one presentation form per character) and the reorder
permutation is applied to the spans.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import arabic_reshaper
from bidi import algorithm as uba
from rich.cells import cell_len
from rich.text import Span, Text

from claimtrack.text import is_rtl

MODES = ("terminal", "app", "off")
BDSM_EXPLICIT = "\x1b[8l"  # VTE: stop implicit bidi (the app has reordered already)
BDSM_IMPLICIT = "\x1b[8h"  # VTE: the terminal reorders (its default)

_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={
    "delete_harakat": False,
    "support_ligatures": False,  # keeps one glyph per character, so offsets and styles hold
})
_WORD = re.compile(r"\S+\s*|\s+")


def next_mode(mode: str) -> str:
    """The mode after `mode` in the runtime toggle cycle."""
    return MODES[(MODES.index(mode) + 1) % len(MODES)] if mode in MODES else "terminal"


def _levels_and_order(text: str, rtl: bool) -> list[int]:
    """Logical indices in visual order (UBA rules up to L2, then L4 mirroring is applied by caller)."""
    storage = uba.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    uba.get_embedding_levels(text, storage)
    for i, ch in enumerate(storage["chars"]):
        ch["idx"] = i
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    return [(c["idx"], c["ch"]) for c in storage["chars"]]  # type: ignore[misc]


@lru_cache(maxsize=4096)
def visual(line: str, rtl: bool | None = None) -> tuple[str, tuple[int, ...]]:
    """Shape and reorder one line: (display string, logical index of each display character)."""
    if rtl is None:
        rtl = is_rtl(line)
    if not any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in line) and not rtl:
        return line, tuple(range(len(line)))
    shaped = _RESHAPER.reshape(line)
    if len(shaped) != len(line):  # defensive: never lose the mapping
        shaped = line
    order = _levels_and_order(shaped, rtl)
    # L3: keep combining marks (harakat) after their base character once a run is reversed.
    out: list[tuple[int, str]] = []
    pending: list[tuple[int, str]] = []
    for idx, ch in order:
        if unicodedata.combining(ch):
            pending.append((idx, ch))
            continue
        if pending and pending[0][0] > idx:
            out.append((idx, ch))
            out.extend(reversed(pending))
        else:
            out.extend(pending)
            out.append((idx, ch))
        pending = []
    out.extend(pending)
    return "".join(ch for _, ch in out), tuple(i for i, _ in out)


def reorder_text(line: Text, rtl: bool | None = None) -> Text:
    """A reordered copy of a one-line Text, its spans moved with the characters."""
    plain = line.plain
    shown, order = visual(plain, rtl)
    out = Text(shown, style=line.style, justify=line.justify, no_wrap=True, end="")
    if line.spans:
        where = [0] * len(plain)
        for pos, idx in enumerate(order):
            where[idx] = pos
        for span in line.spans:
            positions = sorted(where[i] for i in range(span.start, min(span.end, len(plain))))
            start = prev = None
            for p in positions:
                if start is None:
                    start = prev = p
                elif p == prev + 1:  # type: ignore[operator]
                    prev = p
                else:
                    out.spans.append(Span(start, prev + 1, span.style))  # type: ignore[operator]
                    start = prev = p
            if start is not None:
                out.spans.append(Span(start, prev + 1, span.style))  # type: ignore[operator]
    return out


def wrap_offsets(plain: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of one paragraph by cell width: (start, end) of each line."""
    width = max(width, 4)
    lines: list[tuple[int, int]] = []
    start, used = 0, 0
    for m in _WORD.finditer(plain):
        word = m.group()
        w = cell_len(word.rstrip())
        if used and used + w > width:
            lines.append((start, m.start()))
            start, used = m.start(), 0
        while w > width:  # a word longer than the line: hard break
            cut = m.start() + width if start == m.start() else start + width
            lines.append((start, cut))
            start, w = cut, cell_len(plain[cut:m.end()].rstrip())
        used += cell_len(word)
    lines.append((start, len(plain)))
    return lines


def paragraphs(text: Text) -> Iterable[Text]:
    """The paragraphs (lines) of a Text, spans kept."""
    yield from text.split("\n", allow_blank=True)


def layout(text: Text, mode: str, width: int) -> Text:
    """A display copy of `text` for `mode` at `width` cells.

    ``app``: wrapped here and every line reordered. ``terminal``: RTL paragraphs right-aligned.
    ``off``: unchanged.
    """
    if mode == "off":
        return text
    lines: list[Text] = []
    for para in paragraphs(text):
        rtl = is_rtl(para.plain)
        for start, end in wrap_offsets(para.plain, width):
            piece = para[start:end]
            piece.rstrip()
            shown = reorder_text(piece, rtl) if mode == "app" else piece
            if rtl:
                shown.pad_left(max(0, width - shown.cell_len))
            lines.append(shown)
    return _join(lines)


def _join(parts: list[Text]) -> Text:
    if len(parts) == 1:
        return parts[0]
    out = Text("\n").join(parts)
    out.no_wrap = True
    return out


def cell(value: str, mode: str, width: int | None = None, style: str = "") -> Text:
    """One table cell: never markup; RTL right-aligned; reordered in ``app`` mode."""
    value = value.replace("\n", " ")
    if width is not None and cell_len(value) > width:
        value = value[: max(1, width - 1)] + "…"
    rtl = is_rtl(value)
    if mode == "app" and value:
        shown, _ = visual(value, rtl)
        return Text(shown, style=style, justify="right" if rtl else "left", no_wrap=True, end="")
    justify = "right" if rtl and mode == "terminal" else "left"
    return Text(value, style=style, justify=justify, no_wrap=True, end="")  # type: ignore[arg-type]


def line_of(plain: str, offset: int, width: int) -> int:
    """The display line (0-based) holding character `offset` when `plain` is laid out at `width`."""
    line = 0
    pos = 0
    for para in plain.split("\n"):
        end = pos + len(para)
        if offset <= end:
            for i, (_s, e) in enumerate(wrap_offsets(para, width)):
                if offset - pos < e or i == len(wrap_offsets(para, width)) - 1:
                    return line + i
        line += len(wrap_offsets(para, width))
        pos = end + 1
    return line
