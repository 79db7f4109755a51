"""Duplicate suggestions: claims by the same claimant with nearly the same words."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from claimtrack.models import Actor, Claim
from claimtrack.search import tokens

SCAN_LIMIT = 5000


@dataclass(slots=True)
class Suggestion:
    keep_id: int
    duplicate_id: int
    score: float
    claimant: str
    keep_text: str
    duplicate_text: str


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of folded word sets (0-1)."""
    ta, tb = set(tokens(a)), set(tokens(b))
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def duplicate_suggestions(*, session: Session, threshold: float, limit: int = 20) -> list[Suggestion]:
    """Pairs among the most recent claims (same claimant, not merged, not yet linked) above `threshold`."""
    rows = session.exec(
        select(Claim.id, Claim.text, Claim.claimant_id, Actor.canonical_name)
        .join(Actor, Actor.id == Claim.claimant_id, isouter=True)  # type: ignore[arg-type]
        .where(Claim.merged_into_id.is_(None))  # type: ignore[union-attr]
        .order_by(Claim.id.desc()).limit(SCAN_LIMIT)  # type: ignore[union-attr]
    ).all()
    by_claimant: dict[int | None, list[tuple[int, str, str]]] = {}
    for cid, text, claimant_id, name in rows:
        by_claimant.setdefault(claimant_id, []).append((cid, text, name or ""))
    found: list[Suggestion] = []
    for group in by_claimant.values():
        group.sort()
        for i, (a_id, a_text, name) in enumerate(group):
            for b_id, b_text, _ in group[i + 1:]:
                score = similarity(a_text, b_text)
                if score >= threshold:
                    found.append(Suggestion(a_id, b_id, score, name, a_text, b_text))
    found.sort(key=lambda s: (-s.score, s.keep_id))
    return found[:limit]
