"""Claimant audit: a seeded random sample of 200 Arabic claims from the corpus day, labelled by hand.

Usage: python eval/claimants/sample.py draw            (prints the sample with context, for labelling)
       python eval/claimants/sample.py score           (valid / right rates from labels.json)

Articles of `../shared/eval/dev` and of the blind set are left out. labels.json holds, per claim, the corpus
index, the claim's offsets and claimant surface as drawn, and two judgements: `valid` (the claimant is a
source: person, organisation, role or described source) and `right` (it is the source of this quote).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "blind"))

import blind  # noqa: E402

from claimtrack.extract import extract  # noqa: E402
from claimtrack.text import nfc  # noqa: E402

SEED, SIZE = 201, 200  # 200: the first audit (labels_first.json); 201: the audit of the final rules


def excluded() -> set[int]:
    return blind.dev_indices() | {d["index"] for d in blind.load_gold("all")}


def population(articles: list[dict]) -> list[tuple[int, object, str]]:
    skip = excluded()
    out = []
    for i, a in enumerate(articles):
        if i in skip:
            continue
        t = nfc(f"{a['title']}\n{a['content']}")
        out += [(i, c, t) for c in extract(t, language="ar", published="2015-08-11")]
    return out


def draw() -> None:
    arts = blind.corpus()
    pop = population(arts)
    for n, k in enumerate(sorted(random.Random(SEED).sample(range(len(pop)), SIZE)), 1):
        i, c, t = pop[k]
        a = max(t.rfind("\n", 0, c.start), c.start - 260)
        print(f"#{n} art={i} span={c.start}-{c.end} claimant={c.claimant_surface!r}")
        print("   CTX:", t[a : c.start].replace("\n", " / ")[-260:])
        print("   Q:", t[c.start : c.end][:160].replace("\n", " / "))


def score() -> None:
    name = sys.argv[2] if len(sys.argv) > 2 else "labels.json"
    labels = json.loads((HERE / name).read_text("utf-8"))
    n = len(labels)
    valid = sum(x["valid"] for x in labels)
    right = sum(x["right"] for x in labels)
    real = [x for x in labels if not x.get("not_a_claim")]
    print(f"claims {n}  valid {valid} ({valid / n:.1%})  right {right} ({right / n:.1%})")
    rr = sum(x["right"] for x in real)
    print(f"spans that are claims {len(real)}  right {rr} ({rr / len(real):.1%})")


if __name__ == "__main__":
    {"draw": draw, "score": score}[sys.argv[1]]()
