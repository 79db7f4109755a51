"""Reads never hold SQLite's write lock: a long export or `audit verify` must not block analysts' edits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa

from claimtrack import db, migrations


def test_an_open_read_session_leaves_the_write_lock_free(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    engine = db.make_engine(str(path))
    migrations.upgrade(engine)
    with db.session(engine) as s:
        assert s.exec(sa.text("SELECT count(*) FROM claim")).one()[0] == 0  # type: ignore[call-overload]
        other = sqlite3.connect(path, timeout=0.2, isolation_level=None)  # another analyst, impatient
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO analyst (handle, role, created_at) VALUES ('omar', 'analyst', '2023-09-01')")
        other.execute("COMMIT")
        other.close()
    engine.dispose()


def test_write_transactions_still_take_the_lock_up_front(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    engine = db.make_engine(str(path))
    migrations.upgrade(engine)
    with db.atomic(engine) as s:
        s.exec(sa.text("SELECT 1"))  # type: ignore[call-overload]
        other = sqlite3.connect(path, timeout=0.2, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            raise AssertionError("a second writer got the lock while a write transaction was open")
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc)
        finally:
            other.close()
    engine.dispose()
