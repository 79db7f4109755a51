"""Score claim identity on the labelled same-claim pairs of the SaudiNewsNet day (bench/data/tracking_pairs.json).

Usage: python bench/tracking_pairs.py [--db FILE] [--verbose]
Ingests the corpus day with matching on (or reads --db if it already holds it), exports JSONL and checks
each labelled pair: a "same" pair should share a claim_id (automatic merge) or carry a suggested_duplicate
link; a "different" pair must not share a claim_id. Prints merge precision, merged-or-suggested recall and
the counts behind them. Targets (issue 11): merges >= 0.98 precision; merged-or-suggested recall >= 0.90.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "2015-08-11.json"
LABELS = Path(__file__).with_name("data") / "tracking_pairs.json"


def load_rows(db_path: str) -> list[dict]:
    from claimtrack import db, migrations, queries

    engine = db.make_engine(db_path)
    migrations.upgrade(engine)
    with db.session(engine) as s:
        empty = not s.exec(queries.select(queries.Document.id).limit(1)).first()
    if empty:
        from claimtrack.ingest.pipeline import IngestOptions, ingest

        ingest(engine, [str(CORPUS)], analyst="bench", opts=IngestOptions())
    with db.session(engine) as s:
        return list(queries.iter_export_rows(session=s))


def find(rows_by_doc: dict[str, list[dict]], end: dict) -> dict | None:
    for r in rows_by_doc.get(f"2015-08-11.json#{end['index']}", []):
        if end["anchor"] in r["quote"]:
            return r
    return None


def score(rows: list[dict], pairs: list[dict], verbose: bool = False) -> dict:
    by_doc: dict[str, list[dict]] = {}
    for r in rows:
        by_doc.setdefault(r["document"], []).append(r)
    t = {"same": 0, "same_merged": 0, "same_suggested": 0, "diff": 0, "diff_merged": 0, "diff_suggested": 0,
         "unmatched": 0, "paraphrase": 0, "paraphrase_found": 0}
    for p in pairs:
        a, b = find(by_doc, p["a"]), find(by_doc, p["b"])
        if a is None or b is None or a["appearance_id"] == b["appearance_id"]:
            t["unmatched"] += 1  # an end not extracted, or both ends inside one extracted quote: nothing to judge
            continue
        merged = a["claim_id"] == b["claim_id"]
        suggested = any(lk.get("relation") == "suggested_duplicate" and lk.get("claim_id") == other["claim_id"]
                        for x, other in ((a, b), (b, a)) for lk in x["links"])
        if p["label"] == "same":
            t["same"] += 1
            t["same_merged"] += merged
            t["same_suggested"] += suggested and not merged
            if p["kind"] == "paraphrase":
                t["paraphrase"] += 1
                t["paraphrase_found"] += merged or suggested
            if verbose and not (merged or suggested):
                print("MISSED", p["kind"], "|", a["quote"][:70], "|", b["quote"][:70], file=sys.stderr)
        else:
            t["diff"] += 1
            t["diff_merged"] += merged
            t["diff_suggested"] += suggested and not merged
            if verbose and merged:
                print("WRONG MERGE", p["kind"], "|", a["quote"][:70], "|", b["quote"][:70], file=sys.stderr)
    merges = t["same_merged"] + t["diff_merged"]
    t["merge_precision"] = round(t["same_merged"] / merges, 3) if merges else None
    t["merged_or_suggested_recall"] = round((t["same_merged"] + t["same_suggested"]) / t["same"], 3) if t["same"] else None
    t["paraphrase_recall"] = round(t["paraphrase_found"] / t["paraphrase"], 3) if t["paraphrase"] else None
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", help="database file (default: a fresh temp file, the corpus day is ingested)")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--split", choices=["all", "dev", "test"], default="all",
                    help="dev = even-numbered pairs (may be tuned on), test = odd-numbered (never tuned on)")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    pairs = json.loads(LABELS.read_text(encoding="utf-8"))["pairs"]
    if a.split != "all":
        pairs = pairs[0 if a.split == "dev" else 1::2]
    with tempfile.TemporaryDirectory() as tmp:
        rows = load_rows(a.db or str(Path(tmp) / "pairs.db"))
    print(json.dumps(score(rows, pairs, a.verbose), indent=2))


if __name__ == "__main__":
    main()
