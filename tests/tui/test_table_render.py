"""The queue table paints its body cells itself (tui/widgets/table_paint.py): cell for cell, the
same segments as DataTable's own rendering, in every bidi mode, on the cursor row and off it."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from sqlalchemy.engine import Engine
from textual.strip import Strip
from textual.widgets import DataTable
from tui_helpers import SIZE, make_app, settle, sync

from tui.widgets.claim_table import ClaimTable


def both_renderings(table: ClaimTable) -> tuple[list[Strip], list[Strip]]:
    """Every body cell of the window as the table paints it and as DataTable would, for the cursor's
    row style and the plain row style."""
    ours, theirs = [], []
    for row in range(len(table.rows_data)):
        for column, col in enumerate(table.ordered_columns):
            width = col.get_render_width(table)
            style = table._get_row_style(row, table.rich_style)  # noqa: SLF001
            for cursor in (False, True):
                args = (row, column, style, width, cursor, False)
                table._cell_render_cache.clear()  # noqa: SLF001
                ours.append(Strip(table._render_cell(*args)[0]).simplify())  # noqa: SLF001
                table._cell_render_cache.clear()  # noqa: SLF001
                theirs.append(Strip(DataTable._render_cell(table, *args)[0]).simplify())  # noqa: SLF001
    return ours, theirs


def both_rows(table: ClaimTable) -> tuple[list[Strip], list[Strip]]:
    """Every body row of the window as the table assembles it and as DataTable would."""
    ours, theirs = [], []
    table._row_styles = {}  # noqa: SLF001 - as at the start of a frame
    for row in range(len(table.rows_data)):
        key = table._row_locations.get_key(row)  # noqa: SLF001
        args = (key, 0, table.rich_style, table.cursor_coordinate, table.hover_coordinate)
        for render, out in ((table._render_line_in_row, ours), (lambda *a: DataTable._render_line_in_row(table, *a), theirs)):  # noqa: SLF001
            table._row_render_cache.clear()  # noqa: SLF001
            fixed, cells = render(*args)
            out.append(Strip([seg for cell in [*fixed, *cells] for seg in cell]).simplify())
    return ours, theirs


@pytest.mark.parametrize("mode", ["terminal", "app", "off"])
@sync
async def test_body_cells_match_datatable_rendering(mode: str, sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = sample_db
    app = make_app(engine, bidi=mode)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimTable)
        await pilot.press("down")
        await settle(pilot)
        ours, theirs = both_renderings(table)
        assert len(ours) >= 2 * 5 * len(table.rows_data) > 0
        assert any(any(s.style and s.style.bgcolor for s in strip) for strip in ours)  # the cursor's colour
        assert ours == theirs
        arabic = [strip for strip in ours if any("\u0600" <= ch <= "\u06ff" or "\ufe70" <= ch <= "\ufeff"
                                                  for ch in strip.text)]
        assert arabic  # right-aligned (or reordered) Arabic cells are among those compared
        rows, their_rows = both_rows(table)
        assert len(rows) == len(table.rows_data) and rows == their_rows
        lines = []
        for render in (table.render_line, lambda y: DataTable.render_line(table, y)):
            table._line_cache.clear()  # noqa: SLF001
            lines.append([render(y) for y in range(table.size.height)])
        assert lines[0] == lines[1] and any(line.text.strip() for line in lines[0])


def test_strips_compare_segments() -> None:
    """The comparison above can fail: strips with different text or style are unequal."""
    from rich.style import Style

    assert Strip([Segment("ab", Style(bold=True))]) != Strip([Segment("ab", Style(bold=False))])
    assert Strip([Segment("ab")]) != Strip([Segment("ba")])
