"""Cross-document denial links: a new denial is matched against earlier claims by other parties."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from claimtrack import search
from claimtrack.extract.base import ExtractedClaim
from claimtrack.models import Actor, Appearance, Claim, LinkOrigin, LinkRelation
from claimtrack.services import link_claims

MAX_CANDIDATES = 200
MAX_TERMS = 12


def _any_terms(session: Session, text: str) -> sa.ColumnElement[bool] | None:
    """Claims sharing at least one salient (long) folded term with `text`, via the full-text index."""
    terms = sorted({t for t in search.tokens(text) if len(t) >= 4}, key=len, reverse=True)[:MAX_TERMS]
    if not terms:
        return None
    if session.get_bind().dialect.name == "sqlite":
        expr = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        sub = sa.text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH :fts").bindparams(fts=expr)
        return Claim.id.in_(sub.columns(sa.column("rowid", sa.Integer)))  # type: ignore[union-attr, arg-type]
    return sa.func.to_tsvector("simple", Claim.search_text).op("@@")(
        sa.func.to_tsquery("simple", " | ".join(terms)))


def cross_document_denials(session: Session, claim: Claim, ex: ExtractedClaim, document_id: int) -> int:
    """Link `claim` (a denial) to matching claims in earlier documents; returns the number of links."""
    try:
        from claimtrack.extract.links import DENIAL_LINK_THRESHOLD, denial_match
    except ImportError:  # extraction without a link scorer
        return 0
    cond = _any_terms(session, ex.text or ex.quote)
    if cond is None:
        return 0
    earlier = select(Appearance.claim_id).where(Appearance.document_id < document_id)
    rows = session.exec(
        select(Claim.id, Claim.text, Actor.canonical_name)
        .join(Actor, Actor.id == Claim.claimant_id, isouter=True)  # type: ignore[arg-type]
        .where(cond, Claim.id.in_(earlier), Claim.claimant_id != claim.claimant_id)  # type: ignore[union-attr]
        .order_by(Claim.id.desc()).limit(MAX_CANDIDATES)  # type: ignore[union-attr]
    ).all()
    made = 0
    for cid, text, name in rows:
        score, evidence = denial_match(ex.text or ex.quote, ex.claimant.canonical, text, name or "", claim.language)
        if score >= DENIAL_LINK_THRESHOLD:
            evidence = {**evidence, "score": round(score, 3), "scope": "earlier document"}
            link_claims(session=session, by=None, source_id=claim.id, relation=LinkRelation.denies,  # type: ignore[arg-type]
                        target_id=cid, origin=LinkOrigin.auto, evidence=evidence)
            made += 1
    return made
