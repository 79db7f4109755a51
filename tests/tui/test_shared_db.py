"""The shared database: other analysts' commits are noticed, and a stale edit is a conflict."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from tui_helpers import SIZE, make_app, pick, screen_text, settle, sync

from claimtrack import db, services
from claimtrack.models import ClaimState, Verdict
from tui.screens.claim import ClaimScreen
from tui.screens.modals import ConflictScreen


def other_analyst_triages(engine: Engine, cid: int) -> None:
    with db.atomic(engine) as s:
        services.set_state(session=s, by=services.get_analyst(session=s, handle="amal"), claim_id=cid,
                           state=ClaimState.triaged)


@sync
async def test_other_analysts_changes_are_noticed(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    cid = ids["en_statement"]
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.store.changed()  # prime the watcher, as the first interval tick does
        app.open_claim(cid)
        await settle(pilot)
        assert "new · verdict" in screen_text(app)
        other_analyst_triages(engine, cid)
        app.poll_changes()
        await settle(pilot)
        assert "triaged · verdict" in screen_text(app)


@sync
async def test_stale_edit_shows_conflict_and_is_not_saved(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    cid = ids["en_statement"]
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_claim(cid)
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pick(pilot, Verdict.unverifiable)
        await pilot.press("tab", *"mine")
        other_analyst_triages(engine, cid)  # meanwhile, version 1 → 2
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        text = screen_text(app)
        assert "NOT saved" in text and "triaged" in text and "version 2" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        assert "triaged · verdict unrated" in screen_text(app)
    with db.session(engine) as s:
        assert services.get_claim(session=s, claim_id=cid).verdict == Verdict.unrated


async def _type_comment_while_another_analyst_changes_the_claim(app, pilot, engine: Engine, cid: int) -> None:  # noqa: ANN001
    from textual.widgets import TextArea

    from tui.screens.modals import CommentModal

    await pilot.press("c", *"first half ")
    await settle(pilot)
    assert isinstance(app.screen, CommentModal)
    other_analyst_triages(engine, cid)
    app.poll_changes()  # what the interval timer does: the screens below reload
    await settle(pilot)
    await pilot.press(*"second half")
    await settle(pilot)
    assert isinstance(app.screen, CommentModal), "another analyst's change closed the dialog"
    assert app.screen.query_one("#body", TextArea).text == "first half second half"


@sync
async def test_a_change_from_another_analyst_never_closes_the_comment_dialog(
        sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    cid = ids["en_statement"]
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.store.changed()  # prime the watcher, as the first interval tick does
        app.open_claim(cid)
        await settle(pilot)
        await _type_comment_while_another_analyst_changes_the_claim(app, pilot, engine, cid)
        assert "triaged · verdict" in screen_text(app)  # the claim below did reload
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)


@sync
async def test_a_change_from_another_analyst_never_closes_the_comment_dialog_on_the_queue(
        sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.store.changed()
        cid = app.screen.table.current.id  # type: ignore[attr-defined]
        await _type_comment_while_another_analyst_changes_the_claim(app, pilot, engine, cid)
    assert ids
