"""A claim's timeline: every appearance (its own and those of the claims merged into it) by date,
the first marked, repeats by other outlets, then the denials and evidence that came later."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimtrack.models import (
    Actor,
    Appearance,
    Claim,
    ClaimEvidence,
    ClaimLink,
    Document,
    Evidence,
    LinkRelation,
    Outlet,
    id_column,
    pk,
)
from claimtrack.services import get_claim
from claimtrack.text import shorten


@dataclass(slots=True)
class Entry:
    when: str  # ISO date (partial allowed) or timestamp
    what: str  # "first", "repeat", "appearance", "denied", "evidence"
    claim_id: int
    outlet: str | None
    text: str
    document_id: int | None = None


def members(session: Session, claim_id: int) -> list[int]:
    """The claim and every claim merged into it."""
    root = get_claim(session=session, claim_id=claim_id)
    rid = root.merged_into_id or pk(root)
    members = select(id_column(Claim)).where(Claim.merged_into_id == rid).order_by(col(Claim.id))
    return [rid, *session.exec(members).all()]


def _day(stated_on: str | None, published: object) -> str:
    return stated_on or (published.isoformat() if hasattr(published, "isoformat") else "")


def timeline(*, session: Session, claim_id: int) -> list[Entry]:
    """Appearances by stated_on, then publication date; then denials and evidence, in date order."""
    ids = members(session, claim_id)
    rows = session.exec(
        select(Appearance, Document, Outlet.name, Actor.canonical_name)
        .join(Document, col(Document.id) == col(Appearance.document_id))
        .join(Outlet, col(Outlet.id) == col(Document.outlet_id), isouter=True)
        .join(Actor, col(Actor.id) == col(Appearance.claimant_id), isouter=True)
        .where(col(Appearance.claim_id).in_(ids))
    ).all()
    rows = sorted(rows, key=lambda r: (r[0].stated_on or "9999", str(r[1].published or "9999"), r[0].id))
    out: list[Entry] = []
    first_outlet = None
    for i, (app, doc, outlet, name) in enumerate(rows):
        kind = "first" if i == 0 else ("repeat" if outlet and outlet != first_outlet else "appearance")
        first_outlet = outlet if i == 0 else first_outlet
        who = app.claimant_surface or name or "?"
        out.append(Entry(_day(app.stated_on, doc.published), kind, app.claim_id, outlet or doc.origin_name,
                         f"{who}: «{shorten(app.quote, 80)}»", doc.id))
    out += _denials(session, ids) + _evidence(session, ids)
    head, tail = out[: len(rows)], sorted(out[len(rows):], key=lambda e: e.when)
    return head + tail


def _denials(session: Session, ids: list[int]) -> list[Entry]:
    src = sa.orm.aliased(Claim)
    rows = session.exec(
        select(ClaimLink, src, Actor.canonical_name)
        .join(src, col(src.id) == col(ClaimLink.source_id))
        .join(Actor, col(Actor.id) == col(src.claimant_id), isouter=True)
        .where(col(ClaimLink.target_id).in_(ids), ClaimLink.relation == LinkRelation.denies)
    ).all()
    out = []
    for link, denial, name in rows:
        when = session.exec(select(sa.func.min(Document.published)).join(
            Appearance, col(Appearance.document_id) == col(Document.id)).where(Appearance.claim_id == denial.id)).first()
        out.append(Entry(_day(None, when), "denied", pk(denial), None,
                         f"{name or '?'} denies (claim {denial.id}, {link.origin.value}): {shorten(denial.text, 90)}"))
    return out


def _evidence(session: Session, ids: list[int]) -> list[Entry]:
    rows = session.exec(
        select(ClaimEvidence, Evidence).join(Evidence, col(Evidence.id) == col(ClaimEvidence.evidence_id))
        .where(col(ClaimEvidence.claim_id).in_(ids))
    ).all()
    return [Entry(ce.created_at.date().isoformat(), "evidence", ce.claim_id, None,
                  shorten(f"{ce.stance.value} {ev.grade}: {ev.title or ev.url or ev.excerpt or ''}", 120)) for ce, ev in rows]
