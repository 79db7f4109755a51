"""The claim queue's filter and rows, and the queue read through the bare sqlite3 driver.

`claimtrack claims` and the TUI's queue read SQLite pages here, without SQLAlchemy or the models: the
same keyset query as `queries.page_claims` (same conditions, same index hints, same row values), so a
fresh process can print or paint its first page before the database stack has loaded.
`BareReader.open` refuses anything it cannot read exactly like the ORM path (a URL, a missing file, a
database that is not at this claimtrack's schema); callers then take the ordinary path, which creates,
upgrades or reports the problem as always. PostgreSQL always takes the ordinary path.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import quote

from claimtrack.enums import ClaimKind, ClaimState, Verdict

# sort name → claim column (the same names as queries.SORTS)
SORT_COLUMNS = {"id": "id", "first_seen": "first_seen", "checkworthiness": "checkworthiness",
                "updated": "updated_at", "appearances": "appearance_count", "outlets": "outlet_count"}
INDEXED_FILTERS = ("state", "verdict", "kind", "language", "claimant", "assignee", "document_id", "since", "until")


@dataclass(slots=True)
class ClaimFilter:
    """What the queue, `claims`, reports and exports select on. Empty fields select everything."""

    state: ClaimState | None = None
    verdict: Verdict | None = None
    kind: ClaimKind | None = None
    claimant: str | None = None
    language: str | None = None
    assignee: str | None = None
    tag: str | None = None
    search: str | None = None
    document_id: int | None = None
    since: date | None = None
    until: date | None = None
    claim_ids: Sequence[int] | None = None
    include_merged: bool = False

    def is_empty(self) -> bool:
        return all(getattr(self, f) in (None, "", ()) for f in (
            "state", "verdict", "kind", "claimant", "language", "assignee", "tag", "search", "document_id",
            "since", "until", "claim_ids"))


@dataclass(slots=True)
class ClaimRow:
    """One line of the queue."""

    id: int
    state: str
    verdict: str
    kind: str
    claimant: str
    text: str
    language: str
    first_seen: datetime | None
    checkworthiness: float
    version: int
    assignee: str | None = None
    outlet: str | None = None
    rationale: str | None = None
    tags: list[str] = field(default_factory=list)
    appearances: int = 1  # with the claims merged into it
    outlets: int = 1


def sort_value(row: ClaimRow, sort: str) -> Any:
    return {"id": row.id, "first_seen": row.first_seen, "checkworthiness": row.checkworthiness,
            "appearances": row.appearances, "outlets": row.outlets}.get(sort, row.id)


ROW_COLUMNS = (
    "SELECT claim.id, claim.state, claim.verdict, claim.kind, actor.canonical_name, claim.text, claim.language, "
    "claim.first_seen, claim.checkworthiness, claim.version, analyst.handle, "
    "(SELECT outlet.name FROM appearance JOIN document ON document.id = appearance.document_id "
    "JOIN outlet ON outlet.id = document.outlet_id WHERE appearance.claim_id = claim.id "
    "ORDER BY appearance.id LIMIT 1), "
    "claim.rationale, claim.tags, claim.appearance_count, claim.outlet_count "
)
ROW_JOINS = ("LEFT OUTER JOIN actor ON actor.id = claim.claimant_id "
             "LEFT OUTER JOIN analyst ON analyst.id = claim.assignee_id")
ROW_SQL = f"{ROW_COLUMNS}FROM claim {ROW_JOINS}"
# A search sorted by id: the full-text index yields its matches in id order, so the page is read off it and
# stops after `limit` rows (the `IN (SELECT rowid …)` form computes every match first: twice the time for a
# word matching thousands of claims). `+` keeps the planner off ix_claim_merged_into_id.
FTS_ROW_SQL = f"{ROW_COLUMNS}FROM claim_fts JOIN claim ON claim.id = claim_fts.rowid {ROW_JOINS}"


def timestamp(value: datetime) -> str:
    """A datetime as SQLAlchemy stores it in SQLite (UTC, naive, microseconds)."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _param(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return timestamp(value)
    return value


def _utc(value: str | None) -> datetime | None:
    """A stored timestamp as the models return it: timezone-aware UTC."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _claimant_sql(name: str) -> tuple[str, list[Any]]:
    """queries.claimant_ids as SQL: the actors named like `name` in any script, and those merged into them."""
    from claimtrack.tracking.translit import name_key

    literal = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pat = f"%{literal}%"
    conds = [f"lower(actor.{col}) LIKE lower(?) ESCAPE '\\'" for col in ("canonical_name", "name_ar", "name_en")]
    params: list[Any] = [pat, pat, pat]
    parts = [k for k in (name_key(name) or "").split() if len(k) >= 3]
    if parts:
        conds.append("(" + " AND ".join("actor.name_key LIKE ?" for _ in parts) + ")")
        params += [f"% {k} %" for k in parts]
    direct = "SELECT actor.id FROM actor WHERE " + " OR ".join(conds)
    return (f"claim.claimant_id IN (SELECT actor.id FROM actor WHERE actor.id IN ({direct}) "
            f"OR actor.merged_into_id IN ({direct}))", params + params)


def _search_sql(query: str) -> tuple[str, list[Any]] | None:
    """search.match_clause on SQLite, as SQL."""
    from claimtrack.search import claim_id_of, fts5_query

    wanted = claim_id_of(query)
    if wanted is not None and query.lstrip().startswith("#"):
        return "claim.id = ?", [wanted]
    expr = fts5_query(query)
    if expr is None:
        return None
    text = "claim.id IN (SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?)"
    if wanted is not None:
        return f"(claim.id = ? OR {text})", [wanted, expr]
    return text, [expr]


def where_sql(f: ClaimFilter, *, sort: str | None = None) -> tuple[list[str], list[Any]]:
    """queries._where on SQLite: the filter's conditions and their parameters."""
    conds: list[str] = []
    params: list[Any] = []
    if not f.include_merged:
        unindexed = sort is not None and (sort != "id" or any(getattr(f, n) for n in INDEXED_FILTERS))
        conds.append("+claim.merged_into_id IS NULL" if unindexed else "claim.merged_into_id IS NULL")
    for name in ("state", "verdict", "kind", "language"):
        value = getattr(f, name)
        if value:
            conds.append(f"claim.{name} = ?")
            params.append(_param(value))
    if f.claim_ids is not None:
        ids = [int(i) for i in f.claim_ids]
        conds.append(f"claim.id IN ({', '.join('?' * len(ids))})" if ids else "claim.id != claim.id")
        params += ids
    if f.claimant and len(f.claimant) > 300:
        conds.append("0 = 1")
    elif f.claimant:
        sql, more = _claimant_sql(f.claimant)
        conds.append(sql)
        params += more
    if f.assignee:
        conds.append("claim.assignee_id IN (SELECT analyst.id FROM analyst WHERE analyst.handle = ?)")
        params.append(f.assignee)
    if f.tag:
        conds.append("EXISTS (SELECT 1 FROM json_each(claim.tags) WHERE json_each.value = ?)")
        params.append(f.tag)
    if f.document_id is not None:
        conds.append("claim.id IN (SELECT appearance.claim_id FROM appearance WHERE appearance.document_id = ?)")
        params.append(f.document_id)
    if f.since:
        conds.append("claim.first_seen >= ?")
        params.append(timestamp(datetime.combine(f.since, datetime.min.time())))
    if f.until:
        conds.append("claim.first_seen < ?")
        params.append(timestamp(datetime.combine(f.until, datetime.max.time())))
    if f.search:
        match = _search_sql(f.search)
        if match is not None:
            conds.append(match[0])
            params += match[1]
    return conds, params


def _fts_page(f: ClaimFilter, sort: str) -> str | None:
    """The FTS5 expression when the page is best read off the full-text index in id order, else None:
    a text search (no claim id in it), sorted by id, and no other filter that an index of its own serves."""
    if not f.search or sort != "id" or f.claim_ids is not None or any(getattr(f, n) for n in INDEXED_FILTERS):
        return None
    from claimtrack.search import claim_id_of, fts5_query

    return None if claim_id_of(f.search) is not None else fts5_query(f.search)


def _fts_page_sql(f: ClaimFilter, expr: str, descending: bool, limit: int, after: tuple[Any, int] | None
                  ) -> tuple[str, list[Any]]:
    conds, params = where_sql(replace(f, search=None, include_merged=True))
    conds = ["claim_fts MATCH ?", *conds] + ([] if f.include_merged else ["+claim.merged_into_id IS NULL"])
    params = [expr, *params]
    op, way = ("<", "DESC") if descending else (">", "ASC")
    if after is not None:
        conds.append(f"claim_fts.rowid {op} ?")
        params.append(after[1])
    return f"{FTS_ROW_SQL} WHERE {' AND '.join(conds)} ORDER BY claim_fts.rowid {way} LIMIT ?", [*params, limit]


def page_sql(f: ClaimFilter, sort: str = "id", descending: bool = False, limit: int = 50,
             after: tuple[Any, int] | None = None) -> tuple[str, list[Any]]:
    """queries.page_claims on SQLite: one keyset page of queue rows, as SQL and parameters."""
    expr = _fts_page(f, sort)
    if expr is not None:
        return _fts_page_sql(f, expr, descending, limit, after)
    col = f"claim.{SORT_COLUMNS[sort]}"
    conds, params = where_sql(f, sort=sort)
    op = "<" if descending else ">"
    if after is not None:
        value, last_id = after
        if sort == "id":
            conds.append(f"claim.id {op} ?")
            params.append(last_id)
        else:
            conds.append(f"({col}, claim.id) {op} (?, ?)")
            params += [_param(value), last_id]
    way = "DESC" if descending else "ASC"
    order = f"claim.id {way}" if sort == "id" else f"{col} {way}, claim.id {way}"
    where = f" WHERE {' AND '.join(conds)}" if conds else ""
    return f"{ROW_SQL}{where} ORDER BY {order} LIMIT ?", [*params, limit]


def count_sql(f: ClaimFilter) -> tuple[str, list[Any]]:
    conds, params = where_sql(f)
    where = f" WHERE {' AND '.join(conds)}" if conds else ""
    return f"SELECT count(*) FROM claim{where}", params


def to_rows(result: Any) -> list[ClaimRow]:
    return [ClaimRow(id=i, state=st, verdict=v, kind=k, claimant=name or "", text=text, language=lang,
                     first_seen=_utc(seen), checkworthiness=cw, version=ver, assignee=handle, outlet=outlet,
                     rationale=rationale, tags=list(json.loads(tags) or []) if tags else [], appearances=apps,
                     outlets=outlets)
            for i, st, v, k, name, text, lang, seen, cw, ver, handle, outlet, rationale, tags, apps, outlets in result]


class BareReader:
    """Queue pages and counts of one SQLite claimtrack database, read-only, through sqlite3 alone.

    Safe to share between threads: each query takes an idle connection of its own (a long count never
    holds up a page fetched meanwhile); each statement reads the latest committed state."""

    def __init__(self, uri: str, first: sqlite3.Connection) -> None:
        self.uri = uri
        self._idle = [first]
        self._all = [first]
        self._lock = threading.Lock()

    @classmethod
    def open(cls, target: str) -> BareReader | None:
        """A reader for the SQLite file `target` at this claimtrack's schema, else None."""
        from claimtrack.migrations import HEAD
        from claimtrack.target import is_url

        if is_url(target) or target in ("", ":memory:"):
            return None
        path = Path(target).expanduser()
        try:
            if not path.is_file() or path.stat().st_size == 0:
                return None
            uri = f"file:{quote(str(path.resolve()))}?mode=ro"
            conn = _connect(uri)
        except (OSError, sqlite3.Error):
            return None
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            row = None
        if row is None or row[0] != HEAD:
            conn.close()
            return None
        return cls(uri, conn)

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = _connect(self.uri)
            with self._lock:
                self._all.append(conn)
        try:
            yield conn
        finally:
            with self._lock:
                self._idle.append(conn)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._connection() as conn:
            return conn.execute(sql, params).fetchall()

    def page(self, filt: ClaimFilter, sort: str = "id", descending: bool = False, limit: int = 50,
             after: tuple[Any, int] | None = None) -> list[ClaimRow]:
        return to_rows(self.rows(*page_sql(filt, sort, descending, limit, after)))

    def count(self, filt: ClaimFilter) -> int:
        return int(self.rows(*count_sql(filt))[0][0])

    def has_documents(self) -> bool:
        return bool(self.rows("SELECT 1 FROM document LIMIT 1"))

    def close(self) -> None:
        with self._lock:
            conns, self._all, self._idle = self._all, [], []
        for conn in conns:
            conn.close()


def _connect(uri: str) -> sqlite3.Connection:
    from claimtrack.target import BUSY_TIMEOUT_MS

    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                           isolation_level=None)
