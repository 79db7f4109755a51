"""Benchmark: claim matching cost per new claim as the database grows (target: < 5 ms per claim at 100k claims).

Usage: python bench/tracking_scale.py [--claims 100000] [--probe 500] [--db FILE]
Builds a database of N claims from the SaudiNewsNet day's extracted claims (each text repeated with a file
number, as reprints and follow-ups would be), with their blocking keys, documents and appearances; then
matches `--probe` new claims (fresh extractions of other articles of the day) with the same code ingest uses
(blocking, scoring, suggestion writes) and prints milliseconds per claim at several database sizes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "2015-08-11.json"
sys.path.insert(0, str(ROOT))

from claimtrack import db, migrations  # noqa: E402
from claimtrack.extract import extract  # noqa: E402
from claimtrack.models import Appearance, Claim, Document  # noqa: E402
from claimtrack.tracking.features import features  # noqa: E402
from claimtrack.tracking.identity import Tracker, info, speaker_of  # noqa: E402
from claimtrack.tracking.keys import claim_keys  # noqa: E402


def corpus_claims(articles: list[dict]) -> list[tuple[str, str, str]]:
    """(text, kind, claimant) of every claim extracted from these articles."""
    out = []
    for a in articles:
        for c in extract(a.get("content") or "", language="ar", published=date(2015, 8, 11)):
            out.append((c.text or c.quote, c.kind, c.claimant.canonical))
    return out


def build(engine: sa.Engine, base: list[tuple[str, str, str]], n: int, tracker: Tracker) -> None:
    """Insert n claims (base texts with a file number) with documents, appearances and blocking keys."""
    now = datetime(2015, 8, 11, tzinfo=UTC)
    with db.atomic(engine) as s:
        conn = s.connection()
        done = conn.execute(sa.select(sa.func.count()).select_from(Claim.__table__)).scalar_one()
        while done < n:
            batch = min(5000, n - done)
            doc_rows = [{"title": f"synthetic {done + i}", "language": "ar", "text": "-", "sha256": f"{done + i:064d}",
                         "published": date(2015, 8, 11), "meta": {}, "ingested_at": now} for i in range(0, batch, 10)]
            doc_ids = list(conn.execute(sa.insert(Document.__table__).returning(Document.__table__.c.id,
                                                                                sort_by_parameter_order=True),
                                        doc_rows).scalars())
            texts = [base[(done + i) % len(base)] for i in range(batch)]
            rows = [{"text": f"{t} في الملف {done + i}", "language": "ar", "kind": k, "search_text": "",
                     "state": "new", "verdict": "unrated",
                     "checkworthiness_features": {}, "tags": [], "created_at": now, "updated_at": now,
                     "first_seen": now} for i, (t, k, _c) in enumerate(texts)]
            ids = list(conn.execute(sa.insert(Claim.__table__).returning(Claim.__table__.c.id,
                                                                         sort_by_parameter_order=True), rows).scalars())
            conn.execute(sa.insert(Appearance.__table__), [{
                "claim_id": cid, "document_id": doc_ids[i // 10], "quote": "-", "start": i, "end": i,
                "created_at": now} for i, cid in enumerate(ids)])
            tracker.keys.add(conn, [(cid, claim_keys(features(r["text"]), speaker_of(None, [c]).key))
                                    for cid, r, (_t, _k, c) in zip(ids, rows, texts, strict=True)])
            done += batch


def probe(engine: sa.Engine, probes: list[tuple[str, str, str]]) -> float:
    """Milliseconds per claim to match `probes` (blocking, loading, scoring; a fresh Tracker, nothing cached)."""
    tracker = Tracker()
    claims = [info(None, text, kind, "ar", None, speaker_of(None, [who]), date(2015, 8, 12), None)  # type: ignore[arg-type]
              for text, kind, who in probes]
    with db.session(engine) as s:
        conn = s.connection()
        t0 = time.perf_counter()
        for c in claims:
            tracker.match(conn, c)
        return 1000 * (time.perf_counter() - t0) / len(claims)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--probe", type=int, default=500)
    ap.add_argument("--db", help="database file (default: a temp file)")
    a = ap.parse_args()
    articles = json.loads(CORPUS.read_text(encoding="utf-8"))
    base = corpus_claims(articles[: len(articles) * 2 // 3])
    probes = corpus_claims(articles[len(articles) * 2 // 3:])[: a.probe]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        engine = db.make_engine(a.db or str(Path(tmp) / "scale.db"))
        migrations.upgrade(engine)
        builder = Tracker()
        for size in sorted({10_000, a.claims // 2, a.claims}):
            build(engine, base, size, builder)
            results[size] = round(probe(engine, probes), 2)
            print(json.dumps({"claims": size, "ms_per_claim": results[size]}), flush=True)


if __name__ == "__main__":
    main()
