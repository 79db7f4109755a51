"""Upgrading a database written by the previous release keeps every record and every check green."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

RELEASE_DB = ROOT / "tests" / "fixtures" / "releases" / "claimtrack-0.1.0-seed.db"


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMTRACK_")}
    env.update(CLAIMTRACK_CONFIG="/nonexistent/claimtrack.toml", CLAIMTRACK_ANALYST="amal")
    return subprocess.run([sys.executable, "-m", "claimtrack", "--db", str(db), *args], env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("release") / "old.db"
    shutil.copy(RELEASE_DB, db)
    result = _cli(db, "db", "upgrade")
    assert result.returncode == 0, result.stderr
    return db


def test_an_old_database_is_refused_until_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(RELEASE_DB, db)
    refused = _cli(db, "claims")
    assert refused.returncode == 1 and "claimtrack db upgrade" in refused.stderr


def test_upgrade_keeps_claims_workflow_and_links(upgraded: Path) -> None:
    rows = [json.loads(line) for line in _cli(upgraded, "export", "--format", "jsonl").stdout.splitlines()]
    assert len({row["claim_id"] for row in rows}) == 19
    by_id = {row["claim_id"]: row for row in rows}
    assert (by_id[5]["state"], by_id[5]["verdict"]) == ("published", "mostly_true")
    assert {"relation": "supports", "claim_id": 4} in [
        {k: link[k] for k in ("relation", "claim_id")} for link in by_id[3]["links"]]
    assert any(link["relation"] == "denies" for link in by_id[17]["links"])


def test_upgrade_keeps_evidence_comments_and_tags(upgraded: Path) -> None:
    shown = _cli(upgraded, "show", "5").stdout
    assert "B2" in shown and "checked against the transcript" in shown
    tagged = json.loads(_cli(upgraded, "claims", "--tag", "arms", "--json").stdout)
    assert [c["id"] for c in tagged] == [7]


def test_upgraded_database_passes_every_check_and_searches(upgraded: Path) -> None:
    assert _cli(upgraded, "db", "check").returncode == 0
    assert _cli(upgraded, "audit", "verify").returncode == 0
    found = json.loads(_cli(upgraded, "claims", "--search", "كيربي", "--json").stdout)
    assert found, "full-text search works after the upgrade"
