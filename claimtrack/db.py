"""Engine factory and sessions. No engine is built at import time.

SQLite gets WAL, foreign keys, a busy timeout and `BEGIN IMMEDIATE` for every transaction, so
concurrent analysts wait for each other instead of failing. PostgreSQL comes from a URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session

from claimtrack.target import BUSY_TIMEOUT_MS, DEFAULT_DB, is_url, resolve_target, to_url  # noqa: F401


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's `begin` event emit BEGIN IMMEDIATE instead of pysqlite's deferred BEGIN.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


BULK_CACHE_KIB = 65536  # SQLite page cache of a connection doing bulk writes (the default is 2 MiB)


def bulk_write_cache(conn: sa.Connection) -> None:
    """Give a SQLite connection that writes in bulk (the ingest) a 64 MiB page cache.

    With the default 2 MiB, an ingest batch's inserts into the claim, key and full-text indexes spill dirty
    pages to the WAL before the commit and re-read pages from the file: about a third of the ingest's system
    CPU time on the SaudiNewsNet day. The cache grows only as used. No-op on PostgreSQL."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")


READ_OPTION = "claimtrack_read"  # execution option of db.session's connections


def _sqlite_begin(conn: sa.Connection) -> None:
    # Writers take the write lock up front (so they queue instead of failing); reads (db.session)
    # start a deferred transaction, which in WAL mode never takes or waits for that lock.
    conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_OPTION) else "BEGIN IMMEDIATE")


POSTGRES_WORK_MEM = "32MB"


def _postgres_settings(dbapi_connection: Any, _record: Any) -> None:
    """Raise work_mem to POSTGRES_WORK_MEM on this connection, unless the server already gives more.

    With the default 4 MB, the bitmap a prefix search term collects from the full-text GIN index
    (`'trump':*` matches a tenth of a million claims) overflows and goes lossy: the index scan took
    twice as long."""
    cur = dbapi_connection.cursor()
    cur.execute("SELECT set_config('work_mem', %s, false) "
                "WHERE pg_size_bytes(current_setting('work_mem')) < pg_size_bytes(%s)",
                (POSTGRES_WORK_MEM, POSTGRES_WORK_MEM))
    cur.close()
    dbapi_connection.commit()  # a session setting made in a transaction is undone by its rollback


def make_engine(target: str, *, echo: bool = False) -> Engine:
    """Build an engine for a SQLite path or a database URL."""
    url = to_url(target)
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, echo=echo, connect_args={"check_same_thread": False, "timeout": 15})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    engine = sa.create_engine(url, echo=echo, pool_pre_ping=True)
    if engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _postgres_settings)
    return engine


def make_read_engine(target: str) -> Engine:
    """An engine for read-only work: on SQLite, deferred transactions that never block writers."""
    url = to_url(target)
    if not url.startswith("sqlite"):
        return make_engine(target)
    engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})

    def pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    event.listen(engine, "connect", pragmas)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


@contextmanager
def atomic(engine: Engine) -> Iterator[Session]:
    """One write transaction: commit on success, roll back on any error.

    On PostgreSQL the transaction first takes the writers' lock (the audit chain's advisory lock), as
    SQLite's BEGIN IMMEDIATE does: every write appends to the one event chain anyway, and taking that
    lock before any row lock means two writers can never deadlock on lock order.
    """
    with Session(engine, expire_on_commit=False) as session:
        try:
            if engine.dialect.name == "postgresql":
                lock_writers(session.connection())
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


WRITERS_LOCK = 7160  # PostgreSQL advisory lock key held by every write transaction (and the audit chain)


def lock_writers(conn: sa.Connection) -> None:
    """PostgreSQL: wait for the writers' lock, held until the transaction ends (re-entrant)."""
    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITERS_LOCK})


def session(engine: Engine) -> Session:
    """A session for reads; objects stay usable after commit.

    On SQLite its transaction is deferred: a long read (an export, a report, `audit verify` over a
    million events) never holds the write lock that other analysts' edits wait for."""
    return Session(engine.execution_options(**{READ_OPTION: True}), expire_on_commit=False)


class ChangeWatcher:
    """Notices commits by other connections.

    SQLite: PRAGMA data_version on one dedicated connection (it changes when *another* connection
    commits). PostgreSQL: the newest claim `updated_at` and the event count.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._raw: Any = None
        self._last: object = None

    def _probe(self) -> object:
        if self.engine.dialect.name == "sqlite":
            # A raw autocommit connection: no transaction, so it never holds a lock.
            if self._raw is None:
                self._raw = self.engine.raw_connection()
            cur = self._raw.cursor()
            try:
                return cur.execute("PRAGMA data_version").fetchone()[0]
            finally:
                cur.close()
        with self.engine.connect() as conn:
            row = conn.execute(sa.text("SELECT (SELECT max(updated_at) FROM claim), (SELECT max(id) FROM event)"))
            return tuple(row.one())

    def changed(self) -> bool:
        """True when the database changed since the last call (False on the first)."""
        value = self._probe()
        first = self._last is None
        changed = not first and value != self._last
        self._last = value
        return changed

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None
