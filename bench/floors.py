"""Floors: the same work as claimtrack's queries, hand-written in SQL and run through the bare driver.

A floor is what the database itself costs; the ratio claimtrack/floor is the price of the layers above
(SQLAlchemy, the ORM, Python objects). Placeholders are written `:name` and turned into the driver's
style (`?` for sqlite3, `%s` for psycopg).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from typing import Any

ROW_COLUMNS = ("SELECT c.id, c.state, c.verdict, c.kind, a.canonical_name, c.text, c.language, c.first_seen, "
               "c.checkworthiness, c.version, an.handle, (SELECT o.name FROM appearance ap "
               "JOIN document d ON d.id = ap.document_id JOIN outlet o ON o.id = d.outlet_id "
               "WHERE ap.claim_id = c.id ORDER BY ap.id LIMIT 1) "
               "FROM claim c LEFT JOIN actor a ON a.id = c.claimant_id LEFT JOIN analyst an ON an.id = c.assignee_id ")


PG_WORK_MEM = "32MB"  # the session setting claimtrack's PostgreSQL connections make (db.POSTGRES_WORK_MEM)


class Driver:
    """A bare DB-API connection with one placeholder style."""

    def __init__(self, target: str) -> None:
        self.sqlite = "://" not in target or target.startswith("sqlite")
        if self.sqlite:
            path = target.split("///", 1)[-1] if target.startswith("sqlite") else target
            self.conn: Any = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        else:
            import psycopg

            self.conn = psycopg.connect(target.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)
            self.conn.execute(f"SET work_mem = '{PG_WORK_MEM}'")

    def sql(self, text: str) -> str:
        return re.sub(r":(\w+)", "?", text) if self.sqlite else re.sub(r":(\w+)", r"%(\1)s", text)

    def rows(self, text: str, params: dict[str, Any] | None = None) -> list[Sequence[Any]]:
        cur = self.conn.cursor()
        if self.sqlite:
            names = re.findall(r":(\w+)", text)
            cur.execute(self.sql(text), [params[n] for n in names] if params else [])
        else:
            cur.execute(self.sql(text), params or {})
        out = cur.fetchall()
        cur.close()
        return out

    def search_condition(self, query: str) -> tuple[str, dict[str, Any]]:
        from claimtrack import search  # the query's words, folded as claimtrack folds them

        if self.sqlite:
            return ("c.id IN (SELECT rowid FROM claim_fts WHERE claim_fts MATCH :fts)",
                    {"fts": search.fts5_query(query)})
        return ("c.id IN (SELECT m.id FROM claim m WHERE to_tsvector('simple', m.search_text) "
                "@@ to_tsquery('simple', :q) OFFSET 0)", {"q": pg_tsquery(query)})

    def close(self) -> None:
        self.conn.close()


def queue_page(d: Driver, after: int = 0, limit: int = 100) -> list[Sequence[Any]]:
    return d.rows(ROW_COLUMNS + "WHERE c.merged_into_id IS NULL AND c.id > :after ORDER BY c.id LIMIT :limit",
                  {"after": after, "limit": limit})


def queue_page_sorted(d: Driver, limit: int = 100) -> list[Sequence[Any]]:
    return d.rows(ROW_COLUMNS + "WHERE +c.merged_into_id IS NULL ORDER BY c.first_seen DESC, c.id DESC LIMIT :limit",
                  {"limit": limit})


def queue_page_state(d: Driver, state: str, limit: int = 100) -> list[Sequence[Any]]:
    return d.rows(ROW_COLUMNS + "WHERE +c.merged_into_id IS NULL AND c.state = :state ORDER BY c.id LIMIT :limit",
                  {"state": state, "limit": limit})


def pg_tsquery(query: str) -> str:
    """The tsquery text claimtrack searches PostgreSQL with (its analysed, prefixed terms)."""
    from claimtrack import search
    from claimtrack.analysis import query_terms

    return search.tsquery_expression(query_terms(query)) or ""


PG_WINDOW = 30_000  # claimtrack.queries.PG_SEARCH_WINDOW


def _pg_search_page(d: Driver, query: str, limit: int, window: bool) -> list[Sequence[Any]]:
    """claimtrack's shape: the match and filter in one fenced GIN scan (within a window of ids, GIN and
    primary-key bitmaps ANDed), a top-N sort, then the page's rows."""
    bound = int(d.rows("SELECT max(id) FROM claim")[0][0]) + 1 if window else None
    sql = ROW_COLUMNS.replace("FROM claim c ", "FROM (SELECT id FROM (SELECT m.id FROM claim m "
                              "WHERE m.merged_into_id IS NULL AND to_tsvector('simple', m.search_text) @@ "
                              "to_tsquery('simple', :q) " + ("AND m.id >= :lo AND m.id < :hi " if window else "")
                              + "OFFSET 0) f ORDER BY id DESC LIMIT :limit) p JOIN claim c ON c.id = p.id ")
    params = {"q": pg_tsquery(query), "limit": limit, **({"lo": bound - PG_WINDOW, "hi": bound} if bound else {})}
    if not window:
        return d.rows(sql + "ORDER BY c.id DESC", params)
    d.rows("SELECT set_config('enable_indexscan', 'off', false)")
    try:
        return d.rows(sql + "ORDER BY c.id DESC", params)
    finally:
        d.rows("SELECT set_config('enable_indexscan', 'on', false)")


def search_page(d: Driver, query: str, limit: int = 100) -> list[Sequence[Any]]:
    if not d.sqlite:
        rows = _pg_search_page(d, query, limit, window=True)
        return rows if len(rows) >= limit else _pg_search_page(d, query, limit, window=False)
    cond, params = d.search_condition(query)
    return d.rows(ROW_COLUMNS + f"WHERE c.merged_into_id IS NULL AND {cond} ORDER BY c.id DESC LIMIT :limit",
                  {**params, "limit": limit})


def count(d: Driver, query: str | None = None) -> int:
    if not query:
        return int(d.rows("SELECT count(*) FROM claim c WHERE c.merged_into_id IS NULL")[0][0])
    cond, params = d.search_condition(query)
    return int(d.rows(f"SELECT count(*) FROM claim c WHERE c.merged_into_id IS NULL AND {cond}", params)[0][0])


def detail(d: Driver, claim_id: int) -> int:
    """Everything the claim screen shows; returns the number of rows read."""
    p = {"id": claim_id}
    claim = d.rows("SELECT * FROM claim WHERE id = :id", p)
    n = len(claim)
    n += len(d.rows("SELECT a.*, f.* FROM claim c LEFT JOIN actor a ON a.id = c.claimant_id "
                    "LEFT JOIN actor f ON f.id = a.affiliation_id WHERE c.id = :id", p))
    n += len(d.rows("SELECT an.handle FROM analyst an WHERE an.id IN (SELECT assignee_id FROM claim WHERE id = :id "
                    "UNION SELECT investigator_id FROM claim WHERE id = :id "
                    "UNION SELECT reviewer_id FROM claim WHERE id = :id)", p))
    apps = d.rows("SELECT ap.*, doc.*, o.name, a.canonical_name FROM appearance ap "
                  "JOIN document doc ON doc.id = ap.document_id LEFT JOIN outlet o ON o.id = doc.outlet_id "
                  "LEFT JOIN actor a ON a.id = ap.claimant_id WHERE ap.claim_id = :id ORDER BY doc.published, ap.id", p)
    n += len(apps)
    for mine, theirs in (("source_id", "target_id"), ("target_id", "source_id")):
        n += len(d.rows(f"SELECT l.*, c.*, a.canonical_name FROM claim_link l JOIN claim c ON c.id = l.{theirs} "
                        f"LEFT JOIN actor a ON a.id = c.claimant_id WHERE l.{mine} = :id ORDER BY l.id", p))
    n += len(d.rows("SELECT e.*, ce.stance, ce.note, an.handle FROM evidence e "
                    "JOIN claim_evidence ce ON ce.evidence_id = e.id LEFT JOIN analyst an ON an.id = ce.created_by_id "
                    "WHERE ce.claim_id = :id ORDER BY ce.id", p))
    n += len(d.rows("SELECT cm.*, an.handle FROM comment cm LEFT JOIN analyst an ON an.id = cm.analyst_id "
                    "WHERE cm.claim_id = :id ORDER BY cm.id", p))
    docs = ", ".join(str(int(r[0])) for r in d.rows("SELECT DISTINCT document_id FROM appearance WHERE claim_id = :id", p))
    n += len(d.rows("SELECT * FROM event WHERE claim_id = :id OR (entity = 'document' AND action = 'ingest' AND "
                    f"entity_id IN ({docs or 'NULL'})) ORDER BY id", p))
    return n
