"""Every key in the footer and the help does what it says, on the screen that shows it (pressed, not called)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.engine import Engine
from textual.command import CommandPalette
from textual.widgets import Input
from tui_helpers import SIZE, make_app, settle, sync

from tui.app import ClaimtrackApp
from tui.screens.base import CLAIM_BINDINGS
from tui.screens.bidi_preview import BidiPreviewScreen
from tui.screens.claim import ClaimScreen
from tui.screens.document import DocumentScreen
from tui.screens.find_evidence import FindEvidenceScreen
from tui.screens.forms import EvidenceModal, ExportModal, FilterModal, LinkModal
from tui.screens.help import HelpScreen
from tui.screens.modals import AssignModal, CommentModal, StateModal, TagsModal, UnmergeModal, VerdictModal
from tui.screens.outlet import OutletReliabilityModal
from tui.screens.queue import QueueScreen
from tui.screens.suggestions import SuggestionsScreen

Check = Callable[[ClaimtrackApp], bool]


def is_screen(kind: type, **attrs: object) -> Check:
    return lambda app: isinstance(app.screen, kind) and all(getattr(app.screen, k) == v for k, v in attrs.items())


# the dialog or screen each claim action key opens, on the queue and on the claim screen alike
CLAIM_KEYS: dict[str, Check] = {
    "t": is_screen(StateModal), "v": is_screen(VerdictModal), "e": is_screen(EvidenceModal),
    "l": is_screen(LinkModal, merge=False), "M": is_screen(LinkModal, merge=True), "U": is_screen(UnmergeModal),
    "a": is_screen(AssignModal), "T": is_screen(TagsModal), "c": is_screen(CommentModal),
    "x": is_screen(ExportModal),
}
# keys that open something on top of the screen (escape closes it again)
OPENERS: dict[str, Check] = {
    "f": is_screen(FilterModal), "X": is_screen(ExportModal, claim_id=None), "S": is_screen(SuggestionsScreen),
    "question_mark": is_screen(HelpScreen), "B": is_screen(BidiPreviewScreen), "ctrl+p": is_screen(CommandPalette),
    "enter": is_screen(ClaimScreen),
}


def queue_of(app: ClaimtrackApp) -> QueueScreen:
    return next(s for s in app.screen_stack if isinstance(s, QueueScreen))


async def press_and_back(pilot, key: str, check: Check, back: type) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(key)
    await settle(pilot)
    assert check(pilot.app), f"{key!r} opened {pilot.app.screen!r}"
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(pilot.app.screen, back), f"escape after {key!r} left {pilot.app.screen!r}"


@sync
async def test_every_queue_key_opens_its_dialog_or_screen(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = sample_db
    app = make_app(engine, "amal")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        queue = queue_of(app)
        for key, check in {**CLAIM_KEYS, **OPENERS}.items():
            await press_and_back(pilot, key, check, QueueScreen)
            assert app.screen_stack[-1] is queue and len(app.screen_stack) == 2

        before = queue.query_state
        await pilot.press("s")
        await settle(pilot)
        assert queue.query_state.sort == "first_seen" and queue.query_state is not before
        await pilot.press("r")
        await settle(pilot)
        assert queue.query_state.descending
        await pilot.press("m")
        await settle(pilot)
        assert queue.query_state.filt.assignee == "amal" and "0 match" in str(queue.query_one("#status").render())
        await pilot.press("escape")  # clear filters
        await settle(pilot)
        assert queue.query_state.filt.is_empty()
        shown = queue.preview.display
        await pilot.press("p")
        await settle(pilot)
        assert queue.preview.display is not shown
        await pilot.press("slash")
        assert isinstance(app.screen.focused, Input) and app.screen.focused.id == "search"
        await pilot.press("escape")
        assert app.screen.focused is queue.table
        mode = app.bidi_mode
        await pilot.press("b")
        assert app.bidi_mode != mode
        covered = set(CLAIM_KEYS) | set(OPENERS) | {"s", "r", "m", "escape", "p", "slash", "b", "ctrl+r", "q"}
        keys = {k for b in (*QueueScreen.BINDINGS, *type(app).BINDINGS) for k in b.key.split(",")}  # type: ignore[union-attr]
        assert keys - covered == set(), "a binding without a test"
        await pilot.press("q")
    assert app.return_code is not None or not app.is_running


@sync
async def test_every_claim_screen_key_opens_its_dialog(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "amal")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        for key, check in CLAIM_KEYS.items():
            await press_and_back(pilot, key, check, ClaimScreen)
        await press_and_back(pilot, "f", is_screen(FindEvidenceScreen), ClaimScreen)
        await press_and_back(pilot, "R", is_screen(OutletReliabilityModal, outlet="Sample News"), ClaimScreen)
        await pilot.press("d")
        await settle(pilot)
        doc = app.screen
        assert isinstance(doc, DocumentScreen) and doc.document_id == ids["doc_ar"]
        first = doc.index
        await pilot.press("n")
        assert doc.index == (first + 1) % len(doc.spans)
        await pilot.press("p")
        assert doc.index == first
        await pilot.press("n", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == doc.spans[(first + 1) % len(doc.spans)][1].id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is doc
        await press_and_back(pilot, "R", is_screen(OutletReliabilityModal, outlet="Sample News"), DocumentScreen)
        keys = {k for b in DocumentScreen.BINDINGS for k in b.key.split(",")}  # type: ignore[union-attr]
        assert keys - {"n", "down", "tab", "p", "up", "shift+tab", "enter", "escape", "R"} == set()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
        keys = {k for b in (*ClaimScreen.BINDINGS, *CLAIM_BINDINGS) for k in b.key.split(",")}  # type: ignore[union-attr]
        # p (whole paragraph): tests/tui/test_claim_open.py
        assert keys - set(CLAIM_KEYS) - {"d", "f", "R", "escape", "ctrl+r", "p"} == set(), "a binding without a test"
