"""The command palette lists the actions of the screen under it, by description, each once."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from textual.command import CommandList, CommandPalette
from tui_helpers import SIZE, make_app, settle, sync

from claimtrack import db, queries
from tui.screens.modals import CommentModal, VerdictModal


def options(app) -> list[str]:  # type: ignore[no-untyped-def]
    ol = app.screen.query_one(CommandList)
    return [str(ol.get_option_at_index(i).prompt).split("\n")[0] for i in range(ol.option_count)]


async def wait_palette(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(20):  # the palette searches its providers in the background
        await settle(pilot)
        await pilot.pause(0.05)


@sync
async def test_palette_finds_the_screens_actions(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = sample_db
    app = make_app(engine, "amal")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_palette(pilot)
        assert isinstance(app.screen, CommandPalette)
        listed = options(app)
        for name in ("Verdict", "Filter", "Sort", "Export", "Suggestions", "Preview"):
            assert name in listed, listed
        assert "Focus Next" not in listed and "Copy selected text" not in listed
        assert len(listed) == len(set(listed)), f"an action listed twice: {listed}"

        await pilot.press(*"verdict")
        await wait_palette(pilot)
        assert options(app)[0].startswith("Verdict"), options(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VerdictModal)


@sync
async def test_palette_jumps_to_a_claim_by_number(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "amal")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_palette(pilot)
        await pilot.press(*f"#{ids['en_denial']}")
        await wait_palette(pilot)
        assert any(o.startswith(f"#{ids['en_denial']} Opposition") for o in options(app)), options(app)


@sync
async def test_palette_save_on_a_dialog_saves_it(sample_db: tuple[Engine, dict[str, int]]) -> None:
    """The palette runs a dialog's own Save (its worker was once named `run_action`, shadowing Textual's
    `run_action(action)` that the palette calls, so choosing Save raised instead of saving)."""
    engine, ids = sample_db
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("c", *"seen in the minutes")
        await settle(pilot)
        assert isinstance(app.screen, CommentModal)
        await pilot.press("ctrl+p")
        await wait_palette(pilot)
        await pilot.press(*"save")
        await wait_palette(pilot)
        assert options(app)[0].startswith("Save"), options(app)
        await pilot.press("enter")
        for _ in range(10):
            await settle(pilot)
        assert not isinstance(app.screen, (CommentModal, CommandPalette))
    with db.session(engine) as s:
        d = queries.claim_detail(session=s, claim_id=ids["ar_statement"])
        assert [c.body for c, _ in d.comments] == ["seen in the minutes"]
