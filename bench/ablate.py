"""Rule ablation: switch each named Arabic rule off in turn and print its effect.

Usage: python bench/ablate.py [--blind-dev DIR] [--corpus] [--english] [--rules NAME ...]

Columns: what each rule adds (score with it minus score without it) to F1 and claimant accuracy on `../shared/eval/dev` (Arabic) and on the blind dev split
(built into a temporary folder by `eval/blind/blind.py`), and with --corpus the number of corpus-day articles
whose claims change at all. A rule that moves only the article it was written for, and nothing on the corpus
day, is fitted to that article. English dev is scored once with --english (no Arabic rule runs on English text,
so its figure cannot move).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "eval" / "blind"))

import blind  # noqa: E402
from extract_eval import SHARED, evaluate  # noqa: E402

from claimtrack.extract import arabic as _arabic  # noqa: E402,F401  (registers the rules)
from claimtrack.extract import extract  # noqa: E402
from claimtrack.extract.arabic_patterns import RULES, switched_off  # noqa: E402
from claimtrack.text import nfc  # noqa: E402


def score(golds: list[Path]) -> tuple[float, float]:
    s, _ = evaluate(golds)
    return s["f1"], s["claimant_accuracy"] or 0.0


def corpus_outputs(texts: list[str]) -> list[str]:
    """One fingerprint per article: its claims' spans, claimants and kinds."""
    out = []
    for t in texts:
        cs = extract(t, language="ar", published="2015-08-11")
        out.append(json.dumps([(c.start, c.end, c.claimant.canonical, c.kind) for c in cs], ensure_ascii=False))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--blind-dev", type=Path, help="folder with the built blind dev split (default: build one)")
    ap.add_argument("--corpus", action="store_true", help="also count changed articles on the corpus day")
    ap.add_argument("--english", action="store_true", help="also score English dev once")
    ap.add_argument("--rules", nargs="*", help="only these rules")
    a = ap.parse_args(argv)
    dev = sorted((SHARED / "eval" / "dev").glob("*.ar.gold.json"))
    with tempfile.TemporaryDirectory() as tmp:
        blind_dir = a.blind_dev or Path(tmp)
        if a.blind_dev is None:
            blind.build(blind_dir, "dev")
        bdev = sorted(blind_dir.glob("*.gold.json"))
        texts = []
        if a.corpus:
            docs = json.loads((SHARED / "corpus" / "saudinewsnet" / "2015-08-11.json").read_text("utf-8"))
            texts = [nfc(f"{d.get('title') or ''}\n{d.get('content') or ''}") for d in docs]
        base = (*score(dev), *score(bdev))
        base_corpus = corpus_outputs(texts) if a.corpus else []
        print(f"baseline: dev F1 {base[0]:.3f} claimant {base[1]:.3f}; blind dev F1 {base[2]:.3f} claimant {base[3]:.3f}")
        if a.english:
            s, _ = evaluate(sorted((SHARED / "eval" / "dev-en").glob("*.gold.json")))
            print(f"English dev (unaffected by Arabic rules): F1 {s['f1']:.3f} claimant {s['claimant_accuracy']:.3f}")
        print(f"{'rule':36} {'+F1 dev':>8} {'+Cl dev':>8} {'+F1 blind':>9} {'+Cl blind':>9} {'corpus':>7}")
        for name in a.rules or sorted(RULES):
            with switched_off(name):
                cur = (*score(dev), *score(bdev))
                changed = sum(x != y for x, y in zip(base_corpus, corpus_outputs(texts), strict=True)) if a.corpus else ""
            d = [b - c for b, c in zip(base, cur, strict=True)]
            print(f"{name:36} {d[0]:+8.3f} {d[1]:+8.3f} {d[2]:+9.3f} {d[3]:+9.3f} {changed!s:>7}")


if __name__ == "__main__":
    main()
