"""One claim: text, quote in its paragraph, claimant, dates, appearances, links, evidence, comments, history."""

from __future__ import annotations

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from claimtrack import queries, services
from tui import bidi
from tui.history import history_text
from tui.messages import DatabaseChanged
from tui.quote_context import is_shortened, quote_in_context
from tui.screens.base import CLAIM_BINDINGS, ClaimActionScreen
from tui.screens.forms import grade_label
from tui.screens.outlet import OutletReliabilityActions, outlet_binding
from tui.widgets.bidi_text import BidiText
from tui.widgets.claim_table import STATE_BADGE, STATE_STYLE, VERDICT_STYLE, badge
from tui.widgets.footer import StableFooter
from tui.widgets.preview import link_label

STANCE_STYLE = {"supports": "green", "refutes": "red", "context": "blue"}


def _section(title: str, section_id: str | None = None) -> Label:
    return Label(Text(title, style="bold underline"), classes="section", id=section_id)


def counted(title: str, n: int, detail: str = "") -> Text:
    """A section title with its count: "Related claims (12): Denies 11 · Repeated by 1"."""
    t = Text(f"{title} ({n})", style="bold underline")
    if detail:
        t.append(f": {detail}", style="bold")
    return t


class ClaimScreen(OutletReliabilityActions, ClaimActionScreen):
    """Everything about one claim; related claims and appearances are navigable."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="claim.back"),
        Binding("d", "document", "Document", id="claim.document", tooltip="Open the article of the first appearance"),
        Binding("ctrl+r", "reload", "Reload", id="claim.reload", show=False),
        Binding("p", "paragraph", "Paragraph", id="claim.paragraph", show=False,
                tooltip="Show the whole paragraph around the claim, or only its sentences"),
        Binding("f", "find_evidence", "Find evidence", id="claim.find_evidence", show=False,
                tooltip="Passages of other documents that may support or refute this claim"),
        outlet_binding("claim", show=False),  # listed in help and the palette; the footer is full
        *CLAIM_BINDINGS,
    ]

    def __init__(self, claim_id: int, detail: queries.ClaimDetail | None = None) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.detail: queries.ClaimDetail | None = detail
        self._reopening = False
        self.whole_paragraph = False  # the context shows the span's sentences, or (p) its whole paragraph
        self._styled_for: tuple[object, ...] | None = None  # what the styles were last computed with

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="claim-body"):
            yield Static(Text(f"Loading claim {self.claim_id}…"), id="claim-header", markup=False)
            yield _section("Claim")
            yield BidiText(id="claim-text")
            yield _section("In context", "context-title")
            yield BidiText(id="claim-context")
            yield _section("Claimant and dates")
            yield BidiText(id="claim-claimant")
            yield _section("Rationale")
            yield BidiText(id="claim-rationale")
            yield _section("Appearances", "appearances-title")
            yield OptionList(id="appearances", classes="nav-list")
            yield _section("Related claims", "links-title")
            yield OptionList(id="links", classes="nav-list")
            yield _section("Evidence", "evidence-title")
            yield BidiText(id="evidence")
            yield _section("Comments", "comments-title")
            yield BidiText(id="comments")
            yield _section("History", "history-title")
            yield BidiText(id="history")
        yield StableFooter()  # the screen is reused: its keys are built once, not on every opening

    def reopen(self) -> None:
        """Called just before this (reused) screen is pushed again: see `on_screen_resume`."""
        self._reopening = True

    def _style_inputs(self) -> tuple[object, ...]:
        app = self.app
        return app._css_update_count, app.theme, app.ansi_color, app.app_focus  # noqa: SLF001

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Textual restyles every widget of a screen it pushes. This screen is reused, and its styles
        still hold when what they were computed from (the CSS and theme, the terminal's focus) has not
        changed since: a reopening then skips that pass (a large part of opening a claim)."""
        inputs = self._style_inputs()
        if self._reopening and inputs == self._styled_for:
            event.refresh_styles = False  # Screen's own handler runs after this one, with the flag
        self._reopening = False
        self.whole_paragraph = False  # the context shows the span's sentences, or (p) its whole paragraph
        self._styled_for = inputs

    def on_mount(self) -> None:
        if self.detail is not None and self.detail.claim.id == self.claim_id:
            self.show(self.detail)
        else:
            self.reload()

    @work(thread=True, exclusive=True, group="detail")
    def reload(self) -> None:
        try:
            detail = self.capp.store.detail(self.claim_id)
        except services.ClaimtrackError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self.show, detail)

    def show(self, d: queries.ClaimDetail, top: bool = False) -> None:
        """Fill every widget from `d`; `top` scrolls back to the start (a different claim)."""
        self.detail = d
        self.claim_id = d.claim.id  # type: ignore[assignment]
        if top:
            self.query_one("#claim-body", VerticalScroll).scroll_to(y=0, animate=False, immediate=True)
        c = d.claim
        head = Text()
        head.append(f" Claim {c.id} ", style="bold reverse")
        head.append("  ")
        head.append(c.state.value, style=STATE_STYLE.get(c.state.value, ""))
        head.append(" · verdict ")
        head.append(c.verdict.value, style=VERDICT_STYLE.get(c.verdict.value, ""))
        head.append(f" · {c.kind.value} · {c.language} · version {c.version}")
        if c.merged_into_id:
            head.append(f" · MERGED into {c.merged_into_id}", style="bold yellow")
        head.append(f"\n assignee {d.assignee or '—'} · investigator {d.investigator or '—'} · "
                    f"reviewer {d.reviewer or '—'} · tags {bidi.line(', '.join(c.tags), self.capp.bidi_mode) if c.tags else '—'}")
        self.query_one("#claim-header", Static).update(bidi.mark_bidi_controls(head))
        self.query_one("#claim-text", BidiText).update(Text(c.text, style="bold"))
        self._show_context(d)
        self.query_one("#claim-claimant", BidiText).update(self._claimant_text(d))
        self.query_one("#claim-rationale", BidiText).update(Text(c.rationale or "—"))
        self._fill_appearances(d)
        self._fill_links(d)
        self.query_one("#evidence", BidiText).update(self._evidence_text(d))
        comments = Text()
        for i, (cm, who) in enumerate(d.comments):
            if i:
                comments.append("\n")
            comments.append(f"{cm.created_at:%Y-%m-%d %H:%M} {who or '?'}: ", style="bold")
            comments.append(cm.body)
        self.query_one("#comments", BidiText).update(comments if d.comments else Text("—", style="dim"))
        self.query_one("#history", BidiText).update(history_text(d.events, d.handles))
        self._titles(d)

    def _show_context(self, d: queries.ClaimDetail) -> None:
        """The first appearance's span in its sentences (or, after p, its whole paragraph)."""
        title = Text("In context", style="bold underline")
        if d.appearances:
            a = d.appearances[0]
            text, start, end = a.document.text, a.appearance.start, a.appearance.end
            self.query_one("#claim-context", BidiText).update(
                quote_in_context(text, start, end, whole=self.whole_paragraph))
            if is_shortened(text, start, end):
                title.append(" (p: only the sentences around it)" if self.whole_paragraph else
                             " (p: the whole paragraph)", style="dim")
        else:
            self.query_one("#claim-context", BidiText).update(Text("(no appearance)", style="dim"))
        self.query_one("#context-title", Label).update(title)

    def action_paragraph(self) -> None:
        self.whole_paragraph = not self.whole_paragraph
        if self.detail is not None:
            self._show_context(self.detail)

    def _titles(self, d: queries.ClaimDetail) -> None:
        """Every list's title carries its count (and the links their count per relation)."""
        per: dict[str, int] = {}
        for lv in d.links:
            label = link_label(lv.link.relation.value, lv.outgoing).replace("_", " ").capitalize()
            per[label] = per.get(label, 0) + 1
        for wid, title, n, detail in (
                ("#appearances-title", "Appearances", len(d.appearances), "enter opens the article"),
                ("#links-title", "Related claims", len(d.links), " · ".join(f"{k} {v}" for k, v in per.items())),
                ("#evidence-title", "Evidence", len(d.evidence), ""),
                ("#comments-title", "Comments", len(d.comments), ""),
                ("#history-title", "History", len(d.events), "")):
            self.query_one(wid, Label).update(counted(title, n, detail))

    def _claimant_text(self, d: queries.ClaimDetail) -> Text:
        t = Text()
        if d.claimant:
            a = d.claimant
            t.append(a.canonical_name, style="bold")
            names = [n for n in (a.name_ar, a.name_en) if n and n != a.canonical_name]
            if names:
                t.append(" (" + " / ".join(names) + ")")
            if a.title:
                t.append(f", {a.title}")
            if d.affiliations:
                t.append(" → " + " → ".join(x.canonical_name for x in d.affiliations))
        else:
            t.append("unknown claimant", style="dim")
        stated = sorted({a.appearance.stated_on for a in d.appearances if a.appearance.stated_on})
        seen = f"{d.claim.first_seen:%Y-%m-%d}" if d.claim.first_seen else "—"
        t.append(f"\nstated on: {', '.join(stated) or '—'} · event date: {d.claim.event_date or '—'} · "
                 f"first seen: {seen}")
        return t

    def _fill_appearances(self, d: queries.ClaimDetail) -> None:
        ol = self.query_one("#appearances", OptionList)
        ol.clear_options()
        mode = self.capp.bidi_mode
        for av in d.appearances:
            doc, a = av.document, av.appearance
            p = Text(f"doc {doc.id} · ")
            p.append_text(bidi.cell(av.outlet or "?", mode, 24))
            if av.outlet_reliability:
                p.append(f" ({av.outlet_reliability})", style="bold")
            p.append(f" · {doc.published or '?'} · ")
            p.append_text(bidi.cell(doc.title or doc.origin_name or "", mode, 40))
            quote = Text(f"{a.claimant_surface or av.claimant or '?'} {a.cue or ''}: «{a.quote}»")
            p.append("\n   ")
            p.append_text(bidi.hanging(Text(""), quote, mode, self._list_width() - 3, max_lines=2))
            ol.add_option(Option(p, id=f"{doc.id}:{a.id}"))
        if not d.appearances:
            ol.add_option(Option(Text("—"), disabled=True))

    def _fill_links(self, d: queries.ClaimDetail) -> None:
        ol = self.query_one("#links", OptionList)
        ol.clear_options()
        mode = self.capp.bidi_mode
        for lv in d.links:
            rel = lv.link.relation.value
            label = link_label(rel, lv.outgoing)
            p = Text(f"{label:<15} ", style="bold red" if "den" in label or "contradict" in label else "bold")
            p.append(f"#{lv.other.id:<6} ")
            p.append_text(badge(lv.other.state.value, STATE_BADGE))
            p.append(f" {lv.link.origin.value:<6} ", style="dim")
            body = Text(f"{lv.other_claimant or '?'}: {lv.other.text}")
            ol.add_option(Option(bidi.hanging(p, body, mode, self._list_width(), max_lines=2),
                                 id=f"{lv.other.id}:{lv.link.id}"))  # one claim can be related twice (denies and supports)
        if not d.links:
            ol.add_option(Option(Text("—"), disabled=True))

    def _list_width(self) -> int:
        """The text width of the navigable lists (the screen's, before the first layout)."""
        width = self.query_one("#links", OptionList).scrollable_content_region.width
        return (width or self.app.size.width - 4) - 2

    def _evidence_text(self, d: queries.ClaimDetail) -> Text:
        t = Text()
        if not d.evidence:
            return Text("— no evidence yet (e adds some)", style="dim")
        for ev in d.evidence:
            e = ev.evidence
            t.append(f"[{ev.stance}]", style=STANCE_STYLE.get(ev.stance, ""))
            t.append(f" {e.grade} ", style="bold reverse")
            t.append(f" {e.kind.value}: ")
            t.append(e.title or e.url or e.file_path or "")
            if e.url and e.title:
                t.append(f" <{e.url}>", style="underline")
            t.append(f"  by {ev.by or '?'}\n", style="dim")
            t.append(f"    {grade_label(e.reliability, e.credibility)}\n", style="dim italic")
            if e.excerpt:
                t.append("    “")
                t.append(e.excerpt)
                t.append("”\n")
        return t

    @on(OptionList.OptionSelected, "#links")
    def _open_link(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.capp.open_claim(int(event.option.id.split(":")[0]))

    @on(OptionList.OptionSelected, "#appearances")
    def _open_doc(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            doc_id, app_id = event.option.id.split(":")
            self.capp.open_document(int(doc_id), appearance_id=int(app_id))

    def action_document(self) -> None:
        if self.detail and self.detail.appearances:
            a = self.detail.appearances[0]
            self.capp.open_document(a.document.id, appearance_id=a.appearance.id)  # type: ignore[arg-type]

    def action_back(self) -> None:
        self.app.pop_screen()

    def outlet_document_id(self) -> int | None:
        """The highlighted appearance's document, else the first appearance's."""
        ol = self.query_one("#appearances", OptionList)
        if ol.highlighted is not None and (option_id := ol.get_option_at_index(ol.highlighted).id):
            return int(option_id.split(":")[0])
        return self.detail.appearances[0].document.id if self.detail and self.detail.appearances else None

    def after_outlet_reliability(self, message: str | None) -> None:
        super().after_outlet_reliability(message)
        if message:
            self.reload()

    def action_find_evidence(self) -> None:
        from tui.screens.find_evidence import FindEvidenceScreen

        self.app.push_screen(FindEvidenceScreen(self.claim_id))

    def action_reload(self) -> None:
        self.reload()

    def current_ref(self) -> tuple[int, int] | None:
        return (self.detail.claim.id, self.detail.claim.version) if self.detail else None  # type: ignore[return-value]

    def displayed_detail(self) -> queries.ClaimDetail | None:
        return self.detail

    def after_action(self, message: str | None) -> None:
        super().after_action(message)
        self.reload()

    def on_database_changed(self, _message: DatabaseChanged) -> None:
        self.reload()

    def refresh_bidi(self) -> None:
        for w in self.query(BidiText):
            w.refresh(layout=True)
        if self.detail:
            self.show(self.detail)
