"""The queue table: holds one page of claims and asks for the next or previous page at its edges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.binding import Binding
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
    """A window of at most one page of queue rows; paging happens through `EdgeReached`."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open", id="table.open", show=False),
        Binding("up,k", "cursor_up", "Up", id="table.up", show=False),
        Binding("down,j", "cursor_down", "Down", id="table.down", show=False),
        Binding("pageup", "page_up", "Page up", id="table.page_up", show=False),
        Binding("pagedown", "page_down", "Page down", id="table.page_down", show=False),
        Binding("home,g", "first", "First page", id="table.first", show=False),
        Binding("end,G", "last_row", "Last row of page", id="table.last", show=False),
    ]

    @dataclass
    class EdgeReached(Message):
        """The cursor tried to leave the page: direction is "next", "prev" or "first"."""

        table: ClaimTable
        direction: str

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.rows_data: list[ClaimRow] = []
        self.bidi_mode = "terminal"
        self._text_width = 40

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
            row = self.cursor_row
            self.clear(columns=True)
            self._columns()
            self.show_rows(self.rows_data, cursor=row)

    def show_rows(self, rows: list[ClaimRow], cursor: int = 0) -> None:
        """Replace the window with `rows` and put the cursor on row `cursor`."""
        self.rows_data = rows
        self.clear()
        m = self.bidi_mode
        for r in rows:
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
        if rows:
            self.move_cursor(row=max(0, min(cursor, len(rows) - 1)), animate=False)

    @property
    def current(self) -> ClaimRow | None:
        if not self.rows_data or self.cursor_row < 0 or self.cursor_row >= len(self.rows_data):
            return None
        return self.rows_data[self.cursor_row]

    def action_cursor_down(self) -> None:
        if self.rows_data and self.cursor_row >= len(self.rows_data) - 1:
            self.post_message(self.EdgeReached(self, "next"))
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.cursor_row <= 0:
            self.post_message(self.EdgeReached(self, "prev"))
        else:
            super().action_cursor_up()

    def action_page_down(self) -> None:
        if self.rows_data and self.cursor_row >= len(self.rows_data) - 1:
            self.post_message(self.EdgeReached(self, "next"))
        else:
            super().action_page_down()

    def action_page_up(self) -> None:
        if self.cursor_row <= 0:
            self.post_message(self.EdgeReached(self, "prev"))
        else:
            super().action_page_up()

    def action_first(self) -> None:
        self.post_message(self.EdgeReached(self, "first"))

    def action_last_row(self) -> None:
        if self.rows_data:
            self.move_cursor(row=len(self.rows_data) - 1, animate=False)
