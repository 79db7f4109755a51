"""Shared fixtures: migrated SQLite databases, a throwaway PostgreSQL 15 server, sample data, a fixed clock."""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from helpers import FIXED_NOW, UPDATE_GOLDENS_ENV, make_sample
from sqlalchemy.engine import Engine

from claimtrack import db, migrations
from claimtrack.models import set_clock


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="write golden files instead of comparing with them (review the diff before committing)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--update-goldens"):
        os.environ[UPDATE_GOLDENS_ENV] = "1"


@pytest.fixture
def fixed_clock() -> Iterator[datetime]:
    """Every timestamp claimtrack writes is FIXED_NOW (so snapshots and golden files never depend on
    how many times the code asks for the time; events still order by id)."""
    set_clock(lambda: FIXED_NOW)
    yield FIXED_NOW
    set_clock(None)


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    """A fresh SQLite database file, migrated to head."""
    engine = db.make_engine(str(tmp_path / "test.db"))
    migrations.upgrade(engine)
    yield engine
    engine.dispose()


# --- PostgreSQL ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bin(name: str) -> str | None:
    for d in ("/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/bin"):
        if os.path.exists(os.path.join(d, name)):
            return os.path.join(d, name)
    return shutil.which(name)


class PostgresServer:
    """A throwaway cluster in a temp dir on 127.0.0.1, run as the postgres user when we are root."""

    def __init__(self) -> None:
        initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("PostgreSQL 15 binaries (initdb, pg_ctl) not found")
        self.pg_ctl = pg_ctl
        self.dir = Path(tempfile.mkdtemp(prefix="claimtrack-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self._run([initdb, "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"])
        self._run([pg_ctl, "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60", "start", "-o",
                   f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                   f"-c synchronous_commit=off -c full_page_writes=off"])
        self.base_url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}"
        self._n = itertools.count()
        self._admin("CREATE DATABASE claimtrack_template")
        engine = db.make_engine(f"{self.base_url}/claimtrack_template")
        migrations.upgrade(engine)
        engine.dispose()

    def _run(self, cmd: list[str]) -> None:
        subprocess.run(self.prefix + cmd, check=True, capture_output=True, timeout=120)

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as c:
            c.execute(sql)  # type: ignore[arg-type]

    def new_database(self, migrated: bool = True) -> str:
        name = f"t{next(self._n)}_{int(time.time() * 1000) % 100000}"
        self._admin(f"CREATE DATABASE {name}" + (" TEMPLATE claimtrack_template" if migrated else ""))
        return f"{self.base_url}/{name}"

    def stop(self) -> None:
        subprocess.run(self.prefix + [self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer()
    except (RuntimeError, subprocess.CalledProcessError, FileNotFoundError) as exc:
        if os.environ.get("CI"):
            raise  # CI must run the PostgreSQL tests, never skip them
        pytest.skip(f"PostgreSQL not available: {exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_engine(pg_server: PostgresServer) -> Iterator[Engine]:
    """A fresh, migrated PostgreSQL database on the throwaway server."""
    engine = db.make_engine(pg_server.new_database())
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        eng = db.make_engine(str(tmp_path / "test.db"))
        migrations.upgrade(eng)
    else:
        eng = db.make_engine(request.getfixturevalue("pg_server").new_database())
    yield eng
    eng.dispose()


# --- sample data ---------------------------------------------------------------------------------

@pytest.fixture
def sample(engine: Engine) -> dict[str, int]:
    return make_sample(engine)


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    """Say plainly whether the PostgreSQL tests ran (CI output must show they did)."""
    counts: dict[str, int] = {}
    for outcome in ("passed", "failed", "skipped", "error"):
        for rep in terminalreporter.stats.get(outcome, []):
            if "postgres" in getattr(rep, "keywords", {}) and rep.when in ("call", "setup"):
                if outcome == "passed" and rep.when != "call":
                    continue
                counts[outcome] = counts.get(outcome, 0) + 1
    if counts:
        summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        terminalreporter.write_line(f"PostgreSQL 15 tests (real server on 127.0.0.1): {summary}")
