"""Database plumbing: migrations, SQLite pragmas, BEGIN IMMEDIATE, timestamps, schema checks."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from claimtrack import db, migrations
from claimtrack.context import Workspace
from claimtrack.models import Analyst, Claim
from claimtrack.services import ClaimtrackError


def test_sqlite_pragmas(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == db.BUSY_TIMEOUT_MS


def test_writers_take_the_lock_up_front(sqlite_engine: Engine) -> None:
    """BEGIN IMMEDIATE: a second writer waits for the first instead of failing mid-transaction."""
    order: list[str] = []
    first_in = threading.Event()

    def writer(name: str, hold: threading.Event | None) -> None:
        with db.atomic(sqlite_engine) as s:
            s.add(Analyst(handle=name))
            s.flush()
            order.append(f"{name}-in")
            if hold is not None:
                first_in.set()
                hold.wait(5)
        order.append(f"{name}-out")

    release = threading.Event()
    t1 = threading.Thread(target=writer, args=("a", release))
    t1.start()
    first_in.wait(5)
    t2 = threading.Thread(target=writer, args=("b", None))
    t2.start()
    t2.join(0.3)
    assert order == ["a-in"]  # b is waiting at BEGIN IMMEDIATE
    release.set()
    t1.join()
    t2.join()
    assert order == ["a-in", "a-out", "b-in", "b-out"]


def test_empty_database_upgrades_to_exactly_the_models(tmp_path: Path) -> None:
    engine = db.make_engine(str(tmp_path / "m.db"))
    migrations.upgrade(engine)
    migrations.check(engine)  # raises on any drift between models and tables
    insp = sa.inspect(engine)
    tables = set(insp.get_table_names()) - {"alembic_version"}
    assert {t for t in tables if not t.startswith(("claim_fts", "passage_fts"))} == set(SQLModel.metadata.tables)
    for name, table in SQLModel.metadata.tables.items():
        assert {c["name"] for c in insp.get_columns(name)} == {c.name for c in table.columns}
        assert {fk["referred_table"] for fk in insp.get_foreign_keys(name)} == {
            fk.column.table.name for fk in table.foreign_keys}
    migrations.downgrade(engine, "base")
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}


@pytest.mark.postgres
def test_postgres_migrates_without_drift(pg_engine: Engine) -> None:
    migrations.check(pg_engine)
    assert migrations.is_current(pg_engine)


def test_timestamps_are_utc_aware_and_naive_ones_refused(sqlite_engine: Engine) -> None:
    with db.atomic(sqlite_engine) as s:
        s.add(Analyst(handle="x"))
    with db.session(sqlite_engine) as s:
        a = s.exec(sa.select(Analyst)).scalars().one()  # type: ignore[call-overload]
        assert a.created_at.tzinfo is not None and a.created_at.utcoffset().total_seconds() == 0
    with pytest.raises(sa.exc.StatementError, match="naive"), db.atomic(sqlite_engine) as s:
        s.add(Analyst(handle="y", created_at=datetime(2023, 1, 1)))
        s.flush()


def test_enums_stored_by_value_and_checked(sqlite_engine: Engine) -> None:
    with db.atomic(sqlite_engine) as s:
        s.add(Claim(text="t", search_text="t"))
    with sqlite_engine.connect() as c:
        assert c.exec_driver_sql("SELECT state, verdict, kind FROM claim").one() == ("new", "unrated", "statement")
        with pytest.raises(sa.exc.IntegrityError):
            c.exec_driver_sql("UPDATE claim SET state = 'bogus'")


def test_json_column_changes_are_tracked(sqlite_engine: Engine) -> None:
    with db.atomic(sqlite_engine) as s:
        c = Claim(text="t", search_text="t")
        s.add(c)
        s.flush()
        cid = c.id
    with db.atomic(sqlite_engine) as s:
        claim = s.get(Claim, cid)
        claim.tags.append("economy")  # in-place mutation, no reassignment
    with db.session(sqlite_engine) as s:
        assert s.get(Claim, cid).tags == ["economy"]


def test_behind_schema_gets_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMTRACK_DB", raising=False)
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(tmp_path / "none.toml"))
    path = tmp_path / "old.db"
    engine = db.make_engine(str(path))
    migrations.upgrade(engine)
    with engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num = 'older'")
    w = Workspace.resolve(str(path), "amal")
    with pytest.raises(ClaimtrackError, match="claimtrack db upgrade"):
        w.ready()


def test_change_watcher_sees_other_connections(sqlite_engine: Engine) -> None:
    watcher = db.ChangeWatcher(sqlite_engine)
    assert watcher.changed() is False
    assert watcher.changed() is False
    with db.atomic(sqlite_engine) as s:
        s.add(Analyst(handle="z"))
    assert watcher.changed() is True
    assert watcher.changed() is False
    watcher.close()


def test_no_engine_at_import() -> None:
    import claimtrack.db as mod

    assert not any(isinstance(v, Engine) for v in vars(mod).values())


def test_head_constant_matches_alembic() -> None:
    assert migrations.head_revision() == migrations.script_head()
