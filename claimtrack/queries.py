"""Read-side queries: filtered, keyset-paginated claim lists, claim details and export rows."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col, func, select

from claimtrack import search
from claimtrack.listing import INDEXED_FILTERS, ClaimFilter, ClaimRow, sort_value  # noqa: F401  (re-exported)
from claimtrack.models import (
    Actor,
    Analyst,
    Appearance,
    Claim,
    ClaimEvidence,
    ClaimLink,
    Comment,
    Document,
    Event,
    Evidence,
    LinkOrigin,
    Outlet,
    id_column,
    pk,
    table_of,
)

Condition = sa.ColumnElement[bool] | sa.TextClause  # a WHERE condition (SQLite's tag test is SQL text)

SORTS: dict[str, Mapped[Any]] = {
    "id": col(Claim.id),
    "first_seen": col(Claim.first_seen),
    "checkworthiness": col(Claim.checkworthiness),
    "updated": col(Claim.updated_at),
    "appearances": col(Claim.appearance_count),  # "most repeated" (descending)
    "outlets": col(Claim.outlet_count),
}


def _not_merged(dialect: str, unindexed: bool) -> sa.ColumnElement[bool]:
    """`merged_into_id IS NULL`, or on SQLite, when `unindexed`, `+merged_into_id IS NULL`.

    ix_claim_merged_into_id matches nearly every row, in id order: it serves a page sorted by id
    (and counts) well, but for any other sort or filter SQLite may still pick it, without statistics
    or with sampled ones, and then sort every claim to return one page. The unary `+` keeps the
    planner on the sort's or the filter's own index."""
    column: sa.ColumnElement[Any] = table_of(Claim).c.merged_into_id
    if unindexed and dialect == "sqlite":
        column = sa.sql.elements.UnaryExpression(column, operator=sa.sql.operators.custom_op("+"), type_=column.type)
    return column.is_(None)


def _where(session: Session, f: ClaimFilter, *, sort: str | None = None,
           search_driven: bool = False) -> list[Condition]:
    """The filter's conditions; `sort` is given for a page (it decides how the merged test is written);
    `search_driven`: the search is the page's FROM (`search.fts_driven`), not a condition."""
    dialect = session.get_bind().dialect.name
    conds: list[Condition] = []
    if not f.include_merged:
        unindexed = sort is not None and (sort != "id" or any(getattr(f, n) for n in INDEXED_FILTERS))
        conds.append(_not_merged(dialect, unindexed))
    if f.state:
        conds.append(col(Claim.state) == f.state)
    if f.verdict:
        conds.append(col(Claim.verdict) == f.verdict)
    if f.kind:
        conds.append(col(Claim.kind) == f.kind)
    if f.language:
        conds.append(col(Claim.language) == f.language)
    if f.claim_ids is not None:
        conds.append(col(Claim.id).in_(list(f.claim_ids)))
    if f.claimant and len(f.claimant) > 300:  # longer than any stored name (and than SQLite's LIKE allows)
        conds.append(sa.false())
    elif f.claimant:
        conds.append(col(Claim.claimant_id).in_(claimant_ids(f.claimant)))
    if f.assignee:
        conds.append(col(Claim.assignee_id).in_(select(Analyst.id).where(Analyst.handle == f.assignee)))
    if f.tag:
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            conds.append(sa.cast(col(Claim.tags), JSONB).contains([f.tag]))
        else:
            conds.append(sa.text("EXISTS (SELECT 1 FROM json_each(claim.tags) WHERE json_each.value = :tag)")
                         .bindparams(tag=f.tag))
    if f.document_id is not None:
        conds.append(col(Claim.id).in_(select(Appearance.claim_id).where(Appearance.document_id == f.document_id)))
    if f.since:
        conds.append(col(Claim.first_seen) >= datetime.combine(f.since, datetime.min.time(), tzinfo=UTC))
    if f.until:
        conds.append(col(Claim.first_seen) < datetime.combine(f.until, datetime.max.time(), tzinfo=UTC))
    if f.search and not search_driven:
        clause = search.match_clause(dialect, f.search, col(Claim.id))
        if clause is not None:
            conds.append(clause if dialect == "sqlite" else _fenced_match(clause))
    return conds


def claimant_ids(name: str) -> sa.Select[Any]:
    """Actors whose name contains `name` in any script: as written (canonical, Arabic, English, aliases), or by
    the script-neutral skeleton ("Kirby" finds كيربي), and the actors merged into those."""
    from claimtrack.tracking.translit import name_key

    literal = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")  # % and _ are letters here
    pat = f"%{literal}%"
    conds: list[sa.ColumnElement[bool]] = [col(c).ilike(pat, escape="\\") for c in (Actor.canonical_name, Actor.name_ar, Actor.name_en)]
    key = name_key(name)
    parts = [k for k in (key or "").split() if len(k) >= 3]
    if parts:
        conds.append(sa.and_(*[col(Actor.name_key).like(f"% {k} %") for k in parts]))
    direct = select(Actor.id).where(sa.or_(*conds))
    return select(Actor.id).where(sa.or_(col(Actor.id).in_(direct), col(Actor.merged_into_id).in_(direct)))


def _fenced_match(clause: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    """PostgreSQL: `claim.id IN (SELECT id FROM claim AS matched WHERE <match> OFFSET 0)`.

    Given the match on the claim itself, the planner may walk the primary key in page order and
    compute the text match row by row until a page is full: most of a second for a word with a few
    thousand matches among a million claims. The OFFSET keeps the match a subquery of its own, which
    reads the full-text GIN index once."""
    from sqlalchemy.sql.util import ClauseAdapter

    matched = table_of(Claim).alias("matched")
    inner = ClauseAdapter(matched).traverse(clause)
    return col(Claim.id).in_(sa.select(matched.c.id).where(inner).offset(0))


def count_claims(*, session: Session, filt: ClaimFilter) -> int:
    if filt.search and session.get_bind().dialect.name == "postgresql":
        stmt = select(func.count()).select_from(_pg_matched(session, filt, "id", False, None))
    else:
        stmt = select(func.count()).select_from(Claim).where(*_where(session, filt))
    return session.exec(stmt).one()


def _keyset(filt: ClaimFilter, session: Session, sort: str, descending: bool, after: tuple[Any, int] | None,
            search_driven: bool = False) -> tuple[list[Condition], list[Any]]:
    """The WHERE conditions (filter and keyset) and the ORDER BY of one page."""
    sort_col = search.CLAIM_FTS.c.rowid if search_driven else SORTS[sort]
    conds = _where(session, filt, sort=sort, search_driven=search_driven)
    if after is not None:
        value, last_id = after
        if sort == "id":
            conds.append(sort_col < last_id if descending else sort_col > last_id)
        else:
            key = sa.tuple_(sort_col, Claim.id)
            conds.append(key < sa.tuple_(sa.literal(value), sa.literal(last_id)) if descending
                         else key > sa.tuple_(sa.literal(value), sa.literal(last_id)))
    order = [sort_col.desc(), col(Claim.id).desc()] if descending else [sort_col.asc(), col(Claim.id).asc()]
    if sort == "id":
        order = order[:1]  # the id (or, search-driven, the full-text rowid) alone
    return conds, order


def claim_ids(*, session: Session, filt: ClaimFilter, sort: str = "id", descending: bool = False,
              limit: int = 50, after: tuple[Any, int] | None = None) -> list[int]:
    """One page of claim ids in sort order, starting after the keyset `after` = (sort value, id)."""
    conds, order = _keyset(filt, session, sort, descending, after)
    stmt = select(id_column(Claim)).where(*conds).order_by(*order).limit(limit)
    return list(session.exec(stmt).all())


def _row_select() -> sa.Select[Any]:
    """The queue's columns: claim fields, claimant, assignee and the outlet of the first appearance.

    Plain columns, not ORM entities: a page is read-only, and loading whole Claim objects (JSON
    columns, search text, identity map) costs more than the query itself."""
    claim, actor, analyst = table_of(Claim), table_of(Actor), table_of(Analyst)
    app, doc, outlet = table_of(Appearance), table_of(Document), table_of(Outlet)
    c = claim.c
    first_outlet = (
        sa.select(outlet.c.name)
        .select_from(app.join(doc, doc.c.id == app.c.document_id).join(outlet, outlet.c.id == doc.c.outlet_id))
        .where(app.c.claim_id == c.id).order_by(app.c.id).limit(1)
        .correlate(claim).scalar_subquery()
    )
    return (
        sa.select(c.id, c.state, c.verdict, c.kind, actor.c.canonical_name, c.text, c.language, c.first_seen,
                  c.checkworthiness, c.version, analyst.c.handle, first_outlet, c.rationale, c.tags,
                  c.appearance_count, c.outlet_count)
        .select_from(claim.outerjoin(actor, actor.c.id == c.claimant_id)
                     .outerjoin(analyst, analyst.c.id == c.assignee_id))
    )


def _rows(result: Any) -> list[ClaimRow]:
    return [ClaimRow(id=i, state=st.value, verdict=v.value, kind=k.value, claimant=name or "", text=text,
                     language=lang, first_seen=seen, checkworthiness=cw, version=ver, assignee=handle, outlet=outlet,
                     rationale=rationale, tags=list(tags or []), appearances=apps, outlets=outlets)
            for i, st, v, k, name, text, lang, seen, cw, ver, handle, outlet, rationale, tags, apps, outlets in result]


def page_claims(*, session: Session, filt: ClaimFilter, sort: str = "id", descending: bool = False,
                limit: int = 50, after: tuple[Any, int] | None = None) -> list[ClaimRow]:
    """One page of the queue (keyset pagination: pass the last row's (sort value, id) as `after`).

    A text search sorted by id on SQLite reads the claims in the full-text index's rowid order
    (`search.fts_driven`) rather than collecting every match first; PostgreSQL has its own
    (`_pg_search_page`)."""
    if filt.search and session.get_bind().dialect.name == "postgresql":
        return _pg_search_page(session, filt, sort, descending, limit, after)
    driving = search.driving_match(session.get_bind().dialect.name, filt.search) if filt.search and sort == "id" \
        else None
    conds, order = _keyset(filt, session, sort, descending, after, search_driven=driving is not None)
    stmt = _row_select()
    if driving is not None:
        joined, match = search.fts_driven(stmt.get_final_froms()[0], driving)
        stmt = stmt.select_from(joined).where(match)
    return _rows(session.execute(stmt.where(*conds).order_by(*order).limit(limit)))


def _pg_matched(session: Session, filt: ClaimFilter, sort: str, descending: bool, after: tuple[Any, int] | None,
                window: sa.ColumnElement[bool] | None = None) -> sa.Subquery:
    """PostgreSQL: `(SELECT id, <sort value> FROM claim WHERE <match, filter and keyset> OFFSET 0)`."""
    conds, _order = _keyset(replace(filt, search=None), session, sort, descending, after)
    if window is not None:
        conds.append(window)
    clause = search.match_clause("postgresql", filt.search or "", col(Claim.id))
    if clause is not None:
        conds.append(clause)
    return select(col(Claim.id), SORTS[sort].label("sort_value")).where(*conds).offset(0).subquery("matched")


def _pg_search_page(session: Session, filt: ClaimFilter, sort: str, descending: bool, limit: int,
                    after: tuple[Any, int] | None) -> list[ClaimRow]:
    """PostgreSQL: a search page as `(SELECT id FROM claim WHERE <match and filter> OFFSET 0)`, the
    page's ids sorted out of that, then the rows of those ids only; sorted by id, first within a
    window of ids (`_pg_window_page`).

    The OFFSET keeps the planner from walking the sort's index and computing the text match row by
    row (most of a second for a word with a few thousand matches among a million claims): the match
    reads the full-text GIN index once, the filter and keyset are checked on the rows it yields, and a
    top-N sort picks the page. Joining the rows to that page, not to an IN list, keeps the planner from
    walking the primary key down to the page's last id."""
    if sort == "id":
        rows = _pg_window_page(session, filt, descending, limit, after)
        if rows is not None:
            return rows
    return _rows(session.execute(_pg_page_statement(session, filt, sort, descending, limit, after)))


PG_SEARCH_WINDOW = 30_000  # claim ids a search page by id first looks among (see _pg_window_page)


def _pg_window_page(session: Session, filt: ClaimFilter, descending: bool, limit: int,
                    after: tuple[Any, int] | None) -> list[ClaimRow] | None:
    """A search page by id read from the next PG_SEARCH_WINDOW ids only; None if they hold less than a
    page (and more ids remain), for the caller to read all the matches.

    A word in one claim of twenty has fifty thousand matches in a million claims: reading every match
    took 350 ms. Here the GIN bitmap is ANDed with the primary key's bitmap of the window, and only the
    window's matches are read (40-60 ms). Index scans are off for that one statement, or the planner,
    which prices the text match at a fraction of its cost, computes it row by row over the window."""
    edge = session.execute(select(func.max(Claim.id) if descending else func.min(Claim.id))).scalar()
    if edge is None:
        return []
    bound = after[1] if after is not None else edge + (1 if descending else -1)
    claim_id = col(Claim.id)
    window = (claim_id >= bound - PG_SEARCH_WINDOW) if descending else (claim_id <= bound + PG_SEARCH_WINDOW)
    bounded = sa.and_(window, claim_id < bound if descending else claim_id > bound)
    session.execute(sa.text("SELECT set_config('enable_indexscan', 'off', true)"))  # until RESET or rollback
    rows = _rows(session.execute(_pg_page_statement(session, filt, "id", descending, limit, after, bounded)))
    session.execute(sa.text("RESET enable_indexscan"))
    if len(rows) >= limit:
        return rows
    min_id, max_id = session.execute(select(func.min(Claim.id), func.max(Claim.id))).one()
    if min_id is None or max_id is None:  # the claims were deleted meanwhile
        return rows
    covered = bound - PG_SEARCH_WINDOW <= min_id if descending else bound + PG_SEARCH_WINDOW >= max_id
    return rows if covered else None


def _pg_page_statement(session: Session, filt: ClaimFilter, sort: str, descending: bool, limit: int,
                       after: tuple[Any, int] | None, window: sa.ColumnElement[bool] | None = None) -> sa.Select[Any]:
    matched = _pg_matched(session, filt, sort, descending, after, window)
    claim_id = col(Claim.id)
    keys = [(matched.c.id, claim_id)] if sort == "id" else [(matched.c.sort_value, SORTS[sort]), (matched.c.id, claim_id)]
    page_order = [inner.desc() if descending else inner.asc() for inner, _outer in keys]
    order = [outer.desc() if descending else outer.asc() for _inner, outer in keys]
    page = sa.select(matched.c.id).order_by(*page_order).limit(limit).subquery("page")
    return _row_select().join(page, page.c.id == claim_id).order_by(*order)


def rows_for(*, session: Session, ids: Sequence[int]) -> list[ClaimRow]:
    """Queue rows for these claim ids, in the given order."""
    if not ids:
        return []
    found = {r.id: r for r in _rows(session.execute(_row_select().where(col(Claim.id).in_(list(ids)))))}
    return [found[i] for i in ids if i in found]


@dataclass(slots=True)
class AppearanceView:
    appearance: Appearance
    document: Document
    outlet: str | None
    claimant: str | None
    outlet_reliability: str | None = None  # the outlet's default Admiralty grade (A-F), if set


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
    handles: dict[int, str] = field(default_factory=dict)  # analyst id → handle, for readable history


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
    cid: sa.BindParameter[int] = sa.bindparam("claim_id")
    out: dict[str, Any] = {
        "claim": select(Claim, Actor).join(Actor, col(Actor.id) == Claim.claimant_id, isouter=True)
        .where(Claim.id == cid),
        "handles": select(Analyst.id, Analyst.handle),
        "appearances": sa.select(Appearance, Document, col(Outlet.name), col(Actor.canonical_name), col(Outlet.reliability))
        .join(Document, col(Document.id) == Appearance.document_id)
        .join(Outlet, col(Outlet.id) == Document.outlet_id, isouter=True)
        .join(Actor, col(Actor.id) == Appearance.claimant_id, isouter=True)
        .where(col(Appearance.claim_id) == cid)
        .order_by(col(Document.published), col(Appearance.id)),
        "evidence": select(Evidence, ClaimEvidence.stance, ClaimEvidence.note, Analyst.handle)
        .join(ClaimEvidence, col(ClaimEvidence.evidence_id) == Evidence.id)
        .join(Analyst, col(Analyst.id) == ClaimEvidence.created_by_id, isouter=True)
        .where(ClaimEvidence.claim_id == cid).order_by(col(ClaimEvidence.id)),
        "comments": select(Comment, Analyst.handle)
        .join(Analyst, col(Analyst.id) == Comment.analyst_id, isouter=True)
        .where(Comment.claim_id == cid).order_by(col(Comment.id)),
        "events": select(Event).where(sa.or_(
            col(Event.claim_id) == cid,
            sa.and_(col(Event.entity) == "document", col(Event.action) == "ingest",
                    col(Event.entity_id).in_(sa.bindparam("doc_ids", expanding=True))),
        )).order_by(col(Event.id)),
    }
    for outgoing, mine, theirs in ((True, ClaimLink.source_id, ClaimLink.target_id),
                                   (False, ClaimLink.target_id, ClaimLink.source_id)):
        out[f"links_{outgoing}"] = (
            select(ClaimLink, Claim, Actor.canonical_name)
            .join(Claim, col(Claim.id) == theirs)
            .join(Actor, col(Actor.id) == Claim.claimant_id, isouter=True)
            .where(mine == cid).order_by(col(ClaimLink.id))
        )
    return out


def claim_detail(*, session: Session, claim_id: int) -> ClaimDetail:
    """The claim screen's data in eight queries, each a round trip (on PostgreSQL under load, the round
    trips, not the queries, are most of the time): the claim comes with its claimant, and the one
    list of analysts gives both the people on the claim and the history's handles."""
    from claimtrack.services import NotFoundError

    st, p = _detail_statements(), {"claim_id": claim_id}
    found = session.exec(st["claim"], params=p).first()
    if found is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    claim, claimant = found
    handles: dict[int | None, str] = dict(session.exec(st["handles"]).all())
    d = ClaimDetail(claim=claim, claimant=claimant, affiliations=affiliation_chain(session, claimant),
                    assignee=handles.get(claim.assignee_id), investigator=handles.get(claim.investigator_id),
                    reviewer=handles.get(claim.reviewer_id))
    d.appearances = [AppearanceView(a, doc, o, n, r) for a, doc, o, n, r in session.exec(st["appearances"], params=p).all()]
    for outgoing in (True, False):
        rows = session.exec(st[f"links_{outgoing}"], params=p).all()
        d.links += [LinkView(link, other, name, outgoing) for link, other, name in rows]
    ev_rows = session.exec(st["evidence"], params=p).all()
    d.evidence = [EvidenceView(e, s.value, n, h) for e, s, n, h in ev_rows]
    d.comments = list(session.exec(st["comments"], params=p).all())
    doc_ids = sorted({pk(a.document) for a in d.appearances})
    d.events = list(session.exec(st["events"], params={**p, "doc_ids": doc_ids}).all())
    d.handles = {a_id: h for a_id, h in handles.items() if a_id is not None}
    return d


def document_claims(*, session: Session, document_id: int) -> list[tuple[Appearance, Claim, str | None]]:
    """Every claim span of a document, in text order."""
    return list(session.exec(
        select(Appearance, Claim, Actor.canonical_name)
        .join(Claim, col(Claim.id) == Appearance.claim_id)
        .join(Actor, col(Actor.id) == Appearance.claimant_id, isouter=True)
        .where(Appearance.document_id == document_id).order_by(col(Appearance.start), col(Appearance.id))
    ).all())


def iter_export_rows(*, session: Session, filt: ClaimFilter | None = None, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """One dict per appearance: exactly the JSONL contract of DESIGN.md. Streams in batches."""
    filt = filt or ClaimFilter(include_merged=True)
    conds = _where(session, filt)
    last = 0
    while True:
        stmt = (
            select(Appearance, Claim, Document, Actor.canonical_name)
            .join(Claim, col(Claim.id) == Appearance.claim_id)
            .join(Document, col(Document.id) == Appearance.document_id)
            .join(Actor, col(Actor.id) == Appearance.claimant_id, isouter=True)
            .where(col(Appearance.id) > last, *conds).order_by(col(Appearance.id)).limit(batch)
        )
        rows = session.exec(stmt).all()
        if not rows:
            return
        links = export_links(session, list({c.merged_into_id or pk(c) for _a, c, _d, _n in rows}))
        for a, c, d, name in rows:
            yield {
                "claim_id": c.merged_into_id or pk(c),
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
                "links": links.get(c.merged_into_id or pk(c), []),
            }
        last = pk(rows[-1][0])


@dataclass(slots=True)
class ClaimSummary:
    """What the queue's preview pane shows about one claim: small, indexed lookups only."""

    claim: Claim
    claimant: str | None
    claimant_title: str | None
    assignee: str | None
    quote: str | None
    outlet: str | None
    document_title: str | None
    stated_on: list[str]
    appearances: int
    outlets: int
    links: list[tuple[str, bool, int]]  # (relation, outgoing, count)
    evidence: int
    comments: int


def _handle(session: Session, analyst_id: int | None) -> str | None:
    if analyst_id is None:
        return None
    a = session.get(Analyst, analyst_id)
    return a.handle if a else None


def claim_summary(*, session: Session, claim_id: int) -> ClaimSummary:
    from claimtrack.services import get_claim

    claim = get_claim(session=session, claim_id=claim_id)
    actor = session.get(Actor, claim.claimant_id) if claim.claimant_id else None
    apps = session.exec(
        select(Appearance.quote, Appearance.stated_on, Document.title, Outlet.name)
        .join(Document, col(Document.id) == Appearance.document_id)
        .join(Outlet, col(Outlet.id) == Document.outlet_id, isouter=True)
        .where(Appearance.claim_id == claim_id).order_by(col(Appearance.id))
    ).all()
    links: list[tuple[str, bool, int]] = []
    for outgoing, mine in ((True, ClaimLink.source_id), (False, ClaimLink.target_id)):
        links += [(rel.value, outgoing, n) for rel, n in session.exec(
            select(col(ClaimLink.relation), func.count()).where(mine == claim_id).group_by(ClaimLink.relation)
            .order_by(col(ClaimLink.relation))).all()]
    return ClaimSummary(
        claim=claim, claimant=actor.canonical_name if actor else None, claimant_title=actor.title if actor else None,
        assignee=_handle(session, claim.assignee_id), quote=apps[0][0] if apps else None,
        outlet=apps[0][3] if apps else None, document_title=apps[0][2] if apps else None,
        stated_on=sorted({a[1] for a in apps if a[1]}), appearances=len(apps), outlets=len({a[3] for a in apps}),
        links=links,
        evidence=session.exec(select(func.count()).select_from(ClaimEvidence)
                              .where(ClaimEvidence.claim_id == claim_id)).one(),
        comments=session.exec(select(func.count()).select_from(Comment).where(Comment.claim_id == claim_id)).one())


def rejected_link_suggestions(*, session: Session) -> set[tuple[int, int]]:
    """(source, target) of every automatic link an analyst rejected and did not restore."""
    out: set[tuple[int, int]] = set()
    for action, after in session.exec(select(Event.action, Event.after).where(Event.entity == "link_suggestion")
                                      .order_by(col(Event.id))).all():
        if after is None:  # never: every link_suggestion event records its pair
            continue
        key = (int(after["first"]), int(after["second"]))
        if action == "reject":
            out.add(key)
        else:
            out.discard(key)
    return out


@dataclass(slots=True)
class LinkSuggestion:
    """An automatic link between claims of different documents, waiting for an analyst's decision."""

    link: ClaimLink
    source: Claim
    target: Claim
    source_claimant: str | None
    target_claimant: str | None


def cross_document_links(*, session: Session, limit: int = 50, scan: int = 2000) -> list[LinkSuggestion]:
    """The newest automatic links whose two claims share no document (the ones most worth checking)."""
    links = session.exec(select(ClaimLink).where(ClaimLink.origin == LinkOrigin.auto)
                         .order_by(col(ClaimLink.id).desc()).limit(scan)).all()
    ids = list({i for link in links for i in (link.source_id, link.target_id)})
    docs: dict[int, set[int]] = {}
    for cid, did in session.exec(select(Appearance.claim_id, Appearance.document_id)
                                 .where(col(Appearance.claim_id).in_(ids))).all():
        docs.setdefault(cid, set()).add(did)
    links = [lk for lk in links if not docs.get(lk.source_id, set()) & docs.get(lk.target_id, set())][:limit]
    claims = {c.id: (c, name) for c, name in session.exec(
        select(Claim, Actor.canonical_name).join(Actor, col(Actor.id) == Claim.claimant_id, isouter=True)
        .where(col(Claim.id).in_({i for lk in links for i in (lk.source_id, lk.target_id)}))).all()}
    return [LinkSuggestion(lk, claims[lk.source_id][0], claims[lk.target_id][0], claims[lk.source_id][1],
                           claims[lk.target_id][1]) for lk in links]


def export_links(session: Session, roots: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """The links of each claim (and the claims merged into it), targets resolved to the claim they are
    merged into, plus its open suggestions as `suggested_duplicate` with their score."""
    if not roots:
        return {}
    from claimtrack.models import Suggestion, SuggestionStatus

    members = {cid: merged or cid for cid, merged in session.exec(
        select(id_column(Claim), Claim.merged_into_id).where(sa.or_(
            col(Claim.id).in_(list(roots)), col(Claim.merged_into_id).in_(list(roots))))).all()}
    out: dict[int, list[dict[str, Any]]] = {}
    seen: set[tuple[int, str, int]] = set()
    target = sa.orm.aliased(Claim)
    rows = session.exec(
        select(col(ClaimLink.source_id), col(ClaimLink.relation), sa.func.coalesce(target.merged_into_id, target.id))
        .join(target, col(target.id) == ClaimLink.target_id)
        .where(col(ClaimLink.source_id).in_(list(members))).order_by(col(ClaimLink.id))
    ).all()
    for src, rel, tgt in rows:
        key = (members[src], rel.value, tgt)
        if tgt != members[src] and key not in seen:
            seen.add(key)
            out.setdefault(members[src], []).append({"relation": rel.value, "claim_id": tgt})
    for a, b, score in session.exec(
        select(Suggestion.claim_id, Suggestion.other_id, Suggestion.score)
        .where(Suggestion.status == SuggestionStatus.open,
               sa.or_(col(Suggestion.claim_id).in_(list(members)), col(Suggestion.other_id).in_(list(members))))
        .order_by(col(Suggestion.id))
    ).all():
        mine, other = (a, b) if a in members else (b, a)
        other_root = _root(session, other)
        if other_root != members[mine]:
            out.setdefault(members[mine], []).append(
                {"relation": "suggested_duplicate", "claim_id": other_root, "score": round(float(score), 3)})
    return out


def _root(session: Session, claim_id: int) -> int:
    merged = session.exec(select(Claim.merged_into_id).where(Claim.id == claim_id)).first()
    return merged or claim_id
