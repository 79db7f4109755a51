"""Helpers for the TUI tests: the app as the CLI builds it, settling workers, plain screen text."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from textual.pilot import Pilot

from tui.app import ClaimtrackApp, build_app

SIZE = (140, 40)


def make_app(engine: Engine, analyst: str = "omar", bidi: str = "terminal") -> ClaimtrackApp:
    """The app exactly as the CLI builds it, without change polling (tests poll by hand)."""
    app = build_app(engine=engine, analyst=analyst, bidi=bidi, settings=None)
    app.POLL_SECONDS = 0
    return app


async def settle(pilot: Pilot) -> None:
    """Wait until every worker (and any worker it started) is done and messages are processed."""
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def screen_text(app: ClaimtrackApp) -> str:
    """The plain text currently on screen."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())  # noqa: SLF001


def sync(fn):  # type: ignore[no-untyped-def]
    """Run an async test body with asyncio.run (no async pytest plugin is installed)."""
    import asyncio
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        return asyncio.run(fn(*args, **kwargs))
    return wrapper


def still(app: ClaimtrackApp) -> None:
    """No blinking cursors, so screenshots are deterministic."""
    from textual.widgets import Input, TextArea

    for screen in app.screen_stack:
        for widget in screen.query(Input):
            widget.cursor_blink = False
        for widget in screen.query(TextArea):
            widget.cursor_blink = False


def snap_before(*steps):  # type: ignore[no-untyped-def]
    """A run_before for snap_compare: settle, then run each step (a key string or callable) and settle."""
    async def run(pilot: Pilot) -> None:
        await settle(pilot)
        for step in steps:
            if isinstance(step, str):
                await pilot.press(step)
            else:
                step(pilot.app)
            await settle(pilot)
        still(pilot.app)
        await pilot.pause()
    return run


async def pick(pilot: Pilot, value: object) -> None:
    """Choose `value` in the focused Select with the keys an analyst presses: open, move, choose."""
    from textual.widgets import Select

    select = pilot.app.screen.focused
    assert isinstance(select, Select), f"focus is on {select!r}, not a Select"
    values = [v for _prompt, v in select._options]  # noqa: SLF001 - reading the option order only
    current = values.index(select.value) if select.value in values else 0
    target = values.index(value)
    await pilot.press("enter")
    await pilot.press(*(["down"] * (target - current) if target >= current else ["up"] * (current - target)))
    await pilot.press("enter")
    await pilot.pause()


async def type_in(pilot: Pilot, text: str, clear: bool = False) -> None:
    """Type `text` into the focused field (after ctrl+a, ctrl+k-style clearing when `clear`)."""
    if clear:
        await pilot.press("ctrl+u")  # Input: delete to the start; TextArea: delete to line start
    await pilot.press(*text)
