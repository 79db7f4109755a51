"""A paragraph widget that lays out (and in `app` mode reorders) text for the bidi mode."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui import bidi


class BidiText(Widget):
    """Shows a rich Text (never markup) wrapped to its width; RTL paragraphs right-aligned."""

    DEFAULT_CSS = """
    BidiText { height: auto; width: 1fr; }
    """

    def __init__(self, text: Text | str = "", *, mode: str | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._text = text if isinstance(text, Text) else Text(text)
        self._mode = mode

    @property
    def mode(self) -> str:
        return self._mode or getattr(self.app, "bidi_mode", "terminal")

    @property
    def text(self) -> Text:
        return self._text

    def update(self, text: Text | str) -> None:
        self._text = text if isinstance(text, Text) else Text(text)
        self.refresh(layout=True)

    def set_mode(self, mode: str | None) -> None:
        self._mode = mode
        self.refresh(layout=True)

    def _laid_out(self, width: int) -> Text:
        return bidi.layout(self._text.copy(), self.mode, max(1, width))

    def render(self) -> Text:
        return self._laid_out(self.content_region.width or self.size.width)

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        laid = self._laid_out(width)
        if self.mode == "off":
            return len(laid.wrap(self.app.console, width))
        return laid.plain.count("\n") + 1
