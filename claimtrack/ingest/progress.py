"""Ingest with a progress bar on a terminal, silent otherwise."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from sqlalchemy.engine import Engine

from claimtrack.ingest.pipeline import IngestOptions, IngestSummary, ingest


def run_ingest(engine: Engine, paths: Sequence[str], *, analyst: str, opts: IngestOptions, quiet: bool) -> IngestSummary:
    """Run the pipeline; show a rich progress display only when stderr is a terminal and not quiet."""
    if quiet or not sys.stderr.isatty():
        return ingest(engine, paths, analyst=analyst, opts=opts)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("{task.description}", markup=False), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_progress(origin: str, status: str) -> None:
            # errors are listed, with their reasons, in the summary that follows
            progress.update(task, advance=1, description=f"{origin[-50:]} ({status})")

        return ingest(engine, paths, analyst=analyst, opts=opts, on_progress=on_progress)
