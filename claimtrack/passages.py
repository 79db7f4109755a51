"""The passage index: documents cut into paragraphs or sentence windows with exact offsets.

Each passage's analysed terms (`claimtrack.analysis`, as for claim search, less the ISRI roots, which the
evidence finder never queries) are stored in
`passage.search_text` and indexed by FTS5 (`passage_fts`) on SQLite or a GIN `to_tsvector` expression
index on PostgreSQL. Built at ingest (`add_rows`, once per batch of documents) and for old databases by
a migration (`rebuild`). On SQLite the FTS5 table is filled by `add_rows` with one statement per batch,
not by a per-row trigger (twice as fast); only deletions go through a trigger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa

from claimtrack import search
from claimtrack.analysis import analysed_text

MIN_CHARS = 300
MAX_CHARS = 600
_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])[\"'»”’)]*\s+")

SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5("
    "search_text, content='passage', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS passage_fts_ad AFTER DELETE ON passage BEGIN "
    "INSERT INTO passage_fts(passage_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    # term -> passage frequency, for choosing a claim's rarest words
    "CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts_vocab USING fts5vocab(passage_fts, 'row')",
)
# the per-row insert trigger of revision 0005, replaced by `add_rows` (dropped by revision 0006)
SQLITE_INSERT_TRIGGER = ("CREATE TRIGGER IF NOT EXISTS passage_fts_ai AFTER INSERT ON passage BEGIN "
                         "INSERT INTO passage_fts(rowid, search_text) VALUES (new.id, new.search_text); END")
SQLITE_DROP = ("DROP TABLE IF EXISTS passage_fts_vocab", "DROP TRIGGER IF EXISTS passage_fts_ad",
               "DROP TRIGGER IF EXISTS passage_fts_ai", "DROP TABLE IF EXISTS passage_fts")
POSTGRES_DDL = ("CREATE INDEX IF NOT EXISTS ix_passage_search_tsv ON passage "
                "USING gin (to_tsvector('simple', search_text))",)
POSTGRES_DROP = ("DROP INDEX IF EXISTS ix_passage_search_tsv",)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (cut after . ! ? ؟ and following white space)."""
    spans, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    return [(a, b) for a, b in spans if b > a]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [_trim(text, a, b) for a, b in spans if text[a:b].strip()]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _hard_cut(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence at white space into pieces of at most MAX_CHARS."""
    out = []
    while b - a > MAX_CHARS:
        cut = text.rfind(" ", a + MIN_CHARS, a + MAX_CHARS)
        cut = cut if cut > a else a + MAX_CHARS
        out.append((a, cut))
        a = cut
    out.append((a, b))
    return out


def _units(text: str) -> list[tuple[int, int]]:
    units = []
    for a, b in _paragraphs(text):
        if b - a <= MAX_CHARS:
            units.append((a, b))
        else:
            for sa_, sb in _pieces(text, a, b):
                units.extend(_hard_cut(text, sa_, sb))
    return units


def split(text: str) -> list[tuple[int, int]]:
    """Passage spans (start, end) over `text`, in order, without overlap, trimmed of white space:
    paragraphs and sentences joined greedily into windows of about 300-600 characters."""
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for a, b in _units(text):
        if cur is None:
            cur = (a, b)
        elif b - cur[0] <= MAX_CHARS or cur[1] - cur[0] < MIN_CHARS // 2:
            cur = (cur[0], b)
        else:
            out.append(cur)
            cur = (a, b)
    if cur is not None:
        out.append(cur)
    return [_trim(text, a, b) for a, b in out]


def analysed_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, analysed terms) of each passage of `text` (a pure function of the text: the ingest
    computes it beside extraction, in the worker process)."""
    return [(a, b, analysed_text(text[a:b], roots=False)) for a, b in split(text)]


def rows_for(document_id: int, text: str, spans: list[tuple[int, int, str]] | None = None) -> list[dict[str, object]]:
    """Passage rows of a document, from `analysed_spans(text)` (computed here when not given)."""
    return [{"document_id": document_id, "start": a, "end": b, "search_text": terms}
            for a, b, terms in (analysed_spans(text) if spans is None else spans)]


def add_for_document(conn: sa.Connection, document_id: int, text: str) -> int:
    """Insert and index the passages of one document; returns how many."""
    return add_rows(conn, rows_for(document_id, text))


_INSERT = 'INSERT INTO passage (document_id, start, "end", search_text) VALUES (?, ?, ?, ?)'


def add_rows(conn: sa.Connection, rows: Sequence[dict[str, object]]) -> int:
    """Insert passage rows (of `rows_for`, in order) and index them; returns how many.

    SQLite: straight through the driver's executemany, then one INSERT … SELECT fills FTS5 with the new
    rows (the caller holds the write lock, so they are exactly the rows above the previous maximum id).
    PostgreSQL: one executemany; the GIN expression index follows by itself."""
    from claimtrack.models import Passage, table_of

    if not rows:
        return 0
    if conn.dialect.name != "sqlite":
        conn.execute(sa.insert(table_of(Passage)), rows)
        return len(rows)
    last = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM passage").scalar()
    conn.exec_driver_sql(_INSERT, [(r["document_id"], r["start"], r["end"], r["search_text"]) for r in rows])
    conn.exec_driver_sql("INSERT INTO passage_fts(rowid, search_text) SELECT id, search_text FROM passage "
                         "WHERE id > ?", (last,))
    return len(rows)


def install(conn: sa.Connection) -> None:
    """Create the passage full-text index for this dialect (idempotent)."""
    search.run_ddl(conn, SQLITE_DDL, POSTGRES_DDL)


def uninstall(conn: sa.Connection) -> None:
    search.run_ddl(conn, SQLITE_DROP, POSTGRES_DROP)


def _documents(conn: sa.Connection, after: int, batch: int) -> Sequence[sa.Row]:
    return conn.execute(sa.text("SELECT id, text FROM document WHERE id > :after ORDER BY id LIMIT :n"),
                        {"after": after, "n": batch}).all()


def rebuild(conn: sa.Connection, batch: int = 500) -> int:
    """Drop and rebuild every document's passages and the index; returns the passage count."""
    uninstall(conn)
    conn.exec_driver_sql("DELETE FROM passage")
    total, after = 0, 0
    while docs := _documents(conn, after, batch):
        rows = [r for doc_id, text in docs for r in rows_for(doc_id, text)]
        if rows:
            conn.execute(sa.text('INSERT INTO passage (document_id, start, "end", search_text) '
                                 "VALUES (:document_id, :start, :end, :search_text)"), rows)
        after, total = docs[-1][0], total + len(rows)
    install(conn)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("INSERT INTO passage_fts(passage_fts) VALUES('rebuild')")
    return total
