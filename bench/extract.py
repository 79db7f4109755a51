"""Extraction speed on a corpus day: prints articles/s (extraction only, no database).

Both wall-clock and CPU time (`time.process_time`, this process only) are printed: the machine is shared, so
the CPU figure is the one that compares runs; with --workers > 1 only the wall figure is meaningful.

Usage: python bench/extract.py [CORPUS.json] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from claimtrack.extract import extract
from claimtrack.text import nfc

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "saudinewsnet" / "2015-08-11.json"


def _count(text: str) -> int:
    return len(extract(text, language="ar", published=None))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--workers", type=int, default=1, help="processes (the machine has 2 cores)")
    a = ap.parse_args(argv)
    docs = json.loads(a.corpus.read_text("utf-8"))
    texts = [nfc(f"{d.get('title') or ''}\n{d.get('content') or ''}") for d in docs]
    extract(texts[0], language="ar")  # warm up (gazetteer, regexes)
    n_claims = 0
    t0, c0 = time.perf_counter(), time.process_time()
    if a.workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(a.workers) as ex:
            for _ in range(a.repeat):
                n_claims += sum(ex.map(_count, texts, chunksize=64))
    else:
        for _ in range(a.repeat):
            for t in texts:
                n_claims += _count(t)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = len(texts) * a.repeat
    print(f"articles {n}  claims {n_claims}  seconds {dt:.2f}  articles/s {n / dt:.0f}"
          f"  cpu seconds {cpu:.2f}  articles/s by CPU {n / cpu:.0f}")


if __name__ == "__main__":
    main()
