"""Old against new, alternately in the same run: `python bench/ab.py DB --old /tmp/main-tree [--runs 10]`.

The old tree is a plain copy of another revision (`git archive main | tar -x -C /tmp/main-tree`), run with
this interpreter through PYTHONPATH. Measured per tree, one sample of each in turn so both see the same
load: the TUI launch to its first page painted (bench/tui.py, on a pseudo-terminal) and
`claimtrack claims --limit 50` (a fresh process, wall time), with two floors measured in the same rounds
(`python -c pass`, and importing textual and sqlite3). Prints median and p90 in ms, and the load.

`--keys`: instead, the keys of bench/tui.py (`--phase keys`, one search), one whole run per tree in turn
(this script's bench/tui.py timing the other tree through $CLAIMTRACK_TREE), every sample pooled per key
and tree: wall median and p90, and the main thread's CPU median and p90 (less sensitive to the load).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import tui as tui_bench  # noqa: E402


def claims_once(db: str, env_extra: dict[str, str]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CLAIMTRACK_CONFIG": str(Path(tmp) / "none.toml"), **env_extra}
        t0 = time.perf_counter()
        subprocess.run([*tui_bench._claimtrack(), "--db", db, "claims", "--limit", "50"], check=True, env=env,
                       cwd=tmp, stdout=subprocess.DEVNULL)
        return (time.perf_counter() - t0) * 1000


def floor_once(code: str) -> float:
    """A fresh interpreter running `code`: what the machine's load makes of a launch at all."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return (time.perf_counter() - t0) * 1000


FLOORS = {"floor: python -c pass": "pass", "floor: import textual.app, sqlite3": "import textual.app, sqlite3"}


def summary(ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    return {"median": round(statistics.median(ms), 1), "p90": round(ms[max(0, int(len(ms) * 0.9) - 1)], 1)}


def keys_once(db: str, tree: str, search: str) -> list[dict[str, object]]:
    """One `bench/tui.py --phase keys --raw` run of `tree`: its raw sample rows."""
    env = {**os.environ, "CLAIMTRACK_TREE": tree}
    done = subprocess.run([sys.executable, str(HERE / "tui.py"), db, "--phase", "keys", "--raw", "--search", search],
                          env=env, capture_output=True, text=True, check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def keys_ab(db: str, trees: dict[str, str], runs: int, search: str) -> None:
    pooled: dict[tuple[str, str], dict[str, list[float]]] = {}
    load = [os.getloadavg()[0]]
    for _ in range(runs):
        for tree, path in trees.items():
            for row in keys_once(db, path, search):
                into = pooled.setdefault((str(row["name"]), tree), {"wall": [], "cpu": []})
                into["wall"] += row["samples"]  # type: ignore[arg-type]
                into["cpu"] += row.get("cpu") or []  # type: ignore[arg-type]
    load.append(os.getloadavg()[0])
    for (name, tree), got in pooled.items():
        out = {"what": name, "tree": tree, "wall": summary(got["wall"]), "n": len(got["wall"])}
        if got["cpu"]:
            out["main_thread_cpu"] = summary(got["cpu"])
        print(json.dumps({**out, "load": [round(x, 1) for x in load]}, ensure_ascii=False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--old", required=True, help="a copy of the old source tree")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--keys", action="store_true", help="the keys of bench/tui.py instead of launches")
    ap.add_argument("--search", default="Kirby", help="--keys: the one search timed")
    args = ap.parse_args()
    if args.keys:
        keys_ab(args.db, {"old": args.old, "new": str(HERE.parent)}, args.runs, args.search)
        return
    trees = {"old": {"PYTHONPATH": args.old}, "new": {"PYTHONPATH": str(HERE.parent)}}
    samples: dict[str, list[float]] = {f"{w} {t}": [] for w in ("launch", "claims") for t in trees}
    samples.update({name: [] for name in FLOORS})
    load = [os.getloadavg()[0]]
    for env in trees.values():  # warm the page cache, not counted
        tui_bench.launch_once(args.db, env_extra=env)
        claims_once(args.db, env)
    for _ in range(args.runs):
        for name, env in trees.items():
            samples[f"launch {name}"].append(tui_bench.launch_once(args.db, env_extra=env) * 1000)
            samples[f"claims {name}"].append(claims_once(args.db, env))
        for floor, code in FLOORS.items():
            samples[floor].append(floor_once(code))
    load.append(os.getloadavg()[0])
    for key, ms in samples.items():
        print(json.dumps({"what": key, **summary(ms), "n": len(ms), "load": [round(x, 1) for x in load]}))


if __name__ == "__main__":
    main()
