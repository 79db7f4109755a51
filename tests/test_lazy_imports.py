"""Commands load only what they use: `--help`, `--version` and `claims` never import the TUI, the
extractors, the HTML readers or the report renderers (issue 14: start-up is mostly importing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FORBIDDEN = ("textual", "tui", "trafilatura", "jinja2", "weasyprint", "claimtrack.extract", "claimtrack.reports",
             "claimtrack.ingest", "alembic")

# Runs the console entry point in a fresh interpreter, then prints the top-level and claimtrack modules loaded.
PROBE = """
import json, sys
sys.argv = ["claimtrack", *json.loads(sys.argv[1])]
import claimtrack
try:
    claimtrack.main()
except SystemExit:
    pass
print("\\n" + json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def loaded_modules(*args: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(args))], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stderr.strip().splitlines()[-1])


def offending(modules: list[str], names: tuple[str, ...] = FORBIDDEN) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


def test_help_loads_none_of_the_heavy_parts() -> None:
    mods = loaded_modules("--help")
    assert "claimtrack.cli" in mods  # the probe really ran the CLI
    assert offending(mods) == []


def test_version_loads_neither_typer_nor_the_database_stack() -> None:
    mods = loaded_modules("--version")
    assert offending(mods, (*FORBIDDEN, "typer", "click", "sqlalchemy", "sqlmodel", "pydantic", "claimtrack.cli")) == []


def test_claims_listing_loads_none_of_the_heavy_parts(tmp_path: Path) -> None:
    from claimtrack import db, migrations

    target = str(tmp_path / "c.db")
    engine = db.make_engine(target)
    migrations.upgrade(engine)
    engine.dispose()
    mods = loaded_modules("--db", target, "claims", "--limit", "50")
    assert "claimtrack.listing" in mods  # the listing really ran
    assert offending(mods) == []
    # an up-to-date SQLite file is listed through the bare driver: no Typer, no database stack
    assert offending(mods, ("typer", "click", "sqlalchemy", "sqlmodel", "pydantic", "claimtrack.models")) == []
    # PostgreSQL's dialect is only for PostgreSQL databases
    assert offending(mods, ("sqlalchemy.dialects.postgresql", "psycopg")) == []


@pytest.mark.parametrize("args", [("--version",), ("--help",)])
def test_fast_paths_still_answer(args: tuple[str, ...]) -> None:
    out = subprocess.run([sys.executable, "-m", "claimtrack", *args], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("claimtrack ") if args == ("--version",) else "Usage:" in out.stdout


# The TUI as `claimtrack tui` opens an up-to-date SQLite file (claimtrack.quick): the first page is painted
# before the database stack loads; opening a claim then loads it (and works).
TUI_PROBE = """
import asyncio, json, sys
from claimtrack.listing import BareReader
from tui.app import build_app

async def main():
    app = build_app(analyst="amal", target=sys.argv[1], reader=BareReader.open(sys.argv[1]))
    app.POLL_SECONDS = 0
    out = {}
    start_loading = app.start_loading_store

    def start():  # the store starts loading: what was on screen and in memory until then
        if "rows" not in out:
            out["rows"] = [r.id for r in app.screen.table.rows_data]
            out["loaded_before"] = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "sqlmodel"))
        start_loading()

    app.start_loading_store = start
    async with app.run_test(size=(140, 40)) as pilot:
        while "rows" not in out:
            await pilot.pause()
        await pilot.press("enter")
        for _ in range(200):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if getattr(app.screen, "detail", None) is not None:
                break
        out["opened"] = app.screen.detail.claim.id
        await pilot.press("q")
    print(json.dumps(out))

asyncio.run(main())
"""


def test_tui_paints_the_first_page_before_the_database_stack_loads(tmp_path: Path) -> None:
    from helpers import make_sample

    from claimtrack import db, migrations

    target = str(tmp_path / "t.db")
    engine = db.make_engine(target)
    migrations.upgrade(engine)
    make_sample(engine)
    engine.dispose()
    out = subprocess.run([sys.executable, "-c", TUI_PROBE, target], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["rows"] == [1, 2, 3, 4]
    assert result["loaded_before"] == []
    assert result["opened"] == 1
