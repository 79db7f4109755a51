"""Bulk loading through the driver (sqlite3 executemany, PostgreSQL COPY), and a throwaway server.

During a load the secondary indexes, the full-text index and (on SQLite) its triggers are dropped;
`end_load` builds them once, which is far faster than maintaining them row by row.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimtrack import db, migrations, search  # noqa: E402

TABLES = ("outlet", "actor", "analyst", "document", "claim", "appearance", "claim_link", "evidence",
          "claim_evidence", "comment", "event")


class BulkWriter:
    """Rows in by the driver; subclasses know the dialect."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.engine = db.make_engine(target)
        migrations.upgrade(self.engine)
        self.raw: Any = self.engine.raw_connection().driver_connection
        self.saved_indexes: list[str] = []
        self.steps: dict[str, float] = {}

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Time a phase of the load (reported in the generator's summary)."""
        t = time.perf_counter()
        yield
        self.steps[name] = round(time.perf_counter() - t, 2)

    def scalar(self, sql: str) -> Any:
        cur = self.raw.cursor()
        cur.execute(sql)
        row = cur.fetchone()
        cur.close()
        return row[0] if row else None

    def bases(self) -> dict[str, Any]:
        """The highest id of every table, and a tag that keeps appended names unique."""
        out: dict[str, Any] = {t: int(self.scalar(f"SELECT coalesce(max(id), 0) FROM {t}")) for t in TABLES}
        out["tag"] = f"s{out['claim']}" if out["claim"] else ""
        return out

    def last_event_hash(self) -> str:
        return self.scalar("SELECT hash FROM event ORDER BY id DESC LIMIT 1") or ""

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        self.raw.commit()

    def begin_load(self) -> None:
        raise NotImplementedError

    def end_load(self) -> None:
        raise NotImplementedError

    def size_bytes(self) -> int:
        raise NotImplementedError

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.raw.close()
        self.engine.dispose()


class SqliteWriter(BulkWriter):
    def __init__(self, target: str) -> None:
        super().__init__(target)
        cur = self.raw.cursor()
        # a load into a throwaway copy: no journal (WAL would write every page twice), no fsync
        for pragma in ("journal_mode = OFF", "foreign_keys = OFF", "synchronous = OFF", "cache_size = -400000",
                       "temp_store = MEMORY"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()
        self.raw.isolation_level = "DEFERRED"  # sqlite3 opens the transaction; commit() ends it

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        cols = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        self.raw.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)

    def begin_load(self) -> None:
        cur = self.raw.cursor()
        rows = cur.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                           f"AND tbl_name IN ({', '.join(repr(t) for t in TABLES)})").fetchall()
        for name, sql in rows:
            self.saved_indexes.append(sql)
            cur.execute(f'DROP INDEX "{name}"')
        for stmt in search.SQLITE_DROP:
            if stmt.startswith("DROP TRIGGER"):
                cur.execute(stmt)
        self.raw.commit()

    def end_load(self) -> None:
        cur = self.raw.cursor()
        self.raw.commit()
        with self.step("secondary indexes"):
            for sql in self.saved_indexes:
                cur.execute(sql)
        with self.step("full-text index"):
            cur.execute("INSERT INTO claim_fts(claim_fts) VALUES('rebuild')")
        for ddl in search.SQLITE_DDL:  # IF NOT EXISTS: puts the triggers back
            cur.execute(ddl)
        self.raw.commit()
        self.raw.isolation_level = None
        with self.step("analyze"):
            cur.execute("PRAGMA analysis_limit = 2000")  # sampled statistics: the planner needs no more
            cur.execute("ANALYZE")
            cur.execute("PRAGMA journal_mode = WAL")
        cur.close()

    def size_bytes(self) -> int:
        path = sa.engine.make_url(db.to_url(self.target)).database or ""
        return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))


class PostgresWriter(BulkWriter):
    def __init__(self, target: str) -> None:
        super().__init__(target)
        cur = self.raw.cursor()
        cur.execute("SET TimeZone = 'UTC'")
        cur.execute("SET maintenance_work_mem = '512MB'")
        try:  # no foreign-key triggers during the load (superusers only; the data is consistent)
            cur.execute("SET session_replication_role = replica")
        except Exception:  # noqa: BLE001
            self.raw.rollback()
            cur.execute("SET TimeZone = 'UTC'")
        self.raw.commit()

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        cols = ", ".join(f'"{c}"' for c in columns)
        with self.raw.cursor() as cur, cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def begin_load(self) -> None:
        with self.raw.cursor() as cur:
            cur.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
                "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                "WHERE c.conname = i.indexname)", (list(TABLES),))
            for name, sql in cur.fetchall():
                self.saved_indexes.append(sql)
                cur.execute(f'DROP INDEX "{name}"')
        self.raw.commit()

    def end_load(self) -> None:
        with self.raw.cursor() as cur, self.step("secondary and full-text indexes"):
            for sql in self.saved_indexes:
                cur.execute(sql)
        with self.raw.cursor() as cur:
            for table in TABLES:
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)")
        self.raw.commit()
        self.raw.autocommit = True
        with self.raw.cursor() as cur, self.step("vacuum analyze"):
            cur.execute("VACUUM ANALYZE")

    def size_bytes(self) -> int:
        return int(self.scalar("SELECT pg_database_size(current_database())"))


@contextlib.contextmanager
def open_writer(target: str) -> Iterator[BulkWriter]:
    writer = SqliteWriter(target) if not db.is_url(target) or target.startswith("sqlite") else PostgresWriter(target)
    try:
        yield writer
    finally:
        writer.close()


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A new database on a throwaway PostgreSQL 15 server (the one the test suite starts)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import PostgresServer  # the tests' server class; bench code, not a test

    server = PostgresServer()
    try:
        yield server.new_database(migrated=False)
    finally:
        server.stop()
