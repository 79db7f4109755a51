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

from claimtrack.listing import ClaimRow
from tui import bidi
from tui.widgets.table_paint import DirectBodyPaint
from tui.widgets.table_window import RowSplice

STATE_STYLE = {
    "new": "bold cyan", "triaged": "cyan", "investigating": "yellow", "in_review": "magenta",
    "published": "bold green", "dismissed": "dim", "reopened": "bold yellow",
}
VERDICT_STYLE = {
    "true": "green", "mostly_true": "green", "mixed": "yellow", "misleading": "red",
    "mostly_false": "red", "false": "bold red", "unverifiable": "dim", "unrated": "dim",
}
STATE_BADGE = {
    "new": ("new", "black on bright_cyan"), "triaged": ("triaged", "black on cyan"),
    "investigating": ("invest", "black on yellow"), "in_review": ("review", "white on magenta"),
    "published": ("publish", "black on green"), "dismissed": ("dismiss", "white on grey37"),
    "reopened": ("reopen", "black on bright_yellow"),
}
VERDICT_BADGE = {
    "true": ("true", "black on green"), "mostly_true": ("~true", "black on green"),
    "mixed": ("mixed", "black on yellow"), "misleading": ("mislead", "white on red"),
    "mostly_false": ("~false", "white on red"), "false": ("false", "bold white on red"),
    "unverifiable": ("unverif", "white on grey37"), "unrated": ("·", "dim"),
}
BADGE_WIDTH = 7
AHEAD_CHUNK = 12  # rows painted ahead per turn of the event loop (a key waits for at most one turn)


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    width: int  # 0: the claim text, which takes the free width
    min_text: int = 0  # shown only while the claim text keeps at least this many cells


# display order; OPTIONAL gives the order in which columns are kept as the terminal narrows
COLUMNS = (Column("id", "ID", 6), Column("state", "State", BADGE_WIDTH), Column("verdict", "Verdict", BADGE_WIDTH, 30),
           Column("kind", "Kind", 8, 50), Column("claimant", "Claimant", 14, 24), Column("text", "Claim", 0),
           Column("outlet", "Outlet", 12, 56), Column("date", "Date", 10, 40))
OPTIONAL = ("claimant", "verdict", "date", "kind", "outlet")
PADDING = 2  # DataTable's cell padding, both sides
MIN_TEXT = 20


def layout_columns(width: int) -> tuple[list[Column], int]:
    """The columns that fit `width` cells, most important kept longest, and the claim text's width."""
    by_key = {c.key: c for c in COLUMNS}
    shown = {"id", "state", "text"}

    def text_width(keys: set[str]) -> int:
        return width - sum(by_key[k].width + PADDING for k in keys if k != "text") - PADDING

    for key in OPTIONAL:
        if text_width(shown | {key}) < by_key[key].min_text:
            break
        shown.add(key)
    return [c for c in COLUMNS if c.key in shown], max(MIN_TEXT, text_width(shown))


def badge(value: str, badges: dict[str, tuple[str, str]]) -> Text:
    label, style = badges.get(value, (value[:BADGE_WIDTH], ""))
    return Text(f"{label:^{BADGE_WIDTH}}", style=style, no_wrap=True, end="")


def fmt_date(value: datetime | None) -> str:
    return value.date().isoformat() if value else ""


class ClaimTable(RowSplice, DirectBodyPaint, DataTable):
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
        Binding("end,G", "last_row", "Last claim", id="table.last", show=False,
                tooltip="The last claim matching the filter"),
    ]

    @dataclass
    class EdgeReached(Message):
        """The window needs the page after ("next") or before ("prev") it, or a restart at the
        first ("first") or the last ("last") claim."""

        table: ClaimTable
        direction: str

    @dataclass
    class Moved(Message):
        """Key moves were queued or replayed (the status line shows how many still wait)."""

        table: ClaimTable

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.rows_data: list[ClaimRow] = []
        self.start = 0  # absolute index (in the whole result) of rows_data[0]
        self.at_end = True  # no rows after the window
        self.pending: set[str] = set()  # directions requested and not delivered yet
        self.generation = 0  # bumped by show_rows: late pages for an older window are dropped
        self.bidi_mode = "terminal"
        self.shown_columns: list[Column] = []
        self._text_width = 40
        self.queued: list[str] = []  # key moves waiting for the next/previous page, replayed in order
        self._filling = False
        self._ahead: list[int] = []  # row indices still to paint ahead of the frames that show them
        self._ahead_scheduled = False
        self._painted_around: tuple[int, int] | None = None  # (paint generation, viewport top) of the last pass

    def on_mount(self) -> None:
        self._columns()

    def _layout(self) -> tuple[list[Column], int]:
        return layout_columns((self.size.width or self.app.size.width) - 2)  # 2: the scrollbar

    def _columns(self) -> None:
        self.shown_columns, self._text_width = self._layout()
        for c in self.shown_columns:
            self.add_column(Text(c.label), key=c.key, width=c.width or self._text_width)

    def on_resize(self) -> None:
        if self._layout() != (self.shown_columns, self._text_width):
            row, scroll = self.cursor_row, self.scroll_y
            self.clear(columns=True)
            self._columns()
            self._fill(self.rows_data, row, scroll)

    # --- the window ----------------------------------------------------------------------------

    def _cell(self, key: str, r: ClaimRow) -> Text:
        m = self.bidi_mode
        if key == "id":
            return Text(str(r.id), justify="right")
        if key == "state":
            return badge(r.state, STATE_BADGE)
        if key == "verdict":
            return badge(r.verdict, VERDICT_BADGE)
        if key == "kind":
            return bidi.cell(r.kind, "off", 8, style="italic red" if r.kind == "denial" else "")
        if key == "claimant":
            return bidi.cell(r.claimant, m, 14)
        if key == "text":
            return bidi.cell(r.text, m, self._text_width)
        if key == "outlet":
            return bidi.cell(r.outlet or "", m, 12)
        return bidi.cell(fmt_date(r.first_seen), "off")

    def _cells(self, r: ClaimRow) -> list[Text]:
        return [self._cell(c.key, r) for c in self.shown_columns]

    def _add(self, r: ClaimRow) -> None:
        self.add_row(*self._cells(r), key=str(r.id))

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
        self.queued.clear()
        self.start, self.at_end = max(0, start), at_end
        self._fill(rows, cursor)
        self.call_after_refresh(self._prefetch)
        self.call_after_refresh(self._paint_around)

    def extend(self, rows: list[ClaimRow], direction: str, generation: int, full: bool) -> None:
        """Add the page fetched for `direction` ("next" or "prev"); `full` says whether more lie beyond."""
        if generation != self.generation:
            return
        self.pending.discard(direction)
        if direction == "next":
            self.at_end = not full
            if rows:  # a full window drops rows from the top: cursor and viewport stay on the same rows
                drop = self._trim_for(len(rows))
                self.start += drop
                self._splice(drop, 0, [], rows, self.cursor_row - drop, self.scroll_y - drop)
        elif rows:
            drop = max(0, len(rows) + len(self.rows_data) - self.MAX_WINDOW)
            if drop:
                self.at_end = False
            self.start = max(0, self.start - len(rows))
            self._splice(0, drop, rows, [], self.cursor_row + len(rows), self.scroll_y + len(rows))
        self._replay(direction)
        self.call_after_refresh(self._prefetch)
        self.call_after_refresh(self._paint_around)

    def _splice(self, drop_top: int, drop_bottom: int, on_top: list[ClaimRow], below: list[ClaimRow], cursor: int,
                scroll: float) -> None:
        """Drop rows at either end and add rows on top and below (table_window.RowSplice: the rows that stay
        are not added again), then put the cursor on row `cursor` and the viewport's top at `scroll`."""
        if not (drop_top or drop_bottom or on_top):  # rows joining at the bottom: nothing moves
            self.rows_data = self.rows_data + below
            for r in below:
                self._add(r)
            return
        self._filling = True  # no prefetching on the cursor's move to its new index
        try:
            self.drop_rows(drop_top, from_top=True)
            self.drop_rows(drop_bottom, from_top=False)
            self.add_rows_on_top((self._cells(r), str(r.id)) for r in on_top)
            for r in below:
                self._add(r)
            kept = self.rows_data[drop_top:len(self.rows_data) - drop_bottom]
            self.rows_data = on_top + kept + below
            self._require_update_dimensions = False  # size the table now, so the scroll below is not clamped
            self._new_rows.clear()
            self._update_dimensions(())
            self.move_cursor(row=max(0, min(cursor, len(self.rows_data) - 1)), animate=False, scroll=False)
            self.scroll_to(y=max(0.0, scroll), animate=False, immediate=True)
            self.refresh()
        finally:
            self._filling = False

    def _trim_for(self, incoming: int) -> int:
        """How many rows to drop from the top before `incoming` rows join at the bottom: none while the
        window has room; once full, down to three quarters of `MAX_WINDOW` (with the new rows), so the
        splice that a trim costs comes every other page or so rather than on every page. The extra rows dropped
        are never those in sight or under the cursor."""
        if len(self.rows_data) + incoming <= self.MAX_WINDOW:
            return 0
        needed = len(self.rows_data) + incoming - self.MAX_WINDOW
        extra = len(self.rows_data) - max(0, self.MAX_WINDOW * 3 // 4 - incoming)
        return max(needed, min(extra, int(self.scroll_y), self.cursor_row))

    def _paint_around(self) -> None:
        """Paint the rows in sight, then the page below and the page above, a few rows at a time between
        frames (table_paint.paint_ahead): a page move then shows lines already built. Once per window
        change or half a page of scrolling."""
        if not self.rows_data or not self.is_mounted:
            return
        page, top = self._page_rows(), int(self.scroll_y)
        here = (self._paint_generation, top)
        last = self._painted_around
        if last is not None and last[0] == here[0] and abs(last[1] - top) < page // 2:
            return
        self._painted_around = here
        order = [*range(top, top + 2 * page), *range(top - 1, top - page - 1, -1)]
        self._ahead = [i for i in order if 0 <= i < len(self.rows_data)]
        if not self._ahead_scheduled:
            self._ahead_scheduled = True
            self.call_later(self._paint_chunk)

    def _paint_chunk(self) -> None:
        self._ahead_scheduled = False
        chunk, self._ahead = self._ahead[:AHEAD_CHUNK], self._ahead[AHEAD_CHUNK:]
        for index in chunk:
            self.paint_ahead(index, index)
        if self._ahead:
            self._ahead_scheduled = True
            self.call_later(self._paint_chunk)

    def _replay(self, direction: str) -> None:
        """Run the moves that waited for this page; one that reaches the edge again waits (with the
        rest) for the page after."""
        queued, self.queued = self.queued, []
        for i, move in enumerate(queued):
            getattr(self, f"action_{move}")()
            if self.queued:
                self.queued.extend(queued[i + 1:])
                return
        if queued:
            self.post_message(self.Moved(self))

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

    def watch_cursor_coordinate(self, old, new) -> None:
        super().watch_cursor_coordinate(old, new)
        if old.row != new.row:
            self._prefetch()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._prefetch()
            self.call_after_refresh(self._paint_around)

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

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - (self.header_height if self.show_header else 0))

    def _wait(self, then: str, direction: str) -> bool:
        """Queue the move `then` until the page in `direction` arrives; False when there is none."""
        if not self.queued and not self._request(direction):
            return False
        self.queued.append(then)
        self.post_message(self.Moved(self))
        return True

    def _at_bottom(self, then: str, rows: int) -> bool:
        """True when the move `then` (`rows` down) must wait for the next page (or there is none)."""
        if self.queued:
            return self._wait(then, "next")
        if self.rows_data and self.cursor_row + rows > len(self.rows_data) - 1:
            if self._wait(then, "next"):
                return True
            return self.cursor_row >= len(self.rows_data) - 1  # the real end: a short last page move is fine
        return False

    def _at_top(self, then: str, rows: int) -> bool:
        if self.queued:
            return self._wait(then, "prev")
        if self.cursor_row - rows < 0:
            if self._wait(then, "prev"):
                return True
            return self.cursor_row <= 0
        return False

    def action_cursor_down(self) -> None:
        if not self._at_bottom("cursor_down", 1):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if not self._at_top("cursor_up", 1):
            super().action_cursor_up()

    def action_page_down(self) -> None:
        if not self._at_bottom("page_down", self._page_rows()):
            super().action_page_down()

    def action_page_up(self) -> None:
        if not self._at_top("page_up", self._page_rows()):
            super().action_page_up()

    def action_first(self) -> None:
        if self.start > 0:
            self.post_message(self.EdgeReached(self, "first"))
        elif self.rows_data:
            self.move_cursor(row=0, animate=False)

    def action_last_row(self) -> None:
        if not self.at_end:
            self.post_message(self.EdgeReached(self, "last"))
        elif self.rows_data:
            self.move_cursor(row=len(self.rows_data) - 1, animate=False)
