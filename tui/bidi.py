"""Bidirectional text for terminals that do none (Textual and Rich lay out in logical order).

Three modes:

* ``terminal``: logical order is passed through; the terminal (e.g. VTE, mlterm) reorders.
* ``app``: claimtrack shapes Arabic (arabic-reshaper, harakat kept) and reorders every displayed
  line itself with python-bidi's pure-Python UBA (``bidi.algorithm``, which mirrors brackets);
  the app sends ``ESC [8l`` so that VTE does not reorder a second time.
* ``off``: logical order, left-aligned, nothing done.

Only copies are reordered: stored text is never changed. RTL paragraphs are right-aligned in
``terminal`` and ``app`` modes. Lam-alef ligatures are on: the reshaper's output with ligatures is
aligned with its one-form-per-character output, so every display character knows the logical
characters it shows; a ligature never straddles a style boundary (the pair is left unjoined there).
Styles (highlighted quotes, claim spans) follow their characters through the reorder permutation.
Paragraphs are wrapped first (logical order), then each display line is reordered.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from bidi import algorithm as uba
from rich.cells import cell_len
from rich.text import Span, Text

from claimtrack.text import BIDI_CONTROLS, has_bidi_controls, is_rtl, show_controls

MODES = ("terminal", "app", "off")
BDSM_EXPLICIT = "\x1b[8l"  # VTE: stop implicit bidi (the app has reordered already)
BDSM_IMPLICIT = "\x1b[8h"  # VTE: the terminal reorders (its default)

LAM_ALEF_LIGATURES = ("ARABIC LIGATURE LAM WITH ALEF", "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE",
                      "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW", "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE")


@lru_cache(maxsize=1)
def _reshapers():  # noqa: ANN202 - arabic_reshaper (and the fontTools it loads) only when app mode shapes
    """(plain reshaper, lam-alef reshaper): the plain one keeps one glyph per character, the reference
    for offsets; the other joins lam-alef only, since word ligatures (ﷲ …) would hide letters."""
    import arabic_reshaper

    plain = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": False})
    ligatures = arabic_reshaper.ArabicReshaper(configuration={
        "delete_harakat": False,
        "support_ligatures": True,
        **{name: name in LAM_ALEF_LIGATURES for name in arabic_reshaper.reshaper_config.default_config
           if name.startswith("ARABIC LIGATURE") or name == "RIAL SIGN"},
    })
    return plain, ligatures


_WORD = re.compile(r"\S+\s*|\s+")


def next_mode(mode: str) -> str:
    """The mode after `mode` in the runtime toggle cycle."""
    return MODES[(MODES.index(mode) + 1) % len(MODES)] if mode in MODES else "terminal"


def _levels_and_order(text: str, rtl: bool) -> list[tuple[int, str]]:
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
    return [(c["idx"], c["ch"]) for c in storage["chars"]]


def _clusters(line: str, breaks: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
    """Shape `line`: (shaped string, logical index of each shaped character's first letter).

    A lam-alef ligature stands for two logical characters; where it would straddle one of the
    offsets in `breaks` (a style boundary) the two letters are kept apart."""
    plain_reshaper, ligature_reshaper = _reshapers()
    plain = plain_reshaper.reshape(line)
    if len(plain) != len(line):  # defensive: never lose the mapping
        return line, tuple(range(len(line)))
    joined = ligature_reshaper.reshape(line)
    if joined == plain:
        return plain, tuple(range(len(line)))
    out: list[str] = []
    starts: list[int] = []
    i = j = 0
    while i < len(plain) and j < len(joined):
        if joined[j] == plain[i]:
            out.append(plain[i])
            starts.append(i)
            i, j = i + 1, j + 1
        elif "\ufef5" <= joined[j] <= "\ufefc" and i + 1 < len(plain):
            if i + 1 in breaks:
                out.extend(plain[i:i + 2])
                starts.extend((i, i + 1))
            else:
                out.append(joined[j])
                starts.append(i)
            i, j = i + 2, j + 1
        else:  # the reshaper did something this alignment does not know: no ligatures on this line
            return plain, tuple(range(len(line)))
    if i != len(plain) or j != len(joined):
        return plain, tuple(range(len(line)))
    return "".join(out), tuple(starts)


@lru_cache(maxsize=4096)
def visual(line: str, rtl: bool | None = None, breaks: tuple[int, ...] = ()) -> tuple[str, tuple[int, ...]]:
    """Shape and reorder one line: (display string, logical index of each display character).

    A ligature's display character maps to its first letter; its second letter is not listed."""
    if rtl is None:
        rtl = is_rtl(line)
    if not any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in line) and not rtl:
        return line, tuple(range(len(line)))
    shaped, starts = _clusters(line, breaks)
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
    return "".join(ch for _, ch in out), tuple(starts[i] for i, _ in out)


def line(value: str, mode: str) -> str:
    """One line of plain text as displayed in `mode` (shaped and reordered in ``app`` mode)."""
    if mode != "app" or not value:
        return value
    return visual(value.replace("\n", " "))[0]


def display_positions(order: tuple[int, ...], length: int) -> list[int]:
    """Display position of every logical character (a ligature's second letter shares the first's)."""
    where = [-1] * length
    for pos, idx in enumerate(order):
        where[idx] = pos
    for i in range(length):
        if where[i] < 0:
            where[i] = where[i - 1] if i else 0
    return where


def reorder_text(line: Text, rtl: bool | None = None) -> Text:
    """A reordered copy of a one-line Text, its spans moved with the characters."""
    plain = line.plain
    breaks = tuple(sorted({b for span in line.spans for b in (span.start, span.end)}))
    shown, order = visual(plain, rtl, breaks)
    out = Text(shown, style=line.style, justify=line.justify, no_wrap=True, end="")
    if line.spans:
        where = display_positions(order, len(plain))
        for span in line.spans:
            positions = sorted({where[i] for i in range(span.start, min(span.end, len(plain)))})
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
    text = mark_bidi_controls(text)
    if mode == "off":
        return text
    lines: list[Text] = []
    for para in paragraphs(text):
        rtl = is_rtl(para.plain)
        for piece in _pieces(para, wrap_offsets(para.plain, width)):
            piece.rstrip()
            shown = reorder_text(piece, rtl) if mode == "app" else piece
            if rtl:
                shown.pad_left(max(0, width - shown.cell_len))
            lines.append(shown)
    return _join(lines)


def _pieces(para: Text, offsets: list[tuple[int, int]]) -> list[Text]:
    """The lines of `para` at `offsets`: one pass over the text when the lines follow each other (as
    wrap_offsets makes them), instead of a slice (a pass) per line."""
    ends = [end for _start, end in offsets]
    if offsets and offsets[0][0] == 0 and ends[-1] == len(para.plain) and \
            all(start == prev for (start, _e), prev in zip(offsets[1:], ends, strict=False)):
        return list(para.divide(ends[:-1]))
    return [para[start:end] for start, end in offsets]


def mark_bidi_controls(text: Text) -> Text:
    """`text` with each bidi control shown as a reverse-video marker (Trojan Source), spans kept."""
    plain = text.plain
    if not has_bidi_controls(plain):
        return text
    cuts = sorted({i + d for i, ch in enumerate(plain) if ch in BIDI_CONTROLS for d in (0, 1)})
    out = Text(style=text.style, justify=text.justify, no_wrap=text.no_wrap, end=text.end)
    for part in text.divide(cuts):
        if part.plain in BIDI_CONTROLS:
            out.append(show_controls(part.plain), style="reverse")
        else:
            out.append_text(part)
    return out


def _join(parts: list[Text]) -> Text:
    if len(parts) == 1:
        return parts[0]
    out = Text("\n").join(parts)
    out.no_wrap = True
    return out


def cell(value: str, mode: str, width: int | None = None, style: str = "") -> Text:
    """One table cell: never markup; RTL right-aligned; reordered in ``app`` mode."""
    value = show_controls(value.replace("\n", " "))
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


def hanging(prefix: Text, body: Text, mode: str, width: int, max_lines: int = 3) -> Text:
    """`prefix` then `body` wrapped (then, in ``app`` mode, reordered line by line) in the `width`
    left over, continuation lines indented under the body: a wrapped sentence reads top to bottom."""
    indent = prefix.cell_len
    room = max(10, width - indent)
    if mode == "off":
        lines = [body[s:e] for s, e in wrap_offsets(body.plain.replace("\n", " "), room)]
    else:
        lines = list(layout(Text(body.plain.replace("\n", " "), style=body.style, spans=body.spans), mode,
                            room).split("\n", allow_blank=True))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1] + Text("…") if not is_rtl(body.plain) else Text("…") + lines[-1]
    out = prefix.copy()
    for i, piece in enumerate(lines):
        if i:
            out.append("\n" + " " * indent)
        out.append_text(piece)
    out.no_wrap = True
    return out
