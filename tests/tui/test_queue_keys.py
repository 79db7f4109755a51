"""The queue at scale and size: G goes to the last claim of the filter, key bursts are not dropped,
`#id` jumps to a claim, columns give way to the claim text, the preview follows the cursor."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from tui_helpers import make_app, screen_text, settle, sync

from claimtrack import db, services
from claimtrack.models import ClaimKind
from tui.screens.claim import ClaimScreen
from tui.screens.queue import QueueScreen
from tui.widgets.claim_table import ClaimTable, layout_columns
from tui.widgets.preview import DELAY

EXTRA = 300


@pytest.fixture
def many(sample_db: tuple[Engine, dict[str, int]]) -> tuple[Engine, int]:
    """The sample plus 300 claims (every third a denial): (engine, total claims)."""
    engine, _ = sample_db
    with db.atomic(engine) as s:
        for i in range(EXTRA):
            services.create_claim(session=s, by=None, text=f"generated claim number {i}", language="en",
                                  kind=ClaimKind.denial if i % 3 == 0 else ClaimKind.statement, audit_event=False)
    return engine, EXTRA + 4


async def rest(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let the cursor rest long enough for the preview to read the claim's details."""
    await pilot.pause(DELAY * 2)
    await settle(pilot)


def queue(app) -> QueueScreen:  # type: ignore[no-untyped-def]
    return next(s for s in app.screen_stack if isinstance(s, QueueScreen))


def position(app) -> int:  # type: ignore[no-untyped-def]
    table = queue(app).table
    return table.start + table.cursor_row


@sync
async def test_G_goes_to_the_last_claim_and_g_back(many: tuple[Engine, int]) -> None:
    engine, total = many
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        table = queue(app).table
        assert table.current is not None and table.current.text == f"generated claim number {EXTRA - 1}"
        assert position(app) == total - 1 and f"row {total:,}" in screen_text(app)
        await pilot.press("up")
        await settle(pilot)
        assert position(app) == total - 2
        await pilot.press("g")
        await settle(pilot)
        assert position(app) == 0
        await pilot.press("r", "G")  # reversed: the last claim is now the first one created
        await settle(pilot)
        assert table.current is not None and table.current.text == "الاقتصاد نما بنسبة ٣٪ العام الماضي"


@sync
async def test_a_burst_of_page_downs_moves_every_page(many: tuple[Engine, int], monkeypatch: pytest.MonkeyPatch) -> None:
    engine, total = many
    monkeypatch.setattr("tui.screens.queue.PAGE_SIZE", 20)  # many page fetches during the burst
    monkeypatch.setattr(ClaimTable, "MAX_WINDOW", 40)
    monkeypatch.setattr(ClaimTable, "LOOKAHEAD", -1)
    app = make_app(engine)
    async with app.run_test(size=(100, 16)) as pilot:
        await settle(pilot)
        page = queue(app).table._page_rows()  # noqa: SLF001
        presses = 12
        for _ in range(presses):
            await pilot.press("pagedown")  # no waiting for the pages in between
        await settle(pilot)
        assert position(app) == min(presses * page, total - 1)
        assert not queue(app).table.queued
        for _ in range(presses):
            await pilot.press("pageup")
        await settle(pilot)
        assert position(app) == 0


@sync
async def test_hash_number_in_search_opens_that_claim(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *f"#{ids['en_denial']}", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == ids["en_denial"]
        await pilot.press("escape", "slash", "ctrl+u", *str(ids["ar_denial"]), "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == ids["ar_denial"]
        await pilot.press("escape", "slash", "ctrl+u", *"99999", "enter")  # no such claim: searched as text
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen) and app.screen.query_state.filt.search == "99999"


def test_columns_give_way_to_the_claim_text() -> None:
    narrow, text80 = layout_columns(78)
    assert [c.key for c in narrow] == ["id", "state", "verdict", "claimant", "text"] and text80 >= 30
    mid, text100 = layout_columns(98)
    assert "date" in [c.key for c in mid] and text100 >= 40
    wide, text160 = layout_columns(158)
    assert [c.key for c in wide] == ["id", "state", "verdict", "kind", "claimant", "text", "outlet", "date"]
    assert text160 > text100 > text80


@sync
async def test_preview_follows_the_cursor_and_toggles(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        preview = queue(app).preview
        assert preview.display  # on by default at 120 columns or more
        await rest(pilot)
        text = screen_text(app)
        assert "Denied by 1" in text and "Stated 2023-08-31" in text and "Sami al-Harbi" in text
        await pilot.press("down")
        await rest(pilot)
        assert preview.shown_id == ids["ar_denial"] and "Denies 1" in screen_text(app)
        await pilot.press("up", "enter")  # opening a claim pauses the pane; coming back reads the row again
        await settle(pilot)
        assert preview.shown_id is None and app.screen is not queue(app)
        await pilot.press("escape")
        await rest(pilot)
        assert preview.shown_id == queue(app).table.current.id and "Denied by 1" in screen_text(app)  # type: ignore[union-attr]
        await pilot.press("p")
        await settle(pilot)
        assert not preview.display
    app = make_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not queue(app).preview.display  # off by default in a narrow terminal
        await pilot.press("p")
        await rest(pilot)
        assert queue(app).preview.display and "Denied by 1" in screen_text(app)


@sync
async def test_the_footer_follows_the_focus_after_a_search(sample_db: tuple[Engine, dict[str, int]]) -> None:
    """The search box hides the one-letter keys; Enter gives them back, with the results."""
    engine, _ = sample_db
    app = make_app(engine)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        footer = lambda: screen_text(app).splitlines()[-1]  # noqa: E731
        assert "Filter" in footer()
        await pilot.press("slash")
        await settle(pilot)
        assert "Filter" not in footer()
        await pilot.press("e", "c", "o", "n", "o", "m", "y", "enter")
        await settle(pilot)
        assert queue(app).query_state.filt.search == "economy" and queue(app).shown_query is queue(app).query_state
        assert "Filter" in footer()
        assert [r.id for r in queue(app).table.rows_data] == [3]
