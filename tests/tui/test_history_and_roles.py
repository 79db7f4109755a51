"""History in words, list counts, and the header's role badge following a role change."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from textual.widgets import OptionList
from tui_helpers import SIZE, make_app, screen_text, settle, sync

from claimtrack import db, services
from claimtrack.models import ClaimState, LinkRelation, Role, Verdict
from tui.screens.claim import ClaimScreen


def investigate(engine: Engine, cid: int) -> None:
    with db.atomic(engine) as s:
        omar = services.get_analyst(session=s, handle="omar")
        services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.investigating)
        services.set_verdict(session=s, by=omar, claim_id=cid, verdict=Verdict.unverifiable,
                             rationale="No public statistics for that year.")


@sync
async def test_history_uses_words_and_shows_each_change_once(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    cid = ids["ar_statement"]
    investigate(engine, cid)
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == cid
        await pilot.press("end")
        await settle(pilot)
        text = screen_text(app)
        history = text[text.index("History ("):]
        assert "Investigator: omar" in history and "State: new → investigating" in history
        assert "Verdict: unrated → unverifiable" in history
        assert history.count("No public statistics for that year.") == 1
        for internal in ("investigator_id", "None", "claim.set_state", "version"):
            assert internal not in history
        assert "Related claims (1): Denied by 1" in text and "Appearances (1)" in text and "History (3)" in text


@sync
async def test_role_badge_follows_a_role_change(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.store.changed()  # prime the watcher, as the first interval tick does
        assert " analyst " in screen_text(app).splitlines()[0]
        with db.atomic(engine) as s:
            services.set_role(session=s, by=services.get_analyst(session=s, handle="amal"), handle="omar",
                              role=Role.reviewer)
        app.poll_changes()
        await settle(pilot)
        assert " reviewer " in screen_text(app).splitlines()[0]
    assert ids


@sync
async def test_long_related_list_shows_its_count_and_reaches_the_last_item(
        sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    with db.atomic(engine) as s:
        amal = services.get_analyst(session=s, handle="amal")
        for i in range(15):
            other = services.create_claim(session=s, by=None, text=f"repeated statement {i}", language="en")
            services.link_claims(session=s, by=amal, source_id=other.id, relation=LinkRelation.repeats,  # type: ignore[arg-type]
                                 target_id=ids["en_statement"])
    app = make_app(engine, "omar")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *f"#{ids['en_statement']}", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        assert "Related claims (16): Denied by 1 · Repeated by 15" in screen_text(app)
        links = app.screen.query_one("#links", OptionList)
        await pilot.press("tab", "tab")  # appearances, then the related claims
        assert app.screen.focused is links
        await pilot.press("end")
        await settle(pilot)
        assert links.highlighted == links.option_count - 1
        assert "repeated statement 14" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen) and "repeated statement 14" in screen_text(app)
