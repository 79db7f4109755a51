"""The help screen: every binding of the app, by screen, with its description."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from claimtrack.services import ADMIRALTY_CREDIBILITY, ADMIRALTY_RELIABILITY


def binding_sections() -> list[tuple[str, list[Binding]]]:
    """(section title, bindings) for every screen and widget with bindings of its own."""
    from tui.app import ClaimtrackApp
    from tui.screens.bidi_preview import BidiPreviewScreen
    from tui.screens.claim import ClaimScreen
    from tui.screens.document import DocumentScreen
    from tui.screens.forms import FilterModal
    from tui.screens.modals import ActionModal, ConflictScreen
    from tui.screens.queue import QueueScreen
    from tui.screens.suggestions import SuggestionsScreen
    from tui.widgets.claim_table import ClaimTable

    sections = [("Everywhere", ClaimtrackApp.BINDINGS), ("Queue", QueueScreen.BINDINGS),
                ("Queue table", ClaimTable.BINDINGS), ("Claim", ClaimScreen.BINDINGS),
                ("Document", DocumentScreen.BINDINGS),
                ("Suggestions", SuggestionsScreen.BINDINGS), ("Dialogs", ActionModal.BINDINGS),
                ("Filter dialog", FilterModal.BINDINGS), ("Conflict", ConflictScreen.BINDINGS),
                ("Bidi preview", BidiPreviewScreen.BINDINGS), ("Help", HelpScreen.BINDINGS)]
    return [(title, [b for b in bindings if isinstance(b, Binding)]) for title, bindings in sections]


class HelpScreen(ModalScreen[None]):
    """Lists every key binding, and what the Admiralty grades mean."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close help", id="help.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(self._table(), markup=False)

    def _table(self) -> Table:
        table = Table(title="claimtrack keys", expand=True, show_edge=False, pad_edge=False)
        table.add_column("Where", style="bold", no_wrap=True)
        table.add_column("Key", style="cyan", no_wrap=True)
        table.add_column("Action")
        table.add_column("What it does", style="dim")
        for title, bindings in binding_sections():
            for i, b in enumerate(bindings):
                keys = ", ".join(self.app.get_key_display(Binding(k, b.action)) for k in b.key.split(","))
                table.add_row(Text(title if i == 0 else ""), Text(keys), Text(b.description), Text(b.tooltip))
        table.add_row(Text("Palette"), Text("ctrl+p"), Text("Command palette"),
                      Text("find claims by their words or id; run any action by name"))
        grades = Text("\nAdmiralty code: source reliability ")
        grades.append(", ".join(f"{k} {v}" for k, v in ADMIRALTY_RELIABILITY.items()))
        grades.append("; information credibility ")
        grades.append(", ".join(f"{k} {v}" for k, v in ADMIRALTY_CREDIBILITY.items()))
        table.caption = grades
        return table

    def action_close(self) -> None:
        self.dismiss(None)
