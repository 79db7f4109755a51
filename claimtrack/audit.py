"""The append-only, hash-chained audit log and its verifier."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from claimtrack.models import Analyst, Event, utcnow


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def jsonable(data: dict[str, Any] | None) -> dict[str, Any] | None:
    """A JSON-safe copy (enums to values, datetimes to ISO)."""
    if data is None:
        return None
    return json.loads(json.dumps(data, default=_default, ensure_ascii=False))


def event_hash(prev_hash: str, ev: Event) -> str:
    body = {
        "prev": prev_hash,
        "at": ev.at.isoformat(timespec="microseconds"),
        "analyst": ev.analyst_handle,
        "entity": ev.entity,
        "entity_id": ev.entity_id,
        "claim_id": ev.claim_id,
        "action": ev.action,
        "before": ev.before,
        "after": ev.after,
        "rationale": ev.rationale,
    }
    raw = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_default)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _lock_chain(session: Session) -> None:
    # SQLite writers already hold the write lock (BEGIN IMMEDIATE); PostgreSQL needs an explicit one.
    if session.get_bind().dialect.name == "postgresql":
        session.exec(sa.text("SELECT pg_advisory_xact_lock(7160)"))  # type: ignore[call-overload]


def record(
    session: Session,
    *,
    analyst: Analyst | None,
    entity: str,
    entity_id: int | None,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    rationale: str | None = None,
    claim_id: int | None = None,
) -> Event:
    """Append an event to the chain in the caller's transaction."""
    _lock_chain(session)
    prev = session.exec(select(Event.hash).order_by(Event.id.desc()).limit(1)).first() or ""  # type: ignore[union-attr]
    ev = Event(
        at=utcnow(),
        analyst_id=analyst.id if analyst else None,
        analyst_handle=analyst.handle if analyst else None,
        entity=entity,
        entity_id=entity_id,
        claim_id=claim_id,
        action=action,
        before=jsonable(before),
        after=jsonable(after),
        rationale=rationale,
        prev_hash=prev,
        hash="",
    )
    ev.hash = event_hash(prev, ev)
    session.add(ev)
    session.flush()
    return ev


@dataclass(slots=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    problem: str | None = None


def iter_events(session: Session, batch: int = 2000) -> Iterator[Event]:
    last = 0
    while True:
        rows = session.exec(select(Event).where(Event.id > last).order_by(Event.id).limit(batch)).all()  # type: ignore[arg-type, operator]
        if not rows:
            return
        yield from rows
        last = rows[-1].id  # type: ignore[assignment]


def verify(session: Session) -> ChainReport:
    """Walk the chain; report the first event whose hash or link does not hold."""
    prev = ""
    n = 0
    for ev in iter_events(session):
        n += 1
        if ev.prev_hash != prev:
            return ChainReport(False, n, ev.id, "its prev_hash does not match the event before it (deleted or reordered)")
        if event_hash(prev, ev) != ev.hash:
            return ChainReport(False, n, ev.id, "its content does not match its hash (edited after it was written)")
        prev = ev.hash
    return ChainReport(True, n)
