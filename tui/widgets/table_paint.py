"""Body rows of a one-line-per-row DataTable painted without Rich's renderable pipeline.

DataTable renders every cell through Rich (Padding, Styled, Text), and every page of new rows pays for
it again. `DirectBodyPaint` lays each cell's text out once per text and width (a content-keyed cache) and
then only styles that line per row, giving the same segments (tests/tui/test_table_render.py compares
them cell for cell, row for row and line for line); row styles and the table's own style are read once
per frame. Headers, labels, fixed rows or columns and other cursor types keep DataTable's own path.

DataTable keys its cell, row and line caches on a change counter that every `add_row` bumps, and on the
cursor's coordinate: a page joining the window, or any cursor move, made every visible row be styled
again. Body rows here are keyed on what their rendering depends on: the row (its key and index), whether
the cursor or the mouse is on it, the styles, and a generation that every change but an appended row
bumps (rows are never edited in place: a reload clears the table). Rows in sight that did not change
are then painted from the cache, and a page can be painted ahead of the frame that first shows it
(`paint_ahead`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

if TYPE_CHECKING:  # the mixin's methods are DataTable's own, overridden
    from textual.widgets import DataTable

    _TableBase = DataTable[Any]
else:
    _TableBase = object

TEXT_LINES_KEPT = 8000  # shaped cell lines kept (a few windows' worth); the cache starts over beyond


def text_line(console: object, cell: Text, width: int) -> list[Segment]:
    """`cell` laid out on one line of exactly `width` cells, as Rich renders it inside DataTable's
    Padding (justified, cropped or padded): the same segments, without Rich's renderable pipeline."""
    tab_size = console.tab_size if cell.tab_size is None else cell.tab_size  # type: ignore[attr-defined]
    lines = cell.wrap(console, width, justify=cell.justify or "default",  # type: ignore[arg-type]
                      overflow=cell.overflow or "fold", tab_size=tab_size or 8, no_wrap=True)
    segments = list(Text("\n").join(lines[:1]).render(console, end=""))  # type: ignore[arg-type]
    return Segment.adjust_line_length(segments, width, style=Style.null())


class DirectBodyPaint(_TableBase):
    """A mixin for DataTable subclasses whose cells are rich Texts on rows one line high."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._text_lines: dict[tuple[object, ...], list[Segment]] = {}
        self._row_styles: dict[str, Style] = {}  # component row styles, read once per frame
        self._appended = 0  # rows appended (add_row): the one change that leaves painted rows as they were

    def add_row(self, *cells: Any, **kwargs: Any) -> Any:
        key = super().add_row(*cells, **kwargs)
        self._appended += 1
        return key

    @property
    def _paint_generation(self) -> int:
        """Bumped by every change of the table except appending rows (DataTable's `_update_count` less
        the rows appended)."""
        return self._update_count - self._appended

    def _body_row(self, y: int) -> bool:
        """Whether line `y` of the table (header included) is a body row painted here."""
        return not (self.fixed_rows or self.fixed_columns or self.cursor_type != "row"
                    or (self._labelled_row_exists and self.show_row_labels)
                    or y < (self.header_height if self.show_header else 0))

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False) -> list[list[Segment]]:
        """A body cell: what DataTable renders (its Padding and Styled around the cell's Text), built from
        the cell's line shaped once per text and width. A page of new rows then costs a few styled
        segments per cell, not a pass through Rich's renderables (most of a page move's frame)."""
        if row_index < max(0, self.fixed_rows) or column_index < max(0, self.fixed_columns):
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        cache_key = ("body", row_key, column_key, row_index, width, base_style, cursor, hover,
                     self._show_hover_cursor, self._paint_generation, self._pseudo_class_state)
        cells: Any = self._cell_render_cache  # DataTable's cache, under keys of our own (see the module's doc)
        cached = cells.get(cache_key)
        if cached is not None:
            return cached
        cell = self._data[row_key][column_key]
        if not isinstance(cell, Text) or self.rows[row_key].height != 1:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css")
        pre = base_style + Style.from_meta({"row": row_index, "column": column_index}) + component_style
        pad = Segment(" " * self.cell_padding)
        line = [pad, *self._text_line(cell, max(0, width - 2 * self.cell_padding)), pad]
        lines = [list(Segment.apply_style(line, pre, post_style))]
        cells[cache_key] = lines
        return lines

    def render_lines(self, crop):
        self._row_styles = {}  # styles may change between frames (focus, theme): read them again
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """DataTable's, with the table's own style read once per frame (it walks every ancestor)."""
        if self.fixed_rows:
            return super().render_line(y)
        base = self._row_styles.get("")
        if base is None:
            base = self._row_styles[""] = self.rich_style
        scroll_x, scroll_y = self.scroll_offset
        if y >= (self.get_row_height(self._header_row_key) if self.show_header else 0):
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + self.size.width, base)

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """DataTable's line, cached on the row and whether the cursor or the mouse is on it (DataTable's
        own key holds the cursor's coordinate: every move made every line in sight be built again)."""
        if not self._body_row(y):
            return super()._render_line(y, x1, x2, base_style)
        try:
            row_key, offset = self._get_offsets(y)
        except LookupError:
            return super()._render_line(y, x1, x2, base_style)
        row_index = self._row_locations.get(row_key)
        key = ("body", y, row_key, offset, x1, x2, self.size.width, self.cursor_coordinate.row == row_index,
               self.hover_coordinate.row == row_index, base_style, self.show_cursor, self._show_hover_cursor,
               self._paint_generation, self._pseudo_class_state)
        lines: Any = self._line_cache  # DataTable's cache, under keys of our own
        cached = lines.get(key)
        if cached is None:
            cached = lines[key] = super()._render_line(y, x1, x2, base_style)
        return cached

    def paint_ahead(self, first: int, last: int) -> None:
        """Build the lines of body rows `first`..`last` (indices) as the next frame would paint them, between
        frames: paging onto them then only reads the cache."""
        if not self.is_mounted or not self._body_row(self.header_height if self.show_header else 0):
            return
        base = self._row_styles.get("") or self.rich_style
        scroll_x = self.scroll_offset.x
        top = self.header_height if self.show_header else 0
        for index in range(max(0, first), min(last, self.row_count - 1) + 1):
            self._render_line(top + index, scroll_x, scroll_x + self.size.width, base)

    def _component_style(self, name: str) -> Style:
        style = self._row_styles.get(name)
        if style is None:
            style = self._row_styles[name] = self.get_component_styles(name).rich_style
        return style

    def _render_line_in_row(self, row_key, line_no, base_style, cursor_location, hover_location):
        """A body row in row-cursor mode (no labels, no fixed columns), as DataTable renders it, with its
        component styles read once per frame instead of three times per row."""
        if (row_key is self._header_row_key or row_key not in self._row_locations or self.fixed_columns
                or self.fixed_rows or self.cursor_type != "row" or (self._labelled_row_exists and self.show_row_labels)):
            return super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)
        row_index = self._row_locations.get(row_key)
        cursor, hover = row_index == cursor_location.row, row_index == hover_location.row
        cache_key = ("body", row_key, line_no, row_index, base_style, cursor, hover, self.show_cursor,
                     self._show_hover_cursor, self._paint_generation, self._pseudo_class_state, self.size.width)
        cached = self._row_render_cache.get(cache_key)
        if cached is not None:
            return cached
        row_style = (self._component_style("datatable--odd-row" if row_index % 2 else "datatable--even-row")
                     if self.zebra_stripes else base_style)
        cells, table_width = [], self._row_label_column_width
        for column_index, column in enumerate(self.ordered_columns):
            width = column.get_render_width(self)
            table_width += width
            cells.append(self._render_cell(row_index, column_index, row_style, width, cursor, hover)[line_no])
        extend_style, _ = self._get_styles_to_render_cell(False, False, False, hover_location.row == (row_index or 0),
                                                          cursor, self.show_cursor, self._show_hover_cursor, False, False)
        extend_style = row_style + extend_style + Style.from_meta({"row": row_index, "column": 0, "out_of_bounds": True})
        cells.append([Segment(" " * max(0, self.size.width - table_width), extend_style)])
        row_pair = ([], cells)
        self._row_render_cache[cache_key] = row_pair
        return row_pair

    def _text_line(self, cell: Text, width: int) -> list[Segment]:
        key = (cell.plain, cell.style, cell.justify, cell.overflow, tuple(cell.spans), width)
        found = self._text_lines.get(key)
        if found is None:
            if len(self._text_lines) >= TEXT_LINES_KEPT:
                self._text_lines.clear()
            found = self._text_lines[key] = text_line(self.app.console, cell, width)
        return found
