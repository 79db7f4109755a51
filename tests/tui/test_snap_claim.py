"""Snapshots: the claim screen for an Arabic and an English claim, and the document screen for each."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from tui_helpers import SIZE, make_app, snap_before

from claimtrack import db, services
from claimtrack.models import ClaimState, Stance, Verdict


def _worked(engine: Engine, cid: int) -> None:
    with db.atomic(engine) as s:
        omar = services.get_analyst(session=s, handle="omar")
        services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.investigating)
        services.add_evidence(session=s, by=omar, claim_id=cid, stance=Stance.refutes,
                              url="https://stats.example.org/gdp", reliability="B", credibility=2,
                              excerpt="GDP grew 1.2% in 2022", title="Statistics office")
        services.set_verdict(session=s, by=omar, claim_id=cid, verdict=Verdict.false,
                             rationale="The statistics office reports 1.2%.")
        services.comment(session=s, by=omar, claim_id=cid, body="تحققت من الأرقام الرسمية.")


def test_claim_arabic(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    engine, ids = sample_db
    _worked(engine, ids["ar_statement"])
    app = make_app(engine)
    assert snap_compare(app, terminal_size=SIZE, run_before=snap_before(lambda a: a.open_claim(ids["ar_statement"])))


def test_claim_english(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    engine, ids = sample_db
    app = make_app(engine)
    assert snap_compare(app, terminal_size=SIZE, run_before=snap_before(lambda a: a.open_claim(ids["en_denial"])))


def test_claim_arabic_app_bidi(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    engine, ids = sample_db
    app = make_app(engine, bidi="app")
    assert snap_compare(app, terminal_size=SIZE, run_before=snap_before(lambda a: a.open_claim(ids["ar_denial"])))


def test_document_arabic(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    engine, ids = sample_db
    app = make_app(engine)
    assert snap_compare(app, terminal_size=SIZE,
                        run_before=snap_before(lambda a: a.open_document(ids["doc_ar"]), "n"))


def test_document_english(snap_compare, sample_db: tuple[Engine, dict[str, int]]) -> None:  # type: ignore[no-untyped-def]
    engine, ids = sample_db
    app = make_app(engine)
    assert snap_compare(app, terminal_size=SIZE, run_before=snap_before(lambda a: a.open_document(ids["doc_en"])))
