"""Benchmark: ingest the SaudiNewsNet day (1,683 Arabic articles), extraction included, into a fresh SQLite db.

Usage: python bench/ingest.py [PATH ...] [--db FILE] [--root TREE] [--profile FILE] [--serial | --worker]
Prints articles/s (wall clock; CPU time of the main process, and with the extraction worker process), the
time split in the main process (parse, extract = extracting or waiting for the worker, database), peak
memory (max RSS of the main process) and the load average before and after (the machine is shared: compare runs made under the same
load, alternating old and new code with --root; bench/ingest_ab.py does that). Matching and the passage index
are on (the defaults). --worker starts the extraction worker whatever the load (the ingest skips it on a busy
machine), to measure that path on a shared one.
Target (issues 3, 11, 15): >= 200 articles/s, peak RSS < 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "2015-08-11.json"


def run_once(paths: list[str], target: str, profile: str | None, serial: bool = False,
             worker: bool = False) -> dict[str, object]:
    from claimtrack import db, migrations
    from claimtrack.ingest import extraction
    from claimtrack.ingest.pipeline import IngestOptions, ingest

    if worker:
        extraction.core_free = lambda: True  # type: ignore[attr-defined]

    engine = db.make_engine(target)
    migrations.upgrade(engine)
    load = os.getloadavg()[0]
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    t0, c0 = time.perf_counter(), time.process_time()
    k0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    opts = IngestOptions(parallel_extraction=False) if serial else IngestOptions()  # (older trees: no such option)
    s = ingest(engine, paths, analyst="bench", opts=opts)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    k1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the extraction worker, reaped when the run ends
    worker = (k1.ru_utime + k1.ru_stime) - (k0.ru_utime + k0.ru_stime)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    engine.dispose()
    n = s.added + s.duplicates
    return {
        "documents": n, "added": s.added, "claims": s.claims, "links": s.links, "merged": s.merged,
        "suggested": s.suggested, "errors": len(s.errors), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "worker_cpu_s": round(worker, 2), "worker_peak_rss_mb": round(k1.ru_maxrss / 1024, 1) if worker else 0,
        "articles_per_s": round(n / wall, 1) if wall else None,
        "articles_per_cpu_s": round(n / cpu, 1) if cpu else None,
        "articles_per_total_cpu_s": round(n / (cpu + worker), 1) if cpu + worker else None,
        "split_s": {k: round(v, 2) for k, v in s.timings.items()},
        "load_before": round(load, 2), "load_after": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=[str(DEFAULT)])
    ap.add_argument("--db", help="database file (default: a temp file; must not exist yet)")
    ap.add_argument("--root", default=str(ROOT), help="source tree whose claimtrack is measured (default: this one)")
    ap.add_argument("--profile", help="write a cProfile of the run to this file")
    ap.add_argument("--serial", action="store_true", help="extract in the main process (no worker process)")
    ap.add_argument("--worker", action="store_true", help="start the extraction worker whatever the load")
    a = ap.parse_args()
    sys.path.insert(0, a.root)
    with tempfile.TemporaryDirectory() as tmp:  # one run a process: the word-analysis caches start cold
        out = run_once(a.paths, a.db or str(Path(tmp) / "bench.db"), a.profile, a.serial, a.worker)
        out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
