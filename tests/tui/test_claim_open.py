"""Opening a claim from the queue: the detail read while the cursor rested is shown at once (and never a
stale one), and the context shows the span's sentences, `p` the whole paragraph (keys only)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.engine import Engine
from tui_helpers import SIZE, make_app, screen_text, settle, sync

from claimtrack import db, services
from tui.prefetch import DELAY
from tui.screens.claim import ClaimScreen
from tui.screens.queue import QueueScreen

LONG = ("Opening words of a long report. " * 12 + "The mayor said the bridge will open in May. "
        + "Closing words of a long report. " * 12)
SPAN = "the bridge will open in May"


def _long_paragraph_claim(engine: Engine) -> int:
    """A claim whose document is one long paragraph (as wire copy often is)."""
    from claimtrack.extract.base import ActorRef, ExtractedClaim
    from claimtrack.ingest.base import RawDocument
    from claimtrack.ingest.pipeline import ActorCache, IngestOptions, store_document

    text = "Bridge report\n" + LONG
    start = text.index(SPAN)
    claim = ExtractedClaim(quote=SPAN, start=start, end=start + len(SPAN), claimant=ActorRef("The mayor"),
                           claimant_surface="The mayor", kind="statement", text=SPAN, cue="said", language="en")
    with db.atomic(engine) as s:
        amal = services.get_analyst(session=s, handle="amal")
        raw = RawDocument(text=text, origin="bridge.txt", origin_name="bridge.txt", source_format="txt",
                          title="Bridge report", language="en", published=date(2023, 9, 1),
                          published_precision="day", outlet="Sample News")
        store_document(s, raw, "b" * 64, [claim], analyst=amal, actors=ActorCache(), opts=IngestOptions())
        return max(c.id for c in s.exec(__import__("sqlmodel").select(services.Claim)).all())  # type: ignore[type-var]


def _queue(app) -> QueueScreen:  # type: ignore[no-untyped-def]
    return next(s for s in app.screen_stack if isinstance(s, QueueScreen))


async def _rest(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause(DELAY * 3)
    await settle(pilot)


def _count_detail_reads(app) -> list[int]:  # type: ignore[no-untyped-def]
    reads: list[int] = []
    store = app.store
    read = store.detail
    store.detail = lambda claim_id: (reads.append(claim_id), read(claim_id))[1]
    return reads


@sync
async def test_enter_after_a_rest_shows_the_detail_read_meanwhile(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reads = _count_detail_reads(app)
        await pilot.press("down")
        await _rest(pilot)
        row = _queue(app).table.current
        assert row is not None and reads == [row.id]  # read while the cursor rested on the row
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == row.id
        assert reads == [row.id]  # opening it read nothing more
        assert f" Claim {row.id} " in screen_text(app)
        await pilot.press("escape", "down")  # the claim screen, now hidden, is filled with the next row's claim
        await _rest(pilot)
        following = _queue(app).table.current
        assert following is not None and following.id != row.id and reads == [row.id, following.id]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == following.id
        assert f" Claim {following.id} " in screen_text(app) and reads == [row.id, following.id]


@sync
async def test_a_change_after_the_read_is_shown_on_opening(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, _ids = sample_db
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.store.changed()  # prime the watcher, as the first interval tick does
        await pilot.press("down")
        await _rest(pilot)
        row = _queue(app).table.current
        assert row is not None
        with db.atomic(engine) as s:  # another analyst comments: the claim's version does not change
            services.comment(session=s, by=services.get_analyst(session=s, handle="rana"), claim_id=row.id,
                             body="Checked with the ministry.")
        app.poll_changes()  # what the interval timer does
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen) and "Checked with the ministry." in screen_text(app)


@sync
async def test_the_context_shows_the_sentences_around_the_span_and_p_the_paragraph(
        sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, _ids = sample_db
    cid = _long_paragraph_claim(engine)
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *f"#{cid}", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == cid
        shown = screen_text(app)
        assert "p: the whole paragraph" in shown
        assert shown.count("Opening words") == 1 and shown.count("Closing words") == 1
        await pilot.press("p")
        await settle(pilot)
        shown = screen_text(app)
        assert shown.count("Opening words") > 6 and "p: only the sentences around it" in shown
        await pilot.press("p")
        await settle(pilot)
        assert screen_text(app).count("Opening words") == 1
