"""Date audit: a seeded random sample of corpus-day Arabic claims with a date expression near them, labelled by hand.

Usage: python eval/dates/sample.py draw     (prints the sample's contexts, never the extractor's dates, for labelling)
       python eval/dates/sample.py score    (stated_on / event_date right on the labelled sample, rules as they are)

The population is every claim that `extract()` finds on the SaudiNewsNet day (2015-08-11), articles of the sealed
fourth final split (`blind.sample_final4`) left out, whose text from the start of its sentence (or 200 characters
back) to its end holds a date expression (`find_dates`). `Random(SEED).sample` draws `SIZE`. `labels.json` keeps,
per claim, the corpus index, the url, a few-word `anchor` inside the claim and the hand labels `stated_on` and
`event_date` (ISO, possibly partial; null where the text does not settle one or the statement date is the
publication day), following ../shared/eval/GUIDELINES.md.
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
from claimtrack.extract.dates import find_dates  # noqa: E402
from claimtrack.text import fold, nfc  # noqa: E402

SEED, SIZE = 1314, 40
PUBLISHED = "2015-08-11"
LABELS = HERE / "labels.json"


def article_text(article: dict) -> str:
    return nfc(blind.text_of(article))


def _lead(text: str, start: int) -> int:
    """Start of the claim's sentence, at most 200 characters back."""
    a = max(0, start - 200)
    cut = max(text.rfind(".", a, start), text.rfind("\n", a, start))
    return cut + 1 if cut >= 0 else a


def population(articles: list[dict]) -> list[tuple[int, object, str]]:
    import datetime as dt

    pub = dt.date.fromisoformat(PUBLISHED)
    sealed = set(blind.sample_final4(articles))
    out = []
    for i, a in enumerate(articles):
        if i in sealed:
            continue
        t = article_text(a)
        for c in extract(t, language="ar", published=PUBLISHED):
            if find_dates(t[_lead(t, c.start) : c.end], pub):
                out.append((i, c, t))
    return out


def draw() -> None:
    articles = blind.corpus()
    pop = population(articles)
    picked = sorted(random.Random(SEED).sample(range(len(pop)), min(SIZE, len(pop))))
    print(f"population: {len(pop)} claims; drawn {len(picked)}")
    for n, k in enumerate(picked):
        i, c, t = pop[k]
        head = t[: t.find("\n", t.find("\n") + 2)].replace("\n", " / ")[:160]
        print(f"\n## {n} index {i} {articles[i]['url']}\nhead: {head}\nclaimant: {c.claimant_surface}")
        print("before: " + t[max(0, c.start - 300) : c.start].replace("\n", " ¶ "))
        print("claim: " + c.quote.replace("\n", " ¶ ")[:400])


def _norm(s: str) -> str:
    return " ".join(re.sub("[«»\"“”„]", "", fold(s)).split())


def _ok(pred: str | None, gold: str | None, field: str) -> bool:
    """Right when both are unset (a statement dated to publication counts as unset), or pred begins with gold."""
    if field == "stated_on" and pred == PUBLISHED:
        pred = None
    return pred is None if gold is None else bool(pred) and pred.startswith(gold)


def score(labels_path: Path = LABELS) -> dict:
    articles = blind.corpus()
    labels = json.loads(labels_path.read_text("utf-8"))
    cache: dict[int, list] = {}
    right = {"stated_on": 0, "event_date": 0}
    set_right = set_n = gone = 0
    for x in labels:
        claims = cache.setdefault(x["index"], extract(article_text(articles[x["index"]]), language="ar",
                                                      published=PUBLISHED))
        a = _norm(x["anchor"])
        c = next((c for c in claims if a in _norm(c.quote)), None)
        if c is None:
            gone += 1
            continue
        for f in right:
            pred = getattr(c, f)
            ok = _ok(pred.iso if pred else None, x[f], f)
            right[f] += ok
            if x[f]:
                set_n += 1
                set_right += ok
    n = len(labels) - gone
    return {"labelled": len(labels), "found": n, "stated_on_right": f"{right['stated_on']}/{n}",
            "event_date_right": f"{right['event_date']}/{n}", "labelled_dates_right": f"{set_right}/{set_n}",
            "claims_not_found": gone}


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
