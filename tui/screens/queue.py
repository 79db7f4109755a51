"""The queue: a keyset-paged window over every claim matching the filter, search and sort."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Input, Static

from claimtrack import queries
from tui.messages import DatabaseChanged
from tui.screens.base import CLAIM_BINDINGS, ClaimActionScreen
from tui.screens.forms import ExportModal, FilterModal
from tui.store import PAGE_SIZE, QueueQuery
from tui.widgets.claim_table import ClaimTable

SORT_CYCLE = ("id", "first_seen", "checkworthiness")


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
        Binding("X", "export_filter", "Export filter", id="queue.export_filter", show=False,
                tooltip="Export a report for every claim matching the filter"),
        *CLAIM_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = QueueQuery()
        self.page_start = 0  # absolute index of the first row on the page
        self.total: int | None = None
        self.mine = False

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="topbar", markup=False)
        yield Input(placeholder="/ search claims (Arabic folded: harakat, alef forms, ta marbuta)…", id="search")
        yield Static(Text(""), id="status", markup=False)
        yield ClaimTable(id="claims")
        yield Footer()

    @property
    def table(self) -> ClaimTable:
        return self.query_one(ClaimTable)

    def on_mount(self) -> None:
        self.table.bidi_mode = self.capp.bidi_mode
        self.table.focus()
        self.update_topbar()
        self.reload(keep_cursor=False)

    def update_topbar(self) -> None:
        t = Text()
        t.append(" claimtrack ", style="bold reverse")
        t.append(f"  analyst: {self.capp.handle} ({self.capp.role})   bidi: {self.capp.bidi_mode}")
        self.query_one("#topbar", Static).update(t)

    def update_status(self) -> None:
        q = self.query_state
        parts = []
        f = q.filt
        for name in ("state", "verdict", "kind", "claimant", "language", "assignee", "tag", "search"):
            value = getattr(f, name)
            if value:
                parts.append(f"{name}={getattr(value, 'value', value)}")
        n = len(self.table.rows_data)
        total = "counting…" if self.total is None else f"{self.total:,} match"
        where = f"rows {self.page_start + 1:,}–{self.page_start + n:,}" if n else "no rows"
        arrow = "↓" if q.descending else "↑"
        t = Text()
        t.append(f" {total}", style="bold")
        t.append(f" · {where} · sort {q.sort} {arrow}")
        if parts:
            t.append(" · " + " ".join(parts), style="italic")
        self.query_one("#status", Static).update(t)

    # --- loading -------------------------------------------------------------------------------

    def reload(self, keep_cursor: bool = True) -> None:
        """Reload the page in place (same first row) and recount."""
        rows = self.table.rows_data
        if keep_cursor and rows:
            first = rows[0]
            after = None
            if self.page_start > 0:
                after = (queries.sort_value(first, self.query_state.sort), first.id)
                self.load_page(after, backwards=True, cursor=self.table.cursor_row, start=self.page_start,
                               refetch_from=after)
                return
            self.load_page(None, cursor=self.table.cursor_row, start=0)
        else:
            self.load_page(None, cursor=0, start=0)
        self.total = None
        self.load_count()

    @work(thread=True, exclusive=True, group="page")
    def load_page(self, after: tuple[Any, int] | None, backwards: bool = False, cursor: int = 0, start: int = 0,
                  refetch_from: tuple[Any, int] | None = None) -> None:
        store = self.capp.store
        if refetch_from is not None:
            # the row before the page start, then the page from there (so the same rows come back)
            before = store.page(self.query_state, after=refetch_from, backwards=True, limit=1)
            anchor = (queries.sort_value(before[0], self.query_state.sort), before[0].id) if before else None
            rows = store.page(self.query_state, after=anchor)
        else:
            rows = store.page(self.query_state, after=after, backwards=backwards)
        self.app.call_from_thread(self._show_page, rows, cursor, start, backwards)

    def _show_page(self, rows: list[queries.ClaimRow], cursor: int, start: int, backwards: bool) -> None:
        if not rows and (backwards or start > 0):
            return  # no page beyond the edge: stay
        if cursor < 0:
            cursor = len(rows) - 1
        self.page_start = max(0, start)
        self.table.show_rows(rows, cursor)
        self.update_status()

    @work(thread=True, exclusive=True, group="count")
    def load_count(self) -> None:
        total = self.capp.store.count(self.query_state)
        self.app.call_from_thread(self._show_count, total)

    def _show_count(self, total: int) -> None:
        self.total = total
        self.update_status()

    @on(ClaimTable.EdgeReached)
    def _edge(self, event: ClaimTable.EdgeReached) -> None:
        rows = self.table.rows_data
        sort = self.query_state.sort
        if event.direction == "first":
            self.load_page(None, cursor=0, start=0)
        elif event.direction == "next" and rows and len(rows) == PAGE_SIZE:
            last = rows[-1]
            self.load_page((queries.sort_value(last, sort), last.id), cursor=0, start=self.page_start + len(rows))
        elif event.direction == "prev" and rows and self.page_start > 0:
            first = rows[0]
            self.load_page((queries.sort_value(first, sort), first.id), backwards=True, cursor=-1,
                           start=max(0, self.page_start - PAGE_SIZE))

    def on_database_changed(self, _message: DatabaseChanged) -> None:
        self.reload()

    # --- actions -------------------------------------------------------------------------------

    def current_ref(self) -> tuple[int, int] | None:
        row = self.table.current
        return (row.id, row.version) if row else None

    def after_action(self, message: str | None) -> None:
        super().after_action(message)
        if message:
            self.reload()

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        row = self.table.current
        if row is not None:
            self.capp.open_claim(row.id)

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        self.set_query(self.query_state.copy(filt_changes={"search": event.value.strip() or None}))
        self.table.focus()

    def set_query(self, q: QueueQuery) -> None:
        self.query_state = q
        self.reload(keep_cursor=False)
        self.update_status()

    def action_filters(self) -> None:
        def done(f: queries.ClaimFilter | None) -> None:
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
            self.table.focus()
            return
        if not self.query_state.filt.is_empty():
            search.value = ""
            self.mine = False
            self.set_query(QueueQuery(sort=self.query_state.sort, descending=self.query_state.descending))

    def action_reload(self) -> None:
        self.reload()

    def action_export_filter(self) -> None:
        self.app.push_screen(ExportModal(None, self.query_state.filt), self.after_action)

    def refresh_bidi(self) -> None:
        self.table.bidi_mode = self.capp.bidi_mode
        self.table.show_rows(self.table.rows_data, self.table.cursor_row)
        self.update_topbar()
