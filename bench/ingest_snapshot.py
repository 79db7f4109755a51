"""Equivalence check for ingest changes: a canonical dump of everything an ingest writes.

Ingests the first N articles of the SaudiNewsNet day (or given paths) into a fresh database with a fixed
clock, then prints, one JSON line each: every row of every table (ordered by id), the full-text index
contents (FTS5 vocabulary instances on SQLite; `to_tsvector` of each row on PostgreSQL), the export
JSONL and the `audit verify` result. Run it with two source trees and diff the outputs:

    python bench/ingest_snapshot.py --root /tmp/old-tree --limit 50 > old.txt
    python bench/ingest_snapshot.py --limit 50 > new.txt && cmp old.txt new.txt

--db takes a fresh, migrated PostgreSQL URL to check PostgreSQL instead of a temp SQLite file.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "2015-08-11.json"
FIXED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def _slice(start: int, stop: int) -> str:
    """Articles start..stop-1 of the corpus day, as a JSON file in the temp folder (a fixed path: the path
    is recorded in the audit events)."""
    articles = json.loads(CORPUS.read_text(encoding="utf-8"))[start:stop]
    path = Path(tempfile.gettempdir()) / f"claimtrack-snapshot-slice-{start}-{stop}.json"
    path.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


def _tables(conn: Any) -> list[str]:
    from sqlmodel import SQLModel

    return sorted(SQLModel.metadata.tables)


def _dump_tables(conn: Any) -> None:
    import sqlalchemy as sa
    from sqlmodel import SQLModel

    for name in _tables(conn):
        t = SQLModel.metadata.tables[name]
        order = [t.c.id] if "id" in t.c else list(t.primary_key.columns) or list(t.c)
        for row in conn.execute(sa.select(t).order_by(*order)).mappings():
            print(json.dumps([name, {k: _jsonable(v) for k, v in row.items()}], ensure_ascii=False, default=str))


def _dump_fts(conn: Any) -> None:
    if conn.dialect.name == "sqlite":
        for fts in ("claim_fts", "passage_fts"):
            conn.exec_driver_sql(f"CREATE VIRTUAL TABLE temp.{fts}_inst USING fts5vocab(main, {fts}, 'instance')")
            for row in conn.exec_driver_sql(f"SELECT term, doc, col, offset FROM temp.{fts}_inst "
                                            "ORDER BY doc, offset, term"):
                print(json.dumps([fts, list(row)], ensure_ascii=False))
            conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    else:
        for table in ("claim", "passage"):
            for row in conn.exec_driver_sql(f"SELECT id, to_tsvector('simple', search_text)::text FROM {table} "
                                            "ORDER BY id"):
                print(json.dumps([table + "_tsv", list(row)], ensure_ascii=False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--root", default=str(ROOT), help="source tree whose claimtrack package is used")
    ap.add_argument("--limit", type=int, default=50, help="articles of the corpus day (when no paths)")
    ap.add_argument("--batch", type=int, default=20, help="ingest batch size (several batches are exercised)")
    ap.add_argument("--runs", type=int, default=1, help="split the articles over this many ingest runs")
    ap.add_argument("--db", help="a fresh, migrated database URL (default: a temp SQLite file)")
    a = ap.parse_args()
    sys.path.insert(0, a.root)
    from claimtrack import audit, db, migrations, models
    from claimtrack.ingest.pipeline import IngestOptions, ingest
    from claimtrack.reports.jsonl import write_jsonl

    models.set_clock(lambda: FIXED)
    with tempfile.TemporaryDirectory() as tmp:
        cuts = [a.limit * i // a.runs for i in range(a.runs + 1)]
        runs = [a.paths] if a.paths else [[_slice(b, e)] for b, e in zip(cuts, cuts[1:], strict=False)]
        engine = db.make_engine(a.db or str(Path(tmp) / "snapshot.db"))
        if not a.db:
            migrations.upgrade(engine)
        for paths in runs:
            s = ingest(engine, paths, analyst="bench", opts=IngestOptions(batch_size=a.batch))
            print(json.dumps(["summary", {k: v for k, v in s.as_dict().items() if k not in ("seconds", "timings")}],
                             ensure_ascii=False))
        with engine.begin() as conn:
            _dump_tables(conn)
            _dump_fts(conn)
        with db.session(engine) as session:
            out = io.StringIO()
            write_jsonl(session=session, out=out)
            for line in out.getvalue().splitlines():
                print(json.dumps(["export", json.loads(line)], ensure_ascii=False))
            report = audit.verify(session)
            print(json.dumps(["audit_verify", {"ok": report.ok, "checked": report.checked,
                                               "rows_checked": report.rows_checked}]))
        engine.dispose()


if __name__ == "__main__":
    main()
