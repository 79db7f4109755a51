"""Run `extract()` on gold texts and score with the shared scorer.

Usage: python bench/extract_eval.py GOLD.json [GOLD.json ...] [--texts DIR] [--out preds.jsonl] [--verbose] [--json]
The text beside each gold file (or in --texts) is read as ingest stores it: NFC, the outlet tag on the lead line
stripped; a Markdown file with front matter (a transcript) through the Markdown reader, which gives its title.
A gold file with "scored_until" was labelled up to the paragraph holding that anchor: later claims are not scored.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from claimtrack.extract import extract
from claimtrack.text import nfc, strip_outlet_prefix

SHARED = Path(__file__).resolve().parents[2] / "shared"


def load_scorer(shared: Path = SHARED):
    sys.path.insert(0, str(shared / "eval"))
    import score  # type: ignore[import-not-found]

    return score


def _document(path: Path) -> tuple[str, str | None]:
    """(text, title) of an article or transcript as ingest would store it."""
    raw_text = path.read_text("utf-8")
    if path.suffix == ".md":
        from claimtrack.ingest.plaintext import read_text

        raw = next(iter(read_text(nfc(raw_text), str(path), path.name, markdown=True)))
        return raw.text, raw.title  # type: ignore[union-attr]
    return strip_outlet_prefix(nfc(raw_text)), None


def predictions(gold_paths: list[Path], texts: Path | None = None) -> list[dict]:
    rows: list[dict] = []
    for gp in gold_paths:
        g = json.loads(gp.read_text("utf-8"))
        text, title = _document((texts or gp.parent) / g["document"])
        claims = extract(text, language=g.get("language", "ar"), published=g.get("published"), title=title)
        if g.get("scored_until"):  # gold labelled only up to the paragraph of this anchor
            stop = text.find("\n", text.find(g["scored_until"]))
            claims = [c for c in claims if stop < 0 or c.start < stop]
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


def _pairs(scorer, gold: dict, rows: list[dict]) -> list[tuple[dict, dict | None]]:
    """(gold claim, matched prediction or None) per gold claim, matched as the scorer does (greedy, non-optional
    gold first, a quote over the scorer's limit matches nothing)."""
    golds = sorted(gold["claims"], key=lambda c: bool(c.get("optional")))
    qn = [q if len(q) <= scorer.MAX_QUOTE else "" for q in (scorer.norm(r.get("quote")) for r in rows)]
    used: set[int] = set()
    out: list[tuple[dict, dict | None]] = []
    for c in golds:
        a = scorer.norm(c["anchor"])
        ri = next((i for i, q in enumerate(qn) if i not in used and a in q), None)
        if ri is not None:
            used.add(ri)
        out.append((c, rows[ri] if ri is not None else None))
    return out


def kinds_and_dates(gold_paths: list[Path], rows: list[dict]) -> dict:
    """Kind agreement over matched non-optional pairs (with the confusions, gold->predicted), and gold dates
    right over *all* gold dates (a missed claim counts as a wrong date), beside the scorer's matched-pair figure."""
    scorer = load_scorer()
    by_doc: dict[str, list[dict]] = {}
    for r in rows:
        by_doc.setdefault(r["document"], []).append(r)
    kinds_ok = kinds_n = dates_ok = dates_n = 0
    confusions: Counter[str] = Counter()
    for gp in gold_paths:
        g = json.loads(gp.read_text("utf-8"))
        for c, r in _pairs(scorer, g, by_doc.get(g["document"], [])):
            if c.get("optional"):
                continue
            for field in ("stated_on", "event_date"):
                if c.get(field):
                    dates_n += 1
                    dates_ok += bool(r and scorer.date_ok(r.get(field), c[field]))
            if r is not None:
                kinds_n += 1
                gk, pk = c.get("kind", "statement"), r.get("kind")
                kinds_ok += gk == pk
                if gk != pk:
                    confusions[f"{gk}->{pk}"] += 1
    return {"kinds": f"{kinds_ok}/{kinds_n}", "kind_confusions": dict(confusions.most_common()),
            "gold_dates_right": f"{dates_ok}/{dates_n}"}


def evaluate(gold_paths: list[Path], verbose: bool = False, out: Path | None = None,
             texts: Path | None = None) -> tuple[dict, list]:
    """Extract, write predictions (JSON lines), score; returns (summary, misses)."""
    scorer = load_scorer()
    rows = predictions(gold_paths, texts)
    with (open(out, "w", encoding="utf-8") if out else tempfile.NamedTemporaryFile("w", suffix=".jsonl",
                                                                                    delete=False)) as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        path = fh.name
    summary, misses = scorer.score(scorer.load_gold([str(p) for p in gold_paths]), scorer.load_pred(path), verbose)
    summary.update(kinds_and_dates(gold_paths, rows))
    return summary, misses


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--texts", type=Path, help="folder holding the documents, if not beside the gold files")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    summary, misses = evaluate(a.gold, a.verbose, a.out, a.texts)
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
