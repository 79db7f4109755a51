"""Runs tests/tmux_smoke.sh: the real `claimtrack tui` in a real terminal (tmux), driven by keys.

Skipped when tmux is not installed, except on CI (env CI set), where a missing tmux is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "tmux_smoke.sh"


def test_tmux_smoke() -> None:
    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is not installed, and CI must run the tmux smoke test")
        pytest.skip("tmux is not installed")
    proc = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, f"tmux smoke failed:\n{proc.stdout}\n{proc.stderr}"
    assert "tmux_smoke: OK" in proc.stdout
