"""TUI tests run on SQLite only: the UI is the same on both databases (tests/db covers PostgreSQL)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy.engine import Engine


@pytest.fixture
def engine(sqlite_engine: Engine) -> Engine:
    """Overrides the parametrised engine: TUI tests use one migrated SQLite file."""
    return sqlite_engine


@pytest.fixture
def sample_db(fixed_clock: datetime, engine: Engine, sample: dict[str, int]) -> tuple[Engine, dict[str, int]]:
    """The shared sample data, written at a fixed time."""
    return engine, sample
