"""An Input that shows Arabic shaped and reordered (``app`` bidi mode) whenever it is not being edited."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input

from tui import bidi


class BidiInput(Input):
    """While focused the value is shown in logical order (the cursor must match the characters);
    unfocused, in ``app`` mode, it reads right to left like every other Arabic line on screen."""

    @property
    def _value(self) -> Text:
        text = super()._value
        if self.has_focus or self.password or getattr(self.app, "bidi_mode", "") != "app":
            return text
        return Text(bidi.line(text.plain, "app"), no_wrap=True, overflow="ignore", end="")

    def _on_blur(self, event: object) -> None:
        super()._on_blur(event)  # type: ignore[arg-type]
        self.refresh()
