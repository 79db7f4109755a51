"""Row digests: each audit event stores a digest of every row it changed, as the row stood after the change.

`audit verify` recomputes the digest of every audited row and compares it with the newest event
that touched the row, so a direct SQL edit, insert or delete of audited data is detected.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa

# table -> the columns a digest covers (what an analyst's decision or the record of a source consists of)
AUDITED: dict[str, tuple[str, ...]] = {
    "analyst": ("handle", "role"),
    "document": ("sha256", "text", "title", "url", "published", "outlet_id"),
    "claim": ("text", "kind", "state", "verdict", "rationale", "claimant_id", "assignee_id", "investigator_id",
              "reviewer_id", "tags", "merged_into_id", "version"),
    "appearance": ("claim_id", "document_id", "claimant_id", "claimant_surface", "quote", "start", "end"),
    "claim_link": ("source_id", "target_id", "relation", "origin", "note"),
    "evidence": ("kind", "title", "url", "document_id", "file_path", "sha256", "excerpt", "reliability",
                 "credibility"),
    "claim_evidence": ("claim_id", "evidence_id", "stance", "note"),
    "comment": ("claim_id", "analyst_id", "body"),
}

Digests = dict[str, dict[str, str | None]]  # table -> {row id as text: digest, or None when deleted}


def _norm(value: Any) -> Any:
    if isinstance(value, str):  # long text (an article) enters as its own sha256: cheaper to serialise
        return value if len(value) <= 256 else "sha256:" + hashlib.sha256(
            value.encode("utf-8", "surrogatepass")).hexdigest()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_norm(v) for v in value]
    return value


def row_digest(table: str, row: Mapping[str, Any] | sa.RowMapping) -> str:
    """A 128-bit digest of the audited columns of one row (a mapping of column name to value)."""
    values = [table, *(_norm(row.get(col)) for col in AUDITED[table])]
    raw = json.dumps(values, ensure_ascii=True, separators=(",", ":"), default=str)
    return hashlib.blake2b(raw.encode("ascii"), digest_size=16).hexdigest()


def _table(name: str) -> sa.Table:
    from sqlmodel import SQLModel

    import claimtrack.models  # noqa: F401  (registers the tables)

    return SQLModel.metadata.tables[name]


def read_digests(conn: sa.Connection, table: str, ids: Iterable[int]) -> dict[str, str | None]:
    """The current digest of each row (None for a row that no longer exists)."""
    wanted = sorted({int(i) for i in ids})
    out: dict[str, str | None] = {str(i): None for i in wanted}
    t = _table(table)
    cols = [t.c.id, *(t.c[c] for c in AUDITED[table])]
    for start in range(0, len(wanted), 500):
        for row in conn.execute(sa.select(*cols).where(t.c.id.in_(wanted[start:start + 500]))).mappings():
            out[str(row["id"])] = row_digest(table, row)
    return out


def iter_table_digests(conn: sa.Connection, table: str, batch: int = 5000) -> Iterator[tuple[int, str]]:
    """(id, digest) of every row of an audited table, in id order."""
    t = _table(table)
    cols = [t.c.id, *(t.c[c] for c in AUDITED[table])]
    last = 0
    while True:
        rows = conn.execute(sa.select(*cols).where(t.c.id > last).order_by(t.c.id).limit(batch)).mappings().all()
        if not rows:
            return
        for row in rows:
            yield row["id"], row_digest(table, row)
        last = rows[-1]["id"]


@dataclass(slots=True, frozen=True)
class Mismatch:
    """One audited row that does not match what the audit log says."""

    table: str
    row_id: int
    event_id: int | None  # the newest event that touched the row, None if no event ever did
    problem: str

    def __str__(self) -> str:
        by = f"event {self.event_id}" if self.event_id is not None else "no event"
        return f"{self.table} {self.row_id}: {self.problem} (last recorded by {by})"


class LatestDigests:
    """The newest digest the audit log holds for each row, fed event by event in chain order."""

    def __init__(self) -> None:
        self.latest: dict[tuple[str, int], tuple[str | None, int]] = {}

    def add(self, event_id: int, digests: Digests | None) -> None:
        for table, rows in (digests or {}).items():
            for rid, digest in rows.items():
                self.latest[(table, int(rid))] = (digest, event_id)

    def compare(self, conn: sa.Connection) -> tuple[int, list[Mismatch]]:
        """(rows checked, mismatches) between the tables and the newest digests."""
        problems: list[Mismatch] = []
        checked = 0
        for table in AUDITED:
            seen: set[int] = set()
            for rid, digest in iter_table_digests(conn, table):
                checked += 1
                seen.add(rid)
                expected = self.latest.get((table, rid))
                if expected is None:
                    problems.append(Mismatch(table, rid, None, "no audit event records this row (inserted outside claimtrack)"))
                elif expected[0] is None:
                    problems.append(Mismatch(table, rid, expected[1], "the row exists but the audit log says it was deleted"))
                elif expected[0] != digest:
                    problems.append(Mismatch(table, rid, expected[1], "the row differs from the audit log (changed outside claimtrack)"))
            problems += [Mismatch(t, rid, ev, "the row is missing (deleted outside claimtrack)")
                         for (t, rid), (d, ev) in self.latest.items() if t == table and d is not None and rid not in seen]
        return checked, problems

