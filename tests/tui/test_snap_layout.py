"""Layout snapshots at 80×24, 100×30 and 160×45: the queue (badges, columns, preview) and the claim
screen, on an Arabic claim (app bidi mode) and on an English one."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from tui_helpers import make_app, snap_before

from tui.widgets.preview import DELAY

SIZES = [(80, 24), (100, 30), (160, 45)]


async def rest(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause(DELAY * 2)  # the preview reads the claim's details once the cursor rests


def steps(language: str, *then: str) -> list[object]:
    keys = [] if language == "ar" else ["down", "down"]  # row 1 is Arabic, row 3 English
    return [*keys, *then]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["ar", "en"])
def test_queue_layout(snap_compare, sample_db: tuple[Engine, dict[str, int]], language: str,  # type: ignore[no-untyped-def]
                      size: tuple[int, int]) -> None:
    app = make_app(sample_db[0], bidi="app" if language == "ar" else "terminal")
    run = snap_before(*steps(language))

    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await run(pilot)
        await rest(pilot)
        await snap_before()(pilot)  # settle again once the preview has its details
    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["ar", "en"])
def test_claim_layout(snap_compare, sample_db: tuple[Engine, dict[str, int]], language: str,  # type: ignore[no-untyped-def]
                      size: tuple[int, int]) -> None:
    app = make_app(sample_db[0], bidi="app" if language == "ar" else "terminal")
    assert snap_compare(app, terminal_size=size, run_before=snap_before(*steps(language, "enter")))
