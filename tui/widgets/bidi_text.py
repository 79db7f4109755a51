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
        self._laid: tuple[tuple[str, int], Text] | None = None  # the last layout: (mode, width), text

    @property
    def mode(self) -> str:
        return self._mode or str(getattr(self.app, "bidi_mode", "terminal"))

    @property
    def text(self) -> Text:
        return self._text

    def update(self, text: Text | str) -> None:
        self._text = text if isinstance(text, Text) else Text(text)
        self._laid = None
        self.refresh(layout=True)

    def set_mode(self, mode: str | None) -> None:
        self._mode = mode
        self._laid = None
        self.refresh(layout=True)

    def refresh(self, *args, **kwargs):
        if kwargs.get("layout"):
            self._laid = None  # e.g. the app's bidi mode changed (refresh_bidi): lay out again
        return super().refresh(*args, **kwargs)

    def _laid_out(self, width: int) -> Text:
        """The text laid out for the mode at `width`; measuring the height and rendering share it."""
        key = (self.mode, max(1, width))
        if self._laid is None or self._laid[0] != key:
            self._laid = (key, bidi.layout(self._text.copy(), key[0], key[1]))
        return self._laid[1].copy()

    def render(self) -> Text:
        return self._laid_out(self.content_region.width or self.size.width)

    def get_content_height(self, container, viewport, width: int) -> int:
        laid = self._laid_out(width)
        if self.mode == "off":
            return len(laid.wrap(self.app.console, width))
        return laid.plain.count("\n") + 1
