"""The TUI's window on the core: read sessions and write transactions, never SQL of its own.

Every method here blocks; screens call them from `@work(thread=True)` workers only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session

from claimtrack import db, queries, services
from claimtrack.models import Analyst, Role

T = TypeVar("T")

PAGE_SIZE = 100


@dataclass(slots=True)
class QueueQuery:
    """What the queue shows: a filter, a sort and the analyst's 'my claims' switch."""

    filt: queries.ClaimFilter = field(default_factory=queries.ClaimFilter)
    sort: str = "id"
    descending: bool = False

    def copy(self, **changes: Any) -> QueueQuery:
        return QueueQuery(filt=replace(self.filt, **changes.pop("filt_changes", {})), **{
            "sort": self.sort, "descending": self.descending, **changes})


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

    def search(self, text: str, limit: int = 20, exclude: int | None = None) -> list[queries.ClaimRow]:
        filt = queries.ClaimFilter(search=text)
        if text.strip().isdigit():
            filt = queries.ClaimFilter(claim_ids=[int(text.strip())])
        rows = self.read(lambda s: queries.page_claims(session=s, filt=filt, sort="id", descending=True, limit=limit + 1))
        return [r for r in rows if r.id != exclude][:limit]

    def analysts(self) -> list[tuple[str, str]]:
        return self.read(lambda s: [(a.handle, a.role.value) for a in services.list_analysts(session=s)])

    def changed(self) -> bool:
        return self.watcher.changed()

    def close(self) -> None:
        self.watcher.close()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()
