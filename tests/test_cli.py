"""The command line as a user runs it: a real subprocess for the contract, CliRunner for the rest."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = {"claim_id", "appearance_id", "document", "document_title", "document_url", "quote", "start", "end",
            "claimant", "claimant_surface", "kind", "text", "state", "verdict", "stated_on", "event_date", "links"}


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run `claimtrack --db <tmp> --analyst amal ARGS…` in-process; returns the Result."""
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("CLAIMTRACK_DB", raising=False)
    runner = CliRunner()
    dbfile = str(tmp_path / "cli.db")

    def run(*args: str, analyst: str = "amal"):
        return runner.invoke(app, ["--db", dbfile, "--analyst", analyst, *args], catch_exceptions=False)

    run.db = dbfile  # type: ignore[attr-defined]
    return run


def walk(group, prefix=()):  # type: ignore[no-untyped-def]
    for name, cmd in sorted(getattr(group, "commands", {}).items()):
        yield from walk(cmd, (*prefix, name)) if getattr(cmd, "commands", None) else [(*prefix, name)]


def test_every_command_is_in_the_readme_reference() -> None:
    import typer.main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = readme[readme.index("## CLI reference"):]
    commands = list(walk(typer.main.get_command(app)))
    assert len(commands) >= 20
    missing = [" ".join(c) for c in commands if f"`claimtrack {' '.join(c)}" not in reference]
    assert missing == []


def test_seed_ingest_and_jsonl_contract(tmp_path: Path) -> None:
    """The check a newcomer runs: ingest seeds/, export JSONL with every contract field."""
    exe = [sys.executable, "-m", "claimtrack"]
    db = str(tmp_path / "x.db")
    env = {**os.environ, "CLAIMTRACK_CONFIG": str(tmp_path / "none.toml")}
    r = subprocess.run([*exe, "--db", db, "ingest", str(ROOT / "seeds")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert re.search(r"1 added, 0 already present, \d+ claims", r.stdout)
    again = subprocess.run([*exe, "--db", db, "ingest", str(ROOT / "seeds")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert "0 added, 1 already present, 0 claims" in again.stdout
    out = subprocess.run([*exe, "--db", db, "export", "--format", "jsonl"], capture_output=True, text=True, env=env, check=True)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) >= 10
    text = (ROOT / "seeds" / "white-house-russia-dprk-arms-talks.ar.txt").read_text(encoding="utf-8")
    for row in rows:
        assert set(row) >= CONTRACT
        assert row["document"] == "white-house-russia-dprk-arms-talks.ar.txt"
        assert row["quote"] and row["quote"] in text and row["claimant"]
    assert any(r["kind"] == "denial" and any(lk["relation"] == "denies" for lk in r["links"]) for r in rows)


def test_workflow_from_the_command_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed = tmp_path / "a.txt"
    seed.write_text("Ministers meet\nThe minister said the budget grew by 4% last year.\n", encoding="utf-8")
    assert cli("ingest", str(seed), "--language", "en", "--published", "2023-05-01").exit_code == 0
    listing = json.loads(cli("claims", "--json").stdout)
    assert listing, "the extractor found no claim in a plain reported-speech sentence"
    cid = str(listing[0]["id"])
    assert cli("analyst", "add", "rana", "--role", "reviewer").exit_code == 0
    assert cli("claim", "set", cid, "--state", "investigating").exit_code == 0
    r = cli("claim", "set", cid, "--verdict", "false", "--rationale", "x")
    assert r.exit_code == 1 and "needs at least one piece of evidence" in r.stderr
    assert cli("evidence", "add", cid, "--note", "budget office table 3", "--stance", "refutes",
               "--reliability", "B", "--credibility", "2").exit_code == 0
    assert cli("claim", "set", cid, "--verdict", "false", "--rationale", "budget office says 1%",
               "--state", "in_review").exit_code == 0
    r = cli("claim", "set", cid, "--state", "published")
    assert r.exit_code == 1 and "four-eyes" in r.stderr
    assert cli("claim", "set", cid, "--state", "published", analyst="rana").exit_code == 0
    shown = cli("show", cid).stdout
    assert "state=published verdict=false" in shown and "B2" in shown and "Usually reliable" in shown
    assert cli("audit", "verify").stdout.startswith("ok:")
    assert "set_state" in cli("audit", "log", "--claim", cid).stdout


@pytest.mark.parametrize("args,message", [
    (("show", "999"), "no claim with id 999"),
    (("link", "1", "denies", "2"), "no claim with id 1"),
    (("ingest",), "give at least one file"),
    (("claims", "--since", "yesterdayish"), "is not a date"),
    (("db", "backup", "/dev/null"), "already exists"),
])
def test_errors_are_one_line_without_traceback(cli, args, message) -> None:  # type: ignore[no-untyped-def]
    r = cli(*args)
    assert r.exit_code != 0
    assert message in r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    assert len(r.stderr.strip().splitlines()) == 1


def test_db_check_and_backup(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init").exit_code == 0
    assert "journal_mode=wal" in cli("db", "check").stdout
    target = tmp_path / "copy.db"
    assert cli("db", "backup", str(target)).exit_code == 0 and target.stat().st_size > 0


def test_config_shows_sources(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("config").stdout
    assert "denial_link_threshold = 0.26  [default]" in out and "CLAIMTRACK_BIDI" in out


@pytest.mark.postgres
def test_cli_on_postgresql(pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The same commands against a PostgreSQL URL: a fresh (empty) database is migrated on first use."""
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(tmp_path / "none.toml"))
    url = pg_server.new_database(migrated=False)
    runner = CliRunner()
    f = tmp_path / "a.txt"
    f.write_text("Headline\nThe ministry said exports rose 5% in March.\n", encoding="utf-8")
    r = runner.invoke(app, ["--db", url, "--analyst", "amal", "ingest", str(f), "--language", "en"], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    assert "ok: schema" in runner.invoke(app, ["--db", url, "db", "check"]).stdout
    rows = runner.invoke(app, ["--db", url, "export", "--format", "jsonl"]).stdout.splitlines()
    assert rows and set(json.loads(rows[0])) >= CONTRACT


def test_markup_in_article_text_is_shown_literally(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "m.txt"
    f.write_text("Markup [bold]test[/]\nThe spokesman said prices [bold]fell[/] by 4% [@click=app.quit] in C:\\temp\\ files.\n",
                 encoding="utf-8")
    assert cli("ingest", str(f), "--language", "en").exit_code == 0
    table = cli("claims").stdout
    shown = cli("show", "1").stdout
    assert "[bold]fell[/]" in table and "[bold]fell[/]" in shown
    assert "[@click=app.quit]" in shown and "C:\\temp\\" in shown


def test_first_run_seeds_the_default_database_with_its_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What bare `claimtrack` does before opening the TUI: create, migrate and seed ./data/claimtrack.db."""
    from claimtrack.cli import seed_if_empty
    from claimtrack.context import Workspace

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMTRACK_DB", raising=False)
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "seeds").mkdir()
    for f in (ROOT / "seeds").iterdir():
        (tmp_path / "seeds" / f.name).write_bytes(f.read_bytes())
    w = Workspace.resolve(None, "amal")
    assert w.is_default and w.target.endswith("claimtrack.db")
    assert seed_if_empty(w) == 1
    assert seed_if_empty(w) == 0  # only an empty database is seeded
    assert (tmp_path / "data" / "claimtrack.db").exists()
    rows = [json.loads(x) for x in CliRunner().invoke(app, ["export"]).stdout.splitlines()]
    assert {r["document"] for r in rows} == {"white-house-russia-dprk-arms-talks.ar.txt"}
    assert {r["stated_on"] for r in rows} >= {"2023-08-31"}  # the seed's publication date from seeds/.seeds.toml
