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
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from claimtrack import db, migrations, services
from claimtrack.models import ClaimKind, Document, set_clock

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXED_NOW = datetime(2023, 9, 1, 10, 0, tzinfo=UTC)


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skips the test when the shared folder is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not present")
    return p


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

AR_TEXT = (
    "الوزير: الاقتصاد ينمو بسرعة\n"
    "قال وزير المالية سامي الحربي إن الاقتصاد نما بنسبة ٣٪ العام الماضي.\n"
    "ونفت المعارضة الأرقام الرسمية بشأن النمو.\n"
)
EN_TEXT = (
    "Minister says economy grows\n"
    "Finance minister Sam Harbi said the economy grew 3% last year. "
    "The opposition denied the official growth figures [bold]really[/].\n"
)


def make_sample(engine: Engine) -> dict[str, int]:
    """Two documents (Arabic, English) with claims, a denial link and analysts; returns ids by name."""
    from claimtrack.extract.base import ActorRef, ExtractedClaim, PartialDate
    from claimtrack.ingest.base import RawDocument
    from claimtrack.ingest.pipeline import ActorCache, IngestOptions, store_document

    ids: dict[str, int] = {}
    with db.atomic(engine) as s:
        admin = services.ensure_analyst(session=s, handle="amal")  # first analyst: admin
        services.add_analyst(session=s, by=admin, handle="omar", role=services.Role.analyst)
        services.add_analyst(session=s, by=admin, handle="rana", role=services.Role.reviewer)
        actors = ActorCache()
        gov = ActorRef("Ministry of Finance", kind="government", name_ar="وزارة المالية", name_en="Ministry of Finance")
        minister_ar = ActorRef("Sami al-Harbi", kind="person", name_ar="سامي الحربي", name_en="Sami al-Harbi",
                               title="وزير المالية", affiliation=gov)
        opposition = ActorRef("Opposition", kind="organisation", name_ar="المعارضة", name_en="Opposition")
        for key, text, lang, minister in (("ar", AR_TEXT, "ar", minister_ar), ("en", EN_TEXT, "en", minister_ar)):
            q1 = "الاقتصاد نما بنسبة ٣٪ العام الماضي" if lang == "ar" else "the economy grew 3% last year"
            q2 = "الأرقام الرسمية بشأن النمو" if lang == "ar" else "the official growth figures [bold]really[/]"
            s1, s2 = text.index(q1), text.index(q2)
            claims = [
                ExtractedClaim(quote=q1, start=s1, end=s1 + len(q1), claimant=minister, claimant_surface="سامي الحربي",
                               kind="statement", text=q1, cue="قال" if lang == "ar" else "said", language=lang,
                               event_date=PartialDate("2022", "year"), checkworthiness=0.8),
                ExtractedClaim(quote=q2, start=s2, end=s2 + len(q2), claimant=opposition, claimant_surface="المعارضة",
                               kind="denial", text=q2, cue="نفت" if lang == "ar" else "denied", language=lang,
                               denies=[0], link_evidence={0: {"shared_terms": ["النمو"]}}, checkworthiness=0.4),
            ]
            raw = RawDocument(text=text, origin=f"sample-{key}.txt", origin_name=f"sample-{key}.txt",
                              source_format="txt", title=text.splitlines()[0], language=lang,
                              published=date(2023, 8, 31), published_precision="day", outlet="Sample News")
            ids[f"doc_{key}"], _ = store_document(s, raw, f"{key:0>64}", claims, analyst=admin, actors=actors,
                                                  opts=IngestOptions())
        s.flush()
        rows = s.exec(__import__("sqlmodel").select(services.Claim).order_by(services.Claim.id)).all()
        ids.update({"ar_statement": rows[0].id, "ar_denial": rows[1].id, "en_statement": rows[2].id,
                    "en_denial": rows[3].id})
        assert rows[1].kind == ClaimKind.denial
        assert s.get(Document, ids["doc_ar"]) is not None
    return ids


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
