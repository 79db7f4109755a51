"""Benchmark: ingest the SaudiNewsNet day (1,686 Arabic articles), extraction included, into a fresh SQLite db.

Usage: python bench/ingest.py [PATH ...] [--db FILE]
Prints articles/s, the time split (parse, extract, database) and peak memory (max RSS).
Target (issue 3): >= 200 articles/s, peak RSS < 400 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "2015-08-11.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="*", default=[str(DEFAULT)])
    ap.add_argument("--db", help="database file (default: a temp file)")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from claimtrack import db, migrations
    from claimtrack.ingest.pipeline import IngestOptions, ingest

    with tempfile.TemporaryDirectory() as tmp:
        target = a.db or str(Path(tmp) / "bench.db")
        engine = db.make_engine(target)
        migrations.upgrade(engine)
        t0 = time.perf_counter()
        s = ingest(engine, a.paths, analyst="bench", opts=IngestOptions())
        wall = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        n = s.added + s.duplicates
        out = {
            "documents": n, "added": s.added, "claims": s.claims, "links": s.links, "errors": len(s.errors),
            "wall_s": round(wall, 2), "articles_per_s": round(n / wall, 1) if wall else None,
            "split_s": {k: round(v, 2) for k, v in s.timings.items()}, "peak_rss_mb": round(peak_mb, 1),
        }
        print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
