"""Score the automatic `denies` links of the SaudiNewsNet day against links judged by reading them
(bench/data/tracking_denial_links.json).

Usage: python bench/tracking_denials.py [--db FILE]
Ingests the corpus day with matching on (or reads --db if it already holds it) and lists every `denies`
link (one per denial and target claim; a reprinted claim is shown by its appearance in the denial's own
article when it has one), inside one article and across articles. Each link is looked up in the labels (document and the first
words of both quotes); prints the counts, the precision over the labelled links and any unlabelled link
(label those by reading the article before tuning anything on them); links touching the sealed final split
(../FINAL4_ARTICLES.txt) are only counted. Target (issue 11): precision >= 0.85.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "2015-08-11.json"
LABELS = Path(__file__).with_name("data") / "tracking_denial_links.json"
SEALED = ROOT.parent / "FINAL4_ARTICLES.txt"  # a sealed blind split's articles: their links are counted, never shown


def sealed_documents() -> set[str]:
    """The corpus-day documents (`2015-08-11.json#N`) of the sealed final split, if its list is present."""
    if not SEALED.exists():
        return set()
    return {f"2015-08-11.json#{n}" for n in SEALED.read_text(encoding="utf-8").split()}


def links(db_path: str) -> list[dict]:
    """Every denies link as {denial: {document, quote}, target: {document, quote}, scope}."""
    sys.path.insert(0, str(ROOT))
    from tracking_pairs import load_rows

    rows = load_rows(db_path)
    by_claim: dict[int, list[dict]] = {}
    for r in rows:
        by_claim.setdefault(r["claim_id"], []).append(r)
    out: dict[tuple[int, int], dict] = {}
    for r in rows:
        for lk in r["links"]:
            if lk.get("relation") != "denies" or not by_claim.get(lk["claim_id"]):
                continue
            # one link per (denial, target) claim pair; the target's appearance in the denial's article if any
            t = min(by_claim[lk["claim_id"]], key=lambda x: x["document"] != r["document"])
            x = {"denial": {"document": r["document"], "quote": r["quote"]},
                 "target": {"document": t["document"], "quote": t["quote"]},
                 "scope": "same document" if r["document"] == t["document"] else "across documents"}
            if out.get((r["claim_id"], lk["claim_id"]), {}).get("scope") != "same document":
                out[(r["claim_id"], lk["claim_id"])] = x
    return list(out.values())


def _label(x: dict, labels: list[dict]) -> str | None:
    """The label of a found link: same documents, each label anchor found in the quote (extraction may have
    moved the quote's start since the link was judged)."""
    for lb in labels:
        if all(lb[end]["document"] == x[end]["document"] and lb[end]["anchor"] in x[end]["quote"]
               for end in ("denial", "target")):
            return lb["label"]
    return None


def score(found: list[dict], labels: list[dict], sealed: set[str] | None = None) -> dict:
    t: dict = {"links": len(found), "same_document": 0, "across_documents": 0, "labelled": 0, "right": 0,
               "across_labelled": 0, "across_right": 0, "sealed": 0, "unlabelled": []}
    for x in found:
        across = x["scope"] == "across documents"
        t["across_documents" if across else "same_document"] += 1
        if sealed and (x["denial"]["document"] in sealed or x["target"]["document"] in sealed):
            t["sealed"] += 1  # not looked at
            continue
        label = _label(x, labels)
        if label is None:
            t["unlabelled"].append(f'{x["denial"]["document"]} {x["denial"]["quote"][:50]} -> '
                                   f'{x["target"]["document"]} {x["target"]["quote"][:50]}')
            continue
        t["labelled"] += 1
        t["right"] += label == "right"
        t["across_labelled"] += across
        t["across_right"] += across and label == "right"
    t["precision"] = round(t["right"] / t["labelled"], 3) if t["labelled"] else None
    t["across_precision"] = round(t["across_right"] / t["across_labelled"], 3) if t["across_labelled"] else None
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", help="database file (default: a fresh temp file, the corpus day is ingested)")
    a = ap.parse_args()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["links"]
    with tempfile.TemporaryDirectory() as tmp:
        found = links(a.db or str(Path(tmp) / "denials.db"))
    print(json.dumps(score(found, labels, sealed_documents()), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
