"""Set an outlet's default Admiralty source reliability (evidence from it defaults to it)."""

from __future__ import annotations

from rich.text import Text
from sqlmodel import Session
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, Select

from claimtrack import services
from claimtrack.models import Analyst
from tui.screens.modals import ActionModal, _help

NO_GRADE = "none"


class OutletReliabilityModal(ActionModal):
    """Choose A-F (or none) for one outlet; saved by `services.set_outlet_reliability` (audited)."""

    TITLE_TEXT = "Outlet reliability"

    def __init__(self, outlet: str, current: str | None) -> None:
        super().__init__()
        self.outlet = outlet
        self.current = current
        self.TITLE_TEXT = f"Outlet reliability · {outlet}"  # shown through Text(): never parsed as markup

    def form(self) -> ComposeResult:
        options = [(f"{k} — {v}", k) for k, v in services.ADMIRALTY_RELIABILITY.items()]
        yield Select([*options, ("none — no default grade", NO_GRADE)], value=self.current or NO_GRADE,
                     allow_blank=False, id="outlet-reliability")
        yield Label(Text(f"Now: {self.current or 'none'}"), id="outlet-current")
        yield _help("Evidence from this outlet's documents defaults to this source reliability.")

    def perform(self, session: Session, me: Analyst) -> str:
        value = str(self.query_one("#outlet-reliability", Select).value)
        grade = None if value == NO_GRADE else value
        outlet = services.set_outlet_reliability(session=session, by=me, name=self.outlet, reliability=grade)
        return f"Outlet {outlet.name}: default reliability {outlet.reliability or 'none'}."


def outlet_binding(screen: str, show: bool = True) -> Binding:
    """`R`: the outlet reliability dialog, with an id naming the screen that carries it."""
    return Binding("R", "outlet_reliability", "Outlet reliability", id=f"{screen}.outlet_reliability", show=show,
                   tooltip="Set the outlet's default source reliability (A-F, or none)")


class OutletReliabilityActions:
    """Mixin for screens showing a document: `R` opens the reliability dialog for its outlet."""

    def outlet_document_id(self) -> int | None:
        """The document whose outlet `R` grades."""
        raise NotImplementedError

    def after_outlet_reliability(self, message: str | None) -> None:
        if message:
            self.notify(message, markup=False)  # type: ignore[attr-defined]

    def action_outlet_reliability(self) -> None:
        document_id = self.outlet_document_id()
        if document_id is None:
            self.notify("No document here, so no outlet to grade.", severity="warning", markup=False)  # type: ignore[attr-defined]
            return
        self._open_outlet_reliability(document_id)

    @work(thread=True, exclusive=True, group="open-outlet")
    def _open_outlet_reliability(self, document_id: int) -> None:
        app = self.app  # type: ignore[attr-defined]
        try:
            found = app.store.document_outlet(document_id)
        except services.ClaimtrackError as exc:
            app.call_from_thread(self.notify, str(exc), severity="error", markup=False)  # type: ignore[attr-defined]
            return
        if found is None:
            app.call_from_thread(self.notify, f"Document {document_id} has no outlet.",  # type: ignore[attr-defined]
                                 severity="warning", markup=False)
            return
        app.call_from_thread(app.push_screen, OutletReliabilityModal(*found), self.after_outlet_reliability)
