"""Rule ablation: switch each named Arabic rule off in turn and print its effect.

Usage: python bench/ablate.py [--corpus] [--english] [--rules NAME ...]

Columns: what each rule adds (score with it minus score without it) to F1 and claimant accuracy on `../shared/eval/dev`
(Arabic) and on the blind splits that have been run and seen (the blind dev split, the old final split, `final2`
and `final3`: all development sets now), built into a temporary folder by `eval/blind/blind.py`; `helped` /
`hurt`: evaluation articles with fewer / more errors with the rule on; with --corpus the number of corpus-day
articles whose claims change at all (the sealed `final4` articles, `blind.sample_final4`, are left out, so that
nothing about them is printed). A rule that moves only the article it was written for, and nothing on the corpus
day, is fitted to that article. English dev is scored once with --english (no Arabic rule runs on English text,
so its figure cannot move).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
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


def score(golds: list[Path]) -> tuple[float, float, Counter[str]]:
    """F1, claimant accuracy, and the number of errors (misses, wrong claimants or dates, extras) per article."""
    s, misses = evaluate(golds, verbose=True)
    return s["f1"], s["claimant_accuracy"] or 0.0, Counter(m[0] for m in misses)


def corpus_outputs(texts: list[str]) -> list[str]:
    """One fingerprint per article: its claims' spans, claimants, kinds and dates."""
    out = []
    for t in texts:
        cs = extract(t, language="ar", published="2015-08-11")
        out.append(json.dumps([(c.start, c.end, c.claimant.canonical, c.kind, c.stated_on and c.stated_on.iso,
                                c.event_date and c.event_date.iso) for c in cs], ensure_ascii=False))
    return out


# the blind splits scored (all run and seen, so development sets) and the folder each is built into
SPLITS = {"blind dev": "dev", "old final": "final", "final2": "final2", "final3": "final3"}


def _sets(tmp: Path) -> dict[str, list[Path]]:
    sets = {"dev": sorted((SHARED / "eval" / "dev").glob("*.ar.gold.json"))}
    for label, split in SPLITS.items():
        blind.build(tmp / split, split)
        sets[label] = sorted((tmp / split).glob("*.gold.json"))
    return sets


def held_back(docs: list[dict]) -> frozenset[int]:
    """The sealed fourth final split (`blind.sample_final4`): nothing about its output is printed or counted."""
    return frozenset(blind.sample_final4(docs))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="store_true", help="also count changed articles on the corpus day")
    ap.add_argument("--english", action="store_true", help="also score English dev once")
    ap.add_argument("--rules", nargs="*", help="only these rules")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        sets = _sets(Path(tmp))
        texts = []
        if a.corpus:
            docs = json.loads((SHARED / "corpus" / "saudinewsnet" / "2015-08-11.json").read_text("utf-8"))
            sealed = held_back(docs)
            texts = [nfc(f"{d.get('title') or ''}\n{d.get('content') or ''}") for i, d in enumerate(docs)
                     if i not in sealed]
        base = {k: score(v) for k, v in sets.items()}
        base_corpus = corpus_outputs(texts) if a.corpus else []
        print("baseline: " + "; ".join(f"{k} F1 {v[0]:.3f} claimant {v[1]:.3f}" for k, v in base.items()))
        if a.english:
            s, _ = evaluate(sorted((SHARED / "eval" / "dev-en").glob("*.gold.json")))
            print(f"English dev (unaffected by Arabic rules): F1 {s['f1']:.3f} claimant {s['claimant_accuracy']:.3f}")
        print(f"{'rule':36} " + " ".join(f"{'+F1 ' + k:>13} {'+Cl':>6}" for k in sets)
              + f" {'helped':>6} {'hurt':>5} {'corpus':>7}")
        for name in a.rules or sorted(RULES):
            with switched_off(name):
                cur = {k: score(v) for k, v in sets.items()}
                changed = sum(x != y for x, y in zip(base_corpus, corpus_outputs(texts), strict=True)) if a.corpus else ""
            helped = sum(sum(1 for d in cur[k][2].keys() | base[k][2].keys() if base[k][2][d] < cur[k][2][d]) for k in sets)
            hurt = sum(sum(1 for d in cur[k][2].keys() | base[k][2].keys() if base[k][2][d] > cur[k][2][d]) for k in sets)
            cols = " ".join(f"{base[k][0] - cur[k][0]:+13.3f} {base[k][1] - cur[k][1]:+6.3f}" for k in sets)
            print(f"{name:36} {cols} {helped:>6} {hurt:>5} {changed!s:>7}")


if __name__ == "__main__":
    main()
