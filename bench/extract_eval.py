"""Run `extract()` on gold texts and score with the shared scorer.

Usage: python bench/extract_eval.py GOLD.json [GOLD.json ...] [--out preds.jsonl] [--verbose] [--json]
The text beside each gold file is read as ingest stores it: NFC, the outlet tag on the lead line stripped.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from claimtrack.extract import extract
from claimtrack.text import nfc, strip_outlet_prefix

SHARED = Path(__file__).resolve().parents[2] / "shared"


def load_scorer(shared: Path = SHARED):
    sys.path.insert(0, str(shared / "eval"))
    import score  # type: ignore[import-not-found]

    return score


def predictions(gold_paths: list[Path]) -> list[dict]:
    rows: list[dict] = []
    for gp in gold_paths:
        g = json.loads(gp.read_text("utf-8"))
        text = strip_outlet_prefix(nfc((gp.parent / g["document"]).read_text("utf-8")))
        claims = extract(text, language=g.get("language", "ar"), published=g.get("published"))
        ids = [f"{g['document']}#{i}" for i in range(len(claims))]
        for i, c in enumerate(claims):
            rows.append({
                "document": g["document"], "quote": c.quote, "claimant": c.claimant.canonical,
                "claimant_surface": c.claimant_surface, "kind": c.kind,
                "claim_id": ids[i], "links": [{"relation": "denies", "claim_id": ids[j]} for j in c.denies],
                "stated_on": c.stated_on.iso if c.stated_on else None,
                "event_date": c.event_date.iso if c.event_date else None,
            })
    return rows


def evaluate(gold_paths: list[Path], verbose: bool = False, out: Path | None = None) -> tuple[dict, list]:
    """Extract, write predictions (JSON lines), score; returns (summary, misses)."""
    scorer = load_scorer()
    rows = predictions(gold_paths)
    with (open(out, "w", encoding="utf-8") if out else tempfile.NamedTemporaryFile("w", suffix=".jsonl",
                                                                                    delete=False)) as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        path = fh.name
    return scorer.score(scorer.load_gold([str(p) for p in gold_paths]), scorer.load_pred(path), verbose)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    summary, misses = evaluate(a.gold, a.verbose, a.out)
    if a.verbose:
        for m in misses:
            print("\t".join(map(str, m)))
    if a.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        for k, v in summary.items():
            print(f"{k:18} {v}")


if __name__ == "__main__":
    main()
