"""Read-side queries: filtered, keyset-paginated claim lists, claim details and export rows."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, func, select

from claimtrack import search
from claimtrack.models import (
    Actor,
    Analyst,
    Appearance,
    Claim,
    ClaimEvidence,
    ClaimKind,
    ClaimLink,
    ClaimState,
    Comment,
    Document,
    Event,
    Evidence,
    Outlet,
    Verdict,
)

SORTS = {
    "id": Claim.id,
    "first_seen": Claim.first_seen,
    "checkworthiness": Claim.checkworthiness,
    "updated": Claim.updated_at,
}


@dataclass(slots=True)
class ClaimFilter:
    """What the queue, `claims`, reports and exports select on. Empty fields select everything."""

    state: ClaimState | None = None
    verdict: Verdict | None = None
    kind: ClaimKind | None = None
    claimant: str | None = None
    language: str | None = None
    assignee: str | None = None
    tag: str | None = None
    search: str | None = None
    document_id: int | None = None
    since: date | None = None
    until: date | None = None
    claim_ids: Sequence[int] | None = None
    include_merged: bool = False

    def is_empty(self) -> bool:
        return all(getattr(self, f) in (None, "", ()) for f in (
            "state", "verdict", "kind", "claimant", "language", "assignee", "tag", "search", "document_id",
            "since", "until", "claim_ids"))


@dataclass(slots=True)
class ClaimRow:
    """One line of the queue."""

    id: int
    state: str
    verdict: str
    kind: str
    claimant: str
    text: str
    language: str
    first_seen: datetime | None
    checkworthiness: float
    version: int
    assignee: str | None = None
    outlet: str | None = None


INDEXED_FILTERS = ("state", "verdict", "kind", "language", "claimant", "assignee", "document_id", "since", "until")


def _not_merged(dialect: str, unindexed: bool) -> sa.ColumnElement[bool]:
    """`merged_into_id IS NULL`, or on SQLite, when `unindexed`, `+merged_into_id IS NULL`.

    ix_claim_merged_into_id matches nearly every row, in id order: it serves a page sorted by id
    (and counts) well, but for any other sort or filter SQLite may still pick it, without statistics
    or with sampled ones, and then sort every claim to return one page. The unary `+` keeps the
    planner on the sort's or the filter's own index."""
    col = Claim.__table__.c.merged_into_id  # type: ignore[attr-defined]
    if unindexed and dialect == "sqlite":
        col = sa.sql.elements.UnaryExpression(col, operator=sa.sql.operators.custom_op("+"), type_=col.type)
    return col.is_(None)  # type: ignore[no-any-return]


def _where(session: Session, f: ClaimFilter, *, sort: str | None = None) -> list[sa.ColumnElement[bool]]:
    """The filter's conditions; `sort` is given for a page (it decides how the merged test is written)."""
    dialect = session.get_bind().dialect.name
    conds: list[sa.ColumnElement[bool]] = []
    if not f.include_merged:
        unindexed = sort is not None and (sort != "id" or any(getattr(f, n) for n in INDEXED_FILTERS))
        conds.append(_not_merged(dialect, unindexed))
    if f.state:
        conds.append(Claim.state == f.state)
    if f.verdict:
        conds.append(Claim.verdict == f.verdict)
    if f.kind:
        conds.append(Claim.kind == f.kind)
    if f.language:
        conds.append(Claim.language == f.language)
    if f.claim_ids is not None:
        conds.append(Claim.id.in_(list(f.claim_ids)))  # type: ignore[union-attr]
    if f.claimant:
        pat = f"%{f.claimant}%"
        actor_ids = select(Actor.id).where(sa.or_(
            Actor.canonical_name.ilike(pat), Actor.name_ar.ilike(pat), Actor.name_en.ilike(pat)))  # type: ignore[union-attr]
        conds.append(Claim.claimant_id.in_(actor_ids))  # type: ignore[union-attr]
    if f.assignee:
        conds.append(Claim.assignee_id.in_(select(Analyst.id).where(Analyst.handle == f.assignee)))  # type: ignore[union-attr]
    if f.tag:
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            conds.append(sa.cast(Claim.tags, JSONB).contains([f.tag]))  # type: ignore[arg-type]
        else:
            conds.append(sa.text("EXISTS (SELECT 1 FROM json_each(claim.tags) WHERE json_each.value = :tag)")
                         .bindparams(tag=f.tag))  # type: ignore[arg-type]
    if f.document_id is not None:
        conds.append(Claim.id.in_(select(Appearance.claim_id).where(Appearance.document_id == f.document_id)))  # type: ignore[union-attr]
    if f.since:
        conds.append(Claim.first_seen >= datetime.combine(f.since, datetime.min.time(), tzinfo=UTC))  # type: ignore[operator]
    if f.until:
        conds.append(Claim.first_seen < datetime.combine(f.until, datetime.max.time(), tzinfo=UTC))  # type: ignore[operator]
    if f.search:
        clause = search.match_clause(dialect, f.search, Claim.id)  # type: ignore[arg-type]
        if clause is not None:
            conds.append(clause if dialect == "sqlite" else _fenced_match(clause))
    return conds


def _fenced_match(clause: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    """PostgreSQL: `claim.id IN (SELECT id FROM claim AS matched WHERE <match> OFFSET 0)`.

    Given the match on the claim itself, the planner may walk the primary key in page order and
    compute the text match row by row until a page is full: most of a second for a word with a few
    thousand matches among a million claims. The OFFSET keeps the match a subquery of its own, which
    reads the full-text GIN index once."""
    from sqlalchemy.sql.util import ClauseAdapter

    matched = Claim.__table__.alias("matched")  # type: ignore[attr-defined]
    inner = ClauseAdapter(matched).traverse(clause)
    return Claim.id.in_(sa.select(matched.c.id).where(inner).offset(0))  # type: ignore[union-attr, no-any-return]


def count_claims(*, session: Session, filt: ClaimFilter) -> int:
    stmt = select(func.count()).select_from(Claim).where(*_where(session, filt))
    return session.exec(stmt).one()


def _keyset(filt: ClaimFilter, session: Session, sort: str, descending: bool, after: tuple[Any, int] | None
            ) -> tuple[list[sa.ColumnElement[bool]], list[Any]]:
    """The WHERE conditions (filter and keyset) and the ORDER BY of one page."""
    col = SORTS[sort]
    conds = _where(session, filt, sort=sort)
    if after is not None:
        value, last_id = after
        if sort == "id":
            conds.append(Claim.id < last_id if descending else Claim.id > last_id)  # type: ignore[operator]
        else:
            key = sa.tuple_(col, Claim.id)
            conds.append(key < sa.tuple_(sa.literal(value), sa.literal(last_id)) if descending
                         else key > sa.tuple_(sa.literal(value), sa.literal(last_id)))
    order = [col.desc(), Claim.id.desc()] if descending else [col.asc(), Claim.id.asc()]  # type: ignore[union-attr]
    if sort == "id":
        order = order[1:]
    return conds, order


def claim_ids(*, session: Session, filt: ClaimFilter, sort: str = "id", descending: bool = False,
              limit: int = 50, after: tuple[Any, int] | None = None) -> list[int]:
    """One page of claim ids in sort order, starting after the keyset `after` = (sort value, id)."""
    conds, order = _keyset(filt, session, sort, descending, after)
    stmt = select(Claim.id).where(*conds).order_by(*order).limit(limit)
    return list(session.exec(stmt).all())  # type: ignore[arg-type]


def _row_select() -> sa.Select[Any]:
    """The queue's columns: claim fields, claimant, assignee and the outlet of the first appearance.

    Plain columns, not ORM entities: a page is read-only, and loading whole Claim objects (JSON
    columns, search text, identity map) costs more than the query itself."""
    c, actor, analyst = Claim.__table__.c, Actor.__table__, Analyst.__table__  # type: ignore[attr-defined]
    app, doc, outlet = Appearance.__table__, Document.__table__, Outlet.__table__  # type: ignore[attr-defined]
    first_outlet = (
        sa.select(outlet.c.name)
        .select_from(app.join(doc, doc.c.id == app.c.document_id).join(outlet, outlet.c.id == doc.c.outlet_id))
        .where(app.c.claim_id == c.id).order_by(app.c.id).limit(1)
        .correlate(Claim.__table__).scalar_subquery()  # type: ignore[attr-defined]
    )
    return (
        sa.select(c.id, c.state, c.verdict, c.kind, actor.c.canonical_name, c.text, c.language, c.first_seen,
                  c.checkworthiness, c.version, analyst.c.handle, first_outlet)
        .select_from(Claim.__table__.outerjoin(actor, actor.c.id == c.claimant_id)  # type: ignore[attr-defined]
                     .outerjoin(analyst, analyst.c.id == c.assignee_id))
    )


def _rows(result: Any) -> list[ClaimRow]:
    return [ClaimRow(id=i, state=st.value, verdict=v.value, kind=k.value, claimant=name or "", text=text,
                     language=lang, first_seen=seen, checkworthiness=cw, version=ver, assignee=handle, outlet=outlet)
            for i, st, v, k, name, text, lang, seen, cw, ver, handle, outlet in result]


def page_claims(*, session: Session, filt: ClaimFilter, sort: str = "id", descending: bool = False,
                limit: int = 50, after: tuple[Any, int] | None = None) -> list[ClaimRow]:
    """One page of the queue (keyset pagination: pass the last row's (sort value, id) as `after`)."""
    conds, order = _keyset(filt, session, sort, descending, after)
    return _rows(session.execute(_row_select().where(*conds).order_by(*order).limit(limit)))


def rows_for(*, session: Session, ids: Sequence[int]) -> list[ClaimRow]:
    """Queue rows for these claim ids, in the given order."""
    if not ids:
        return []
    found = {r.id: r for r in _rows(session.execute(_row_select().where(Claim.id.in_(list(ids)))))}  # type: ignore[union-attr]
    return [found[i] for i in ids if i in found]


def sort_value(row: ClaimRow, sort: str) -> Any:
    return {"id": row.id, "first_seen": row.first_seen, "checkworthiness": row.checkworthiness}.get(sort, row.id)


@dataclass(slots=True)
class AppearanceView:
    appearance: Appearance
    document: Document
    outlet: str | None
    claimant: str | None


@dataclass(slots=True)
class LinkView:
    link: ClaimLink
    other: Claim
    other_claimant: str | None
    outgoing: bool  # True: this claim RELATION other; False: other RELATION this claim


@dataclass(slots=True)
class EvidenceView:
    evidence: Evidence
    stance: str
    note: str | None
    by: str | None


@dataclass(slots=True)
class ClaimDetail:
    """Everything the claim screen, `show` and reports need about one claim."""

    claim: Claim
    claimant: Actor | None
    affiliations: list[Actor]
    assignee: str | None
    investigator: str | None
    reviewer: str | None
    appearances: list[AppearanceView] = field(default_factory=list)
    links: list[LinkView] = field(default_factory=list)
    evidence: list[EvidenceView] = field(default_factory=list)
    comments: list[tuple[Comment, str | None]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def affiliation_chain(session: Session, actor: Actor | None, limit: int = 5) -> list[Actor]:
    chain: list[Actor] = []
    cur = actor
    while cur is not None and cur.affiliation_id and len(chain) < limit:
        cur = session.get(Actor, cur.affiliation_id)
        if cur is None or cur in chain:
            break
        chain.append(cur)
    return chain


@cache
def _detail_statements() -> dict[str, Any]:
    """The claim screen's statements, built once (building them took a fifth of a detail's time)."""
    cid = sa.bindparam("claim_id")
    out: dict[str, Any] = {
        "handles": select(Analyst.id, Analyst.handle).where(
            Analyst.id.in_(sa.bindparam("people", expanding=True))),  # type: ignore[union-attr]
        "appearances": select(Appearance, Document, Outlet.name, Actor.canonical_name)
        .join(Document, Document.id == Appearance.document_id)  # type: ignore[arg-type]
        .join(Outlet, Outlet.id == Document.outlet_id, isouter=True)  # type: ignore[arg-type]
        .join(Actor, Actor.id == Appearance.claimant_id, isouter=True)  # type: ignore[arg-type]
        .where(Appearance.claim_id == cid)
        .order_by(Document.published, Appearance.id),  # type: ignore[arg-type]
        "evidence": select(Evidence, ClaimEvidence.stance, ClaimEvidence.note, Analyst.handle)
        .join(ClaimEvidence, ClaimEvidence.evidence_id == Evidence.id)  # type: ignore[arg-type]
        .join(Analyst, Analyst.id == ClaimEvidence.created_by_id, isouter=True)  # type: ignore[arg-type]
        .where(ClaimEvidence.claim_id == cid).order_by(ClaimEvidence.id),
        "comments": select(Comment, Analyst.handle)
        .join(Analyst, Analyst.id == Comment.analyst_id, isouter=True)  # type: ignore[arg-type]
        .where(Comment.claim_id == cid).order_by(Comment.id),
        "events": select(Event).where(sa.or_(
            Event.claim_id == cid,
            sa.and_(Event.entity == "document", Event.action == "ingest",
                    Event.entity_id.in_(sa.bindparam("doc_ids", expanding=True))),  # type: ignore[union-attr]
        )).order_by(Event.id),  # type: ignore[arg-type]
    }
    for outgoing, mine, theirs in ((True, ClaimLink.source_id, ClaimLink.target_id),
                                   (False, ClaimLink.target_id, ClaimLink.source_id)):
        out[f"links_{outgoing}"] = (
            select(ClaimLink, Claim, Actor.canonical_name)
            .join(Claim, Claim.id == theirs)  # type: ignore[arg-type]
            .join(Actor, Actor.id == Claim.claimant_id, isouter=True)  # type: ignore[arg-type]
            .where(mine == cid).order_by(ClaimLink.id)
        )
    return out


def claim_detail(*, session: Session, claim_id: int) -> ClaimDetail:
    from claimtrack.services import get_claim

    st, p = _detail_statements(), {"claim_id": claim_id}
    claim = get_claim(session=session, claim_id=claim_id)
    claimant = session.get(Actor, claim.claimant_id) if claim.claimant_id else None
    people = sorted({claim.assignee_id, claim.investigator_id, claim.reviewer_id} - {None})
    handles = dict(session.exec(st["handles"], params={"people": people}).all()) if people else {}
    d = ClaimDetail(claim=claim, claimant=claimant, affiliations=affiliation_chain(session, claimant),
                    assignee=handles.get(claim.assignee_id), investigator=handles.get(claim.investigator_id),
                    reviewer=handles.get(claim.reviewer_id))
    d.appearances = [AppearanceView(a, doc, o, n) for a, doc, o, n in session.exec(st["appearances"], params=p).all()]
    for outgoing in (True, False):
        rows = session.exec(st[f"links_{outgoing}"], params=p).all()
        d.links += [LinkView(link, other, name, outgoing) for link, other, name in rows]
    ev_rows = session.exec(st["evidence"], params=p).all()
    d.evidence = [EvidenceView(e, s.value, n, h) for e, s, n, h in ev_rows]
    d.comments = list(session.exec(st["comments"], params=p).all())
    doc_ids = sorted({a.document.id for a in d.appearances})
    d.events = list(session.exec(st["events"], params={**p, "doc_ids": doc_ids}).all())
    return d


def document_claims(*, session: Session, document_id: int) -> list[tuple[Appearance, Claim, str | None]]:
    """Every claim span of a document, in text order."""
    return list(session.exec(
        select(Appearance, Claim, Actor.canonical_name)
        .join(Claim, Claim.id == Appearance.claim_id)  # type: ignore[arg-type]
        .join(Actor, Actor.id == Appearance.claimant_id, isouter=True)  # type: ignore[arg-type]
        .where(Appearance.document_id == document_id).order_by(Appearance.start, Appearance.id)
    ).all())


def iter_export_rows(*, session: Session, filt: ClaimFilter | None = None, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """One dict per appearance: exactly the JSONL contract of DESIGN.md. Streams in batches."""
    filt = filt or ClaimFilter(include_merged=True)
    conds = _where(session, filt)
    last = 0
    while True:
        stmt = (
            select(Appearance, Claim, Document, Actor.canonical_name)
            .join(Claim, Claim.id == Appearance.claim_id)  # type: ignore[arg-type]
            .join(Document, Document.id == Appearance.document_id)  # type: ignore[arg-type]
            .join(Actor, Actor.id == Appearance.claimant_id, isouter=True)  # type: ignore[arg-type]
            .where(Appearance.id > last, *conds).order_by(Appearance.id).limit(batch)  # type: ignore[operator]
        )
        rows = session.exec(stmt).all()
        if not rows:
            return
        ids = list({c.id for _a, c, _d, _n in rows})
        links: dict[int, list[dict[str, Any]]] = {}
        for src, rel, tgt in session.exec(
            select(ClaimLink.source_id, ClaimLink.relation, ClaimLink.target_id)
            .where(ClaimLink.source_id.in_(ids)).order_by(ClaimLink.id)  # type: ignore[attr-defined]
        ).all():
            links.setdefault(src, []).append({"relation": rel.value, "claim_id": tgt})
        for a, c, d, name in rows:
            yield {
                "claim_id": c.id,
                "appearance_id": a.id,
                "document": d.origin_name or (d.origin or ""),
                "document_title": d.title,
                "document_url": d.url,
                "quote": a.quote,
                "start": a.start,
                "end": a.end,
                "claimant": name,
                "claimant_surface": a.claimant_surface,
                "kind": c.kind.value,
                "text": c.text,
                "state": c.state.value,
                "verdict": c.verdict.value,
                "stated_on": a.stated_on,
                "event_date": c.event_date,
                "links": links.get(c.id, []),  # type: ignore[arg-type]
            }
        last = rows[-1][0].id  # type: ignore[assignment]
