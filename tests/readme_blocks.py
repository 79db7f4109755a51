"""The shell blocks of README.md: the two set-up commands and the tour.

Used by tests/test_readme.py and by .ci/run (`python3 tests/readme_blocks.py setup 1`), so both run the
README's own commands verbatim. Standard library only: .ci/run calls it before anything is installed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
_FENCE = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)


def section(heading: str, text: str | None = None) -> str:
    """The text of the `## heading` section (up to the next `## `)."""
    text = README.read_text(encoding="utf-8") if text is None else text
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    if match is None:
        raise LookupError(f"README.md has no section {heading!r}")
    return match.group(1)


def shell_blocks(heading: str) -> list[str]:
    """The ```sh blocks of a section, in order."""
    return [m.group(1) for m in _FENCE.finditer(section(heading))]


def setup_commands() -> list[str]:
    """The set-up commands: one per block of the set-up section."""
    return [block.strip() for block in shell_blocks("Set-up: two commands")]


def tour_lines() -> list[str]:
    """The tour's commands, one per line, as printed (comments included)."""
    (block,) = shell_blocks("A short tour")
    return [line for line in block.splitlines() if line.strip()]


if __name__ == "__main__":
    kind, number = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0
    if kind == "setup":
        print(setup_commands()[number - 1])
    elif kind == "tour":
        print("\n".join(tour_lines()))
    else:
        raise SystemExit(f"unknown block kind {kind!r}; use setup N or tour")
