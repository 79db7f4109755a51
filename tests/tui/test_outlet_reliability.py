"""`R` on the claim and document screens grades the outlet (A-F or none), audited, refused for viewers."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import select
from textual.widgets import Select
from tui_helpers import SIZE, make_app, pick, screen_text, settle, sync

from claimtrack import db, services
from claimtrack.models import Event, Outlet, Role
from tui.screens.claim import ClaimScreen
from tui.screens.document import DocumentScreen
from tui.screens.outlet import OutletReliabilityModal

MARKUP_NAME = "[bold]Sample[/] News"


def outlet_state(engine: Engine) -> tuple[str | None, list[tuple[str | None, dict, dict]]]:
    """The sample outlet's grade and its audit events (who, before, after)."""
    with db.session(engine) as s:
        outlet = s.exec(select(Outlet)).one()
        events = s.exec(select(Event).where(Event.entity == "outlet", Event.entity_id == outlet.id,
                                            Event.action == "set_reliability").order_by(Event.id)).all()
        return outlet.reliability, [(e.analyst_handle, e.before, e.after) for e in events]


def rename_outlet(engine: Engine, name: str) -> None:
    with db.atomic(engine) as s:
        outlet = s.exec(select(Outlet)).one()
        outlet.name = name
        s.add(outlet)


async def open_claim(pilot) -> ClaimScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ClaimScreen)
    return pilot.app.screen


@sync
async def test_claim_screen_r_sets_the_outlet_grade_with_keys(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = sample_db
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await open_claim(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, OutletReliabilityModal)
        await pilot.press("escape")  # cancel writes nothing
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen) and outlet_state(engine) == (None, [])
        await pilot.press("R")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, OutletReliabilityModal) and isinstance(modal.focused, Select)
        assert modal.focused.value == "none" and "Outlet reliability · Sample News" in screen_text(app)
        await pick(pilot, "B")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        assert "Sample News (B)" in screen_text(app)  # the appearance line shows the new grade
    assert outlet_state(engine) == ("B", [("omar", {"reliability": None}, {"reliability": "B"})])


@sync
async def test_document_screen_r_clears_a_grade_and_names_stay_literal(
        sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = sample_db
    rename_outlet(engine, MARKUP_NAME)
    with db.atomic(engine) as s:
        services.set_outlet_reliability(session=s, by=services.get_analyst(session=s, handle="amal"),
                                        name=MARKUP_NAME, reliability="C")
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await open_claim(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DocumentScreen)
        assert f"{MARKUP_NAME} (C)" in screen_text(app)
        await pilot.press("R")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, OutletReliabilityModal) and isinstance(modal.focused, Select)
        assert modal.focused.value == "C" and f"Outlet reliability · {MARKUP_NAME}" in screen_text(app)
        await pick(pilot, "none")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DocumentScreen)
        assert f"{MARKUP_NAME} (no grade)" in screen_text(app)
    grade, events = outlet_state(engine)
    assert grade is None and events[-1] == ("omar", {"reliability": "C"}, {"reliability": None})


@sync
async def test_a_viewer_is_refused_in_place(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = sample_db
    with db.atomic(engine) as s:
        services.add_analyst(session=s, by=services.get_analyst(session=s, handle="amal"), handle="vera",
                             role=Role.viewer)
    app = make_app(engine, "vera")
    async with app.run_test(size=SIZE) as pilot:
        await open_claim(pilot)
        await pilot.press("R")
        await settle(pilot)
        await pick(pilot, "A")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, OutletReliabilityModal)  # still open, with the refusal
        assert "Refused:" in screen_text(app)
    assert outlet_state(engine) == (None, [])


@sync
async def test_the_palette_lists_it_on_the_claim_screen(sample_db: tuple[Engine, dict[str, int]]) -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    engine, _ = sample_db
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await open_claim(pilot)
        await pilot.press("ctrl+p")
        for _ in range(20):  # the palette searches its providers in the background
            await settle(pilot)
            await pilot.pause(0.05)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"outlet reliability")
        for _ in range(20):
            await settle(pilot)
            await pilot.pause(0.05)
        first = app.screen.query_one(OptionList).get_option_at_index(0).prompt
        assert str(first).startswith("Outlet reliability"), first
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OutletReliabilityModal) and app.screen.outlet == "Sample News"
