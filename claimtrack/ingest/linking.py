"""Cross-document denial links: a new denial is matched against earlier claims by other parties."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from claimtrack import search
from claimtrack.extract.base import ExtractedClaim
from claimtrack.models import Actor, Appearance, Claim

MAX_CANDIDATES = 200
MAX_TERMS = 12


def _any_terms(session: Session, text: str) -> sa.ColumnElement[bool] | None:
    """Claims sharing at least one salient (long) folded term with `text`, via the full-text index."""
    terms = sorted({t for t in search.tokens(text) if len(t) >= 4}, key=lambda t: (-len(t), t))[:MAX_TERMS]
    if not terms:
        return None
    if session.get_bind().dialect.name == "sqlite":
        expr = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        sub = sa.text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH :fts").bindparams(fts=expr)
        return Claim.id.in_(sub.columns(sa.column("rowid", sa.Integer)))  # type: ignore[union-attr, arg-type]
    return sa.func.to_tsvector("simple", Claim.search_text).op("@@")(
        sa.func.to_tsquery("simple", " | ".join(terms)))


def cross_document_denials(
    session: Session, claim_id: int, claimant_id: int, language: str, ex: ExtractedClaim, document_id: int
) -> list[tuple[int, dict[str, Any]]]:
    """Earlier claims by other parties that the denial `ex` rejects, with the evidence for each link."""
    try:
        from claimtrack.extract.links import DENIAL_LINK_THRESHOLD, denial_match
    except ImportError:  # extraction without a link scorer
        return []
    cond = _any_terms(session, ex.text or ex.quote)
    if cond is None:
        return []
    earlier = select(Appearance.claim_id).where(Appearance.document_id < document_id)
    rows = session.exec(
        select(Claim.id, Claim.text, Actor.canonical_name)
        .join(Actor, Actor.id == Claim.claimant_id, isouter=True)  # type: ignore[arg-type]
        .where(cond, Claim.id.in_(earlier), Claim.claimant_id != claimant_id)  # type: ignore[union-attr]
        .order_by(Claim.id.desc()).limit(MAX_CANDIDATES)  # type: ignore[union-attr]
    ).all()
    found = []
    for cid, text, name in rows:
        score, evidence = denial_match(ex.text or ex.quote, ex.claimant.canonical, text, name or "", language)
        if score >= DENIAL_LINK_THRESHOLD:
            found.append((cid, {**evidence, "score": round(score, 3), "scope": "earlier document"}))
    return found
