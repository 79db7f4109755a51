"""Screens that act on "the current claim": the queue (highlighted row) and the claim screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from claimtrack import queries
    from tui.app import ClaimtrackApp

CLAIM_BINDINGS = [
    Binding("t", "state", "State", id="claim.state", tooltip="Change the workflow state"),
    Binding("v", "verdict", "Verdict", id="claim.verdict", tooltip="Set verdict and rationale"),
    Binding("e", "evidence", "Evidence", id="claim.evidence", tooltip="Add evidence with an Admiralty grade"),
    Binding("l", "link", "Link", id="claim.link", tooltip="Relate to another claim"),
    Binding("M", "merge", "Merge", id="claim.merge", tooltip="Mark as duplicate of another claim"),
    Binding("U", "unmerge", "Unmerge", id="claim.unmerge", show=False, tooltip="Undo a merge"),
    Binding("a", "assign", "Assign", id="claim.assign", tooltip="Assign to an analyst"),
    Binding("T", "tags", "Tags", id="claim.tags", show=False, tooltip="Edit the claim's tags"),
    Binding("c", "comment", "Comment", id="claim.comment", tooltip="Add a comment"),
    Binding("x", "export", "Export", id="claim.export", tooltip="Export a report for this claim"),
]


class ClaimActionScreen(Screen[None]):
    """Runs the claim actions on `current_ref()`; subclasses reload in `after_action`."""

    @property
    def capp(self) -> ClaimtrackApp:
        return self.app  # type: ignore[return-value]

    def current_ref(self) -> tuple[int, int] | None:
        """(claim id, the version on screen) of the claim the actions apply to."""
        raise NotImplementedError

    def displayed_detail(self) -> queries.ClaimDetail | None:
        """The detail already on screen, if any (the claim screen has one)."""
        return None

    def after_action(self, message: str | None) -> None:
        if message:
            self.notify(message, markup=False)

    def open_dialog(self, make: Callable[[queries.ClaimDetail, int], ModalScreen[str | None]]) -> None:
        ref = self.current_ref()
        if ref is None:
            self.notify("No claim selected.", severity="warning", markup=False)
            return
        detail = self.displayed_detail()
        if detail is not None:
            self.app.push_screen(make(detail, ref[1]), self.after_action)
        else:
            self._load_then_open(ref, make)

    @work(thread=True, exclusive=True, group="open-action")
    def _load_then_open(self, ref: tuple[int, int],
                        make: Callable[[queries.ClaimDetail, int], ModalScreen[str | None]]) -> None:
        from claimtrack.services import ClaimtrackError

        try:
            detail = self.capp.store.detail(ref[0])
        except ClaimtrackError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self.app.push_screen, make(detail, ref[1]), self.after_action)

    def action_state(self) -> None:
        from tui.screens.modals import StateModal

        self.open_dialog(lambda d, v: StateModal(d.claim.id, v, d.claim.state))  # type: ignore[arg-type]

    def action_verdict(self) -> None:
        from tui.screens.modals import VerdictModal

        self.open_dialog(lambda d, v: VerdictModal(d.claim.id, v, d.claim.verdict, d.claim.rationale))  # type: ignore[arg-type]

    def action_evidence(self) -> None:
        from tui.screens.forms import EvidenceModal

        self.open_dialog(lambda d, v: EvidenceModal(d.claim.id, v))

    def action_link(self) -> None:
        from tui.screens.forms import LinkModal

        self.open_dialog(lambda d, v: LinkModal(d.claim.id))  # type: ignore[arg-type]

    def action_merge(self) -> None:
        from tui.screens.forms import LinkModal

        self.open_dialog(lambda d, v: LinkModal(d.claim.id, merge=True))  # type: ignore[arg-type]

    def action_unmerge(self) -> None:
        from tui.screens.modals import UnmergeModal

        self.open_dialog(lambda d, v: UnmergeModal(d.claim.id, v))

    def action_assign(self) -> None:
        from tui.screens.modals import AssignModal

        analysts = self.capp.analysts
        if analysts:
            self.open_dialog(lambda d, v: AssignModal(d.claim.id, v, analysts, d.assignee))  # type: ignore[arg-type]
        else:
            self._assign_with_analysts()

    @work(thread=True, exclusive=True, group="open-action")
    def _assign_with_analysts(self) -> None:
        from tui.screens.modals import AssignModal

        analysts = self.capp.analysts = self.capp.store.analysts()
        self.app.call_from_thread(
            self.open_dialog, lambda d, v: AssignModal(d.claim.id, v, analysts, d.assignee))

    def action_tags(self) -> None:
        from tui.screens.modals import TagsModal

        self.open_dialog(lambda d, v: TagsModal(d.claim.id, v, d.claim.tags))  # type: ignore[arg-type]

    def action_comment(self) -> None:
        from tui.screens.modals import CommentModal

        self.open_dialog(lambda d, v: CommentModal(d.claim.id, v))

    def action_export(self) -> None:
        from tui.screens.forms import ExportModal

        self.open_dialog(lambda d, v: ExportModal(d.claim.id, None))
