"""Suggestions: likely duplicates and automatic cross-document links, each with its reasons and score.

`a` accepts (merges the duplicate, or confirms the link), `r` rejects (remembered: never suggested
again; a rejected link is removed), `u` undoes the last decision, `enter` opens the first claim,
`o` the second."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from claimtrack import services
from claimtrack.workflow import WorkflowError
from tui import bidi
from tui.messages import DatabaseChanged
from tui.store import SuggestionView

if TYPE_CHECKING:
    from tui.app import ClaimtrackApp

KIND_STYLE = {"duplicate": "black on bright_cyan", "cross-document": "black on bright_yellow"}
DEFAULT_THRESHOLD = 0.8


class SuggestionsScreen(Screen[None]):
    """Every open suggestion; decisions run in a worker and can be undone."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="suggestions.back"),
        Binding("a", "accept", "Accept", id="suggestions.accept",
                tooltip="Merge the duplicate, or confirm the automatic link"),
        Binding("r", "reject", "Reject", id="suggestions.reject",
                tooltip="Never suggest this pair again (a rejected link is removed)"),
        Binding("u", "undo", "Undo", id="suggestions.undo", tooltip="Undo the last accept or reject"),
        Binding("o", "open_second", "Open other", id="suggestions.open_second",
                tooltip="Open the second claim of the pair (enter opens the first)"),
        Binding("ctrl+r", "reload", "Reload", id="suggestions.reload", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[SuggestionView] = []
        self.undo_stack: list[tuple[str, Any]] = []

    @property
    def capp(self) -> ClaimtrackApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(Text(" Suggestions · loading…", style="bold"), id="suggestions-title", markup=False)
        yield OptionList(id="suggestions")
        yield Static(Text(""), id="suggestions-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.reload()

    def threshold(self) -> float:
        settings = self.capp.settings
        try:
            return float(settings.value("duplicate_threshold")) if settings is not None else DEFAULT_THRESHOLD
        except (AttributeError, KeyError, TypeError, ValueError):
            return DEFAULT_THRESHOLD

    @work(thread=True, exclusive=True, group="suggestions")
    def reload(self) -> None:
        items = self.capp.store.suggestions(self.threshold())
        self.app.call_from_thread(self.show, items)

    def show(self, items: list[SuggestionView]) -> None:
        ol = self.query_one(OptionList)
        keep = ol.highlighted or 0
        self.items = items
        ol.clear_options()
        width = max(30, (ol.content_region.width or self.app.size.width) - 4)
        for i, sug in enumerate(items):
            ol.add_option(Option(self._prompt(sug, width), id=str(i)))
        if items:
            ol.highlighted = min(keep, len(items) - 1)
        dup = sum(1 for s in items if s.kind == "duplicate")
        title = Text(f" Suggestions ({len(items)}): duplicates {dup} · cross-document links {len(items) - dup}",
                     style="bold")
        self.query_one("#suggestions-title", Static).update(title)
        if not items:
            ol.add_option(Option(Text("No open suggestions.", style="dim"), disabled=True))

    def _prompt(self, sug: SuggestionView, width: int) -> Text:
        mode = self.capp.bidi_mode
        t = Text()
        t.append(f" {sug.kind} ", style=KIND_STYLE.get(sug.kind, "reverse"))
        t.append(f" score {sug.score:.2f}  ", style="bold")
        t.append(f"#{sug.first} {sug.relation.replace('_', ' ')} #{sug.second}\n", style="bold")
        t.append(bidi.line("   why: " + " · ".join(sug.reasons), mode) + "\n", style="italic")
        for cid, who, text in ((sug.first, sug.first_claimant, sug.first_text),
                               (sug.second, sug.second_claimant, sug.second_text)):
            t.append(f"   #{cid:<7}")
            t.append_text(bidi.cell(f"{who or '?'}: {text}", mode, width - 12))
            t.append("\n")
        return t

    @property
    def current(self) -> SuggestionView | None:
        i = self.query_one(OptionList).highlighted
        return self.items[i] if i is not None and 0 <= i < len(self.items) else None

    def action_accept(self) -> None:
        self._decide(True)

    def action_reject(self) -> None:
        self._decide(False)

    def _decide(self, accept: bool) -> None:
        sug = self.current
        if sug is None:
            self.notify("No suggestion selected.", severity="warning", markup=False)
            return
        self.run_decision(sug, accept)

    @work(thread=True, exclusive=True, group="decide")
    def run_decision(self, sug: SuggestionView, accept: bool) -> None:
        try:
            message, undo = self.capp.store.decide(sug, accept)
        except (services.ClaimtrackError, WorkflowError, ValueError) as exc:
            self.app.call_from_thread(self._said, f"Refused: {exc}", True)
            return
        self.undo_stack.append((message, undo))
        self.app.call_from_thread(self._said, message + " (u undoes)", False)
        self.reload()

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo.", markup=False)
            return
        self.run_undo(self.undo_stack.pop())

    @work(thread=True, exclusive=True, group="decide")
    def run_undo(self, entry: tuple[str, Any]) -> None:
        try:
            message = self.capp.store.undo(entry[1])
        except (services.ClaimtrackError, WorkflowError, ValueError) as exc:
            self.undo_stack.append(entry)
            self.app.call_from_thread(self._said, f"Could not undo: {exc}", True)
            return
        self.app.call_from_thread(self._said, message, False)
        self.reload()

    def _said(self, text: str, error: bool) -> None:
        self.query_one("#suggestions-status", Static).update(Text(" " + text, style="bold red" if error else ""))
        self.notify(text, severity="error" if error else "information", markup=False)

    @on(OptionList.OptionSelected, "#suggestions")
    def _open_first(self, _event: OptionList.OptionSelected) -> None:
        if self.current:
            self.capp.open_claim(self.current.first)

    def action_open_second(self) -> None:
        if self.current:
            self.capp.open_claim(self.current.second)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_reload(self) -> None:
        self.reload()

    def on_database_changed(self, _message: DatabaseChanged) -> None:
        self.reload()

    def refresh_bidi(self) -> None:
        self.show(self.items)
