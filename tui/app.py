"""The claimtrack Textual app and its factory, shared by the CLI and the tests."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import Engine
from textual import work
from textual.app import App
from textual.binding import Binding

from tui import bidi
from tui.commands import ActionProvider, ClaimProvider
from tui.messages import DatabaseChanged
from tui.store import QueueQuery, Store


class ClaimtrackApp(App[None]):
    """Queue → claim → document, with workflow dialogs; all database work in thread workers."""

    CSS_PATH = "app.tcss"
    TITLE = "claimtrack"
    COMMANDS = App.COMMANDS | {ClaimProvider, ActionProvider}
    ENABLE_COMMAND_PALETTE = True
    POLL_SECONDS = 2.0
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="List every key binding"),
        Binding("ctrl+p", "command_palette", "Palette", id="app.palette", priority=True, show=False,
                tooltip="Find claims by text, run actions by name"),
        Binding("b", "toggle_bidi", "Bidi", id="app.bidi", tooltip="Cycle Arabic display: terminal → app → off"),
        Binding("B", "bidi_preview", "Bidi preview", id="app.bidi_preview", show=False,
                tooltip="Preview the Arabic display modes and pick one"),
    ]

    def __init__(self, *, engine: Engine, analyst: str, bidi: str = "terminal", settings: Any = None) -> None:
        super().__init__()
        self.store = Store(engine, analyst)
        self.handle = analyst
        self.role = "…"
        self.bidi_mode = bidi if bidi in ("terminal", "app", "off") else "terminal"
        self.settings = settings
        self.animation_level = "none"
        self._started = False
        self._claim_screen: Any = None
        self.analysts: list[tuple[str, str]] = []  # (handle, role) of every analyst, for the assign dialog

    # --- lifecycle -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        from tui.screens.queue import QueueScreen

        self._send_bdsm()
        self.push_screen(QueueScreen())

    def on_unmount(self) -> None:
        if self.bidi_mode == "app":
            self._write_terminal(bidi.BDSM_IMPLICIT)
        self.store.close()

    @work(thread=True, exclusive=True, group="analyst")
    def load_analyst(self) -> None:
        me = self.store.ensure_analyst()
        self.analysts = self.store.analysts()
        self.call_from_thread(self._set_role, me.role.value)

    def _set_role(self, role: str) -> None:
        if role == self.role:
            return
        self.role = role
        for screen in self.screen_stack:
            if hasattr(screen, "update_topbar"):
                screen.update_topbar()  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="analyst")
    def refresh_role(self) -> None:
        """Read this analyst's role again (an admin may have changed it)."""
        try:
            role = self.store.role()
            self.analysts = self.store.analysts()
        except Exception:  # noqa: BLE001 - a busy database: the next change tries again
            return
        self.call_from_thread(self._set_role, role.value)

    @work(thread=True, exclusive=True, group="watch")
    def poll_changes(self) -> None:
        """Notice other analysts' commits (db.ChangeWatcher) and tell the screens to refresh."""
        try:
            changed = self.store.changed()
        except Exception:  # noqa: BLE001 - a busy or vanished database must not crash the UI
            return
        if changed:
            self.call_from_thread(self._broadcast_change)

    def _broadcast_change(self) -> None:
        self.refresh_role()
        for screen in self.screen_stack:
            if hasattr(screen, "on_database_changed"):
                screen.post_message(DatabaseChanged())

    def first_page_shown(self) -> None:
        """The queue has its first rows: only now start the rest (analyst record, change polling).

        With $CLAIMTRACK_TUI_READY_FILE set (bench/tui.py), write the wall-clock time of the first
        frame painted after this moment to that file, then exit."""
        if self._started:
            return
        self._started = True
        # Everything alive now (modules, widgets, styles) lives as long as the app: keep it out of
        # the cyclic collector, whose full passes over it otherwise stall frames by 100 ms or more.
        gc.freeze()
        # A TUI allocates many short-lived render objects: collect the young generation less often.
        gc.set_threshold(20_000, 50, 50)
        self.load_analyst()
        if self.POLL_SECONDS:
            self.set_interval(self.POLL_SECONDS, self.poll_changes)
        path = os.environ.get("CLAIMTRACK_TUI_READY_FILE")
        driver = self._driver
        if not path or driver is None:
            return
        original = driver.write

        def write(data: str) -> None:
            original(data)
            driver.write = original  # type: ignore[method-assign]
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(repr(time.time()))
            self.call_later(self.exit)
        driver.write = write  # type: ignore[method-assign]

    # --- navigation ----------------------------------------------------------------------------

    def open_claim(self, claim_id: int, otherwise: Callable[[], None] | None = None) -> None:
        """Load the claim, then show it: the claim screen appears complete, never half-filled.
        If there is no such claim, run `otherwise` (or say so)."""
        self._load_claim(claim_id, otherwise)

    @work(thread=True, exclusive=True, group="open-claim")
    def _load_claim(self, claim_id: int, otherwise: Callable[[], None] | None = None) -> None:
        from claimtrack.services import ClaimtrackError

        try:
            detail = self.store.detail(claim_id)
        except ClaimtrackError as exc:
            if otherwise is not None:
                self.call_from_thread(otherwise)
            else:
                self.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.call_from_thread(self._show_claim, detail)

    def _show_claim(self, detail: Any) -> None:
        from tui.screens.claim import ClaimScreen

        screen = self._claim_screen
        if screen is None:  # composed once, then reused: installed screens keep their widgets
            screen = self._claim_screen = ClaimScreen(detail.claim.id, detail)
            self.install_screen(screen, name="claim")
        elif screen in self.screen_stack:  # a claim opened from a claim gets a screen of its own
            self.push_screen(ClaimScreen(detail.claim.id, detail))
            return
        elif screen.is_mounted:
            screen.show(detail, top=True)
        else:
            screen.claim_id, screen.detail = detail.claim.id, detail
        self.push_screen(screen)

    def open_document(self, document_id: int, appearance_id: int | None = None) -> None:
        from tui.screens.document import DocumentScreen

        self.push_screen(DocumentScreen(document_id, appearance_id))

    def queue_query(self) -> QueueQuery:
        from tui.screens.queue import QueueScreen

        for screen in self.screen_stack:
            if isinstance(screen, QueueScreen):
                return screen.query_state
        return QueueQuery()

    # --- actions -------------------------------------------------------------------------------

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from tui.palette import ShapedCommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(ShapedCommandPalette(id="--command-palette"))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_bidi(self) -> None:
        self.set_bidi(bidi.next_mode(self.bidi_mode))

    def action_bidi_preview(self) -> None:
        from tui.screens.bidi_preview import BidiPreviewScreen

        def chosen(mode: str | None) -> None:
            if mode:
                self.set_bidi(mode)
        self.push_screen(BidiPreviewScreen(), chosen)

    def set_bidi(self, mode: str) -> None:
        """Switch the Arabic display mode at run time (stored text is never touched)."""
        if self.bidi_mode == "app" and mode != "app":
            self._write_terminal(bidi.BDSM_IMPLICIT)
        self.bidi_mode = mode
        self._send_bdsm()
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_bidi", None)
            if refresh:
                refresh()
        self.notify(f"Arabic display: {mode}", markup=False)

    def _send_bdsm(self) -> None:
        if self.bidi_mode == "app":
            self._write_terminal(bidi.BDSM_EXPLICIT)

    def _write_terminal(self, seq: str) -> None:
        driver = self._driver
        if driver is not None and not self.is_headless:
            try:
                driver.write(seq)
                driver.flush()
            except Exception:  # noqa: BLE001 - a closed terminal is fine to ignore
                pass


def build_app(*, engine: Engine, analyst: str, bidi: str = "terminal", settings: Any = None) -> ClaimtrackApp:
    """The one app factory, used by `claimtrack tui` and by the tests."""
    return ClaimtrackApp(engine=engine, analyst=analyst, bidi=bidi or "terminal", settings=settings)
