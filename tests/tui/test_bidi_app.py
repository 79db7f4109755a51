"""App bidi mode: lam-alef ligatures with styles on the right letters, wrap-then-reorder, and Arabic
shaped wherever it shows (search box once left, status line, pickers)."""

from __future__ import annotations

from rich.text import Text
from sqlalchemy.engine import Engine
from textual.command import CommandInput, CommandPalette
from textual.widgets import Input, OptionList
from tui_helpers import make_app, screen_text, settle, sync

from tui import bidi
from tui.screens.forms import LinkModal

LAM_ALEF = {chr(c) for c in range(0xFEF5, 0xFEFD)}


def logical_of_span(shown: Text, plain: str, breaks: tuple[int, ...]) -> set[int]:
    """The logical letters shown under the display spans of `shown`."""
    _, order = bidi.visual(plain, None, breaks)
    covered: set[int] = set()
    for span in shown.spans:
        for pos in range(span.start, span.end):
            covered.add(order[pos])
    return covered


def test_highlight_covers_the_same_letters_with_ligatures() -> None:
    plain = "قال إنه لا يريد الأسلحة"
    start = plain.index("لا يريد")
    line = Text(plain)
    line.stylize("reverse", start, start + len("لا يريد"))
    shown = bidi.reorder_text(line)
    assert LAM_ALEF & set(shown.plain), "no lam-alef ligature"
    assert len(shown.plain) < len(plain)  # two ligatures: لا and الأ
    _, order = bidi.visual(plain, None, (start, start + len("لا يريد")))
    styled = {p for s in shown.spans for p in range(s.start, s.end)}
    # every display character under the highlight shows letters of the highlighted words, and only those
    assert {order[p] for p in styled} <= set(range(start, start + len("لا يريد")))
    outside = set(range(len(shown.plain))) - styled
    assert not {order[p] for p in outside} & set(range(start, start + len("لا يريد")))
    # the ligature itself is highlighted: it stands for ل and ا, both inside the span
    assert any(shown.plain[p] in LAM_ALEF for p in styled)


def test_a_style_boundary_between_lam_and_alef_keeps_them_apart() -> None:
    plain = "ولا شيء"
    line = Text(plain)
    line.stylize("bold", 0, 2)  # و ل, not the alef
    shown = bidi.reorder_text(line)
    assert not LAM_ALEF & set(shown.plain)
    assert len(shown.plain) == len(plain)
    assert logical_of_span(shown, plain, (0, 2)) == {0, 1}


def test_wrapped_paragraph_reads_top_to_bottom() -> None:
    plain = "الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة"
    laid = bidi.layout(Text(plain), "app", 16)
    lines = laid.plain.split("\n")
    assert len(lines) > 2
    first_words = [bidi.visual(w)[0] for w in plain.split()]
    assert first_words[0] in lines[0] and first_words[-1] in lines[-1]


@sync
async def test_arabic_shaped_in_search_box_status_and_picker(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "omar", bidi="app")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "ﻻ" in screen_text(app) or "ﻼ" in screen_text(app)  # الاقتصاد, with its ligature
        await pilot.press("slash", *"النمو")
        await settle(pilot)
        assert bidi.line("النمو", "app") in screen_text(app).splitlines()[2]  # shaped while edited too
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        shaped = bidi.line("النمو", "app")
        assert shaped in text.splitlines()[2], "the search box, no longer focused, shows the word shaped"
        assert f"search={shaped}" in text
    assert ids


@sync
async def test_picker_wraps_then_reorders(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "omar", bidi="app")
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "l")  # from the English statement: the Arabic one is in the list
        await settle(pilot)
        assert isinstance(app.screen, LinkModal)
        picker = app.screen.query_one(OptionList)
        option = picker.get_option(str(ids["ar_statement"]))
        lines = str(option.prompt).split("\n")
        assert len(lines) >= 2, "the long claim should wrap in a 60-column terminal"
        assert "Sami al-Harbi:" in lines[0] and bidi.line("الاقتصاد", "app") in lines[0]
        assert bidi.line("الماضي", "app") in lines[-1]


def cursor_cell(field: Input) -> int:
    """The display cell the input draws its cursor on."""
    field.cursor_blink = False
    style = field.get_component_rich_style("input--cursor")
    x = 0
    for seg in field.render_line(0):
        if seg.style and style.bgcolor and seg.style.bgcolor == style.bgcolor:
            return x
        x += len(seg.text)
    raise AssertionError("no cursor drawn")


@sync
async def test_palette_input_is_shaped_and_its_cursor_follows_the_letters(
        sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "omar", bidi="app")
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"الغذاء")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        field = app.screen.query_one(CommandInput)
        assert field.value == "الغذاء"
        shown = bidi.line("الغذاء", "app")
        assert shown != "الغذاء" and shown in screen_text(app) and "الغذاء" not in screen_text(app)
        assert cursor_cell(field) == 0  # at the end of a right-to-left word: its left edge
        await pilot.press("home")
        assert cursor_cell(field) == len(shown) - 1  # on the first letter, the rightmost cell
        await pilot.press("right")
        assert cursor_cell(field) == len(shown) - 2
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("b", "b", "ctrl+p", *"الغذاء")  # terminal mode after off: logical order
        await settle(pilot)
        assert app.bidi_mode == "terminal" and "الغذاء" in screen_text(app)
    assert ids


@sync
async def test_header_shows_an_arabic_handle_shaped(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "سامي", bidi="app")
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        top = screen_text(app).splitlines()[0]
        assert f"analyst: {bidi.line('سامي', 'app')}" in top and "سامي" not in top
        await pilot.press("b")  # app → off: logical order again
        await settle(pilot)
        assert "analyst: سامي" in screen_text(app).splitlines()[0]
    assert ids


@sync
async def test_a_long_palette_hit_wraps_then_reorders(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "omar", bidi="app")
    async with app.run_test(size=(40, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"الاقتصاد")
        await settle(pilot)
        lines = [line for line in screen_text(app).splitlines() if line.strip()]
        first = next(i for i, line in enumerate(lines) if f"#{ids['ar_statement']}" in line)
        # the claim's first words on the hit's first line, its last word on a later one
        assert bidi.line("الاقتصاد", "app") in lines[first], lines[first:first + 3]
        assert any(bidi.line("الماضي", "app") in line for line in lines[first + 1:first + 3]), lines[first:first + 3]


@sync
async def test_the_search_box_follows_a_bidi_mode_change(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = sample_db
    app = make_app(engine, "omar", bidi="terminal")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"النمو", "enter")
        await settle(pilot)
        assert "النمو" in screen_text(app).splitlines()[2]
        await pilot.press("b")  # terminal → app
        await settle(pilot)
        assert app.bidi_mode == "app" and bidi.line("النمو", "app") in screen_text(app).splitlines()[2]
    assert ids


def test_wrapped_lines_keep_their_styles() -> None:
    """A long styled paragraph, cut into lines in one pass, gives the lines (text and styles) that
    slicing the paragraph line by line gives."""
    para = Text("قال الوزير إن النمو سيبلغ خمسة بالمئة هذا العام، وأضاف أن " * 6 + "the end")
    para.stylize("bold reverse", 40, 95)
    para.stylize("italic", 120, 300)
    offsets = bidi.wrap_offsets(para.plain, 30)
    assert len(offsets) > 5
    pieces = bidi._pieces(para, offsets)  # noqa: SLF001
    sliced = [para[start:end] for start, end in offsets]
    assert [(p.plain, p.spans) for p in pieces] == [(s.plain, s.spans) for s in sliced]
    assert any(p.spans for p in pieces) and "".join(p.plain for p in pieces) == para.plain
