"""Ingest speed, old tree against new, alternately in the same rounds: `python bench/ingest_ab.py --old TREE`.

The old tree is a plain copy of another revision (`git archive main | tar -x -C /tmp/main-tree`). Each round
runs `bench/ingest.py` (the SaudiNewsNet day into a fresh SQLite file, a fresh process each time) once per
tree, in turn, so both see the same load; `--serial` keeps extraction in the main process (the figure the
1-core or busy machine gets), `--worker` starts the extraction worker whatever the load, else the ingest
decides about its worker process as usual. Prints, per tree, the
median and best of articles/s (wall), CPU seconds of the main process and of the worker, and the 1-minute load
average around each run. On a shared machine compare CPU seconds; on a quiet one, wall.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_once(root: str, mode: list[str], paths: list[str]) -> dict[str, object]:
    cmd = [sys.executable, str(HERE / "ingest.py"), "--root", root, *paths, *mode]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=root)
    return json.loads(out.stdout)


def summary(runs: list[dict[str, object]]) -> dict[str, object]:
    def col(key: str) -> list[float]:
        return [float(r[key]) for r in runs]  # type: ignore[arg-type]

    return {
        "articles_per_s": {"median": round(statistics.median(col("articles_per_s")), 1),
                           "best": max(col("articles_per_s"))},
        "wall_s": {"median": round(statistics.median(col("wall_s")), 2), "best": min(col("wall_s"))},
        "cpu_s": {"median": round(statistics.median(col("cpu_s")), 2), "best": min(col("cpu_s"))},
        "worker_cpu_s": round(statistics.median(col("worker_cpu_s")), 2),
        "load": [r["load_before"] for r in runs], "documents": runs[0]["documents"], "claims": runs[0]["claims"],
        "merged": runs[0]["merged"], "suggested": runs[0]["suggested"], "links": runs[0]["links"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--old", required=True, help="a copy of the old source tree")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--serial", action="store_true", help="extract in the main process (no worker process)")
    ap.add_argument("--worker", action="store_true", help="start the extraction worker whatever the load")
    args = ap.parse_args()
    mode = ["--serial"] if args.serial else ["--worker"] if args.worker else []
    trees = {"old": args.old, "new": str(HERE.parent)}
    results: dict[str, list[dict[str, object]]] = {name: [] for name in trees}
    load = [os.getloadavg()[0]]
    for i in range(args.runs):
        order = list(trees.items()) if i % 2 == 0 else list(reversed(trees.items()))
        for name, root in order:
            results[name].append(run_once(root, mode, args.paths))
    load.append(os.getloadavg()[0])
    for name, runs in results.items():
        print(json.dumps({"tree": name, "mode": mode[0][2:] if mode else "auto", "runs": len(runs), **summary(runs),
                          "load_around": [round(x, 2) for x in load]}))


if __name__ == "__main__":
    main()
