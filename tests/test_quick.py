"""`claimtrack claims` answered before Typer and SQLAlchemy load (claimtrack.quick) prints exactly what the
Typer command prints, and leaves everything it does not fully understand to the Typer command."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import make_sample
from typer.testing import CliRunner

from claimtrack import db, migrations, services
from claimtrack.cli import app
from claimtrack.models import ClaimState

# Runs the console entry point in a fresh interpreter; prints its output, then the modules it loaded.
PROBE = """
import json, sys
sys.argv = ["claimtrack", *json.loads(sys.argv[1])]
import claimtrack
code = 0
try:
    claimtrack.main()
except SystemExit as exc:
    code = exc.code or 0
sys.stdout.flush()
print("\\n" + json.dumps([code, sorted(sys.modules)]), file=sys.stderr)
"""


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = str(tmp_path_factory.mktemp("quick") / "quick.db")
    engine = db.make_engine(path)
    migrations.upgrade(engine)
    ids = make_sample(engine)
    with db.atomic(engine) as s:
        me = services.get_analyst(session=s, handle="amal")
        services.assign(session=s, by=me, claim_id=ids["ar_statement"], assignee="omar")
        services.set_tags(session=s, by=me, claim_id=ids["en_statement"], add=["economy"])
        services.set_state(session=s, by=me, claim_id=ids["en_denial"], state=ClaimState.triaged)
    engine.dispose()
    yield path


def fresh(target: str, *args: str, env: dict[str, str] | None = None) -> tuple[str, int, list[str]]:
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(["--db", target, *args])], capture_output=True,
                         text=True, env=env)
    code, modules = json.loads(out.stderr.strip().splitlines()[-1])
    return out.stdout, code, modules


def typer_path(target: str, *args: str) -> tuple[str, int]:
    result = CliRunner().invoke(app, ["--db", target, *args], catch_exceptions=False, prog_name="claimtrack")
    return result.stdout, result.exit_code


QUICK = [
    ("claims",),
    ("claims", "--limit", "2"),
    ("claims", "--limit=3", "--json"),
    ("claims", "--json", "--sort", "first_seen"),
    ("claims", "--sort", "appearances", "--limit", "50"),
    ("claims", "--state", "triaged"),
    ("claims", "--verdict", "unrated", "--kind", "denial"),
    ("claims", "--search", "الاقتصاد"),
    ("claims", "--search", "economy grew", "--json"),
    ("claims", "--search", "#2"),
    ("claims", "--claimant", "Harbi", "--language", "en"),
    ("claims", "--assignee", "omar"),
    ("claims", "--tag", "economy", "--json"),
    ("claims", "--tag", "no such tag"),
    ("claims", "--document", "1"),
    ("claims", "--state", "published"),
    ("claims", "--search", "[bold]x[/] <b>"),
]


@pytest.mark.parametrize("args", QUICK, ids=" ".join)
def test_quick_listing_prints_what_the_typer_command_prints(target: str, args: tuple[str, ...]) -> None:
    stdout, code, modules = fresh(target, *args)
    assert "claimtrack.listing" in modules and "typer" not in modules  # the quick path answered
    assert not any(m == "sqlmodel" or m.startswith("sqlmodel.") for m in modules)
    assert (stdout, code) == typer_path(target, *args)


ORDINARY = [
    ("claims", "--state", "nonsense"),  # Typer's usage error
    ("claims", "--limit", "0"),
    ("claims", "--limit", "many"),
    ("claims", "--sort", "colour"),
    ("claims", "--since", "2020-01-01"),
    ("claims", "--search", "-2+3"),
    ("claims", "stray"),
    ("claims", "--json=yes"),
]


@pytest.mark.parametrize("args", ORDINARY, ids=" ".join)
def test_everything_else_goes_to_typer(target: str, args: tuple[str, ...]) -> None:
    stdout, code, modules = fresh(target, *args)
    assert "typer" in modules
    assert (stdout, code) == typer_path(target, *args)


def test_databases_it_cannot_read_go_to_typer_with_the_same_error(tmp_path: Path) -> None:
    behind = str(tmp_path / "behind.db")
    engine = db.make_engine(behind)
    migrations.upgrade(engine, "0001")
    engine.dispose()
    other = tmp_path / "other.db"
    import sqlite3

    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    for path, expected in ((behind, "run `claimtrack db upgrade`"), (str(other), "is not a claimtrack database")):
        out = subprocess.run([sys.executable, "-m", "claimtrack", "--db", path, "claims"], capture_output=True, text=True)
        assert out.returncode == 1 and expected in out.stderr and len(out.stderr.strip().splitlines()) == 1
    missing = tmp_path / "new.db"
    out = subprocess.run([sys.executable, "-m", "claimtrack", "--db", str(missing), "claims"], capture_output=True,
                         text=True)
    assert out.returncode == 0 and "No claims match." in out.stdout and missing.exists()  # created as before
