"""Rows leaving or joining a DataTable at either end, in one pass.

A sliding window over a long result trims rows at one end as a page joins at the other. DataTable has
`clear` (then every row is added again: 300-400 `add_row` calls, 15-25 ms, after which every row in sight
is styled again) and `remove_row` (which numbers every row again for each row removed). `RowSplice`
drops a run of rows from either end and puts new rows on top in one pass over the row index, keeping the
rows that stay as they are; it changes DataTable's row bookkeeping (`_data`, `rows`, `_row_locations`)
the way `add_row`, `remove_row` and `clear` do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from textual._two_way_dict import TwoWayDict

if TYPE_CHECKING:  # the mixin works on DataTable's own row bookkeeping
    from textual.widgets import DataTable

    _TableBase = DataTable[Any]
else:
    _TableBase = object


class RowSplice(_TableBase):
    """A mixin for DataTable subclasses whose rows are added with keys (`add_row(..., key=...)`)."""

    def _ordered_keys(self) -> list[Any]:
        locations = self._row_locations
        return [locations.get_key(i) for i in range(self.row_count)]

    def _relocate(self, keys: Sequence[Any]) -> None:
        """Make `keys` the table's rows, in that order (each already in `_data` and `rows`)."""
        self._row_locations = TwoWayDict({key: i for i, key in enumerate(keys)})
        self._update_count += 1  # DataTable's caches follow this count
        self._require_update_dimensions = True
        self.check_idle()

    def drop_rows(self, count: int, from_top: bool) -> None:
        """Remove `count` rows from the top (or the bottom) of the table."""
        if count <= 0:
            return
        keys = self._ordered_keys()
        count = min(count, len(keys))
        gone, kept = (keys[:count], keys[count:]) if from_top else (keys[len(keys) - count:], keys[:len(keys) - count])
        for key in gone:
            for column_key in self._data.get(key, {}):
                self._updated_cells.discard((key, column_key))
            del self._data[key]
            del self.rows[key]
            self._new_rows.discard(key)
        self._relocate(kept)

    def add_rows_on_top(self, rows: Iterable[tuple[Sequence[Any], str]]) -> int:
        """Add rows (cells, key) above the first row, in the order given; returns how many."""
        before = self._ordered_keys()
        added = [self.add_row(*cells, key=key) for cells, key in rows]
        if added:
            self._relocate([*added, *before])
        return len(added)
