"""The append-only, hash-chained audit log and its verifier."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from claimtrack import bulk_insert
from claimtrack.audit_rows import AUDITED, Digests, LatestDigests, Mismatch, read_digests
from claimtrack.models import Analyst, Event, id_column, pk, table_of, utcnow


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
    digests = get("digests")
    if digests is not None:  # events written before row digests existed hash as they always did
        body["digests"] = digests
    body["at"] = body["at"].isoformat(timespec="microseconds")
    raw = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_default)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _lock_chain(conn: sa.Connection) -> None:
    # SQLite writers already hold the write lock (BEGIN IMMEDIATE); PostgreSQL needs an explicit one.
    if conn.dialect.name == "postgresql":
        from claimtrack.db import lock_writers

        lock_writers(conn)


class ChainHead:
    """The hash of the newest event, cached across many records in one write transaction.

    Only valid while the transaction holds the chain lock; `reset()` after rolling back a savepoint.
    With `buffered=True` (bulk ingest) events are kept in `pending` and inserted by `write()` with one
    executemany; `mark()` and `rollback_to()` drop the events of a rolled-back savepoint.
    """

    def __init__(self, buffered: bool = False) -> None:
        self.hash: str | None = None
        self.pending: list[dict[str, Any]] | None = [] if buffered else None

    def reset(self) -> None:
        self.hash = None

    def mark(self) -> int:
        return len(self.pending or ())

    def rollback_to(self, mark: int) -> None:
        """Forget the events buffered since `mark`; the head is the newest one kept (or re-read)."""
        if self.pending is not None:
            del self.pending[mark:]
        self.hash = self.pending[-1]["hash"] if self.pending else None

    def write(self, conn: sa.Connection) -> None:
        """Insert the buffered events, in order."""
        if self.pending:
            bulk_insert.insert(conn, table_of(Event), self.pending)
            self.pending = []


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
    touched: dict[str, list[int]] | None = None,
    digests: Digests | None = None,
) -> str:
    """Append an event to the chain in the caller's transaction; returns its hash.

    The event carries the digest of every audited row it changed, read back after the change: the
    row `entity`/`entity_id` names when it is an audited table, the rows in `touched`, plus any
    precomputed `digests` (the bulk ingest path computes them from the values it inserted).
    """
    rows: Digests = {table: dict(d) for table, d in (digests or {}).items()}
    wanted = {table: list(ids) for table, ids in (touched or {}).items()}
    if entity in AUDITED and entity_id is not None:
        wanted[entity] = [*wanted.get(entity, []), entity_id]
    wanted = {t: [i for i in ids if str(i) not in rows.get(t, {})] for t, ids in wanted.items()}
    if any(wanted.values()):
        session.flush()
        for table, ids in wanted.items():
            if ids:
                rows.setdefault(table, {}).update(read_digests(session.connection(), table, ids))
    return append(session.connection(), analyst=analyst, entity=entity, entity_id=entity_id, action=action,
                  before=before, after=after, rationale=rationale, claim_id=claim_id, chain=chain,
                  digests=rows or None)


def append(
    conn: sa.Connection,
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
    digests: Digests | None = None,
) -> str:
    """Append one event on a Core connection (also used by migrations); returns its hash."""
    if chain is not None and chain.hash is not None:
        prev = chain.hash
    else:
        _lock_chain(conn)
        t = table_of(Event)
        prev = conn.execute(sa.select(t.c.hash).order_by(t.c.id.desc()).limit(1)).scalar() or ""
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
        "digests": digests,
    }
    row["hash"] = event_hash(prev, row)
    if chain is not None and chain.pending is not None:
        chain.pending.append(row)
    else:
        conn.execute(sa.insert(table_of(Event)), [row])
    if chain is not None:
        chain.hash = row["hash"]
    return row["hash"]


@dataclass(slots=True)
class ChainReport:
    """The chain's state (`first_bad_id`, `problem`) and the data's (`mismatches`); `ok` only if both hold."""

    ok: bool
    checked: int
    first_bad_id: int | None = None
    problem: str | None = None
    rows_checked: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)


def iter_events(session: Session, batch: int = 2000) -> Iterator[Event]:
    last = 0
    while True:
        rows = session.exec(select(Event).where(id_column(Event) > last).order_by(id_column(Event)).limit(batch)).all()
        if not rows:
            return
        yield from rows
        last = pk(rows[-1])


def verify(session: Session, *, data: bool = True) -> ChainReport:
    """Walk the chain (the first event whose hash or link does not hold), then compare every audited
    row with the digest the newest event touching it recorded (unless `data` is False)."""
    prev = ""
    n = 0
    latest = LatestDigests()
    report = ChainReport(True, 0)
    for ev in iter_events(session):
        n += 1
        if report.ok and ev.prev_hash != prev:
            report = ChainReport(False, n, ev.id, "its prev_hash does not match the event before it (deleted or reordered)")
        elif report.ok and event_hash(prev, ev) != ev.hash:
            report = ChainReport(False, n, ev.id, "its content does not match its hash (edited after it was written)")
        latest.add(pk(ev), ev.digests)  # after a break too: the rows are still named
        prev = ev.hash
    report.checked = n
    if data:
        report.rows_checked, report.mismatches = latest.compare(session.connection())
        report.ok = report.ok and not report.mismatches
    return report
