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


HASHED_FIELDS = ("at", "analyst_handle", "entity", "entity_id", "claim_id", "action", "before", "after", "rationale")


def event_hash(prev_hash: str, ev: Event | dict[str, Any]) -> str:
    """sha256 over the previous hash and the event's content."""
    get = ev.get if isinstance(ev, dict) else lambda k: getattr(ev, k)
    body: dict[str, Any] = {"prev": prev_hash, **{k: get(k) for k in HASHED_FIELDS}}
    body["at"] = body["at"].isoformat(timespec="microseconds")
    raw = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_default)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _lock_chain(session: Session) -> None:
    # SQLite writers already hold the write lock (BEGIN IMMEDIATE); PostgreSQL needs an explicit one.
    if session.get_bind().dialect.name == "postgresql":
        session.exec(sa.text("SELECT pg_advisory_xact_lock(7160)"))  # type: ignore[call-overload]


class ChainHead:
    """The hash of the newest event, cached across many records in one write transaction.

    Only valid while the transaction holds the chain lock; `reset()` after rolling back a savepoint.
    """

    def __init__(self) -> None:
        self.hash: str | None = None

    def reset(self) -> None:
        self.hash = None


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
    chain: ChainHead | None = None,
) -> str:
    """Append an event to the chain in the caller's transaction; returns its hash."""
    if chain is not None and chain.hash is not None:
        prev = chain.hash
    else:
        _lock_chain(session)
        prev = session.exec(select(Event.hash).order_by(Event.id.desc()).limit(1)).first() or ""  # type: ignore[union-attr]
    row: dict[str, Any] = {
        "at": utcnow(),
        "analyst_id": analyst.id if analyst else None,
        "analyst_handle": analyst.handle if analyst else None,
        "entity": entity,
        "entity_id": entity_id,
        "claim_id": claim_id,
        "action": action,
        "before": jsonable(before),
        "after": jsonable(after),
        "rationale": rationale,
        "prev_hash": prev,
    }
    row["hash"] = event_hash(prev, row)
    session.connection().execute(sa.insert(Event.__table__), [row])
    if chain is not None:
        chain.hash = row["hash"]
    return row["hash"]


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
