"""Action modals: each validates its form, runs one service call in a worker and shows refusals."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from sqlmodel import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from claimtrack import services
from claimtrack.models import Analyst, ClaimState, Role, Verdict
from claimtrack.workflow import RATINGS, TRANSITIONS, WorkflowError
from tui.messages import ActionFinished
from tui.widgets.bidi_input import BidiInput

if TYPE_CHECKING:
    from tui.app import ClaimtrackApp

STATE_HELP = {
    ClaimState.triaged: "worth checking; queue it",
    ClaimState.investigating: "start (or resume) the investigation",
    ClaimState.in_review: "needs a verdict, a rationale and (unless unverifiable) evidence",
    ClaimState.published: "reviewer or admin, never the investigator (four-eyes rule)",
    ClaimState.dismissed: "not check-worthy",
    ClaimState.reopened: "back to work after publishing or dismissing",
}


class ActionModal(ModalScreen[str | None]):
    """A dialog with a form, Save/Cancel, an error line, and a database worker."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="modal.cancel"),
        Binding("ctrl+s", "submit", "Save", id="modal.submit"),
    ]
    TITLE_TEXT = "Action"
    SUBMIT_LABEL = "Save"
    # the first field has the focus as soon as the dialog opens (never the scrolling body)
    AUTO_FOCUS = ".dialog-body Select, .dialog-body Input, .dialog-body TextArea, .dialog-body OptionList, #submit"

    def __init__(self, claim_id: int | None = None, version: int | None = None) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.version = version

    @property
    def capp(self) -> ClaimtrackApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            title = self.TITLE_TEXT + (f" · claim {self.claim_id}" if self.claim_id else "")
            yield Label(Text(title), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield from self.form()
            yield Static(Text(""), id="error", classes="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.SUBMIT_LABEL, variant="primary", id="submit")
                yield Button("Cancel", id="cancel")

    def form(self) -> ComposeResult:
        yield from ()

    def check(self) -> str | None:
        """A validation message, or None when the form is complete."""
        return None

    def perform(self, session: Session, me: Analyst) -> str:
        """Do the work inside one transaction; return the message for the analyst."""
        raise NotImplementedError

    def show_error(self, text: str) -> None:
        self.query_one("#error", Static).update(Text(text, style="bold red"))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        problem = self.check()
        if problem:
            self.show_error(problem)
            return
        self.show_error("")
        self.query_one("#submit", Button).disabled = True
        self.write_in_worker()

    @work(thread=True, exclusive=True, group="action")
    def write_in_worker(self) -> None:
        try:
            text = self.capp.store.write(self.perform)
        except services.ConflictError as exc:
            self.post_message(ActionFinished(False, str(exc), conflict=exc.current, claim_id=self.claim_id))
        except (services.ClaimtrackError, WorkflowError, OSError, ValueError) as exc:
            self.post_message(ActionFinished(False, str(exc)))
        else:
            self.post_message(ActionFinished(True, text, claim_id=self.claim_id))

    def on_action_finished(self, message: ActionFinished) -> None:
        message.stop()
        self.query_one("#submit", Button).disabled = False
        if message.ok:
            self.dismiss(message.text)
        elif message.conflict is not None:
            self.dismiss(None)
            self.app.push_screen(ConflictScreen(message.claim_id or 0, self.version, message.conflict))
        else:
            self.show_error("Refused: " + message.text)


def _help(text: str) -> Static:
    return Static(Text(text, style="dim"), classes="field-help", markup=False)


class StateModal(ActionModal):
    """Move the claim through the workflow; the rules decide, the modal explains."""

    TITLE_TEXT = "Change state"

    def __init__(self, claim_id: int, version: int, current: ClaimState) -> None:
        super().__init__(claim_id, version)
        self.current = current

    def form(self) -> ComposeResult:
        yield Label(Text(f"Now: {self.current.value}. Allowed next states:"))
        options = [(f"{s.value} — {STATE_HELP.get(s, '')}", s) for s in sorted(TRANSITIONS[self.current], key=list(ClaimState).index)]
        yield Select(options, prompt="New state", id="state", allow_blank=True)
        yield Label("Comment (needed to reject a review)")
        yield BidiInput(placeholder="why", id="comment")

    def check(self) -> str | None:
        if self.query_one("#state", Select).is_blank():
            return "Choose the new state."
        return None

    def perform(self, session: Session, me: Analyst) -> str:
        state = self.query_one("#state", Select).value
        note = self.query_one("#comment", Input).value.strip() or None
        claim = services.set_state(session=session, by=me, claim_id=self.claim_id, state=state,  # type: ignore[arg-type]
                                   expected_version=self.version, comment=note)
        return f"Claim {claim.id} is now {claim.state.value}."


class VerdictModal(ActionModal):
    """Set the verdict and its rationale."""

    TITLE_TEXT = "Verdict and rationale"

    def __init__(self, claim_id: int, version: int, verdict: Verdict, rationale: str | None) -> None:
        super().__init__(claim_id, version)
        self.verdict = verdict
        self.rationale = rationale or ""

    def form(self) -> ComposeResult:
        options = [(f"{v.value} — {RATINGS[v][1]}", v) for v in Verdict if v != Verdict.unrated]
        value = self.verdict if self.verdict != Verdict.unrated else Select.NULL
        yield Select(options, prompt="Verdict", id="verdict", value=value)
        yield _help("Any verdict except unverifiable needs at least one piece of evidence.")
        yield Label("Rationale")
        yield TextArea(self.rationale, id="rationale", soft_wrap=True, show_line_numbers=False)

    def check(self) -> str | None:
        if self.query_one("#verdict", Select).is_blank():
            return "Choose a verdict."
        if not self.query_one("#rationale", TextArea).text.strip():
            return "Write a rationale: reviewers and readers need to know why."
        return None

    def perform(self, session: Session, me: Analyst) -> str:
        verdict = self.query_one("#verdict", Select).value
        rationale = self.query_one("#rationale", TextArea).text.strip()
        claim = services.set_verdict(session=session, by=me, claim_id=self.claim_id, verdict=verdict,  # type: ignore[arg-type]
                                     rationale=rationale, expected_version=self.version)
        return f"Claim {claim.id}: verdict {claim.verdict.value}."


class AssignModal(ActionModal):
    """Assign the claim to an analyst (or nobody)."""

    TITLE_TEXT = "Assign"

    def __init__(self, claim_id: int, version: int, analysts: list[tuple[str, str]], current: str | None) -> None:
        super().__init__(claim_id, version)
        self.analysts = analysts
        self.current = current

    def form(self) -> ComposeResult:
        options: list[tuple[Any, str]] = [(Text(f"{h} ({r})"), h) for h, r in self.analysts if r != Role.viewer.value]
        options.append((Text("— nobody —"), ""))
        yield Select(options, prompt="Analyst", id="assignee",
                     value=self.current if self.current in {h for h, _ in self.analysts} else Select.NULL)

    def check(self) -> str | None:
        return "Choose an analyst." if self.query_one("#assignee", Select).is_blank() else None

    def perform(self, session: Session, me: Analyst) -> str:
        who = self.query_one("#assignee", Select).value or None
        claim = services.assign(session=session, by=me, claim_id=self.claim_id, assignee=who,  # type: ignore[arg-type]
                                expected_version=self.version)
        return f"Claim {claim.id} assigned to {who}." if who else f"Claim {claim.id} unassigned."


class TagsModal(ActionModal):
    """Edit the claim's tags: one comma-separated list; tags dropped from it are removed."""

    TITLE_TEXT = "Tags"

    def __init__(self, claim_id: int, version: int, tags: list[str]) -> None:
        super().__init__(claim_id, version)
        self.tags = list(tags)

    def form(self) -> ComposeResult:
        yield Label("Tags (comma-separated)")
        yield BidiInput(", ".join(self.tags), id="tags", placeholder="e.g. economy, elections-2024")
        yield _help("Remove a tag by deleting it from the list. Enter or ctrl+s saves.")

    @on(Input.Submitted, "#tags")
    def _enter(self) -> None:
        self.action_submit()

    def wanted(self) -> list[str]:
        raw = self.query_one("#tags", Input).value
        out: list[str] = []
        for tag in (t.strip() for t in raw.split(",")):
            if tag and tag not in out:
                out.append(tag)
        return out

    def perform(self, session: Session, me: Analyst) -> str:
        wanted = self.wanted()
        claim = services.set_tags(session=session, by=me, claim_id=self.claim_id,  # type: ignore[arg-type]
                                  add=[t for t in wanted if t not in self.tags],
                                  remove=[t for t in self.tags if t not in wanted],
                                  expected_version=self.version)
        return f"Claim {claim.id}: tags {', '.join(claim.tags) or '—'}."


class CommentModal(ActionModal):
    """Add a comment."""

    TITLE_TEXT = "Comment"

    def form(self) -> ComposeResult:
        yield TextArea("", id="body", soft_wrap=True, show_line_numbers=False)

    def check(self) -> str | None:
        return None if self.query_one("#body", TextArea).text.strip() else "The comment is empty."

    def perform(self, session: Session, me: Analyst) -> str:
        services.comment(session=session, by=me, claim_id=self.claim_id,  # type: ignore[arg-type]
                         body=self.query_one("#body", TextArea).text.strip())
        return f"Comment added to claim {self.claim_id}."


class UnmergeModal(ActionModal):
    """Undo a merge: the duplicate comes back to the queue."""

    TITLE_TEXT = "Unmerge"
    SUBMIT_LABEL = "Unmerge"

    def form(self) -> ComposeResult:
        yield Label(Text("Bring this claim back as a separate claim (undo 'duplicate of')?"))

    def perform(self, session: Session, me: Analyst) -> str:
        services.unmerge(session=session, by=me, claim_id=self.claim_id)  # type: ignore[arg-type]
        return f"Claim {self.claim_id} unmerged."


class ConflictScreen(ModalScreen[None]):
    """Someone else changed the claim: show what it is now; nothing was overwritten."""

    BINDINGS = [Binding("escape,enter", "close", "Close", id="conflict.close")]

    def __init__(self, claim_id: int, version: int | None, current: dict[str, Any]) -> None:
        super().__init__()
        self.claim_id, self.version, self.current = claim_id, version, current

    def compose(self) -> ComposeResult:
        body = Text()
        body.append(f"Claim {self.claim_id} was changed by another analyst.\n", style="bold")
        body.append(f"You were editing version {self.version}; it is now version {self.current.get('version')}.\n")
        body.append("Your change was NOT saved. The claim now has:\n\n")
        for key in ("state", "verdict", "rationale", "tags", "merged_into_id"):
            body.append(f"  {key:<15}", style="bold")
            body.append(f"{self.current.get(key)}\n")
        body.append("\nThe screen has been reloaded; check the new values and try again.")
        with Vertical(classes="dialog conflict"):
            yield Label(Text("Conflict: stale edit"), classes="dialog-title")
            yield Static(body, markup=False)
            yield Button("OK", id="ok", variant="warning")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    @on(Button.Pressed)
    def action_close(self) -> None:
        self.dismiss(None)
