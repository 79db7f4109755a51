"""Crash safety: `kill -9` at random moments during a large ingest and a stream of edits; backups under load.

After every kill the database passes integrity, full-text and audit checks, no document is
half-ingested and no ingested claim lacks its appearance; at the end a re-ingest adds no duplicates.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import random
import signal
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import storm
from helpers import synthetic_articles
from typer.testing import CliRunner

from claimtrack import db, dbcheck, migrations, target
from claimtrack.cli import app
from claimtrack.ingest.pipeline import IngestOptions, ingest

KILLS = 22
ARTICLES = 600


def ingest_child(url: str, files: list[str], started: Any) -> None:
    engine = db.make_engine(url)
    started.set()
    ingest(engine, files, analyst="ingester", opts=IngestOptions(batch_size=25, language="en"))


def edit_child(url: str, layout: storm.Layout, seed: int, started: Any) -> None:
    engine = db.make_engine(url)
    worker = storm.Worker(engine, layout, 0, seed)
    started.set()
    while True:
        worker.step()


def rows(engine: sa.Engine, sql: str) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(sa.text(sql)).all())


def assert_consistent(engine: sa.Engine, manual_claims: set[int]) -> None:
    """Storage, full-text index and audit checks; whole documents only; every ingested claim has its appearance."""
    for check in (dbcheck.check_integrity(engine), dbcheck.check_fts(engine), dbcheck.check_audit(engine)):
        assert check.ok, check.line()
    events = rows(engine, "SELECT entity_id, after FROM event WHERE entity = 'document' AND action = 'ingest'")
    assert len(events) == len({e[0] for e in events}) == rows(engine, "SELECT count(*) FROM document")[0][0]
    by_doc: dict[int, set[int]] = {}
    for doc_id, claim_id in rows(engine, "SELECT document_id, claim_id FROM appearance"):
        by_doc.setdefault(doc_id, set()).add(claim_id)
    for doc_id, after in events:
        after = after if isinstance(after, dict) else json.loads(after)
        claims = after["claims"] if isinstance(after["claims"], list) else []
        assert set(claims) == by_doc.get(doc_id, set()), f"document {doc_id} is half-ingested"
    orphans = {r[0] for r in rows(engine, "SELECT id FROM claim WHERE id NOT IN (SELECT claim_id FROM appearance)")}
    assert orphans <= manual_claims


def kill_at_random(ctx: Any, target: Any, args: tuple, rng: random.Random) -> bool:
    """Start a child, kill -9 it at a random moment once it is writing; True if it was still running."""
    started = ctx.Event()
    proc = ctx.Process(target=target, args=(*args, started))
    proc.start()
    assert started.wait(30)
    time.sleep(rng.uniform(0.05, 0.8))
    alive = proc.is_alive()
    if alive:
        os.kill(proc.pid, signal.SIGKILL)  # type: ignore[arg-type]
    proc.join(30)
    return alive and proc.exitcode == -signal.SIGKILL


def test_kill_9_during_ingest_and_edits(tmp_path: Path) -> None:
    files = synthetic_articles(tmp_path / "articles", ARTICLES)
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    engine = db.make_engine(url)
    migrations.upgrade(engine)
    layout = storm.setup(engine, 1)
    manual = set(layout.hot) | set(layout.own[0])
    engine.dispose()
    ctx, rng = mp.get_context("fork"), random.Random(12)
    kills = {"ingest": 0, "edits": 0}
    for cycle in range(80):
        if sum(kills.values()) >= KILLS:
            break
        present = {r[0] for r in rows(engine, "SELECT origin_name FROM document")}
        remaining = [str(f) for f in files if f.name not in present]
        kind = "ingest" if cycle % 2 == 0 and remaining else "edits"
        target, args = (ingest_child, (url, remaining)) if kind == "ingest" else (edit_child, (url, layout, cycle))
        kills[kind] += kill_at_random(ctx, target, args, rng)
        assert_consistent(engine, manual)
    assert sum(kills.values()) >= KILLS and min(kills.values()) >= KILLS // 3, kills
    print(f"kill -9 that landed while writing: {kills} in {cycle} cycles")  # shown with pytest -s

    first = ingest(engine, [str(tmp_path / "articles")], analyst="ingester", opts=IngestOptions(language="en"))
    again = ingest(engine, [str(tmp_path / "articles")], analyst="ingester", opts=IngestOptions(language="en"))
    assert first.errors == [] and again.errors == [] and again.added == 0 and again.duplicates == ARTICLES
    assert rows(engine, "SELECT count(*), count(DISTINCT sha256) FROM document")[0] == (ARTICLES, ARTICLES)
    clean = db.make_engine(str(tmp_path / "clean.db"))
    migrations.upgrade(clean)
    ingest(clean, [str(tmp_path / "articles")], analyst="ingester", opts=IngestOptions(language="en"))
    expected = rows(clean, "SELECT count(*) FROM claim")[0][0]
    assert rows(engine, "SELECT count(DISTINCT claim_id) FROM appearance")[0][0] == expected > ARTICLES
    assert_consistent(engine, manual)
    engine.dispose()


def run_cli(target: str, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["--db", target, "--analyst", "amal", *args], catch_exceptions=False)


def test_backup_under_four_writers_and_restore(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    url = f"sqlite:///{live}"
    engine = db.make_engine(url)
    migrations.upgrade(engine)
    layout = storm.setup(engine, 4)
    engine.dispose()
    ctx = mp.get_context("fork")
    start, stop, out = ctx.Event(), ctx.Event(), ctx.Queue()
    # the writers run until told to stop, so they are still writing whatever the backup's speed
    procs = [ctx.Process(target=storm.run_worker, args=(url, layout, w, 100_000, 3, start, out, stop)) for w in range(4)]
    for p in procs:
        p.start()
    start.set()
    while rows(engine, "SELECT count(*) FROM event")[0][0] < 150:  # the writers are well under way
        time.sleep(0.05)
    before = rows(engine, "SELECT count(*) FROM event")[0][0]
    backup = tmp_path / "copy.db"
    made = run_cli(str(live), "db", "backup", str(backup))
    after = rows(engine, "SELECT count(*) FROM event")[0][0]
    stop.set()
    results = [out.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(30)
    assert made.exit_code == 0, made.output
    assert all(r.errors == [] and r.lock_errors == 0 for r in results)
    assert after > before, "the writers were not running during the backup"
    check = run_cli(str(backup), "db", "check")
    assert check.exit_code == 0, check.output
    copied = rows(db.make_engine(str(backup)), "SELECT count(*) FROM event")[0][0]
    assert before <= copied <= after  # events verify up to the moment of the backup
    # one more audited change after the writers stopped, so the restore below is observable
    added = CliRunner().invoke(app, ["--db", str(live), "--analyst", "boss", "analyst", "add", "zaid"])
    assert added.exit_code == 0, added.output
    final = rows(engine, "SELECT count(*) FROM event")[0][0]
    assert final > copied

    refused = run_cli(str(live), "db", "restore", str(backup))
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert rows(engine, "SELECT count(*) FROM event")[0][0] == final  # untouched
    restored = run_cli(str(live), "db", "restore", str(backup), "--force")
    assert restored.exit_code == 0, restored.output
    assert rows(engine, "SELECT count(*) FROM event")[0][0] == copied
    fresh = tmp_path / "fresh.db"
    assert run_cli(str(fresh), "db", "restore", str(backup)).exit_code == 0  # a new file needs no --force
    assert run_cli(str(fresh), "db", "check").exit_code == 0
    engine.dispose()


def test_restore_refuses_what_is_not_a_backup(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    result = run_cli(str(tmp_path / "target.db"), "db", "restore", str(junk))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "not a readable SQLite database" in result.stderr
    assert run_cli(str(tmp_path / "t.db"), "db", "restore", str(tmp_path / "missing.db")).stderr.startswith(
        "claimtrack: error: no such file")


def test_network_file_system_is_detected() -> None:
    mounts = ("/dev/sda1 / ext4 rw 0 0\n"
              "server:/export /mnt/team nfs4 rw,relatime 0 0\n"
              "//nas/share /mnt/nas cifs rw 0 0\n")
    assert dbcheck.network_filesystem(Path("/mnt/team/claims"), mounts) == "nfs4"
    assert dbcheck.network_filesystem(Path("/mnt/nas/x/y"), mounts) == "cifs"
    assert dbcheck.network_filesystem(Path("/home/amal"), mounts) is None
    assert dbcheck.network_filesystem(Path("/mnt/teamwork"), mounts) is None


def test_network_file_system_warning(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setattr(target, "network_filesystem", lambda path, mounts=None: "nfs4")
    result = run_cli(str(tmp_path / "team.db"), "analyst", "list")
    assert result.exit_code == 0
    assert "is on a network file system (nfs4)" in result.stderr and "PostgreSQL" in result.stderr
