"""The suggestions screen: duplicates and cross-document links with reasons and scores; accept and
reject from the keyboard, each undoable."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import select
from tui_helpers import SIZE, make_app, screen_text, settle, sync

from claimtrack import db, queries, services
from claimtrack.models import Actor, ClaimLink, LinkOrigin, LinkRelation, Suggestion, SuggestionStatus
from tui.screens.claim import ClaimScreen
from tui.screens.suggestions import SuggestionsScreen


def setup_pairs(engine: Engine, ids: dict[str, int]) -> tuple[int, int]:
    """A near-copy of the English statement (same claimant) and an automatic cross-document link."""
    with db.atomic(engine) as s:
        original = services.get_claim(session=s, claim_id=ids["en_statement"])
        copy = services.create_claim(session=s, by=None, text="The economy grew 3% last year.", language="en",
                                     claimant=s.get(Actor, original.claimant_id))
        s.add(Suggestion(claim_id=copy.id, other_id=original.id, relation="duplicate", score=0.82,
                         signals={"fuzz": 0.82, "overlap": 0.9, "claimant": 1.0, "numbers": ["3"]}))
        link = services.link_claims(session=s, by=None, source_id=ids["en_denial"], relation=LinkRelation.denies,
                                    target_id=ids["ar_statement"], origin=LinkOrigin.auto,
                                    evidence={"shared_terms": ["growth", "figures"], "score": 0.61})
        return copy.id, link.id  # type: ignore[return-value]


def state(engine: Engine, copy_id: int, source: int, target: int) -> tuple[int | None, str | None, int]:
    """(what the copy is merged into, the link's origin or None, rejections on record)."""
    with db.session(engine) as s:
        merged = services.get_claim(session=s, claim_id=copy_id).merged_into_id
        link = s.exec(select(ClaimLink).where(ClaimLink.source_id == source, ClaimLink.target_id == target)).first()
        rejected = len(queries.rejected_link_suggestions(session=s)) + len(
            s.exec(select(Suggestion).where(Suggestion.status == SuggestionStatus.rejected)).all())
        return merged, link.origin.value if link else None, rejected


async def press(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*keys)
    await settle(pilot)


@sync
async def test_accept_reject_and_undo(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    copy_id, _ = setup_pairs(engine, ids)
    src, dst = ids["en_denial"], ids["ar_statement"]
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "S")
        assert isinstance(app.screen, SuggestionsScreen)
        text = screen_text(app)
        assert "Suggestions (2): duplicates 1 · cross-document links 1" in text
        assert "same claimant: Sami al-Harbi" in text and "score 0.82" in text and "numbers: 3" in text
        assert "shared terms: growth, figures" in text and "score 0.61" in text

        await press(pilot, "a")  # the duplicate (first): merged
        assert state(engine, copy_id, src, dst) == (ids["en_statement"], "auto", 0)
        assert "Suggestions (1)" in screen_text(app)
        await press(pilot, "u")
        assert state(engine, copy_id, src, dst) == (None, "auto", 0)
        await press(pilot, "r")  # rejected: remembered, no longer suggested
        assert state(engine, copy_id, src, dst) == (None, "auto", 1)
        assert "duplicates 0" in screen_text(app)
        await press(pilot, "u")
        assert state(engine, copy_id, src, dst) == (None, "auto", 0)
        assert "duplicates 1" in screen_text(app)

        await press(pilot, "down", "a")  # the cross-document link: confirmed by an analyst
        assert state(engine, copy_id, src, dst) == (None, "manual", 0)
        await press(pilot, "u")
        assert state(engine, copy_id, src, dst) == (None, "auto", 0)
        await press(pilot, "down", "r")  # rejected: the link is removed
        assert state(engine, copy_id, src, dst) == (None, None, 1)
        await press(pilot, "u")
        assert state(engine, copy_id, src, dst) == (None, "auto", 0)
        await press(pilot, "up")  # the duplicate pair again
        pair = app.screen.current
        await press(pilot, "o")
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == pair.second
        await press(pilot, "escape", "enter")
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == pair.first
        await press(pilot, "escape", "escape")
        assert not isinstance(app.screen, SuggestionsScreen)
