"""The queue's preview pane: the highlighted claim's quote, claimant, dates and link counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.timer import Timer

from tui.widgets.bidi_text import BidiText
from tui.widgets.claim_table import STATE_BADGE, VERDICT_BADGE, badge

if TYPE_CHECKING:
    from claimtrack import queries
    from claimtrack.listing import ClaimRow

INVERSE = {"denies": "denied by", "contradicts": "contradicted by", "supports": "supported by",
           "repeats": "repeated by", "duplicate_of": "has duplicate", "updates": "updated by"}
DELAY = 0.12  # seconds the cursor rests on a row before its details are read


def link_label(relation: str, outgoing: bool) -> str:
    """"denies" for a link from this claim, "denied by" for one to it."""
    return relation if outgoing else INVERSE.get(relation, relation + " (in)")


def link_counts(links: list[tuple[str, bool, int]]) -> str:
    """"Denies 2 · Denied by 1" (or "no links")."""
    parts = [f"{link_label(rel, out).replace('_', ' ').capitalize()} {n}" for rel, out, n in links]
    return " · ".join(parts) if parts else "no links"


class ClaimPreview(VerticalScroll):
    """Shows the highlighted claim's details once the cursor rests on it."""

    can_focus = False

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.shown_id: int | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield BidiText(Text("No claim selected.", style="dim"), id="preview-text")

    def follow(self, row: ClaimRow | None, force: bool = False) -> None:
        """Show `row`'s details once the cursor has rested on it for DELAY seconds."""
        if row is None:
            self.shown_id = None
            self.query_one(BidiText).update(Text("No claim selected.", style="dim"))
            return
        if row.id == self.shown_id and not force:
            return
        self.shown_id = row.id
        # nothing is painted per key: the pane changes once the cursor rests (moving stays fast)
        if self._timer is None:
            self._timer = self.set_timer(DELAY, self._rested)
        else:
            self._timer.reset()

    def pause(self) -> None:
        """The analyst leaves the queue (a claim opens): read and paint nothing meanwhile (a late pane
        would cost the claim screen a frame); `follow` on the way back reads the row again."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.shown_id = None  # details still on their way are dropped

    def _rested(self) -> None:
        self._timer = None
        if self.shown_id is not None:
            self.load(self.shown_id)

    @work(thread=True, exclusive=True, group="preview")
    def load(self, claim_id: int) -> None:
        from claimtrack.services import ClaimtrackError

        try:
            summary = self.app.store.summary(claim_id)  # type: ignore[attr-defined]
        except ClaimtrackError:
            return
        self.app.call_from_thread(self._show, summary)

    def _head(self, cid: int, state: str, verdict: str, kind: str, text: str, claimant: str | None) -> Text:
        t = Text()
        t.append(f" #{cid} ", style="bold reverse")
        t.append(" ")
        t.append_text(badge(state, STATE_BADGE))
        t.append(" ")
        t.append_text(badge(verdict, VERDICT_BADGE))
        t.append(f" {kind}\n", style="italic")
        t.append(f"{claimant or 'unknown claimant'}\n", style="bold")
        t.append(text)
        return t

    def _show(self, s: queries.ClaimSummary) -> None:
        if s.claim.id != self.shown_id:
            return  # the cursor moved on
        c = s.claim
        t = self._head(c.id, c.state.value, c.verdict.value, c.kind.value, c.text, s.claimant)  # type: ignore[arg-type]
        if s.claimant_title:
            t.append(f"\n{s.claimant_title}", style="dim")
        if s.quote and s.quote != c.text:
            t.append("\n\n«")
            t.append(s.quote, style="italic")
            t.append("»")
        t.append("\n\n")
        where = " · ".join(x for x in (s.outlet, s.document_title) if x)
        if where:
            t.append(where + "\n", style="dim")
        seen = f"{c.first_seen:%Y-%m-%d}" if c.first_seen else "—"
        t.append(f"Stated {', '.join(s.stated_on) or '—'} · event {c.event_date or '—'} · first seen {seen}\n")
        t.append(f"Appearances {s.appearances} · outlets {s.outlets} · evidence {s.evidence} · "
                 f"comments {s.comments}\n")
        t.append(link_counts(s.links), style="bold")
        t.append(f"\nAssignee {s.assignee or '—'} · tags {', '.join(c.tags) if c.tags else '—'}", style="dim")
        self.query_one(BidiText).update(t)
