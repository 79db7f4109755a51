"""Inputs that show Arabic shaped and reordered in ``app`` bidi mode, while edited too."""

from __future__ import annotations

from rich.text import Text
from textual.strip import Strip
from textual.widgets import Input

from claimtrack.text import is_rtl
from tui import bidi


class ShapedInputMixin:
    """For an Input: in ``app`` mode a value with Arabic is drawn shaped and in visual order, and the
    cursor and selection are drawn on the display cells of the letters they are at (editing keys
    still move through the letters in logical order). No ligature is made across the cursor, so
    the cursor always sits on one letter."""

    def render_line(self, y: int) -> Strip:
        field: Input = self  # type: ignore[assignment]
        if y != 0 or field.password or not field.value or getattr(field.app, "bidi_mode", "") != "app" \
                or not field.has_focus:
            return super().render_line(y)  # type: ignore[misc]
        value, cursor = field.value, field.cursor_position
        shown, order = bidi.visual(value, is_rtl(value), (cursor, cursor + 1))
        if shown == value and order == tuple(range(len(value))):
            return super().render_line(y)  # type: ignore[misc]
        return self._shaped_strip(shown, order)

    def _shaped_strip(self, shown: str, order: tuple[int, ...]) -> Strip:
        field: Input = self  # type: ignore[assignment]
        value, cursor = field.value, field.cursor_position
        where = bidi.display_positions(order, len(value))
        text = Text(shown, no_wrap=True, overflow="ignore", end="")
        start, end = sorted(field.selection)
        if start != end:
            style = field.get_component_rich_style("input--selection")
            for i in range(start, end):
                text.stylize_before(style, where[i], where[i] + 1)
        if field._cursor_visible:  # noqa: SLF001 - the blink state Input itself draws from
            if cursor < len(value):
                at = where[cursor]
            elif is_rtl(value):  # the end of a right-to-left line is its left edge
                text, at = Text(" ", end="") + text, 0
            else:
                text.pad_right(1)
                at = len(text) - 1
            text.stylize(field.get_component_rich_style("input--cursor"), at, at + 1)
        console, options = field.app.console, field.app.console_options
        width = field.scrollable_content_region.width
        strip = Strip(list(console.render(text, options.update_width(field.content_width))))
        scroll_x, _ = field.scroll_offset
        strip = strip.crop(scroll_x, scroll_x + width + 1).extend_cell_length(width + 1)
        return strip.apply_style(field.rich_style)


class BidiInput(ShapedInputMixin, Input):
    """Arabic reads right to left in ``app`` mode like every other Arabic line on screen, unfocused
    (one line, ligatures on) and while edited (`ShapedInputMixin`)."""

    @property
    def _value(self) -> Text:
        text = super()._value
        if self.has_focus or self.password or getattr(self.app, "bidi_mode", "") != "app":
            return text
        return Text(bidi.line(text.plain, "app"), no_wrap=True, overflow="ignore", end="")

    def _on_blur(self, event: object) -> None:
        super()._on_blur(event)  # type: ignore[arg-type]
        self.refresh()
