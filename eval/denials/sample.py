"""Denial audit: a seeded random sample of the Arabic claims typed `denial` on the corpus day, labelled by hand.

Usage: python eval/denials/sample.py draw     (prints the sample with context, for labelling)
       python eval/denials/sample.py score    (denial precision on the labelled sample, with the rules as they are)

The population is every claim of kind `denial` that `extract()` finds on the SaudiNewsNet day (2015-08-11),
articles of the sealed fourth final split (`blind.sample_final4`) left out; `Random(SEED).sample` draws `SIZE`
of them. `labels.json` keeps, per drawn claim, the corpus index, the url, a few-word `anchor` inside the claim
(no article text beyond it) and the judgement `denial` (is this a source rejecting a claim, an accusation or a
report?). `score` finds each labelled claim again by its anchor and reports precision over the labelled claims
that are still typed `denial`, and how many true denials the rules no longer type as one.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "blind"))

import blind  # noqa: E402

from claimtrack.extract import extract  # noqa: E402
from claimtrack.text import fold, nfc  # noqa: E402

SEED, SIZE = 1311, 50
PUBLISHED = "2015-08-11"
LABELS = HERE / "labels.json"


def article_text(article: dict) -> str:
    return nfc(blind.text_of(article))


def population(articles: list[dict]) -> list[tuple[int, object, str]]:
    """(corpus index, claim, text) of every claim typed `denial`, the sealed split left out (never extracted)."""
    sealed = set(blind.sample_final4(articles))
    out = []
    for i, a in enumerate(articles):
        if i in sealed:
            continue
        t = article_text(a)
        out += [(i, c, t) for c in extract(t, language="ar", published=PUBLISHED) if c.kind == "denial"]
    return out


def draw() -> None:
    articles = blind.corpus()
    pop = population(articles)
    picked = sorted(random.Random(SEED).sample(range(len(pop)), min(SIZE, len(pop))))
    print(f"population: {len(pop)} denials; drawn {len(picked)}")
    for n, k in enumerate(picked):
        i, c, t = pop[k]
        print(f"\n## {n} index {i} {articles[i]['url']}\nclaimant: {c.claimant_surface} | cue: {c.cue}")
        print("quote: " + c.quote.replace("\n", " ")[:400])
        print("context: " + t[max(0, c.start - 200): c.start].replace("\n", " ") + " [[…]]")


def _norm(s: str) -> str:
    """Folded, without quotation marks, white space collapsed (anchors were written without the marks)."""
    return " ".join(re.sub("[«»\"“”„]", "", fold(s)).split())


def _find(claims: list, anchor: str) -> object | None:
    a = _norm(anchor)
    return next((c for c in claims if a in _norm(c.quote)), None)


def score(labels_path: Path = LABELS) -> dict:
    """Precision of `denial` over the labelled claims, re-found by anchor in a fresh extraction."""
    articles = blind.corpus()
    labels = json.loads(labels_path.read_text("utf-8"))
    cache: dict[int, list] = {}
    typed = right = lost = gone = 0
    for x in labels:
        claims = cache.setdefault(x["index"], extract(article_text(articles[x["index"]]), language="ar",
                                                      published=PUBLISHED))
        c = _find(claims, x["anchor"])
        if c is None:
            gone += 1
            lost += x["denial"]
            continue
        if c.kind == "denial":
            typed += 1
            right += x["denial"]
        else:
            lost += x["denial"]
    return {"labelled": len(labels), "true_denials": sum(x["denial"] for x in labels),
            "still_typed_denial": typed, "precision": round(right / typed, 3) if typed else None,
            "true_denials_lost": lost, "claims_not_found": gone}


def main(argv: list[str]) -> None:
    if argv[:1] == ["draw"]:
        draw()
    elif argv[:1] == ["score"]:
        print(json.dumps(score(Path(argv[1]) if len(argv) > 1 else LABELS), ensure_ascii=False))
    else:
        print(__doc__)
        raise SystemExit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
