"""claimtrack: track and verify claims in the news.

Importing the package costs nothing: submodules (the database stack, the extractors, the TUI) are
imported only by what uses them. `main` is the console entry point.
"""

from __future__ import annotations

import sys


def version() -> str:
    """The installed distribution's version."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("claimtrack")
    except PackageNotFoundError:
        return "unknown"


def main() -> None:
    """Console entry point. `claimtrack --version` is answered before the CLI (Typer, SQLAlchemy) loads."""
    if sys.argv[1:] == ["--version"]:
        print(f"claimtrack {version()}")
        return
    from claimtrack.quick import answer

    if answer(sys.argv[1:]):  # `claims` and the TUI on an up-to-date SQLite file: no Typer, no SQLAlchemy
        return
    from claimtrack.cli import main as cli_main

    cli_main()
