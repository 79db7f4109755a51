"""TUI speed on a big database: launch-to-usable, per-keystroke latency, search.

    python bench/synth.py /tmp/synth1m.db -n 1000000     # once
    python bench/tui.py /tmp/synth1m.db [--search "روسيا تسعى"]

Launch is measured in a fresh interpreter (imports included) until the queue shows its first rows;
keystrokes are measured headless with Pilot, each one until its workers finished and the screen
settled. Numbers are wall-clock milliseconds.
"""

from __future__ import annotations

import t0_marker  # noqa: F401  # isort: skip  (records the interpreter start for launch timing)

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the key's message handling, any database worker it started, and the repaint are done."""
    await pilot.pause()
    while any(w.is_running for w in pilot.app.workers):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def _launch(db: str, analyst: str) -> float:
    """Seconds from interpreter start to a usable queue (first page on screen)."""
    from claimtrack import db as dbmod
    from tui.app import build_app
    from tui.widgets.claim_table import ClaimTable

    engine = dbmod.make_engine(db)
    app = build_app(engine=engine, analyst=analyst, bidi="terminal", settings=None)
    app.POLL_SECONDS = 0
    async with app.run_test(size=(140, 40)) as pilot:
        while True:
            tables = app.screen.query(ClaimTable)
            if tables and tables.first().row_count:
                break
            await pilot.pause()
        elapsed = time.perf_counter() - t0_marker.T0
        await pilot.press("q")
    return elapsed


def _stats(name: str, samples: list[float]) -> dict[str, object]:
    ms = sorted(s * 1000 for s in samples)
    return {"what": name, "n": len(ms), "median_ms": round(statistics.median(ms), 1),
            "p95_ms": round(ms[max(0, int(len(ms) * 0.95) - 1)], 1), "max_ms": round(ms[-1], 1)}


async def _keys(db: str, analyst: str, search: str) -> list[dict[str, object]]:
    from claimtrack import db as dbmod
    from tui.app import build_app
    from tui.screens.claim import ClaimScreen
    from tui.widgets.claim_table import ClaimTable

    engine = dbmod.make_engine(db)
    app = build_app(engine=engine, analyst=analyst, bidi="terminal", settings=None)
    app.POLL_SECONDS = 0
    results = []
    async with app.run_test(size=(140, 40)) as pilot:
        await _settle(pilot)

        async def timed(*keys: str) -> float:
            t = time.perf_counter()
            await pilot.press(*keys)
            await _settle(pilot)
            return time.perf_counter() - t

        results.append(_stats("down (incl. crossing page edges)", [await timed("down") for _ in range(250)]))
        results.append(_stats("pagedown (incl. next-page fetch)", [await timed("pagedown") for _ in range(30)]))
        results.append(_stats("pageup (incl. previous-page fetch)", [await timed("pageup") for _ in range(30)]))
        opens, backs = [], []
        for _ in range(10):
            await timed("down")
            opens.append(await timed("enter"))
            assert isinstance(app.screen, ClaimScreen) and app.screen.detail is not None
            backs.append(await timed("escape"))
        results.append(_stats("enter (open claim, detail loaded)", opens))
        results.append(_stats("escape (back to queue)", backs))
        results.append(_stats("bidi toggle (re-render page)", [await timed("b") for _ in range(3)]))

        table = app.screen.query_one(ClaimTable)
        screen = app.screen
        searches, counts = [], []
        for text in (search, "North Korea arms", "الأرقام الرسمية", "file 12345"):
            inp = screen.query_one("#search")
            inp.value = text  # type: ignore[attr-defined]
            inp.focus()
            t = time.perf_counter()
            await pilot.press("enter")
            while True:  # until the first page of results is on screen (the count comes later)
                await pilot.pause()
                w = [x for x in app.workers if x.group == "page" and x.is_running]
                if not w:
                    break
            searches.append(time.perf_counter() - t)
            await _settle(pilot)
            counts.append(time.perf_counter() - t)
            results.append({"what": f"search {text!r}", "rows_ms": round(searches[-1] * 1000, 1),
                            "with_count_ms": round(counts[-1] * 1000, 1), "matches": screen.total,  # type: ignore[attr-defined]
                            "first_page_rows": len(table.rows_data)})
        await pilot.press("escape")
        await _settle(pilot)
        t = time.perf_counter()
        screen.reload(keep_cursor=False)  # type: ignore[attr-defined]
        await _settle(pilot)
        results.append({"what": "full count of every claim (async, UI stays live)",
                        "ms": round((time.perf_counter() - t) * 1000, 1), "total": screen.total})  # type: ignore[attr-defined]
        await pilot.press("q")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--analyst", default="bench")
    parser.add_argument("--search", default="روسيا تسعى")
    parser.add_argument("--phase", choices=("all", "launch", "keys"), default="all")
    args = parser.parse_args()
    if args.phase == "launch":
        print(json.dumps({"launch_to_usable_s": round(asyncio.run(_launch(args.db, args.analyst)), 3)}))
        return
    if args.phase == "keys":
        for row in asyncio.run(_keys(args.db, args.analyst, args.search)):
            print(json.dumps(row, ensure_ascii=False))
        return
    for _ in range(3):  # fresh interpreters; the first one also warms the OS page cache
        t = time.perf_counter()
        out = subprocess.run([sys.executable, __file__, args.db, "--analyst", args.analyst, "--phase", "launch"],
                             capture_output=True, text=True, check=True).stdout.strip()
        print(out, f"(wall incl. interpreter start: {time.perf_counter() - t:.3f}s)")
    subprocess.run([sys.executable, __file__, args.db, "--analyst", args.analyst, "--search", args.search,
                    "--phase", "keys"], check=True)


if __name__ == "__main__":
    main()
