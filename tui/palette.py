"""The command palette with an input that shapes Arabic in ``app`` bidi mode."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.command import CommandInput, CommandList, CommandPalette, SearchIcon
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, LoadingIndicator

from tui.widgets.bidi_input import ShapedInputMixin


class ShapedCommandInput(ShapedInputMixin, CommandInput):
    """The palette's input: Arabic typed into it is shown shaped, right to left, in ``app`` mode."""


class ShapedCommandPalette(CommandPalette):
    """Textual's palette, composed the same way with `ShapedCommandInput` as its input."""

    def compose(self) -> ComposeResult:
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                yield ShapedCommandInput(placeholder=self._placeholder, select_on_focus=False)
                if not self.run_on_select:
                    yield Button("\u25b6")
            with Vertical(id="--results"):
                yield CommandList()
                yield LoadingIndicator()
