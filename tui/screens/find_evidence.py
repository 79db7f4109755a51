"""Find evidence: ranked passages of other documents for one claim; preview in the document, attach in one key."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from sqlmodel import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from claimtrack import services
from claimtrack.evidence_finder import FoundPassage, find
from claimtrack.models import Analyst, Stance
from tui.screens.forms import GradedModal, grade_label
from tui.widgets.bidi_text import BidiText

STANCE_STYLE = {"supports": "green", "refutes": "red", "mentions": "blue"}
PASSAGE_STYLE = "bold reverse"
HINT_TO_STANCE = {"supports": Stance.supports, "refutes": Stance.refutes, "mentions": Stance.context}


def result_text(i: int, f: FoundPassage) -> Text:
    """One result: rank, source, stance hint, reasons, and the start of the passage (plain Text, no markup)."""
    out = Text()
    out.append(f"{i}. ", style="bold")
    out.append(f"{f.outlet or f.title or 'document'} · {f.published or 'undated'} · score {f.score:.2f} · ")
    out.append(f"{f.stance} (hint)", style=STANCE_STYLE.get(f.stance, ""))
    out.append("\n   " + " · ".join(f.reasons), style="dim")
    out.append("\n   " + " ".join(f.text.split())[:220])
    return out


class FindEvidenceScreen(Screen[None]):
    """The finder's results for a claim: `enter` previews a passage, `a` attaches it."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="evidence_finder.back"),
        Binding("enter", "preview", "Preview", id="evidence_finder.preview"),
        Binding("a", "attach", "Attach", id="evidence_finder.attach"),
    ]

    def __init__(self, claim_id: int, limit: int = 20) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.limit = limit
        self.results: list[FoundPassage] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Find evidence · claim {self.claim_id} · searching…"), id="finder-header", markup=False)
        yield OptionList(id="finder-results")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="finder")
    def load(self) -> None:
        try:
            found = self.app.store.read(lambda s: find(s, self.claim_id, limit=self.limit))  # type: ignore[attr-defined]
        except services.ClaimtrackError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self.show, found)

    def show(self, found: list[FoundPassage]) -> None:
        self.results = found
        header = Text(f"Find evidence · claim {self.claim_id} · {len(found)} passages from other documents"
                      " · stances are hints: you decide", style="bold")
        self.query_one("#finder-header", Static).update(header)
        options = self.query_one("#finder-results", OptionList)
        options.clear_options()
        options.add_options([Option(result_text(i, f), id=str(i - 1)) for i, f in enumerate(found, 1)])
        if found:
            options.highlighted = 0
        options.focus()

    def selected(self) -> FoundPassage | None:
        index = self.query_one("#finder-results", OptionList).highlighted
        return self.results[index] if index is not None and index < len(self.results) else None

    @on(OptionList.OptionSelected, "#finder-results")
    def _selected(self, _event: OptionList.OptionSelected) -> None:
        self.action_preview()

    def action_preview(self) -> None:
        f = self.selected()
        if f is not None:
            self.app.push_screen(PassagePreviewScreen(f))

    def action_attach(self) -> None:
        f = self.selected()
        if f is not None:
            self.app.push_screen(AttachPassageModal(self.claim_id, f), self._attached)

    def _attached(self, message: str | None) -> None:
        if message:
            self.notify(message, markup=False)

    def action_back(self) -> None:
        self.app.pop_screen()


class PassagePreviewScreen(Screen[None]):
    """The passage highlighted in its whole document; `a` attaches it from here too."""

    BINDINGS = [Binding("escape", "back", "Back", id="passage_preview.back"),
                Binding("a", "attach", "Attach", id="passage_preview.attach")]

    def __init__(self, found: FoundPassage) -> None:
        super().__init__()
        self.found = found

    def compose(self) -> ComposeResult:
        f = self.found
        head = Text(f" Document {f.document_id} ", style="bold reverse")
        head.append(f"  [{f.start}:{f.end}] · {f.published or '?'} · {f.language} · {f.title or ''}")
        yield Static(head, id="preview-header", markup=False)
        with VerticalScroll(id="preview-scroll"):
            yield BidiText(id="preview-text")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="preview")
    def load(self) -> None:
        doc, _spans = self.app.store.document(self.found.document_id)  # type: ignore[attr-defined]
        self.app.call_from_thread(self.show, doc)

    def show(self, doc: Any) -> None:
        text = Text(doc.text)
        text.stylize(PASSAGE_STYLE, self.found.start, self.found.end)
        self.query_one("#preview-text", BidiText).update(text)
        line = doc.text.count("\n", 0, self.found.start)
        self.call_after_refresh(self.query_one("#preview-scroll", VerticalScroll).scroll_to, y=max(0, line - 3),
                                animate=False)

    def action_attach(self) -> None:
        claim_screen = next((s for s in reversed(self.app.screen_stack) if isinstance(s, FindEvidenceScreen)), None)
        claim_id = claim_screen.claim_id if claim_screen else 0
        self.app.push_screen(AttachPassageModal(claim_id, self.found))

    def action_back(self) -> None:
        self.app.pop_screen()


class AttachPassageModal(GradedModal):
    """Attach a found passage as evidence: the stance hint and the outlet's default grade come preselected."""

    TITLE_TEXT = "Attach passage"

    def __init__(self, claim_id: int, found: FoundPassage) -> None:
        super().__init__(claim_id)
        self.found = found
        self.reliability = found.reliability or "F"

    def form(self) -> ComposeResult:
        f = self.found
        yield Label(Text(f"Document {f.document_id} [{f.start}:{f.end}] · {f.outlet or f.title or ''}"))
        yield Static(Text(" ".join(f.text.split())[:400], style="italic"), markup=False)
        yield Label(Text(f"Stance (hint: {f.stance}; you decide)"))
        yield Select([(s.value, s) for s in Stance], value=HINT_TO_STANCE[f.stance], allow_blank=False, id="stance")
        yield Label("Source reliability (A–F; the outlet's default is preselected)")
        yield Select([(f"{k} — {v}", k) for k, v in services.ADMIRALTY_RELIABILITY.items()],
                     value=self.reliability, allow_blank=False, id="reliability")
        yield Label("Information credibility (1–6)")
        yield Select([(f"{k} — {v}", k) for k, v in services.ADMIRALTY_CREDIBILITY.items()],
                     value=6, allow_blank=False, id="credibility")
        yield Static(Text(grade_label(self.reliability, 6), style="bold"), id="grade", markup=False)

    def on_mount(self) -> None:
        self.query_one("#stance", Select).focus()

    def perform(self, session: Session, me: Analyst) -> str:
        f = self.found
        ev = services.add_evidence(
            session=session, by=me, claim_id=self.claim_id, stance=self.query_one("#stance", Select).value,  # type: ignore[arg-type]
            document_id=f.document_id, start=f.start, end=f.end,
            reliability=str(self.query_one("#reliability", Select).value),
            credibility=int(str(self.query_one("#credibility", Select).value)))
        return f"Evidence {ev.grade} ({f.start}-{f.end} of document {f.document_id}) attached to claim {self.claim_id}."
