"""The whole workflow from the keyboard: triage → investigate → evidence → verdict → review → publish."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from textual.widgets import Input, TextArea
from tui_helpers import SIZE, make_app, pick, screen_text, settle, sync, type_in

from claimtrack import db, services
from claimtrack.models import Claim, ClaimState, Stance, Verdict
from tui.screens.claim import ClaimScreen
from tui.screens.forms import EvidenceModal
from tui.screens.modals import StateModal, VerdictModal


def claim(engine: Engine, cid: int) -> Claim:
    with db.session(engine) as s:
        return services.get_claim(session=s, claim_id=cid)


async def change_state(pilot, state: ClaimState, comment: str = "") -> None:  # type: ignore[no-untyped-def]
    await pilot.press("t")
    await settle(pilot)
    modal = pilot.app.screen
    assert isinstance(modal, StateModal)
    await pick(pilot, state)  # the state list has the focus
    if comment:
        await pilot.press("tab")
        await type_in(pilot, comment)
    await pilot.press("ctrl+s")
    await settle(pilot)


@sync
async def test_analyst_investigates_and_reviewer_publishes(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    cid = ids["ar_statement"]
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "الاقتصاد نما بنسبة" in screen_text(app)
        await pilot.press("enter")  # first row is claim 1
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == cid
        await change_state(pilot, ClaimState.triaged)
        assert claim(engine, cid).state == ClaimState.triaged
        await change_state(pilot, ClaimState.investigating)
        assert claim(engine, cid).state == ClaimState.investigating

        # a verdict of false without evidence is refused, with the reason, and the dialog stays open
        await pilot.press("v")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, VerdictModal)
        await pick(pilot, Verdict.false)
        await pilot.press("tab")
        await type_in(pilot, "Official statistics show 1.2% growth.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is modal
        assert "needs at least one piece of evidence" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("e")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, EvidenceModal)
        await pilot.press("tab")  # kind (URL) → source
        await type_in(pilot, "https://stats.example.org/gdp-2022")
        await pilot.press("tab")
        await pick(pilot, Stance.refutes)
        await pilot.press("tab")
        await pick(pilot, "B")
        await pilot.press("tab")
        await pick(pilot, 2)
        await settle(pilot)
        assert "B2 · Usually reliable · Probably true" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        assert "B2" in screen_text(app) and "Usually reliable" in screen_text(app)

        await pilot.press("v")
        await settle(pilot)
        assert app.screen.query_one("#rationale", TextArea).text == ""  # a new dialog: nothing kept
        await pick(pilot, Verdict.false)
        await pilot.press("tab")
        await type_in(pilot, "Official statistics show 1.2% growth.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert claim(engine, cid).verdict == Verdict.false

        await change_state(pilot, ClaimState.in_review)
        assert claim(engine, cid).state == ClaimState.in_review

        # an analyst cannot publish
        await change_state(pilot, ClaimState.published)
        assert isinstance(app.screen, StateModal)
        assert "only a reviewer or an admin can publish" in screen_text(app)
        assert "an admin (amal) can run" in screen_text(app)  # the refusal names the way forward
        await pilot.press("escape")
        await pilot.press("q")

    app = make_app(engine, "rana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_claim(cid)
        await settle(pilot)
        assert "in_review" in screen_text(app)
        await change_state(pilot, ClaimState.published)
        assert claim(engine, cid).state == ClaimState.published
        assert isinstance(app.screen, ClaimScreen)
        assert "published" in screen_text(app)


@sync
async def test_reviewer_cannot_publish_own_verdict(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    cid = ids["en_statement"]
    app = make_app(engine, "rana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_claim(cid)
        await settle(pilot)
        await change_state(pilot, ClaimState.investigating)
        await pilot.press("v")
        await settle(pilot)
        await pick(pilot, Verdict.unverifiable)
        await pilot.press("tab")
        await type_in(pilot, "No public data.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await change_state(pilot, ClaimState.in_review)
        assert claim(engine, cid).state == ClaimState.in_review
        await change_state(pilot, ClaimState.published)
        assert isinstance(app.screen, StateModal)
        assert "four-eyes rule" in screen_text(app)
        assert claim(engine, cid).state == ClaimState.in_review


@sync
async def test_rejecting_a_review_needs_a_comment(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    cid = ids["en_statement"]
    with db.atomic(engine) as s:
        omar = services.get_analyst(session=s, handle="omar")
        services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.investigating)
        services.set_verdict(session=s, by=omar, claim_id=cid, verdict=Verdict.unverifiable, rationale="none")
        services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.in_review)
    app = make_app(engine, "rana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_claim(cid)
        await settle(pilot)
        await change_state(pilot, ClaimState.investigating)
        assert "rejecting a review needs a comment" in screen_text(app)
        await pilot.press("tab")  # from the state list to the comment
        assert isinstance(app.screen.focused, Input)
        await type_in(pilot, "Cite the statistics office.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert claim(engine, cid).state == ClaimState.investigating
        assert "Cite the statistics office." in screen_text(app)
