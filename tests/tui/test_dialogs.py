"""Dialogs: the first field has the focus, escape cancels, ctrl+s saves, and typed text survives
another analyst's change arriving while the dialog is open."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from textual.widgets import Input, Select, TextArea
from tui_helpers import SIZE, make_app, settle, sync

from claimtrack import db, queries, services
from claimtrack.models import ClaimState
from tui.screens.forms import EvidenceModal, FilterModal, LinkModal
from tui.screens.modals import CommentModal, StateModal, TagsModal, VerdictModal
from tui.screens.queue import QueueScreen


def other_analyst_triages(engine: Engine, cid: int) -> None:
    with db.atomic(engine) as s:
        services.set_state(session=s, by=services.get_analyst(session=s, handle="amal"), claim_id=cid,
                           state=ClaimState.triaged)


@sync
async def test_typed_comment_survives_another_analysts_change(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    cid = ids["ar_statement"]
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.store.changed()  # prime the watcher, as the first interval tick does
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("c")
        modal = app.screen
        assert isinstance(modal, CommentModal)
        await pilot.press(*"checked the ")  # typed at once: the text area has the focus
        await settle(pilot)
        other_analyst_triages(engine, cid)
        app.poll_changes()
        await settle(pilot)
        assert app.screen is modal, "a change by another analyst closed the dialog"
        await pilot.press(*"minutes")
        await settle(pilot)
        assert modal.query_one(TextArea).text == "checked the minutes"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, CommentModal)
        assert "triaged" in str(app.screen.query_one("#claim-header").render())  # the claim screen reloaded
    with db.session(engine) as s:
        d = queries.claim_detail(session=s, claim_id=cid)
        assert [c.body for c, _ in d.comments] == ["checked the minutes"]


@sync
async def test_dialogs_focus_their_first_field_and_escape_cancels(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "omar")
    first = {"t": (StateModal, Select), "v": (VerdictModal, Select), "e": (EvidenceModal, Select),
             "l": (LinkModal, Input), "T": (TagsModal, Input), "c": (CommentModal, TextArea), "f": (FilterModal, Select)}
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, (modal, field) in first.items():
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, modal)
            assert isinstance(app.screen.focused, field), f"{key}: focus on {app.screen.focused!r}"
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, QueueScreen)
    with db.session(engine) as s:
        assert services.get_claim(session=s, claim_id=ids["ar_statement"]).version == 1  # nothing was written


@sync
async def test_ctrl_s_saves_a_state_chosen_with_keys(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("enter", "down", "enter")  # open the list, first allowed state (triaged), choose it
        await settle(pilot)
        await pilot.press("tab", *"looks check-worthy", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
    with db.session(engine) as s:
        d = queries.claim_detail(session=s, claim_id=ids["ar_statement"])
        assert d.claim.state == ClaimState.triaged
        assert [c.body for c, _ in d.comments] == ["looks check-worthy"]


@sync
async def test_tags_typed_and_saved_with_ctrl_s(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("T", *"economy, اقتصاد", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
    with db.session(engine) as s:
        assert services.get_claim(session=s, claim_id=ids["ar_statement"]).tags == ["economy", "اقتصاد"]
