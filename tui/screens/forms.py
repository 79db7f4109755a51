"""Evidence, link/merge (with a claim search picker), export and filter dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from sqlmodel import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from claimtrack import queries, services
from claimtrack.models import Analyst, ClaimKind, ClaimState, LinkRelation, Stance, Verdict
from tui import bidi
from tui.screens.modals import ActionModal, _help
from tui.widgets.bidi_input import BidiInput

SOURCE_KINDS = (("url", "URL (http/https)"), ("file", "File on disk"), ("document", "Existing document (id)"),
                ("note", "Note"))
RELATION_HELP = {
    LinkRelation.denies: "this claim denies the other",
    LinkRelation.contradicts: "the two cannot both be true",
    LinkRelation.supports: "this claim supports the other",
    LinkRelation.repeats: "this claim repeats the other",
    LinkRelation.duplicate_of: "same claim (use merge to hide it)",
    LinkRelation.updates: "this claim updates the other",
}


def grade_label(reliability: str, credibility: int) -> str:
    """"B2 · Usually reliable · Probably true"."""
    return (f"{reliability}{credibility} · {services.ADMIRALTY_RELIABILITY.get(reliability, '?')} · "
            f"{services.ADMIRALTY_CREDIBILITY.get(credibility, '?')}")


class GradedModal(ActionModal):
    """A dialog with #reliability and #credibility selects whose grade is previewed in #grade."""

    @on(Select.Changed, "#reliability")
    @on(Select.Changed, "#credibility")
    def _grade(self) -> None:
        r = self.query_one("#reliability", Select).value
        c = self.query_one("#credibility", Select).value
        self.query_one("#grade", Static).update(Text(grade_label(str(r), int(str(c))), style="bold"))


class EvidenceModal(GradedModal):
    """Attach a source with a stance and an Admiralty grade."""

    TITLE_TEXT = "Add evidence"

    def form(self) -> ComposeResult:
        yield Select([(label, key) for key, label in SOURCE_KINDS], value="url", allow_blank=False, id="kind")
        yield BidiInput(placeholder="https://…", id="source")
        yield Label("Stance")
        yield Select([(s.value, s) for s in Stance], prompt="Stance", id="stance")
        yield Label("Source reliability (A–F)")
        yield Select([(f"{k} — {v}", k) for k, v in services.ADMIRALTY_RELIABILITY.items()],
                     value="F", allow_blank=False, id="reliability")
        yield Label("Information credibility (1–6)")
        yield Select([(f"{k} — {v}", k) for k, v in services.ADMIRALTY_CREDIBILITY.items()],
                     value=6, allow_blank=False, id="credibility")
        yield Static(Text(grade_label("F", 6), style="bold"), id="grade", markup=False)
        yield Label("Excerpt (optional)")
        yield BidiInput(placeholder="the relevant passage", id="excerpt")
        yield Label("Title (optional)")
        yield BidiInput(id="title")

    @on(Select.Changed, "#kind")
    def _kind(self, event: Select.Changed) -> None:
        hints = {"url": "https://…", "file": "/path/to/file", "document": "document id, e.g. 3",
                 "note": "what you found"}
        self.query_one("#source", Input).placeholder = hints.get(str(event.value), "")

    def check(self) -> str | None:
        kind = self.query_one("#kind", Select).value
        source = self.query_one("#source", Input).value.strip()
        if not source:
            return "Give the source: a URL, a file path, a document id or a note."
        if kind == "url" and not source.startswith(("http://", "https://")):
            return "A URL must start with http:// or https://."
        if kind == "document" and not source.isdigit():
            return "A document is given by its numeric id."
        if kind == "file" and not Path(source).expanduser().is_file():
            return f"No such file: {source}"
        if self.query_one("#stance", Select).is_blank():
            return "Choose a stance: supports, refutes or context."
        return None

    def perform(self, session: Session, me: Analyst) -> str:
        kind = self.query_one("#kind", Select).value
        source = self.query_one("#source", Input).value.strip()
        args: dict[str, Any] = {"url": None, "file": None, "document_id": None, "note": None}
        args[{"url": "url", "file": "file", "document": "document_id", "note": "note"}[str(kind)]] = (
            int(source) if kind == "document" else str(Path(source).expanduser()) if kind == "file" else source)
        ev = services.add_evidence(
            session=session, by=me, claim_id=self.claim_id, stance=self.query_one("#stance", Select).value,  # type: ignore[arg-type]
            reliability=str(self.query_one("#reliability", Select).value),
            credibility=int(str(self.query_one("#credibility", Select).value)),
            excerpt=self.query_one("#excerpt", Input).value.strip() or None,
            title=self.query_one("#title", Input).value.strip() or None, **args)
        return f"Evidence {ev.grade} added to claim {self.claim_id}."


class LinkModal(ActionModal):
    """Relate this claim to another, found with a search picker; `merge=True` marks it a duplicate."""

    TITLE_TEXT = "Link claims"

    def __init__(self, claim_id: int, merge: bool = False) -> None:
        super().__init__(claim_id)
        self.merge = merge
        self.target: int | None = None
        if merge:
            self.TITLE_TEXT, self.SUBMIT_LABEL = "Merge: mark as duplicate of…", "Merge"

    def form(self) -> ComposeResult:
        if self.merge:
            yield _help("This claim will be hidden from the queue as a duplicate of the one you pick "
                        "(reversible with unmerge).")
        yield BidiInput(placeholder="search the other claim by words or #id", id="picker-search")
        yield OptionList(id="picker")
        yield Static(Text("No claim picked yet.", style="dim"), id="picked", markup=False)
        if not self.merge:
            yield Label(Text(f"Claim {self.claim_id} …"))
            yield Select([(f"{r.value} — {RELATION_HELP[r]}", r) for r in LinkRelation], prompt="Relation",
                         id="relation")

    def on_mount(self) -> None:
        self.find("")

    @on(Input.Changed, "#picker-search")
    def _search(self, event: Input.Changed) -> None:
        self.find(event.value)

    @on(Input.Submitted, "#picker-search")
    def _to_list(self) -> None:
        self.set_focus(self.query_one("#picker", OptionList))

    @work(thread=True, exclusive=True, group="picker")
    def find(self, text: str) -> None:
        rows = self.capp.store.search(text, limit=30, exclude=self.claim_id) if text.strip() else \
            self.capp.store.page(self.capp.queue_query(), limit=30)
        rows = [r for r in rows if r.id != self.claim_id]
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[queries.ClaimRow]) -> None:
        picker = self.query_one("#picker", OptionList)
        picker.clear_options()
        if not picker.size.width:  # not laid out yet: wrap at the real width, once it is known
            self.call_after_refresh(self._show, rows)
            return
        mode = self.capp.bidi_mode
        width = picker.scrollable_content_region.width - 3  # room for the scrollbar a long list gets
        for r in rows:
            prompt = bidi.hanging(Text(f"#{r.id:<6} {r.kind:<10} "), Text(f"{r.claimant}: {r.text}"), mode, width)
            picker.add_option(Option(prompt, id=str(r.id)))

    @on(OptionList.OptionSelected, "#picker")
    @on(OptionList.OptionHighlighted, "#picker")
    def _pick(self, event: OptionList.OptionSelected | OptionList.OptionHighlighted) -> None:
        self.target = int(event.option.id or 0)
        self.query_one("#picked", Static).update(Text(f"Picked claim {self.target}.", style="bold"))

    def check(self) -> str | None:
        if not self.merge and self.query_one("#relation", Select).is_blank():
            return "Choose the relation."
        if not self.target:
            return "Pick the other claim from the list."
        return None

    def perform(self, session: Session, me: Analyst) -> str:
        if self.merge:
            services.merge(session=session, by=me, keep_id=self.target, duplicate_id=self.claim_id)  # type: ignore[arg-type]
            return f"Claim {self.claim_id} merged into {self.target} (unmerge to undo)."
        rel = self.query_one("#relation", Select).value
        services.link_claims(session=session, by=me, source_id=self.claim_id, relation=rel,  # type: ignore[arg-type]
                             target_id=self.target)  # type: ignore[arg-type]
        return f"Linked: claim {self.claim_id} {rel.value} claim {self.target}."  # type: ignore[union-attr]


class ExportModal(ActionModal):
    """Write a report for one claim or for the current filter (claimtrack.reports.write_report)."""

    TITLE_TEXT = "Export report"
    SUBMIT_LABEL = "Export"

    def __init__(self, claim_id: int | None, filt: queries.ClaimFilter | None) -> None:
        super().__init__(claim_id)
        self.filt = filt

    def form(self) -> ComposeResult:
        scope = f"claim {self.claim_id}" if self.claim_id else "every claim matching the current filter"
        yield Label(Text(f"Report on {scope}"))
        yield Select([(f, f) for f in ("html", "md", "pdf", "json", "csv")], value="html", allow_blank=False,
                     id="fmt")
        yield Select([("English", "en"), ("العربية", "ar")], value="en", allow_blank=False, id="lang")
        default = f"reports/claim-{self.claim_id}.html" if self.claim_id else "reports/claims.html"
        yield BidiInput(default, id="path")

    @on(Select.Changed, "#fmt")
    def _fmt(self, event: Select.Changed) -> None:
        path = self.query_one("#path", Input)
        stem = path.value.rsplit(".", 1)[0] if "." in Path(path.value).name else path.value
        path.value = f"{stem}.{event.value}"

    def check(self) -> str | None:
        return None if self.query_one("#path", Input).value.strip() else "Type the file to write."

    @work(thread=True, exclusive=True, group="action")
    def write_in_worker(self) -> None:
        from tui.messages import ActionFinished

        fmt = str(self.query_one("#fmt", Select).value)
        lang = str(self.query_one("#lang", Select).value)
        out = Path(self.query_one("#path", Input).value.strip()).expanduser()
        try:
            from claimtrack import reports

            out.parent.mkdir(parents=True, exist_ok=True)
            settings = getattr(self.capp, "settings", None)
            binary = fmt == "pdf"
            with out.open("wb") if binary else out.open("w", encoding="utf-8", newline="") as fh:
                self.capp.store.read(lambda s: reports.write_report(
                    session=s, filt=None if self.claim_id else self.filt, claim_id=self.claim_id, fmt=fmt, out=fh,
                    lang=lang, template=None, settings=settings, excel=False))
        except ImportError:
            self.post_message(ActionFinished(False, "reports are not available in this build"))
        except Exception as exc:  # noqa: BLE001 - any failure is shown to the analyst, nothing crashes
            self.post_message(ActionFinished(False, f"{type(exc).__name__}: {exc}"))
        else:
            self.post_message(ActionFinished(True, f"Report written to {out}"))


class FilterModal(ModalScreen[queries.ClaimFilter | None]):
    """Queue filters: state, verdict, kind, claimant, language, assignee, tag."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="filter.apply"),
    ]
    AUTO_FOCUS = "Select"

    def __init__(self, filt: queries.ClaimFilter) -> None:
        super().__init__()
        self.filt = filt

    def compose(self) -> ComposeResult:
        f = self.filt
        with Vertical(classes="dialog"):
            yield Label("Filter the queue", classes="dialog-title")
            yield Select([(s.value, s) for s in ClaimState], prompt="any state", id="f-state",
                         value=f.state or Select.NULL)
            yield Select([(v.value, v) for v in Verdict], prompt="any verdict", id="f-verdict",
                         value=f.verdict or Select.NULL)
            yield Select([(k.value, k) for k in ClaimKind], prompt="any kind", id="f-kind",
                         value=f.kind or Select.NULL)
            yield Select([("Arabic", "ar"), ("English", "en")], prompt="any language", id="f-language",
                         value=f.language or Select.NULL)
            yield BidiInput(f.claimant or "", placeholder="claimant name contains…", id="f-claimant")
            yield BidiInput(f.assignee or "", placeholder="assignee handle", id="f-assignee")
            yield BidiInput(f.tag or "", placeholder="tag", id="f-tag")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply", variant="primary", id="apply")
                yield Button("Clear", id="clear")
                yield Button("Cancel", id="cancel")

    def _value(self, sel: str) -> Any:
        w = self.query_one(sel, Select)
        return None if w.is_blank() else w.value

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        f = queries.ClaimFilter(
            state=self._value("#f-state"), verdict=self._value("#f-verdict"), kind=self._value("#f-kind"),
            language=self._value("#f-language"),
            claimant=self.query_one("#f-claimant", Input).value.strip() or None,
            assignee=self.query_one("#f-assignee", Input).value.strip() or None,
            tag=self.query_one("#f-tag", Input).value.strip() or None, search=self.filt.search)
        self.dismiss(f)

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self.dismiss(queries.ClaimFilter(search=self.filt.search))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
