"""The queue table: a sliding window of a few pages of claims, fetched ahead of the cursor and the viewport."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable

from claimtrack.queries import ClaimRow
from tui import bidi

STATE_STYLE = {
    "new": "bold cyan", "triaged": "cyan", "investigating": "yellow", "in_review": "magenta",
    "published": "bold green", "dismissed": "dim", "reopened": "bold yellow",
}
VERDICT_STYLE = {
    "true": "green", "mostly_true": "green", "mixed": "yellow", "misleading": "red",
    "mostly_false": "red", "false": "bold red", "unverifiable": "dim", "unrated": "dim",
}
# (key, label, width); the claim text takes what is left
COLUMNS = (("id", "ID", 7), ("state", "State", 13), ("verdict", "Verdict", 12), ("kind", "Kind", 10),
           ("claimant", "Claimant", 18), ("text", "Claim", 0), ("outlet", "Outlet", 14), ("date", "Date", 10))


def fmt_date(value: datetime | None) -> str:
    return value.date().isoformat() if value else ""


class ClaimTable(DataTable):
    """A window of at most `MAX_WINDOW` queue rows starting at absolute index `start`.

    When the cursor or the viewport (keys, clicks or the mouse wheel) comes within `LOOKAHEAD` rows
    of either end of the window, the table asks for the neighbouring page (`EdgeReached`) before
    the analyst gets there; the screen fetches it in a worker and hands it to `extend`. Moving past
    the real first or last claim does nothing.
    """

    MAX_WINDOW = 400
    LOOKAHEAD = 60

    BINDINGS = [
        Binding("enter", "select_cursor", "Open", id="table.open", show=False),
        Binding("up,k", "cursor_up", "Up", id="table.up", show=False),
        Binding("down,j", "cursor_down", "Down", id="table.down", show=False),
        Binding("pageup", "page_up", "Page up", id="table.page_up", show=False),
        Binding("pagedown", "page_down", "Page down", id="table.page_down", show=False),
        Binding("home,g", "first", "First claim", id="table.first", show=False),
        Binding("end,G", "last_row", "Last loaded claim", id="table.last", show=False),
    ]

    @dataclass
    class EdgeReached(Message):
        """The window needs the page after ("next") or before ("prev") it, or a restart ("first")."""

        table: ClaimTable
        direction: str

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.rows_data: list[ClaimRow] = []
        self.start = 0  # absolute index (in the whole result) of rows_data[0]
        self.at_end = True  # no rows after the window
        self.pending: set[str] = set()  # directions requested and not delivered yet
        self.generation = 0  # bumped by show_rows: late pages for an older window are dropped
        self.bidi_mode = "terminal"
        self._text_width = 40
        self._then: str | None = None  # a cursor move to finish once the next/previous page arrives
        self._filling = False

    def on_mount(self) -> None:
        self._columns()

    def _columns(self) -> None:
        fixed = sum(w for _, _, w in COLUMNS) + 2 * len(COLUMNS) + 2
        self._text_width = max(20, (self.size.width or self.app.size.width) - fixed)
        for key, label, width in COLUMNS:
            self.add_column(Text(label), key=key, width=width or self._text_width)

    def on_resize(self) -> None:
        fixed = sum(w for _, _, w in COLUMNS) + 2 * len(COLUMNS) + 2
        if max(20, self.size.width - fixed) != self._text_width:
            row, scroll = self.cursor_row, self.scroll_y
            self.clear(columns=True)
            self._columns()
            self._fill(self.rows_data, row, scroll)

    # --- the window ----------------------------------------------------------------------------

    def _add(self, r: ClaimRow) -> None:
        m = self.bidi_mode
        self.add_row(
            Text(str(r.id), justify="right"),
            bidi.cell(r.state, "off", style=STATE_STYLE.get(r.state, "")),
            bidi.cell(r.verdict, "off", style=VERDICT_STYLE.get(r.verdict, "")),
            bidi.cell(r.kind, "off", style="italic" if r.kind == "denial" else ""),
            bidi.cell(r.claimant, m, 18),
            bidi.cell(r.text, m, self._text_width),
            bidi.cell(r.outlet or "", m, 14),
            bidi.cell(fmt_date(r.first_seen), "off"),
            key=str(r.id),
        )

    def _update_dimensions(self, new_rows: object) -> None:
        """Every column has a fixed width and every row one line: nothing to measure (DataTable would
        render each new cell just to learn its width)."""
        width = sum(c.get_render_width(self) for c in self.columns.values()) + self._row_label_column_width
        self.virtual_size = Size(width, len(self.rows) + (self.header_height if self.show_header else 0))

    def _fill(self, rows: list[ClaimRow], cursor: int, scroll: float | None = None) -> None:
        self._filling = True  # clear() sends the cursor and the viewport to row 0: no prefetching on that
        try:
            self._fill_rows(rows, cursor, scroll)
        finally:
            self._filling = False

    def _fill_rows(self, rows: list[ClaimRow], cursor: int, scroll: float | None) -> None:
        self.rows_data = rows
        self.clear()
        for r in rows:
            self._add(r)
        self._require_update_dimensions = False  # size the table now, so the scroll below is not clamped
        self._new_rows.clear()
        self._update_dimensions(())
        if rows:
            self.move_cursor(row=max(0, min(cursor, len(rows) - 1)), animate=False, scroll=scroll is None)
            if scroll is not None:
                self.scroll_to(y=max(0.0, scroll), animate=False, immediate=True)

    def show_rows(self, rows: list[ClaimRow], cursor: int = 0, start: int = 0, at_end: bool = True) -> None:
        """Replace the window with `rows` (absolute index `start`) and put the cursor on row `cursor`."""
        self.generation += 1
        self.pending.clear()
        self._then = None
        self.start, self.at_end = max(0, start), at_end
        self._fill(rows, cursor)
        self.call_after_refresh(self._prefetch)

    def extend(self, rows: list[ClaimRow], direction: str, generation: int, full: bool) -> None:
        """Add the page fetched for `direction` ("next" or "prev"); `full` says whether more lie beyond."""
        if generation != self.generation:
            return
        self.pending.discard(direction)
        then, self._then = self._then, None
        if direction == "next":
            self.at_end = not full
            if rows:
                drop = max(0, len(self.rows_data) + len(rows) - self.MAX_WINDOW)
                if drop:  # trim the far side: rebuild, keeping the cursor and viewport on the same rows
                    self.start += drop
                    self._fill(self.rows_data[drop:] + rows, self.cursor_row - drop, self.scroll_y - drop)
                else:
                    self.rows_data = self.rows_data + rows
                    for r in rows:
                        self._add(r)
            if then == "down":
                self.action_cursor_down()
            elif then == "page_down":
                self.action_page_down()
        elif rows:
            window = rows + self.rows_data
            keep = min(len(window), self.MAX_WINDOW)
            if len(window) > keep:
                self.at_end = False
            self.start = max(0, self.start - len(rows))
            self._fill(window[:keep], self.cursor_row + len(rows), self.scroll_y + len(rows))
            if then == "up":
                self.action_cursor_up()
            elif then == "page_up":
                self.action_page_up()
        self.call_after_refresh(self._prefetch)

    def _request(self, direction: str) -> bool:
        if direction == "next" and (self.at_end or not self.rows_data):
            return False
        if direction == "prev" and self.start <= 0:
            return False
        if direction not in self.pending:
            self.pending.add(direction)
            self.post_message(self.EdgeReached(self, direction))
        return True

    def _prefetch(self) -> None:
        """Ask for the neighbouring page when the cursor or the viewport nears an end of the window."""
        if not self.rows_data or not self.is_mounted or self._filling:
            return
        visible = max(1, self.size.height - (self.header_height if self.show_header else 0))
        bottom = max(self.cursor_row, int(self.scroll_y) + visible - 1)  # the lowest row in sight
        top = min(self.cursor_row, int(self.scroll_y))
        if len(self.rows_data) - 1 - bottom <= self.LOOKAHEAD:
            self._request("next")
        if top <= self.LOOKAHEAD:
            self._request("prev")

    def watch_cursor_coordinate(self, old, new) -> None:  # type: ignore[no-untyped-def]
        super().watch_cursor_coordinate(old, new)
        if old.row != new.row:
            self._prefetch()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._prefetch()

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        if self.scroll_y >= self.max_scroll_y:
            self._request("next")  # the wheel at the bottom of the window: fetch the next page
        super()._on_mouse_scroll_down(event)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        if self.scroll_y <= 0:
            self._request("prev")
        super()._on_mouse_scroll_up(event)

    @property
    def current(self) -> ClaimRow | None:
        if not self.rows_data or self.cursor_row < 0 or self.cursor_row >= len(self.rows_data):
            return None
        return self.rows_data[self.cursor_row]

    # --- keys: at an end of the window, wait for the page and then move --------------------------

    def _at_bottom(self, then: str) -> bool:
        if self.rows_data and self.cursor_row >= len(self.rows_data) - 1:
            if self._request("next"):
                self._then = then
            return True
        return False

    def _at_top(self, then: str) -> bool:
        if self.cursor_row <= 0:
            if self._request("prev"):
                self._then = then
            return True
        return False

    def action_cursor_down(self) -> None:
        if not self._at_bottom("down"):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if not self._at_top("up"):
            super().action_cursor_up()

    def action_page_down(self) -> None:
        if not self._at_bottom("page_down"):
            super().action_page_down()

    def action_page_up(self) -> None:
        if not self._at_top("page_up"):
            super().action_page_up()

    def action_first(self) -> None:
        if self.start > 0:
            self.post_message(self.EdgeReached(self, "first"))
        elif self.rows_data:
            self.move_cursor(row=0, animate=False)

    def action_last_row(self) -> None:
        if self.rows_data:
            self.move_cursor(row=len(self.rows_data) - 1, animate=False)
