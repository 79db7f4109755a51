"""Full-text search over claims: FTS5 over folded text on SQLite, tsvector on PostgreSQL.

User input is never pasted into a query: it is folded, split into word tokens, and each token is
quoted as an FTS5 string (SQLite) or passed to plainto_tsquery (PostgreSQL) as a bound parameter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import sqlalchemy as sa

from claimtrack.text import fold

_TOKEN = re.compile(r"\w+", re.UNICODE)

SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS claim_fts USING fts5("
    "search_text, content='claim', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS claim_fts_ai AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS claim_fts_ad AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS claim_fts_au AFTER UPDATE OF search_text ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO claim_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS claim_fts_au",
    "DROP TRIGGER IF EXISTS claim_fts_ad",
    "DROP TRIGGER IF EXISTS claim_fts_ai",
    "DROP TABLE IF EXISTS claim_fts",
)
POSTGRES_DDL = (
    "CREATE INDEX IF NOT EXISTS ix_claim_search_tsv ON claim USING gin (to_tsvector('simple', search_text))",
)
POSTGRES_DROP = ("DROP INDEX IF EXISTS ix_claim_search_tsv",)


def search_text(*parts: str | None) -> str:
    """The folded text stored in Claim.search_text."""
    return fold(" ".join(p for p in parts if p))


def tokens(query: str) -> list[str]:
    """Folded word tokens of a user query."""
    return _TOKEN.findall(fold(query))


def fts5_query(query: str) -> str | None:
    """A safe FTS5 MATCH expression: every token quoted, prefix-matched, ANDed. None if no tokens."""
    toks = tokens(query)
    if not toks:
        return None
    return " ".join('"' + t.replace('"', '""') + '"*' for t in toks)


def match_clause(dialect: str, query: str, id_column: sa.ColumnElement[int]) -> sa.ColumnElement[bool] | None:
    """A WHERE clause restricting `id_column` (claim ids) to claims matching `query`."""
    if dialect == "sqlite":
        expr = fts5_query(query)
        if expr is None:
            return None
        sub = sa.text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH :fts").bindparams(fts=expr)
        return id_column.in_(sub.columns(sa.column("rowid", sa.Integer)))  # type: ignore[arg-type]
    toks = tokens(query)
    if not toks:
        return None
    from claimtrack.models import Claim

    return sa.func.to_tsvector("simple", Claim.search_text).op("@@")(
        sa.func.plainto_tsquery("simple", " ".join(toks))
    )


def install(conn: sa.Connection) -> None:
    """Create the full-text index for this dialect (idempotent)."""
    ddl: Iterable[str] = SQLITE_DDL if conn.dialect.name == "sqlite" else POSTGRES_DDL
    for stmt in ddl:
        conn.exec_driver_sql(stmt)


def uninstall(conn: sa.Connection) -> None:
    ddl: Iterable[str] = SQLITE_DROP if conn.dialect.name == "sqlite" else POSTGRES_DROP
    for stmt in ddl:
        conn.exec_driver_sql(stmt)
