"""The README's tour, run line by line as printed, and the facts its comments state.

Changing the README without keeping the tour true fails here. The TUI line runs under tmux.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from readme_blocks import setup_commands, tour_lines

ROOT = Path(__file__).resolve().parents[1]
MARK = "::tour-line "


def _tour_dir(tmp_path: Path) -> Path:
    """A fresh folder as the tour expects: the seeds, and `.venv` being the Python running the tests."""
    venv = Path(sys.prefix)
    if not (venv / "bin" / "activate").exists():
        pytest.fail(f"the tests must run in a virtual environment ({venv} has no bin/activate)")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / ".venv").symlink_to(venv)
    return tmp_path


def _is_tui(line: str) -> bool:
    return re.search(r"\bclaimtrack\b.*\btui\b", line.split("#")[0]) is not None


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMTRACK_")}
    env.update(COLUMNS="200", CLAIMTRACK_CONFIG="/nonexistent/claimtrack.toml", PATH="/usr/bin:/bin")
    return env


def _run_script(cwd: Path, lines: list[str]) -> dict[int, str]:
    """Runs the lines in one bash, as a user pasting them would; returns each line's output."""
    script = ["set -e"]
    for number, line in enumerate(lines):
        script += [f"echo '{MARK}{number}'", line]
    proc = subprocess.run(["bash", "-c", "\n".join(script)], cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=300)
    parts = re.split(rf"^{MARK}(\d+)\n", proc.stdout, flags=re.MULTILINE)
    outputs = {int(parts[i]): parts[i + 1] for i in range(1, len(parts) - 1, 2)}
    last = max(outputs, default=-1)
    assert proc.returncode == 0, f"tour line failed: {lines[last]!r}\n{proc.stderr}"
    assert last == len(lines) - 1
    return outputs


def _output_of(lines: list[str], outputs: dict[int, str], fragment: str) -> str:
    (number,) = [i for i, line in enumerate(lines) if fragment in line.split("#")[0]]
    return outputs[number]


def _table_ids(output: str) -> set[int]:
    return {int(m) for m in re.findall(r"^│\s*(\d+)\s*│", output, re.MULTILINE)}


@pytest.fixture(scope="module")
def tour(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], dict[int, str]]:
    cwd = _tour_dir(tmp_path_factory.mktemp("tour"))
    lines = [line for line in tour_lines() if not _is_tui(line)]
    return cwd, lines, _run_script(cwd, lines)


def test_setup_commands_are_two_and_use_the_venv() -> None:
    first, second = setup_commands()
    assert first.startswith("python3 -m venv .venv && ") and first.endswith(".venv/bin/claimtrack")
    assert "pip install" in second and second.endswith(".venv/bin/python -m pytest")


def test_tour_ingests_the_seed_into_19_claims(tour: tuple[Path, list[str], dict[int, str]]) -> None:
    _, lines, outputs = tour
    assert "19 claims" in _output_of(lines, outputs, "ingest seeds/")


def test_tour_denials_are_claims_17_and_18(tour: tuple[Path, list[str], dict[int, str]]) -> None:
    _, lines, outputs = tour
    out = _output_of(lines, outputs, "claims --kind denial")
    assert _table_ids(out) == {17, 18}
    assert "North Korea" in out and "Russia" in out


def test_tour_kirby_said_claims_3_to_15(tour: tuple[Path, list[str], dict[int, str]]) -> None:
    _, lines, outputs = tour
    assert _table_ids(_output_of(lines, outputs, "--claimant كيربي")) == set(range(3, 16))


def test_tour_show_17_denies_the_white_house(tour: tuple[Path, list[str], dict[int, str]]) -> None:
    _, lines, outputs = tour
    out = _output_of(lines, outputs, "show 17")
    assert re.search(r"denies claim \d+ \(White House\)", out)
    assert "History:" in out


def test_tour_rana_publishes_claim_5(tour: tuple[Path, list[str], dict[int, str]]) -> None:
    _, lines, outputs = tour
    assert "claim 5: state=published" in _output_of(lines, outputs, "--analyst rana claim set 5")


def test_tour_writes_report_and_export(tour: tuple[Path, list[str], dict[int, str]]) -> None:
    cwd, _, _ = tour
    html = (cwd / "reports" / "claim-5.html").read_text(encoding="utf-8")
    assert "<html" in html and "mostly" in html.lower()
    rows = [json.loads(line) for line in (cwd / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len({row["claim_id"] for row in rows}) == 19
    assert {row["state"] for row in rows if row["claim_id"] == 5} == {"published"}


@pytest.mark.skipif(shutil.which("tmux") is None and not os.environ.get("CI"), reason="tmux not installed")
def test_tour_tui_line_shows_the_claims_and_quits(tour: tuple[Path, list[str], dict[int, str]]) -> None:
    cwd, _, _ = tour
    (line,) = [line for line in tour_lines() if _is_tui(line)]
    session = f"tour{os.getpid()}"
    command = f". .venv/bin/activate && {line.split('#')[0]}; echo $? > tui.rc"
    env = _env() | {"TERM": "xterm-256color"}
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", "-c", str(cwd),
                    "bash", "-c", command], check=True, env=env)
    try:
        screen = _wait_for_screen(session, "North Korea")
        assert "جون كيربي" in screen or "كيربي" in screen
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
        rc = _wait_for_file(cwd / "tui.rc")
        assert rc.strip() == "0"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def _wait_for_screen(session: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True,
                                text=True).stdout
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared on the TUI screen:\n{screen}")


def _wait_for_file(path: Path, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_text():
            return path.read_text()
        time.sleep(0.2)
    raise AssertionError(f"the TUI did not exit ({path} never written)")
