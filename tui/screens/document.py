"""A whole article with every claim span highlighted; jump claim to claim, open the one you are on."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from claimtrack import services
from tui import bidi
from tui.screens.outlet import OutletReliabilityActions, outlet_binding
from tui.widgets.bidi_text import BidiText

SPAN_STYLE = "underline"
CURRENT_STYLE = "bold reverse"
DENIAL_STYLE = "underline red"


class DocumentScreen(OutletReliabilityActions, Screen[None]):
    """The article text; `n`/`p` move between claim spans, `enter` opens the claim."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="document.back"),
        Binding("n,down,tab", "next_claim", "Next claim", id="document.next"),
        Binding("p,up,shift+tab", "prev_claim", "Previous claim", id="document.prev"),
        Binding("enter", "open_claim", "Open claim", id="document.open"),
        outlet_binding("document"),
    ]

    def __init__(self, document_id: int, appearance_id: int | None = None) -> None:
        super().__init__()
        self.document_id = document_id
        self.appearance_id = appearance_id
        self.doc: Any = None
        self.outlet: tuple[str, str | None] | None = None  # (name, default reliability)
        self.spans: list[tuple[Any, Any, str | None]] = []
        self.index = 0

    def compose(self) -> ComposeResult:
        yield BidiText(Text(f"Loading document {self.document_id}…"), id="doc-header")
        with VerticalScroll(id="doc-scroll"):
            yield BidiText(id="doc-text")
        yield BidiText(id="doc-current")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="document")
    def load(self) -> None:
        try:
            doc, spans = self.app.store.document(self.document_id)  # type: ignore[attr-defined]
            outlet = self.app.store.document_outlet(self.document_id)  # type: ignore[attr-defined]
        except services.ClaimtrackError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self.show, doc, spans, outlet)

    def show(self, doc: Any, spans: list[tuple[Any, Any, str | None]],
             outlet: tuple[str, str | None] | None = None) -> None:
        self.doc, self.spans, self.outlet = doc, spans, outlet
        for i, (a, _c, _n) in enumerate(spans):
            if a.id == self.appearance_id:
                self.index = i
        head = Text()
        head.append(f" Document {doc.id} ", style="bold reverse")
        head.append(f"  {doc.published or '?'} · {doc.language} · {len(spans)} claim spans · ")
        if self.outlet:
            head.append(self.outlet[0])
            head.append(f" ({self.outlet[1] or 'no grade'})", style="bold")
            head.append(" · ")
        head.append(doc.title or doc.origin_name or "")
        if doc.url:
            head.append(f"\n {doc.url}", style="underline")
        self.query_one("#doc-header", BidiText).update(head)
        self.render_text()

    def render_text(self) -> None:
        if self.doc is None:
            return
        text = Text(self.doc.text)
        for i, (a, c, _n) in enumerate(self.spans):
            style = CURRENT_STYLE if i == self.index else (DENIAL_STYLE if c.kind.value == "denial" else SPAN_STYLE)
            text.stylize(style, a.start, a.end)
        widget = self.query_one("#doc-text", BidiText)
        widget.update(text)
        cur = Text()
        if self.spans:
            a, c, name = self.spans[self.index]
            cur.append(f" {self.index + 1}/{len(self.spans)} ", style="bold reverse")
            cur.append(f" claim {c.id} · {c.kind.value} · {c.state.value}/{c.verdict.value} · ")
            cur.append(f"{name or a.claimant_surface or '?'}: ")
            cur.append(a.quote)
            width = widget.content_region.width or self.size.width
            line = bidi.line_of(self.doc.text, a.start, width)
            self.call_after_refresh(self.query_one("#doc-scroll").scroll_to, y=max(0, line - 3), animate=False)
        else:
            cur.append(" no claims found in this document", style="dim")
        self.query_one("#doc-current", BidiText).update(cur)

    def action_next_claim(self) -> None:
        if self.spans:
            self.index = (self.index + 1) % len(self.spans)
            self.render_text()

    def action_prev_claim(self) -> None:
        if self.spans:
            self.index = (self.index - 1) % len(self.spans)
            self.render_text()

    def action_open_claim(self) -> None:
        if self.spans:
            self.app.open_claim(self.spans[self.index][1].id)  # type: ignore[attr-defined]

    def outlet_document_id(self) -> int | None:
        return self.document_id

    def after_outlet_reliability(self, message: str | None) -> None:
        super().after_outlet_reliability(message)
        if message:
            self.load()

    def action_back(self) -> None:
        self.app.pop_screen()

    def refresh_bidi(self) -> None:
        self.render_text()
