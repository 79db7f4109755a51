"""The queue: a keyset-paged window over every claim matching the filter, search and sort."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.widgets import DataTable, Input, Static

from claimtrack import listing
from claimtrack.enums import ClaimState, Verdict
from tui import bidi
from tui.messages import DatabaseChanged
from tui.prefetch import DetailPrefetch
from tui.query import PAGE_SIZE, QueueQuery
from tui.screens.base import CLAIM_BINDINGS, ClaimActionScreen
from tui.widgets.bidi_input import BidiInput
from tui.widgets.claim_table import ClaimTable
from tui.widgets.footer import StableFooter
from tui.widgets.preview import ClaimPreview

SORT_CYCLE = ("id", "first_seen", "checkworthiness")
PREVIEW_MIN_WIDTH = 120
ROLE_STYLE = {"admin": "black on bright_magenta", "reviewer": "black on bright_green",
              "analyst": "black on bright_cyan", "viewer": "white on grey37"}


class QueueScreen(ClaimActionScreen):
    """Claims list with filters, full-text search, sorting, 'my claims' and a match count."""

    BINDINGS = [
        Binding("slash", "search", "Search", id="queue.search"),
        Binding("f", "filters", "Filter", id="queue.filters", tooltip="State, verdict, kind, claimant, language, assignee, tag"),
        Binding("m", "mine", "My claims", id="queue.mine", tooltip="Only claims assigned to me"),
        Binding("s", "sort", "Sort", id="queue.sort", tooltip="Cycle sort: id, first seen, check-worthiness"),
        Binding("r", "reverse", "Reverse", id="queue.reverse", show=False, tooltip="Reverse the sort order"),
        Binding("escape", "clear", "Clear filters", id="queue.clear", show=False),
        Binding("ctrl+r", "reload", "Reload", id="queue.reload", show=False),
        Binding("p", "preview", "Preview", id="queue.preview", tooltip="Show or hide the selected claim's preview"),
        Binding("S", "suggestions", "Suggestions", id="queue.suggestions",
                tooltip="Likely duplicates and cross-document links to accept or reject"),
        Binding("X", "export_filter", "Export filter", id="queue.export_filter", show=False,
                tooltip="Export a report for every claim matching the filter"),
        *CLAIM_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = QueueQuery()
        self.total: int | None = None
        self.mine = False
        self.shown_query: QueueQuery | None = None  # the query whose rows are on screen
        self.preview_chosen: bool | None = None  # the analyst's toggle; None: by the terminal's width

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="topbar", markup=False)
        yield BidiInput(placeholder="/ search claims (Arabic folded: harakat, alef forms, ta marbuta)…", id="search")
        yield Static(Text(""), id="status", markup=False)
        with Container(id="queue-body"):
            yield ClaimTable(id="claims")
            yield ClaimPreview(id="preview")
        yield DetailPrefetch()
        yield StableFooter()

    @property
    def table(self) -> ClaimTable:
        return self.query_one(ClaimTable)

    def on_mount(self) -> None:
        self.table.bidi_mode = self.capp.bidi_mode
        self._place_preview()
        self.table.focus()
        self.update_topbar()
        self.reload(keep_cursor=False)

    def update_topbar(self) -> None:
        t = Text()
        t.append(" claimtrack ", style="bold reverse")
        t.append(f"  analyst: {bidi.line(self.capp.handle, self.capp.bidi_mode)} ")
        t.append(f" {self.capp.role} ", style=ROLE_STYLE.get(self.capp.role, "reverse"))
        t.append(f"   bidi: {self.capp.bidi_mode}")
        self.query_one("#topbar", Static).update(t, layout=False)  # one line, always: no layout pass

    def update_status(self) -> None:
        q = self.query_state
        parts = []
        f = q.filt
        for name in ("state", "verdict", "kind", "claimant", "language", "assignee", "tag", "search"):
            value = getattr(f, name)
            if value:
                parts.append(f"{name}={bidi.line(str(getattr(value, 'value', value)), self.capp.bidi_mode)}")
        table = self.table
        total = "counting…" if self.total is None else f"{self.total:,} match"
        where = f"row {table.start + table.cursor_row + 1:,}" if table.rows_data else "no rows"
        arrow = "↓" if q.descending else "↑"
        t = Text()
        t.append(f" {total}", style="bold")
        t.append(f" · {where} · sort {q.sort} {arrow}")
        if table.queued:
            t.append(f" · {len(table.queued)} moves waiting for rows…", style="bold yellow")
        if parts:
            t.append(" · " + " ".join(parts), style="italic")
        self.query_one("#status", Static).update(t, layout=False)  # one line, always: no layout pass

    @property
    def prefetch(self) -> DetailPrefetch:
        return self.query_one(DetailPrefetch)

    @property
    def page_start(self) -> int:
        return self.table.start

    # --- loading -------------------------------------------------------------------------------

    def reload(self, keep_cursor: bool = True) -> None:
        """Reload the window in place (same first row, same cursor row) and recount."""
        table, q = self.table, self.query_state
        self.total = None
        if keep_cursor and table.rows_data:
            first = table.rows_data[0]
            anchor = (listing.sort_value(first, q.sort), first.id) if table.start > 0 else None
            self.load_window(q, anchor, max(PAGE_SIZE, len(table.rows_data)), table.cursor_row, table.start,
                             anchor_is_first=True)
        else:
            self.load_window(q, None, PAGE_SIZE, 0, 0)

    @work(thread=True, exclusive=True, group="page")
    def load_window(self, q: QueueQuery, after: tuple[Any, int] | None, limit: int, cursor: int, start: int,
                    anchor_is_first: bool = False) -> None:
        """Fetch `limit` rows after `after` (or, with `anchor_is_first`, from that row on), then count."""
        app = self.capp
        if anchor_is_first and after is not None:
            # the row before the window start, then the window from there (so the same rows come back)
            before = app.queue_page(q, after=after, backwards=True, limit=1)
            after = (listing.sort_value(before[0], q.sort), before[0].id) if before else None
        rows = app.queue_page(q, after=after, limit=limit)
        self.app.call_from_thread(self._show_window, q, rows, cursor, start, len(rows) < limit)

    def _show_window(self, q: QueueQuery, rows: list[listing.ClaimRow], cursor: int, start: int,
                     at_end: bool) -> None:
        if q is not self.query_state:
            return  # the query changed while this page was loading
        self.table.show_rows(rows, cursor, start, at_end)
        self.shown_query = q
        self.update_status()
        self.call_after_refresh(self.query_one(StableFooter).release)
        self.capp.first_page_shown()
        if self.total is None:  # only once the rows are painted: the count must not slow them down
            self.set_timer(0.05, lambda: self.load_count(q) if q is self.query_state else None)

    @work(thread=True, exclusive=True, group="count")
    def load_count(self, q: QueueQuery) -> None:
        total = self.capp.queue_count(q)
        self.app.call_from_thread(self._show_count, q, total)

    def _show_count(self, q: QueueQuery, total: int) -> None:
        if q is self.query_state:
            self.total = total
            self.update_status()

    @on(ClaimTable.EdgeReached)
    def _edge(self, event: ClaimTable.EdgeReached) -> None:
        table, q = self.table, self.query_state
        if event.direction == "first":
            self.load_window(q, None, PAGE_SIZE, 0, 0)
            return
        if event.direction == "last":
            self.load_last(q)
            return
        row = table.rows_data[-1] if event.direction == "next" else table.rows_data[0]
        self.load_edge(q, (listing.sort_value(row, q.sort), row.id), event.direction, table.generation)

    @work(thread=True, exclusive=True, group="page")
    def load_last(self, q: QueueQuery) -> None:
        """The last page of the filter, the cursor on its last claim (its row number needs the count)."""
        app = self.capp
        rows = app.queue_page(q, backwards=True, limit=PAGE_SIZE)
        total = self.total if self.total is not None else app.queue_count(q)
        self.app.call_from_thread(self._show_last, q, rows, total)

    def _show_last(self, q: QueueQuery, rows: list[listing.ClaimRow], total: int) -> None:
        if q is not self.query_state:
            return
        self.total = total
        self._show_window(q, rows, len(rows) - 1, max(0, total - len(rows)), True)

    @work(thread=True, group="edge")
    def load_edge(self, q: QueueQuery, key: tuple[Any, int], direction: str, generation: int) -> None:
        rows = self.capp.queue_page(q, after=key, backwards=direction == "prev", limit=PAGE_SIZE)
        self.app.call_from_thread(self._extend, q, rows, direction, generation)

    def _extend(self, q: QueueQuery, rows: list[listing.ClaimRow], direction: str, generation: int) -> None:
        # after the frame being drawn: a key's move paints first, the window grows (or slides) after it
        self.call_after_refresh(self._grow, q, rows, direction, generation)

    def _grow(self, q: QueueQuery, rows: list[listing.ClaimRow], direction: str, generation: int) -> None:
        if q is self.query_state:
            self.table.extend(rows, direction, generation, full=len(rows) == PAGE_SIZE)
            self.update_status()

    @on(DataTable.RowHighlighted)
    def _moved(self, _event: DataTable.RowHighlighted) -> None:
        self.update_status()
        if self.preview.display:
            self.preview.follow(self.table.current)
        self.prefetch.follow(self.table.current)

    @on(ClaimTable.Moved)
    def _queued(self, _event: ClaimTable.Moved) -> None:
        self.update_status()

    @property
    def preview(self) -> ClaimPreview:
        return self.query_one(ClaimPreview)

    def on_resize(self) -> None:
        self._place_preview()

    def _place_preview(self) -> None:
        """On by default at 120 columns or more; beside the table when wide, under it when narrow."""
        wide = self.app.size.width >= PREVIEW_MIN_WIDTH
        show = wide if self.preview_chosen is None else self.preview_chosen
        body = self.query_one("#queue-body")
        body.set_class(wide, "-wide")
        if show != self.preview.display:
            self.preview.display = show
            if show:
                self.preview.follow(self.table.current)

    def action_preview(self) -> None:
        self.preview_chosen = not self.preview.display
        self._place_preview()

    def action_suggestions(self) -> None:
        from tui.screens.suggestions import SuggestionsScreen

        self.app.push_screen(SuggestionsScreen())

    def on_database_changed(self, _message: DatabaseChanged) -> None:
        self.prefetch.forget()
        self.reload()
        if self.preview.display:
            self.preview.follow(self.table.current, force=True)

    # --- actions -------------------------------------------------------------------------------

    def current_ref(self) -> tuple[int, int] | None:
        row = self.table.current
        return (row.id, row.version) if row else None

    def displayed_detail(self) -> Any:
        """What the dialogs need, from the row itself: they open at once, so no typed key is lost
        (the version check still catches a row that changed meanwhile)."""
        row = self.table.current
        if row is None:
            return None
        claim = SimpleNamespace(id=row.id, state=ClaimState(row.state), verdict=Verdict(row.verdict),
                                rationale=row.rationale, tags=list(row.tags), version=row.version)
        return SimpleNamespace(claim=claim, assignee=row.assignee)

    def after_action(self, message: str | None) -> None:
        super().after_action(message)
        if message:
            self.prefetch.forget()
            self.reload()

    @on(DataTable.RowSelected)
    def _open_selected_row(self, _event: DataTable.RowSelected) -> None:
        row = self.table.current
        if row is not None:
            self.preview.pause()
            self.prefetch.open(row)  # at once when its detail was read while the cursor rested on it

    def on_screen_resume(self) -> None:
        row = self.table.current if self.is_mounted else None
        if row is not None and self.preview.display:  # back from a claim: the pane reads its row again
            self.preview.follow(row)  # (not at start-up: no row yet, and the pane says so already)

    def action_search(self) -> None:
        self.set_focus(self.query_one("#search", Input))  # at once: the keys typed next go to it

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        from claimtrack.search import claim_id_of

        self.query_one(StableFooter).hold()  # the rows first: the footer gets the table's keys after them
        self.set_focus(self.table)
        wanted = claim_id_of(event.value)
        if wanted is not None:  # "#123" or "123": open that claim (a number that is no claim is searched)
            self.capp.open_claim(wanted, otherwise=lambda: self._search_text(event.value))
            return
        self._search_text(event.value)

    def _search_text(self, value: str) -> None:
        self.set_query(self.query_state.copy(filt_changes={"search": value.strip() or None}))

    def set_query(self, q: QueueQuery) -> None:
        self.prefetch.forget()
        self.query_state = q
        self.reload(keep_cursor=False)

    def action_filters(self) -> None:
        from tui.screens.forms import FilterModal

        def done(f: listing.ClaimFilter | None) -> None:
            if f is not None:
                if self.mine:
                    f.assignee = f.assignee or self.capp.handle
                self.set_query(QueueQuery(filt=f, sort=self.query_state.sort, descending=self.query_state.descending))
        self.app.push_screen(FilterModal(self.query_state.filt), done)

    def action_mine(self) -> None:
        self.mine = not self.mine
        self.set_query(self.query_state.copy(filt_changes={"assignee": self.capp.handle if self.mine else None}))
        self.notify("My claims" if self.mine else "All claims", markup=False)

    def action_sort(self) -> None:
        i = SORT_CYCLE.index(self.query_state.sort) if self.query_state.sort in SORT_CYCLE else 0
        self.set_query(self.query_state.copy(sort=SORT_CYCLE[(i + 1) % len(SORT_CYCLE)]))

    def action_reverse(self) -> None:
        self.set_query(self.query_state.copy(descending=not self.query_state.descending))

    def action_clear(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:
            self.set_focus(self.table)
            return
        if not self.query_state.filt.is_empty():
            search.value = ""
            self.mine = False
            self.set_query(QueueQuery(sort=self.query_state.sort, descending=self.query_state.descending))

    def action_reload(self) -> None:
        self.reload()

    def action_export_filter(self) -> None:
        from tui.screens.forms import ExportModal

        self.app.push_screen(ExportModal(None, self.query_state.filt), self.after_action)

    def refresh_bidi(self) -> None:
        self.query_one("#search", Input).refresh()  # an unfocused BidiInput shows its value in the new mode
        self.table.bidi_mode = self.capp.bidi_mode
        table = self.table
        table.show_rows(table.rows_data, table.cursor_row, table.start, table.at_end)
        self.update_topbar()
        self.update_status()
        self.preview.follow(table.current, force=True)
