"""The TUI's window on the core: read sessions and write transactions, never SQL of its own.

Every method here blocks; screens call them from `@work(thread=True)` workers only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session

from claimtrack import db, queries, search, services
from claimtrack.models import Analyst, LinkOrigin, LinkRelation, Role
from tui.query import PAGE_SIZE, QueueQuery  # noqa: F401  (re-exported)

T = TypeVar("T")

claim_number = search.claim_id_of  # the claim id typed as `#123` or `123`, else None


def suggestion_reasons(signals: dict[str, Any], claimant: str | None, other: str | None) -> list[str]:
    """The matcher's signals as short phrases an analyst can read."""
    out = [f"same claimant: {claimant}" if claimant == other else f"claimants: {other or '?'} / {claimant or '?'}"]
    for key, value in signals.items():
        if key == "claimant" or value in (None, "", [], {}):
            continue
        shown = f"{value:.2f}" if isinstance(value, float) else _reason_value(value)
        out.append(f"{key.replace('_', ' ')}: {shown}")
    return out


@dataclass(slots=True)
class SuggestionView:
    """One suggestion as the suggestions screen shows it."""

    kind: str  # "duplicate" or "cross-document"
    first: int
    second: int
    score: float
    reasons: list[str]
    first_text: str
    second_text: str
    first_claimant: str
    second_claimant: str
    relation: str
    link_id: int | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    suggestion_id: int | None = None


Decision = tuple[str, Callable[[Session, Analyst], str]]


def _reason_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _decide_duplicate(sug: SuggestionView, accept: bool, s: Session, me: Analyst) -> Decision:
    """Accept (merge, or `repeats` for a related claim) or reject a stored suggestion; undo reopens it."""
    from claimtrack.tracking import actions

    keep, dup, sid = sug.first, sug.second, sug.suggestion_id or 0
    if accept:
        done = actions.accept_suggestion(session=s, by=me, suggestion_id=sid)

        def undo_accept(s: Session, me: Analyst) -> str:
            merged = services.get_claim(session=s, claim_id=dup).merged_into_id
            if merged is not None:
                services.unmerge(session=s, by=me, claim_id=dup)
            else:
                services.unlink_pair(session=s, by=me, source_id=dup, relation=LinkRelation.repeats, target_id=keep)
            actions.reopen_suggestion(session=s, by=me, suggestion_id=sid)
            return f"Undone: claims {keep} and {dup} are suggested again."
        return f"Accepted: {done}.", undo_accept
    actions.reject_suggestion(session=s, by=me, suggestion_id=sid)

    def restore(s: Session, me: Analyst) -> str:
        actions.reopen_suggestion(session=s, by=me, suggestion_id=sid)
        return f"Undone: claims {keep} and {dup} are suggested again."
    return f"Rejected: claims {keep} and {dup} will not be suggested again.", restore


def _decide_link(sug: SuggestionView, accept: bool, s: Session, me: Analyst) -> Decision:
    link_id, src, dst = sug.link_id or 0, sug.first, sug.second
    if accept:
        services.confirm_link(session=s, by=me, link_id=link_id)

        def unconfirm(s: Session, me: Analyst) -> str:
            services.confirm_link(session=s, by=me, link_id=link_id, undo=True)
            return f"Undone: the link {src} {sug.relation} {dst} is automatic again."
        return f"Confirmed: claim {src} {sug.relation} claim {dst}.", unconfirm
    services.unlink(session=s, by=me, link_id=link_id)
    services.reject_link_suggestion(session=s, by=me, first_id=src, second_id=dst)

    def relink(s: Session, me: Analyst) -> str:
        services.link_claims(session=s, by=me, source_id=src, relation=LinkRelation(sug.relation), target_id=dst,
                             origin=LinkOrigin.auto, evidence=sug.evidence)
        services.reject_link_suggestion(session=s, by=me, first_id=src, second_id=dst, undo=True)
        return f"Undone: the link {src} {sug.relation} {dst} is back."
    return f"Rejected: the link {src} {sug.relation} {dst} was removed.", relink


class Store:
    """Database access for one analyst."""

    def __init__(self, engine: Engine, analyst: str) -> None:
        self.engine = engine
        self.handle = analyst
        self.read_engine = engine
        if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
            # reads must not take the write lock (the write engine begins IMMEDIATE)
            self.read_engine = db.make_read_engine(engine.url.render_as_string(hide_password=False))
        self.watcher = db.ChangeWatcher(self.read_engine)

    def ensure_analyst(self) -> Analyst:
        with db.atomic(self.engine) as s:
            return services.ensure_analyst(session=s, handle=self.handle)

    def read(self, fn: Callable[[Session], T]) -> T:
        with db.session(self.read_engine) as s:
            return fn(s)

    def write(self, fn: Callable[[Session, Analyst], T]) -> T:
        """Run `fn(session, me)` in one write transaction (services do the work)."""
        with db.atomic(self.engine) as s:
            me = services.get_analyst(session=s, handle=self.handle)
            return fn(s, me)

    def role(self) -> Role:
        return self.read(lambda s: services.get_analyst(session=s, handle=self.handle).role)

    # --- queue ---------------------------------------------------------------------------------

    def page(self, q: QueueQuery, after: tuple[Any, int] | None = None, backwards: bool = False,
             limit: int = PAGE_SIZE) -> list[queries.ClaimRow]:
        """One page after (or, backwards, before) the keyset `after`."""
        def run(s: Session) -> list[queries.ClaimRow]:
            rows = queries.page_claims(session=s, filt=q.filt, sort=q.sort,
                                       descending=q.descending != backwards, limit=limit, after=after)
            return rows[::-1] if backwards else rows
        return self.read(run)

    def count(self, q: QueueQuery) -> int:
        return self.read(lambda s: queries.count_claims(session=s, filt=q.filt))

    def summary(self, claim_id: int) -> queries.ClaimSummary:
        return self.read(lambda s: queries.claim_summary(session=s, claim_id=claim_id))

    def detail(self, claim_id: int) -> queries.ClaimDetail:
        return self.read(lambda s: queries.claim_detail(session=s, claim_id=claim_id))

    def document(self, document_id: int) -> tuple[Any, list[Any]]:
        from claimtrack.models import Document

        def run(s: Session) -> tuple[Any, list[Any]]:
            doc = s.get(Document, document_id)
            if doc is None:
                raise services.NotFoundError(f"no document with id {document_id}")
            return doc, queries.document_claims(session=s, document_id=document_id)
        return self.read(run)

    def document_outlet(self, document_id: int) -> tuple[str, str | None] | None:
        """(name, default reliability) of the outlet that published the document, or None."""
        from claimtrack.models import Document, Outlet

        def run(s: Session) -> tuple[str, str | None] | None:
            doc = s.get(Document, document_id)
            outlet = s.get(Outlet, doc.outlet_id) if doc is not None and doc.outlet_id else None
            return (outlet.name, outlet.reliability) if outlet else None
        return self.read(run)

    def search(self, text: str, limit: int = 20, exclude: int | None = None) -> list[queries.ClaimRow]:
        wanted = claim_number(text)
        filt = queries.ClaimFilter(search=text) if wanted is None else queries.ClaimFilter(claim_ids=[wanted])
        rows = self.read(lambda s: queries.page_claims(session=s, filt=filt, sort="id", descending=True, limit=limit + 1))
        return [r for r in rows if r.id != exclude][:limit]

    # --- suggestions -----------------------------------------------------------------------------

    def suggestions(self, threshold: float, limit: int = 50) -> list[SuggestionView]:
        """Likely duplicates and automatic cross-document links, minus the ones already rejected."""
        from claimtrack.tracking import actions

        def run(s: Session) -> list[SuggestionView]:
            rejected = queries.rejected_link_suggestions(session=s)
            out = [SuggestionView("duplicate", v.other.id, v.claim.id, v.suggestion.score,  # type: ignore[arg-type]
                                  suggestion_reasons(v.suggestion.signals, v.claimant, v.other_claimant),
                                  v.other.text, v.claim.text, v.other_claimant or "", v.claimant or "",
                                  "duplicate of" if v.suggestion.relation == "duplicate" else "repeats",
                                  suggestion_id=v.suggestion.id)
                   for v in actions.list_suggestions(session=s, limit=limit) if v.suggestion.score >= threshold]
            for x in queries.cross_document_links(session=s, limit=limit):
                if (x.link.source_id, x.link.target_id) in rejected:
                    continue
                ev = dict(x.link.evidence or {})
                score = float(ev.pop("score", 0) or 0)
                reasons = [f"{k.replace('_', ' ')}: {_reason_value(v)}" for k, v in ev.items()
                           if v not in (None, "", [], {})]
                out.append(SuggestionView("cross-document", x.link.source_id, x.link.target_id, score,
                                          reasons or ["automatic link"], x.source.text, x.target.text,
                                          x.source_claimant or "", x.target_claimant or "",
                                          x.link.relation.value, x.link.id, dict(x.link.evidence or {})))
            return out
        return self.read(run)

    def decide(self, sug: SuggestionView, accept: bool) -> tuple[str, Callable[[Session, Analyst], str]]:
        """Accept (merge, or confirm the link) or reject (remembered) `sug`: (message, its undo)."""
        if sug.kind == "duplicate":
            return self.write(partial(_decide_duplicate, sug, accept))
        return self.write(partial(_decide_link, sug, accept))

    def undo(self, undo: Callable[[Session, Analyst], str]) -> str:
        return self.write(undo)

    def analysts(self) -> list[tuple[str, str]]:
        return self.read(lambda s: [(a.handle, a.role.value) for a in services.list_analysts(session=s)])

    def changed(self) -> bool:
        return self.watcher.changed()

    def close(self) -> None:
        self.watcher.close()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()
