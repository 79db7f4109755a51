"""Bulk row inserts for write transactions that store many rows (the ingest).

SQLite: the statement SQLAlchemy compiles for the rows' columns is run through the driver's own
`executemany`, its parameters converted by the same bind processors SQLAlchemy would apply (enums, JSON,
dates), so the stored values are the same; only SQLAlchemy's per-call bookkeeping is skipped. New ids are
counted on from the table's largest id, read once per transaction (SQLite gives a new row the largest
rowid plus one and the ingest holds the write lock); `RowIds.check` verifies the count before the
commit. PostgreSQL: plain SQLAlchemy executemany, ids from RETURNING.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa

_Plan = tuple[str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...]]
_PLANS: dict[tuple[str, str, tuple[str, ...]], _Plan | None] = {}


def _plan(conn: sa.Connection, table: sa.Table, keys: tuple[str, ...]) -> _Plan | None:
    """The SQL, parameter order and bind processors of an INSERT of these columns (None: columns with
    Python-side defaults would be left out, so SQLAlchemy's own path is needed)."""
    cache_key = (conn.dialect.name, table.name, keys)
    if cache_key not in _PLANS:
        compiled: Any = sa.insert(table).compile(dialect=conn.dialect, column_keys=list(keys))
        if compiled.insert_prefetch or not compiled.positiontup:
            _PLANS[cache_key] = None
        else:
            order = tuple(compiled.positiontup)
            procs = compiled._bind_processors  # what SQLAlchemy applies to each parameter
            _PLANS[cache_key] = (compiled.string, order, tuple(procs.get(k) for k in order))
    return _PLANS[cache_key]


def insert(conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows (all with the same keys, every column without a server default given)."""
    if not rows:
        return
    plan = _plan(conn, table, tuple(rows[0])) if conn.dialect.name == "sqlite" else None
    if plan is None:
        conn.execute(sa.insert(table), list(rows))
        return
    sql, order, procs = plan
    executemany(conn, sql, [tuple(row[k] if p is None else p(row[k]) for k, p in zip(order, procs, strict=True))
                            for row in rows])


def executemany(conn: sa.Connection, sql: str, params: Sequence[tuple[Any, ...]]) -> None:
    """Run `sql` once per parameter tuple through the driver's executemany, in the connection's transaction;
    the driver's errors are raised as SQLAlchemy's (IntegrityError, ...), as `conn.execute` raises them."""
    dbapi_conn: Any = conn.connection.dbapi_connection
    cursor = dbapi_conn.cursor()
    try:
        cursor.executemany(sql, params)
    except conn.dialect.loaded_dbapi.Error as exc:
        raise sa.exc.DBAPIError.instance(sql, params, exc, conn.dialect.loaded_dbapi.Error,
                                         dialect=conn.dialect) from exc
    finally:
        cursor.close()


class RowIds:
    """The ids new rows get, per table, within one write transaction (see the module docstring).

    `reset()` after rolling a savepoint back (the counts are read again); `check()` before committing."""

    def __init__(self) -> None:
        self._last: dict[str, int] = {}

    def reset(self) -> None:
        self._last.clear()

    def insert(self, conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> list[int]:
        """Insert rows; their ids, in order."""
        if not rows:
            return []
        if conn.dialect.name != "sqlite":
            return list(conn.execute(sa.insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                     list(rows)).scalars())
        last = self._last.get(table.name)
        if last is None:
            last = conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table.name}").scalar_one()
        insert(conn, table, rows)
        self._last[table.name] = last + len(rows)
        return list(range(last + 1, last + 1 + len(rows)))

    def check(self, conn: sa.Connection) -> None:
        """Raise RuntimeError unless every table's largest id is the last one counted."""
        for name, last in self._last.items():
            if conn.exec_driver_sql(f"SELECT max(id) FROM {name}").scalar_one() != last:
                raise RuntimeError(f"the new {name} rows did not get consecutive ids")
        self._last.clear()
