"""The queue's sliding window (keys and the mouse wheel fetch pages ahead) and the tags editor."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from textual import events
from tui_helpers import SIZE, make_app, screen_text, settle, sync

from claimtrack import db, services
from tui.screens.claim import ClaimScreen
from tui.screens.modals import TagsModal
from tui.widgets.claim_table import ClaimTable


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of 2 rows, a window of 3 and no read-ahead: only the keys or the wheel at an end of the
    window fetch the next page (the app runs in a terminal with room for 2 rows)."""
    monkeypatch.setattr("tui.screens.queue.PAGE_SIZE", 2)
    monkeypatch.setattr(ClaimTable, "MAX_WINDOW", 3)
    monkeypatch.setattr(ClaimTable, "LOOKAHEAD", -1)


TINY = (140, 9)


def ids_on(table: ClaimTable) -> list[int]:
    return [r.id for r in table.rows_data]  # type: ignore[misc]


@sync
async def test_down_walks_every_claim_across_pages(small_pages: None, sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = sample_db
    app = make_app(engine)
    async with app.run_test(size=TINY) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimTable)
        everything = [r.id for r in app.store.page(app.screen.query_state, limit=100)]  # type: ignore[attr-defined]
        assert len(everything) == 4
        seen = [table.current.id]  # type: ignore[union-attr]
        for _ in range(5):
            await pilot.press("down")
            await settle(pilot)
            seen.append(table.current.id)  # type: ignore[union-attr]
        assert seen == everything + everything[-1:] * 2  # past the last claim nothing happens
        assert len(table.rows_data) <= 3 and table.start + table.cursor_row == 3
        for _ in range(5):
            await pilot.press("up")
            await settle(pilot)
        assert table.current.id == everything[0] and table.start == 0  # type: ignore[union-attr]
        assert "row 1 " in screen_text(app) and ids_on(table)[0] == everything[0]


def painted_rows(table: ClaimTable) -> list[int]:
    """The claim ids in the table's own row order (what it paints), top to bottom."""
    return [int(row.key.value) for row in table.ordered_rows]  # type: ignore[arg-type]


@sync
async def test_paging_down_and_up_through_window_trims_keeps_the_rows_in_order(
        monkeypatch: pytest.MonkeyPatch, sample_db: tuple[Engine, dict[str, int]]) -> None:
    """Pages of 10 in a window of at most 25 rows: the window drops rows at the top as pages join below
    and at the bottom as pages join above; the rows painted stay those of the window, in order."""
    engine, _ = sample_db
    with db.atomic(engine) as s:
        for i in range(80):
            services.create_claim(session=s, by=None, text=f"paged claim {i}", language="en", audit_event=False)
    monkeypatch.setattr("tui.screens.queue.PAGE_SIZE", 10)
    monkeypatch.setattr(ClaimTable, "MAX_WINDOW", 25)
    monkeypatch.setattr(ClaimTable, "LOOKAHEAD", 3)
    app = make_app(engine)
    async with app.run_test(size=(140, 12)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimTable)
        everything = [r.id for r in app.store.page(app.screen.query_state, limit=200)]  # type: ignore[attr-defined]
        starts = set()
        for key in ["pagedown"] * 14 + ["pageup"] * 14:
            await pilot.press(key)
            await settle(pilot)
            starts.add(table.start)
            assert len(table.rows_data) <= 25
            assert painted_rows(table) == ids_on(table) == everything[table.start:table.start + len(table.rows_data)]
            assert table.current.id == everything[table.start + table.cursor_row]  # type: ignore[union-attr]
            assert f"row {table.start + table.cursor_row + 1} " in screen_text(app)
        assert table.start == 0 and table.cursor_row == 0 and len(starts) > 3  # the window slid both ways


@sync
async def test_mouse_wheel_past_the_window_fetches_the_next_page(small_pages: None,
                                                                 sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = sample_db
    app = make_app(engine)
    async with app.run_test(size=TINY) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimTable)
        everything = [r.id for r in app.store.page(app.screen.query_state, limit=100)]  # type: ignore[attr-defined]
        assert ids_on(table) == everything[:2]
        for _ in range(3):
            await pilot._post_mouse_events([events.MouseScrollDown], ClaimTable, offset=(5, 2))  # noqa: SLF001
            await settle(pilot)
        assert everything[2] in ids_on(table)


@sync
async def test_tags_editor_adds_and_removes(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    cid = ids["ar_statement"]
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_claim(cid)
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        await pilot.press("T")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, TagsModal)
        await pilot.press(*"economy, اقتصاد, economy", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        assert "economy, اقتصاد" in screen_text(app)
        await pilot.press("T")
        await settle(pilot)
        await pilot.press("ctrl+u", *"اقتصاد", "ctrl+s")
        await settle(pilot)
    with db.session(engine) as s:
        assert services.get_claim(session=s, claim_id=cid).tags == ["اقتصاد"]


def test_tags_action_has_a_binding_id_and_is_in_the_palette() -> None:
    from tui.screens.base import CLAIM_BINDINGS

    tags = [b for b in CLAIM_BINDINGS if b.action == "tags"]
    assert tags and tags[0].id == "claim.tags" and tags[0].description == "Tags"
