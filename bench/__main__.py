"""Run every benchmark and print one table: `python -m bench [--pg [URL]] [--claims N]`.

Builds (or reuses) a realistic database of N claims with bench/synth.py, then runs each group of
bench/cases.py in its own process: launch, queries (queue page, search, count, detail), keys (the TUI,
frame-accurate), ingest, extract, reports, and concurrency when bench/concurrency.py exists. Each row
shows claimtrack's median and p95, the floor measured in the same run (the same query hand-written
through the bare driver, or the same rows written with raw executemany), the ratio to that floor and
the peak memory of the process. `--markdown FILE` also writes the table with the machine description.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

GROUPS = ("launch", "queries", "keys", "ingest", "extract", "reports", "concurrency")
SQLITE_ONLY = ("ingest", "extract", "reports")  # they build their own databases


def machine() -> dict[str, str]:
    cpu = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with contextlib.suppress(OSError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GB"
    return {"cpu": f"{cpu} × {os.cpu_count()}", "memory": mem, "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "os": platform.platform(terse=True)}


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


@contextlib.contextmanager
def database(args: argparse.Namespace) -> Iterator[tuple[str, dict[str, Any]]]:
    """The target database and how it was built (built by synth.py when empty or missing)."""
    import synth
    from bulk import throwaway_postgres

    if args.pg == "throwaway":
        with throwaway_postgres() as url:
            yield url, synth.generate(url, args.claims, quiet=args.quiet)
        return
    target = args.pg or args.db or f"/tmp/claimtrack-bench-{args.claims}.db"
    info = {"claims": existing_claims(target)}
    if not info["claims"]:
        info = synth.generate(target, args.claims, quiet=args.quiet)
    else:
        info["db_bytes"] = size_of(target)
        info["bytes_per_claim"] = round(info["db_bytes"] / info["claims"])
        info["reused"] = True
    yield target, info


def existing_claims(target: str) -> int:
    from floors import Driver

    if "://" not in target and not Path(target).exists():
        return 0
    try:
        d = Driver(target)
        n = int(d.rows("SELECT count(*) FROM claim")[0][0])
        d.close()
        return n
    except Exception:  # noqa: BLE001 - no schema yet
        return 0


def size_of(target: str) -> int:
    if "://" in target:
        from floors import Driver

        d = Driver(target)
        n = int(d.rows("SELECT pg_database_size(current_database())")[0][0])
        d.close()
        return n
    return sum(os.path.getsize(p) for p in (target, target + "-wal") if os.path.exists(p))


def run_group(group: str, target: str, repeat: int) -> list[dict[str, Any]]:
    cmd = [sys.executable, str(HERE / "cases.py"), group, target, "--repeat", str(repeat)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    out, err = proc.communicate()
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    if proc.returncode != 0:
        rows.append({"name": f"{group}: failed", "group": group,
                     "note": (err.strip().splitlines() or ["?"])[-1][:200]})
    return rows


def fmt_ms(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}" if x >= 1 else f"{x:.2f}"


def table(rows: list[dict[str, Any]]) -> list[str]:
    head = "| benchmark | n | median ms | p95 ms | floor ms | ratio | peak MB | target | note |"
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for r in rows:
        ratio = r.get("ratio")
        target = (f"{r['target_stat']} < {r['target_ms']:g} {'✓' if r.get('ok') else '✗'}"
                  if r.get("target_ms") else "")
        lines.append(f"| {r['name']} | {r.get('n', '')} | {fmt_ms(r.get('median'))} | {fmt_ms(r.get('p95'))} | "
                     f"{fmt_ms(r.get('floor'))} | {f'{ratio:.1f}×' if ratio else '—'} | "
                     f"{r.get('peak_mb', 0):.0f} | {target} | {r.get('note', '')} |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pg", nargs="?", const="throwaway", default=None,
                    help="PostgreSQL: a SQLAlchemy URL, or no value for a throwaway server like the tests'")
    ap.add_argument("--claims", type=int, default=1_000_000, help="claims in the benchmark database")
    ap.add_argument("--db", help="SQLite file to use (default /tmp/claimtrack-bench-N.db, built if missing)")
    ap.add_argument("--only", help="comma-separated groups: " + ", ".join(GROUPS))
    ap.add_argument("--repeat", type=int, default=30, help="samples per fast measurement")
    ap.add_argument("--markdown", type=Path, help="also write the table and machine description here")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    groups = [g for g in (args.only.split(",") if args.only else GROUPS)]
    load_before = load_average()
    t0 = time.perf_counter()
    with database(args) as (target, info):
        engine = "PostgreSQL" if "://" in target else "SQLite"
        rows: list[dict[str, Any]] = []
        for g in groups:
            if engine == "PostgreSQL" and g in SQLITE_ONLY:
                continue
            if not args.quiet:
                print(f"running {g} …", file=sys.stderr)
            rows += run_group(g, target, args.repeat)
    build = (f"built by bench/synth.py in {info['seconds']} s" if "seconds" in info else "reused")
    header = [f"claimtrack benchmarks — {engine}, {info.get('claims', 0):,} claims ({build}); "
              f"database {info.get('db_bytes', 0) / 1e6:,.0f} MB = {info.get('bytes_per_claim', 0):,} bytes per claim",
              f"machine: {'; '.join(f'{k} {v}' for k, v in machine().items())}",
              f"load average before {load_before}, after {load_average()}; whole run {time.perf_counter() - t0:.0f} s"]
    lines = [*header, "", *table(rows)]
    print("\n".join(lines))
    if args.markdown:
        extra = ["", "```json", json.dumps({"database": info, "rows": rows}, ensure_ascii=False, indent=1), "```"]
        args.markdown.write_text("\n".join([f"- {h}" for h in header] + ["", *table(rows), *extra]) + "\n",
                                 encoding="utf-8")


if __name__ == "__main__":
    main()
