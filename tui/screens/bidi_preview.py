"""A small preview so an analyst can pick the bidi mode that reads right in their terminal."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.widgets.bidi_text import BidiText

SAMPLE = ("قالَ المتحدث (جون كيربي) إن روسيا تسعى إلى صفقة \"غذاء مقابل سلاح\" مع كوريا الشمالية في ٢٠٢٣.\n"
          "The White House (Kirby) said: «روسيا تسعى» [sic] 3 times.")
HELP = ("Pick the line that reads right: Arabic letters joined, words right-to-left, brackets facing "
        "the right way, numbers left-to-right.\n"
        "1 terminal: your terminal reorders (mlterm, Konsole, GNOME Terminal with bidi).\n"
        "2 app: claimtrack shapes and reorders (most terminals: xterm, tmux, Windows Terminal, kitty).\n"
        "3 off: logical order, nothing done.")


class BidiPreviewScreen(ModalScreen[str | None]):
    """Shows the same sample in each mode; 1/2/3 choose."""

    BINDINGS = [
        Binding("1", "choose('terminal')", "terminal", id="bidi.terminal"),
        Binding("2", "choose('app')", "app", id="bidi.app"),
        Binding("3", "choose('off')", "off", id="bidi.off"),
        Binding("escape", "choose('')", "Close", id="bidi.close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog bidi-preview"):
            yield Label("Arabic display: which one reads right?", classes="dialog-title")
            yield Static(Text(HELP, style="dim"), markup=False)
            for n, mode in enumerate(("terminal", "app", "off"), 1):
                current = " (current)" if mode == getattr(self.app, "bidi_mode", "") else ""
                yield Label(Text(f"{n}  {mode}{current}", style="bold"), classes="section")
                yield BidiText(Text(SAMPLE), mode=mode, classes="preview")

    def action_choose(self, mode: str) -> None:
        self.dismiss(mode or None)
