"""Snapshots: the queue, unfiltered, searched in Arabic and in English, and filtered to my claims."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from tui_helpers import SIZE, make_app, snap_before


def _search(text: str) -> list[str]:
    return ["slash", *text, "enter"]


def test_queue(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(sample_db[0]), terminal_size=SIZE, run_before=snap_before())


def test_queue_search_arabic_folded(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    # "الارقام" without hamza finds "الأرقام"
    assert snap_compare(make_app(sample_db[0]), terminal_size=SIZE, run_before=snap_before(*_search("الارقام")))


def test_queue_search_english(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(sample_db[0]), terminal_size=SIZE, run_before=snap_before(*_search("economy")))


def test_queue_app_bidi(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(sample_db[0], bidi="app"), terminal_size=SIZE, run_before=snap_before())
