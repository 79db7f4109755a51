"""The claimtrack Textual app and its factory, shared by the CLI and the tests."""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.app import App
from textual.binding import Binding

from claimtrack.listing import BareReader
from tui import bidi
from tui.commands import ActionProvider, ClaimProvider
from tui.messages import DatabaseChanged
from tui.query import PAGE_SIZE, QueueQuery

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from claimtrack.listing import ClaimRow
    from tui.store import Store


class ClaimtrackApp(App[None]):
    """Queue → claim → document, with workflow dialogs; all database work in thread workers.

    Given a SQLite `target` and its `reader` instead of an engine (`claimtrack tui`), the queue's first
    page is read and painted through the bare driver; the database stack (SQLAlchemy, the models, the
    services: `tui.store.Store`) loads in a thread after that paint, and workers needing it wait for it.
    Queue pages and counts on SQLite always go through the bare reader (claimtrack.listing)."""

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

    def __init__(self, *, engine: Engine | None = None, analyst: str, bidi: str = "terminal", settings: Any = None,
                 target: str | None = None, reader: BareReader | None = None) -> None:
        super().__init__()
        self.handle = analyst
        self._target = target
        self._store: Store | None = None
        self._store_ready = threading.Event()
        self._store_lock = threading.Lock()
        self._store_thread: threading.Thread | None = None
        self._store_error: BaseException | None = None
        if engine is not None:
            from tui.store import Store

            self._store = Store(engine, analyst)
            self._store_ready.set()
            if reader is None and engine.dialect.name == "sqlite" and engine.url.database:
                reader = BareReader.open(engine.url.database)
        self.reader = reader
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
        if self._store is not None:
            self._store.close()
        if self.reader is not None:
            self.reader.close()

    # --- the database --------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        """The database access (tui.store); while it is still loading, wait for it (workers only)."""
        if self._store is None:
            self.start_loading_store()
            self._store_ready.wait()
            if self._store is None:
                raise RuntimeError(f"cannot open the database {self._target}") from self._store_error
        return self._store

    def start_loading_store(self) -> None:
        """Load the database stack and build the store in a thread of its own (once)."""
        with self._store_lock:
            if self._store_thread is not None or self._store_ready.is_set():
                return
            self._store_thread = threading.Thread(target=self._load_store, name="claimtrack-store", daemon=True)
            self._store_thread.start()

    def _load_store(self) -> None:
        try:
            from claimtrack import db
            from tui.store import Store

            self._store = Store(db.make_engine(str(self._target)), self.handle)
            import tui.screens.claim  # noqa: F401 - the first claim opened then does not wait for its import
            gc.freeze()  # the modules just loaded live as long as the app (see first_page_shown)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever needs the store
            self._store_error = exc
        finally:
            self._store_ready.set()

    def queue_page(self, q: QueueQuery, after: tuple[Any, int] | None = None, backwards: bool = False,
                   limit: int = PAGE_SIZE) -> list[ClaimRow]:
        """One queue page after (or, backwards, before) the keyset `after` (blocks: workers only)."""
        if self.reader is None:
            return self.store.page(q, after=after, backwards=backwards, limit=limit)
        rows = self.reader.page(q.filt, sort=q.sort, descending=q.descending != backwards, limit=limit, after=after)
        return rows[::-1] if backwards else rows

    def queue_count(self, q: QueueQuery) -> int:
        """How many claims match the queue's filter (blocks: workers only)."""
        return self.reader.count(q.filt) if self.reader is not None else self.store.count(q)

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
                screen.update_topbar()

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
        self.call_after_refresh(self._after_first_paint)
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

    def _after_first_paint(self) -> None:
        """The first page is on screen: now load the database stack, the analyst and start polling."""
        self.start_loading_store()
        self.load_analyst()
        if self.POLL_SECONDS:
            self.set_interval(self.POLL_SECONDS, self.poll_changes)

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

    def show_claim(self, detail: Any) -> None:
        """Show a claim whose detail has been read already (tui.prefetch)."""
        self._show_claim(detail)

    def prepare_claim(self, detail: Any) -> None:
        """Fill the (hidden, reused) claim screen with `detail` ahead of its opening (tui.prefetch): Enter
        then only has to show it. Nothing happens while that screen is in use."""
        screen = self._claim_screen
        if screen is not None and screen.is_mounted and screen not in self.screen_stack:
            screen.show(detail, top=True)

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
            if screen.detail is not detail:  # else filled already, while hidden (prepare_claim)
                screen.show(detail, top=True)
            screen.reopen()
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

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
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


def build_app(*, engine: Engine | None = None, analyst: str, bidi: str = "terminal", settings: Any = None,
              target: str | None = None, reader: BareReader | None = None) -> ClaimtrackApp:
    """The one app factory, used by `claimtrack tui` and by the tests: an engine, or (claimtrack.quick)
    an up-to-date SQLite file's path and its bare reader."""
    return ClaimtrackApp(engine=engine, analyst=analyst, bidi=bidi or "terminal", settings=settings, target=target,
                         reader=reader)
