"""The claim screen is reused from one claim to the next; reopening it skips Textual's restyling of
every widget only while nothing the styles come from has changed."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from textual.color import Color
from textual.widgets import Label
from tui_helpers import SIZE, make_app, screen_text, settle, sync

from tui.screens.claim import ClaimScreen


def section_colour(screen: ClaimScreen) -> Color:
    return screen.query(Label).filter(".section").first().styles.color


@sync
async def test_reopened_claim_screen_follows_a_theme_change(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = sample_db
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        first = screen.detail.claim.id  # type: ignore[union-attr]
        before = section_colour(screen)
        assert before == Color.parse(app.get_css_variables()["accent"])
        await pilot.press("escape", "down", "enter")  # the same screen, another claim, same styles
        await settle(pilot)
        assert app.screen is screen and screen.detail.claim.id != first  # type: ignore[union-attr]
        assert section_colour(screen) == before and f"Claim {screen.claim_id}" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        app.theme = "dracula" if app.theme != "dracula" else "nord"  # while the screen is hidden
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        after = section_colour(screen)
        assert after != before and after == Color.parse(app.get_css_variables()["accent"])
