"""Every documented setting, changed, has an observable effect (through the real CLI)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, require

from claimtrack.config import SETTINGS

CLAIMTRACK = [sys.executable, "-m", "claimtrack"]


def _run(cwd: Path, *args: str, env: dict[str, str] | None = None, config: str = "") -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMTRACK_")}
    (cwd / "config.toml").write_text(config, encoding="utf-8")
    base.update(CLAIMTRACK_CONFIG=str(cwd / "config.toml"), **(env or {}))
    return subprocess.run([*CLAIMTRACK, *args], cwd=cwd, env=base, capture_output=True, text=True, timeout=120)


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    """A database holding the seed article, with claim 5 published (for ClaimReview)."""
    steps = [("ingest", str(ROOT / "seeds"), "--published", "2023-08-31"),
             ("claim", "set", "5", "--state", "investigating"),
             ("evidence", "add", "5", "--note", "transcript", "--stance", "supports"),
             ("claim", "set", "5", "--verdict", "mostly_true", "--rationale", "r", "--state", "in_review"),
             ("analyst", "add", "rana", "--role", "reviewer")]
    for step in steps:
        assert _run(tmp_path, "--db", "s.db", "--analyst", "amal", *step).returncode == 0
    assert _run(tmp_path, "--db", "s.db", "--analyst", "rana", "claim", "set", "5", "--state", "published").returncode == 0
    return tmp_path


def test_every_setting_has_an_effect_test() -> None:
    tested = {name.removeprefix("test_").removesuffix("_setting") for name in globals() if name.endswith("_setting")}
    assert {s.key for s in SETTINGS} - tested == set()


def test_analyst_setting(seeded: Path) -> None:
    assert _run(seeded, "--db", "s.db", "comment", "5", "checked", config='analyst = "zaid"\n').returncode == 0
    log = _run(seeded, "--db", "s.db", "audit", "log", "--claim", "5", env={"CLAIMTRACK_ANALYST": "amal"}).stdout
    assert "zaid" in log


def test_database_setting(tmp_path: Path) -> None:
    result = _run(tmp_path, "init", env={"CLAIMTRACK_ANALYST": "amal", "CLAIMTRACK_DB": str(tmp_path / "env.db")})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env.db").exists() and not (tmp_path / "data").exists()
    assert _run(tmp_path, "init", config=f'database = "{tmp_path / "toml.db"}"\n').returncode == 0
    assert (tmp_path / "toml.db").exists()


def _claimreview(cwd: Path, config: str) -> list[dict]:  # type: ignore[type-arg]
    result = _run(cwd, "--db", "s.db", "export", "--format", "claimreview", config=config)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return data if isinstance(data, list) else [data]


def test_organisation_setting(seeded: Path) -> None:
    (review,) = _claimreview(seeded, 'organisation = "Desk of Truth"\n')
    assert review["author"]["name"] == "Desk of Truth"


def test_organisation_url_setting(seeded: Path) -> None:
    (review,) = _claimreview(seeded, 'organisation_url = "https://checks.example.net/fc"\n')
    assert review["url"].startswith("https://checks.example.net/fc/")


def test_max_ingest_bytes_setting(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Minister says\nThe minister said that prices fell 3% in May.\n", encoding="utf-8")
    small = _run(tmp_path, "--db", "m.db", "ingest", str(article), env={"CLAIMTRACK_MAX_INGEST_BYTES": "20"})
    assert small.returncode == 1 and "too large" in small.stderr
    assert _run(tmp_path, "--db", "m.db", "ingest", str(article)).returncode == 0


def test_bidi_setting(seeded: Path) -> None:
    """With bidi = "app", claimtrack shapes Arabic itself: the screen shows Arabic presentation forms."""
    require(shutil.which("tmux") is not None, "tmux is not installed")
    assert not _has_presentation_forms(_tui_screen(seeded, 'bidi = "terminal"\n'))
    assert _has_presentation_forms(_tui_screen(seeded, 'bidi = "app"\n'))


def _has_presentation_forms(screen: str) -> bool:
    return any(0xFB50 <= ord(ch) <= 0xFEFF for ch in screen)


def _tui_screen(cwd: Path, config: str) -> str:
    (cwd / "config.toml").write_text(config, encoding="utf-8")
    session = f"bidi{os.getpid()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMTRACK_")}
    command = f"CLAIMTRACK_CONFIG={cwd / 'config.toml'} {sys.executable} -m claimtrack --db s.db tui"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "30", "-c", str(cwd),
                    "bash", "-c", command], check=True, env=env | {"TERM": "xterm-256color"})
    try:
        deadline, screen = time.monotonic() + 60, ""
        while time.monotonic() < deadline:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True,
                                    text=True).stdout
            if "North Korea" in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"the TUI never showed the claims:\n{screen}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def test_denial_link_threshold_setting(tmp_path: Path) -> None:
    def links(db: str, env: dict[str, str]) -> int:
        result = _run(tmp_path, "--db", db, "ingest", str(ROOT / "seeds"), "--published", "2023-08-31", "--json", env=env)
        assert result.returncode == 0, result.stderr
        return int(json.loads(result.stdout)["links"])

    assert links("default.db", {}) > 0
    assert links("strict.db", {"CLAIMTRACK_DENIAL_LINK_THRESHOLD": "0.99"}) == 0


ARTICLE_A = "Minister on growth\nFinance minister Sam Harbi said on Monday that the economy grew 3% last year and that exports rose sharply.\n"
ARTICLE_B = "Growth figures\nThe economy expanded by 3% last year while exports rose sharply, finance minister Sam Harbi said.\n"


def _two_outlets(cwd: Path, db: str, env: dict[str, str]) -> tuple[int, list[dict]]:  # type: ignore[type-arg]
    """Ingest one statement reported by two outlets in different words: (claims listed, open suggestions)."""
    for name, text, day in (("a.txt", ARTICLE_A, "2023-01-02"), ("b.txt", ARTICLE_B, "2023-01-03")):
        (cwd / name).write_text(text, encoding="utf-8")
        assert _run(cwd, "--db", db, "ingest", name, "--published", day, "--outlet", name, env=env).returncode == 0
    claims = json.loads(_run(cwd, "--db", db, "claims", "--json").stdout)
    export = [json.loads(line) for line in _run(cwd, "--db", db, "export", "--format", "jsonl").stdout.splitlines()]
    suggested = [link for row in export for link in row["links"] if link["relation"] == "suggested_duplicate"]
    return len(claims), suggested


def test_merge_threshold_setting(tmp_path: Path) -> None:
    assert _two_outlets(tmp_path, "merged.db", {})[0] == 1  # one claim, two appearances
    assert _two_outlets(tmp_path, "apart.db", {"CLAIMTRACK_MERGE_THRESHOLD": "0.99"})[0] == 2


def test_duplicate_threshold_setting(tmp_path: Path) -> None:
    strict_merge = {"CLAIMTRACK_MERGE_THRESHOLD": "0.99"}
    assert _two_outlets(tmp_path, "suggested.db", strict_merge)[1]
    assert _two_outlets(tmp_path, "quiet.db", strict_merge | {"CLAIMTRACK_DUPLICATE_THRESHOLD": "0.99"})[1] == []
