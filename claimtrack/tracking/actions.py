"""Use cases of claim tracking: suggestions (list, accept, reject) and actor merge/split.

Like `claimtrack.services`, each runs in the caller's transaction and writes its audit event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimtrack import audit
from claimtrack.models import (
    Actor,
    Analyst,
    Appearance,
    Claim,
    LinkRelation,
    Suggestion,
    SuggestionStatus,
    pk,
    table_of,
    utcnow,
)
from claimtrack.services import ClaimtrackError, NotFoundError, _check_can_edit, get_claim, link_claims, merge


@dataclass(slots=True)
class SuggestionView:
    suggestion: Suggestion
    claim: Claim
    other: Claim
    claimant: str | None
    other_claimant: str | None


def list_suggestions(*, session: Session, limit: int = 20, status: SuggestionStatus = SuggestionStatus.open,
                     claim_id: int | None = None) -> list[SuggestionView]:
    """Suggestions, best score first (optionally those of one claim, in either direction)."""
    stmt = select(Suggestion).where(Suggestion.status == status)
    if claim_id is not None:
        stmt = stmt.where(sa.or_(col(Suggestion.claim_id) == claim_id, col(Suggestion.other_id) == claim_id))
    rows = session.exec(stmt.order_by(col(Suggestion.score).desc(), col(Suggestion.id)).limit(limit)).all()
    out = []
    for sg in rows:
        c, o = session.get(Claim, sg.claim_id), session.get(Claim, sg.other_id)
        if c is None or o is None:
            continue
        out.append(SuggestionView(sg, c, o, _name(session, c.claimant_id), _name(session, o.claimant_id)))
    return out


def _name(session: Session, actor_id: int | None) -> str | None:
    a = session.get(Actor, actor_id) if actor_id else None
    return a.canonical_name if a else None


def _open_suggestion(session: Session, suggestion_id: int) -> Suggestion:
    sg = session.get(Suggestion, suggestion_id)
    if sg is None:
        raise NotFoundError(f"no suggestion with id {suggestion_id}")
    if sg.status != SuggestionStatus.open:
        raise ClaimtrackError(f"suggestion {suggestion_id} is already {sg.status.value}")
    return sg


def _root(session: Session, claim_id: int) -> int:
    c = get_claim(session=session, claim_id=claim_id)
    return c.merged_into_id or pk(c)


def accept_suggestion(*, session: Session, by: Analyst, suggestion_id: int) -> str:
    """Accept: a duplicate (same source) is merged into the existing claim; a related claim gets `repeats`."""
    _check_can_edit(session, by)
    sg = _open_suggestion(session, suggestion_id)
    keep, dup = _root(session, sg.other_id), _root(session, sg.claim_id)
    if sg.relation == "duplicate" and keep != dup:
        merge(session=session, by=by, keep_id=keep, duplicate_id=dup)
        done = f"claim {dup} merged into claim {keep}"
    else:
        link_claims(session=session, by=by, source_id=sg.claim_id, relation=LinkRelation.repeats,
                    target_id=sg.other_id, evidence={"suggestion": sg.id, "score": sg.score})
        done = f"claim {sg.claim_id} repeats claim {sg.other_id}"
    _decide(session, by, sg, SuggestionStatus.accepted)
    return done


def reject_suggestion(*, session: Session, by: Analyst, suggestion_id: int) -> Suggestion:
    """Reject: the pair is remembered and never suggested again."""
    _check_can_edit(session, by)
    sg = _open_suggestion(session, suggestion_id)
    _decide(session, by, sg, SuggestionStatus.rejected)
    return sg


def reopen_suggestion(*, session: Session, by: Analyst, suggestion_id: int) -> Suggestion:
    """Undo a decision: the suggestion is open again (an accepted merge or link is undone by the caller)."""
    _check_can_edit(session, by)
    sg = session.get(Suggestion, suggestion_id)
    if sg is None:
        raise NotFoundError(f"no suggestion with id {suggestion_id}")
    if sg.status == SuggestionStatus.open:
        raise ClaimtrackError(f"suggestion {suggestion_id} is already open")
    _decide(session, by, sg, SuggestionStatus.open)
    sg.decided_by_id = sg.decided_at = None
    session.add(sg)
    return sg


def _decide(session: Session, by: Analyst, sg: Suggestion, status: SuggestionStatus) -> None:
    before = {"status": sg.status.value}
    sg.status, sg.decided_by_id, sg.decided_at = status, by.id, utcnow()
    session.add(sg)
    session.flush()
    audit.record(session, analyst=by, entity="suggestion", entity_id=sg.id, claim_id=sg.claim_id,
                 action=status.value, before=before,
                 after={"status": status.value, "claim": sg.claim_id, "other": sg.other_id, "score": sg.score})


# --- actors --------------------------------------------------------------------------------------


def get_actor(*, session: Session, actor_id: int) -> Actor:
    a = session.get(Actor, actor_id)
    if a is None:
        raise NotFoundError(f"no actor with id {actor_id}")
    return a


def merge_actors(*, session: Session, by: Analyst, keep_id: int, duplicate_id: int) -> Actor:
    """One person or body known under two actors: claims and appearances of `duplicate_id` move to `keep_id`,
    its names become aliases. Every moved row is recorded, so `split_actor` restores the previous state."""
    _check_can_edit(session, by)
    if keep_id == duplicate_id:
        raise ClaimtrackError("an actor cannot be merged into itself")
    keep, dup = get_actor(session=session, actor_id=keep_id), get_actor(session=session, actor_id=duplicate_id)
    if keep.merged_into_id is not None:
        raise ClaimtrackError(f"actor {keep_id} is itself merged into {keep.merged_into_id}; merge into that one")
    if dup.merged_into_id is not None:
        raise ClaimtrackError(f"actor {duplicate_id} is already merged into {dup.merged_into_id}")
    conn = session.connection()
    claims = _ids(conn, Claim, duplicate_id)
    apps = _ids(conn, Appearance, duplicate_id)
    _repoint(conn, claims, apps, keep_id)
    before = {"aliases": list(keep.aliases or [])}
    new = [n for n in (dup.canonical_name, dup.name_ar, dup.name_en, *(dup.aliases or [])) if n and n not in before["aliases"]
           and n != keep.canonical_name]
    keep.aliases = before["aliases"] + new
    dup.merged_into_id = keep_id
    session.add_all([keep, dup])
    session.flush()
    audit.record(session, analyst=by, entity="actor", entity_id=duplicate_id, action="merge",
                 before={"merged_into_id": None, "keep_aliases": before["aliases"]},
                 after={"merged_into_id": keep_id, "claims": claims, "appearances": apps})
    return dup


def split_actor(*, session: Session, by: Analyst, actor_id: int) -> Actor:
    """Undo an actor merge: the actor gets back exactly the claims, appearances and aliases it had."""
    from claimtrack.models import Event

    _check_can_edit(session, by)
    dup = get_actor(session=session, actor_id=actor_id)
    if dup.merged_into_id is None:
        raise ClaimtrackError(f"actor {actor_id} is not merged")
    ev = session.exec(select(Event).where(Event.entity == "actor", Event.entity_id == actor_id,
                                          Event.action == "merge").order_by(col(Event.id).desc())).first()
    after: dict[str, Any] = dict(ev.after or {}) if ev else {}
    before: dict[str, Any] = dict(ev.before or {}) if ev else {}
    keep = get_actor(session=session, actor_id=dup.merged_into_id)
    _repoint(session.connection(), after.get("claims", []), after.get("appearances", []), actor_id)
    keep.aliases = list(before.get("keep_aliases", keep.aliases))
    dup.merged_into_id = None
    session.add_all([keep, dup])
    session.flush()
    audit.record(session, analyst=by, entity="actor", entity_id=actor_id, action="split",
                 before={"merged_into_id": keep.id}, after={"merged_into_id": None})
    return dup


def _ids(conn: sa.Connection, model: Any, actor_id: int) -> list[int]:
    t = table_of(model)
    return [r for (r,) in conn.execute(sa.select(t.c.id).where(t.c.claimant_id == actor_id).order_by(t.c.id))]


def _repoint(conn: sa.Connection, claims: Sequence[int], apps: Sequence[int], actor_id: int) -> None:
    if claims:
        conn.execute(sa.update(table_of(Claim)).where(table_of(Claim).c.id.in_(list(claims)))
                     .values(claimant_id=actor_id))
    if apps:
        conn.execute(sa.update(table_of(Appearance)).where(table_of(Appearance).c.id.in_(list(apps)))
                     .values(claimant_id=actor_id))
