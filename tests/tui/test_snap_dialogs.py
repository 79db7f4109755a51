"""Snapshots: the action dialogs (Arabic claim and English claim), help, the bidi preview, a conflict."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from tui_helpers import SIZE, make_app, snap_before

from tui.screens.modals import ConflictScreen


def _on_claim(ids: dict[str, int], key: str, *more):  # type: ignore[no-untyped-def]
    return snap_before(lambda a: a.open_claim(ids[key]), *more)


def test_state_dialog_arabic(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    engine, ids = sample_db
    assert snap_compare(make_app(engine), terminal_size=SIZE, run_before=_on_claim(ids, "ar_statement", "t"))


def test_verdict_dialog_english(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    engine, ids = sample_db
    assert snap_compare(make_app(engine), terminal_size=SIZE, run_before=_on_claim(ids, "en_statement", "v"))


def test_evidence_dialog(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    engine, ids = sample_db
    assert snap_compare(make_app(engine), terminal_size=(140, 50), run_before=_on_claim(ids, "ar_statement", "e"))


def test_link_dialog_arabic(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    engine, ids = sample_db
    assert snap_compare(make_app(engine), terminal_size=SIZE, run_before=_on_claim(ids, "ar_denial", "l"))


def test_help(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(sample_db[0]), terminal_size=(140, 60), run_before=snap_before("question_mark"))


def test_bidi_preview(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(sample_db[0]), terminal_size=SIZE, run_before=snap_before("B"))


def test_conflict(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    current = {"state": "triaged", "verdict": "unrated", "rationale": None, "tags": [], "merged_into_id": None,
               "version": 3}
    assert snap_compare(make_app(sample_db[0]), terminal_size=SIZE,
                        run_before=snap_before(lambda a: a.push_screen(ConflictScreen(1, 2, current))))
