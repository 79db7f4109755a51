"""Benchmark: write throughput with 1, 2, 4 and 8 writer processes on SQLite and PostgreSQL.

Usage: python bench/concurrency.py [--ops 100] [--pg URL_OF_AN_EMPTY_MIGRATABLE_SERVER_DB] [--no-pg]

Each writer runs the mixed operations of tests/storm.py (state, verdict, tags, comments, evidence,
links, merges, deliberately stale edits) on the same six claims. Without --pg a throwaway PostgreSQL
15 cluster is started as the test suite does. Prints one JSON line per (engine, writers).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def measure(url: str, writers: int, ops: int) -> dict[str, object]:
    from storm import setup, storm

    from claimtrack import audit, db

    engine = db.make_engine(url)
    layout = setup(engine, writers)
    engine.dispose()
    results, wall = storm(url, layout, writers, ops)
    acked = sum(len(r.acked) for r in results)
    conflicts = sum(len(r.conflicts) for r in results)
    refused = sum(r.refused for r in results)
    attempted = acked + conflicts + refused + sum(len(r.errors) for r in results)
    with db.session(engine) as s:
        ok = audit.verify(s).ok
    engine.dispose()
    return {
        "writers": writers, "write_attempts": attempted, "acknowledged": acked, "conflicts": conflicts,
        "refused_by_workflow": refused, "lock_errors": sum(r.lock_errors for r in results),
        "other_errors": sum(len(r.errors) for r in results), "wall_s": round(wall, 2),
        "attempts_per_s": round(attempted / wall, 1), "acknowledged_per_s": round(acked / wall, 1),
        "audit_verify": ok,
    }


def engines(args: argparse.Namespace, tmp: str):  # type: ignore[no-untyped-def]
    from claimtrack import db, migrations

    def sqlite(n: int) -> str:
        path = f"{tmp}/bench-{n}.db"
        engine = db.make_engine(path)
        migrations.upgrade(engine)
        engine.dispose()
        return f"sqlite:///{path}"

    yield "sqlite", sqlite
    if args.no_pg:
        return
    if args.pg:
        yield "postgresql", lambda n: args.pg
        return
    from conftest import PostgresServer

    server = PostgresServer()
    try:
        yield "postgresql", lambda n: server.new_database()
    finally:
        server.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ops", type=int, default=100, help="operations per writer (default 100)")
    ap.add_argument("--pg", help="a migrated PostgreSQL database URL (reused for every run)")
    ap.add_argument("--no-pg", action="store_true", help="SQLite only")
    ap.add_argument("--writers", default="1,2,4,8")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, make_url in engines(args, tmp):
            for n in (int(x) for x in args.writers.split(",")):
                print(json.dumps({"engine": name, **measure(make_url(n), n, args.ops)}), flush=True)


if __name__ == "__main__":
    main()
