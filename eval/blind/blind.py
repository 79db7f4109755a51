"""Blind Arabic evaluation set: selection, gold anchors and a loader that rebuilds texts and gold files.

The gold here holds anchors only (corpus file and index, url, anchor strings, claimant aliases, kind, dates,
denials); the article texts are rebuilt from `../shared/corpus` as `title + "\\n\\n" + content + "\\n"`, the
same rule as `../shared/eval/dev`. Selection: articles of the SaudiNewsNet day not in `eval/dev`, content
300–2,500 characters, first copy of each title, `random.Random(13).sample(…, 60)`; the first 40 are the
development split, the last 20 the final split (never used for tuning).

The second final split (`final2`, 20 articles) was drawn after the first final split had been run: articles
of the same day that are in none of `eval/dev`, the blind set and the claimant audits (`eval/claimants`),
same length and first-copy rules, that carry reported speech (a reporting cue of GUIDELINES or a «…» quote,
`REPORTED_SPEECH`), `random.Random(FINAL2_SEED).sample(…, 20)`. It was labelled before the extractor was run on it.

The third final split (`final3`, 20 articles, `sample_final3`) also leaves out final2, every later claimant audit
and the articles of the labelled benchmark data; it was labelled by hand, blind, before any run on it.

The fourth final split (`final4`, 20 articles, `sample_final4`) also leaves out final3 and the later audits; six
of its articles come from those with a `DENIAL_CUE` match. Labelled by hand and blind (`FINAL4.md`).

Usage: python eval/blind/blind.py build OUTDIR [--split dev|final|final2|final3|final4|all]   (writes .ar.txt + .gold.json)
       python eval/blind/blind.py sample                                                 (prints the selections)
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared"
CORPUS_FILE = "saudinewsnet/2015-08-11.json"
SEED, SIZE, DEV_SIZE = 13, 60, 40
MIN_CHARS, MAX_CHARS = 300, 2500
FINAL2_SEED, FINAL2_SIZE = 1420, 20
FINAL3_SEED, FINAL3_SIZE = 1202, 20
FINAL4_SEED, FINAL4_SIZE, FINAL4_DENIALS = 1203, 20, 6
# a denial cue of GUIDELINES at a word start (a lexical filter on the text, never the extractor's output); it has no
# word end, so «تنفي» also matches «تنفيذ» (final4 holds no denial, see FINAL4.md); kept as it was drawn
DENIAL_CUE = re.compile(r"(?:^|[\s(«])[وف]?(?:نفى|نفت|ينفي|تنفي|نفي|أنكر|أنكرت|ينكر|كذب|كذبت|لا صحة|عار[ٍي]? (?:من|عن) الصحة)")
# a reporting cue of GUIDELINES at a word start (after an optional و/ف) or a «…» quotation
REPORTED_SPEECH = re.compile(
    r"«[^»]{8,}»|(?:^|[\s(«])[وف]?(?:قال|أكد|أشار|أضاف|أوضح|نفى|نفت|اعتبر|رأى|أعلن|ذكر|صرح|كشف|اتهم|زعم|حذر|شدد"
    r"|لفت|دعا|طالب|وفقا|وفقاً|بحسب|مؤكد|مشير|معتبر)"
)


def corpus(shared: Path = SHARED) -> list[dict]:
    return json.loads((shared / "corpus" / CORPUS_FILE).read_text("utf-8"))


def dev_indices(shared: Path = SHARED) -> set[int]:
    names = (p.name for p in (shared / "eval" / "dev").glob("snn-*.ar.txt"))
    return {int(m.group(1)) for n in names if (m := re.search(r"-(\d{4})\.ar\.txt$", n))}


def sample(articles: list[dict], excluded: set[int]) -> list[int]:
    """The seeded random selection: eligible indices in corpus order, then `Random(SEED).sample`."""
    seen: set[str] = set()
    eligible = []
    for i, a in enumerate(articles):
        if i in excluded or not MIN_CHARS <= len(a["content"].strip()) <= MAX_CHARS or a["title"] in seen:
            continue
        seen.add(a["title"])
        eligible.append(i)
    return random.Random(SEED).sample(eligible, SIZE)


# the claimant audits that existed when final2 was drawn (a later audit must not change the draw)
AUDITS_AT_FINAL2_DRAW = ("labels.json", "labels_first.json")


def audit_indices(files: tuple[str, ...] = AUDITS_AT_FINAL2_DRAW) -> set[int]:
    """Articles of the claimant audits (`eval/claimants/<file>`)."""
    return {x["index"] for f in files for x in json.loads((HERE.parent / "claimants" / f).read_text("utf-8"))}


def speech_articles(articles: list[dict], used: set[int], urls: set[str] | frozenset[str] = frozenset()) -> list[int]:
    """Indices, in corpus order, of the articles not in `used` nor at one of `urls`, of eligible length, first
    copy of their title, that carry reported speech (`REPORTED_SPEECH`)."""
    seen: set[str] = set()
    eligible = []
    for i, a in enumerate(articles):
        body = a["content"].strip()
        if i in used or a["url"] in urls or not MIN_CHARS <= len(body) <= MAX_CHARS or a["title"] in seen:
            continue
        seen.add(a["title"])
        if REPORTED_SPEECH.search(text_of(a)):
            eligible.append(i)
    return eligible


def sample_final2(articles: list[dict]) -> list[int]:
    """The second final split: unseen, eligible articles with reported speech, `Random(FINAL2_SEED)`."""
    used = dev_indices() | audit_indices() | {d["index"] for d in load_gold("all")}
    return random.Random(FINAL2_SEED).sample(speech_articles(articles, used), FINAL2_SIZE)


# every claimant audit committed when final3 was drawn
AUDITS_AT_FINAL3_DRAW = ("labels.json", "labels_first.json", "labels_fresh.json")


def bench_label_urls() -> set[str]:
    """Article urls named by the labelled benchmark data (`bench/data`: tracking pairs, denial links, evidence)."""
    text = " ".join(p.read_text("utf-8") for p in (HERE.parents[1] / "bench" / "data").iterdir() if p.is_file())
    return set(re.findall(r"https?://[^\s\"]+", text))


def bench_urls_at_draws() -> set[str]:
    """`bench_label_urls()` as it was when final3 and final4 were drawn (the same 298 urls: bench/data at 10ef946,
    final3's draw, gives this list too), so that later benchmark labels do not move those draws."""
    return set((HERE / "final4_bench_urls.txt").read_text("utf-8").split())


def sample_final3(articles: list[dict]) -> list[int]:
    """The third final split: as final2, also leaving out final2, every later audit and the articles of the
    labelled benchmark data (their output has been read), `Random(FINAL3_SEED)`."""
    used = dev_indices() | audit_indices(AUDITS_AT_FINAL3_DRAW) | {d["index"] for d in load_gold("all")}
    used |= {d["index"] for d in load_gold("final2")}
    return random.Random(FINAL3_SEED).sample(speech_articles(articles, used, bench_urls_at_draws()), FINAL3_SIZE)


# every claimant audit committed when final4 was drawn
AUDITS_AT_FINAL4_DRAW = AUDITS_AT_FINAL3_DRAW + ("labels_unseen.json", "labels_final.json")


def final4_eligible(articles: list[dict]) -> list[int]:
    """Articles in no earlier split, audit or benchmark label set, first copy of a title, with reported speech."""
    used = dev_indices() | audit_indices(AUDITS_AT_FINAL4_DRAW) | {d["index"] for d in load_gold("all")}
    used |= {d["index"] for split in ("final2", "final3") for d in load_gold(split)}
    return speech_articles(articles, used, bench_urls_at_draws())


def sample_final4(articles: list[dict]) -> list[int]:
    """The fourth final split: `FINAL4_DENIALS` eligible articles with a denial cue, then the rest from the
    remaining eligible articles, both drawn with one `Random(FINAL4_SEED)` (so the set can score denials)."""
    eligible = final4_eligible(articles)
    rng = random.Random(FINAL4_SEED)
    with_denial = [i for i in eligible if DENIAL_CUE.search(text_of(articles[i]))]
    first = rng.sample(with_denial, FINAL4_DENIALS)
    rest = rng.sample([i for i in eligible if i not in first], FINAL4_SIZE - FINAL4_DENIALS)
    return first + rest


def text_of(article: dict) -> str:
    return article["title"].strip() + "\n\n" + article["content"].strip() + "\n"


def name_of(index: int) -> str:
    return f"snn-2015-08-11-{index:04d}.ar.txt"


def load_gold(split: str) -> list[dict]:
    """Gold of a split; `all` is dev + final (the set the claimant audits exclude), not the later final splits."""
    files = ["gold_dev.json", "gold_final.json"] if split == "all" else [f"gold_{split}.json"]
    return [doc for f in files for doc in json.loads((HERE / f).read_text("utf-8"))]


def build(out: Path, split: str = "dev", shared: Path = SHARED) -> list[Path]:
    """Write each article's text and its gold file (score.py format) into `out`; returns the gold paths."""
    articles = corpus(shared)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in load_gold(split):
        a = articles[doc["index"]]
        if a["url"] != doc["url"]:
            raise ValueError(f"corpus index {doc['index']} is not {doc['url']}")
        text, name = text_of(a), name_of(doc["index"])
        for c in doc["claims"]:
            if text.count(c["anchor"]) != 1:
                raise ValueError(f"{name}: anchor found {text.count(c['anchor'])} times: {c['anchor']}")
        (out / name).write_text(text, "utf-8")
        gold = {"document": name, "language": "ar", "published": doc["published"], "claims": doc["claims"]}
        gp = out / (name.removesuffix(".txt") + ".gold.json")
        gp.write_text(json.dumps(gold, ensure_ascii=False, indent=1), "utf-8")
        paths.append(gp)
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["build", "sample"])
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--split", default="dev", choices=["dev", "final", "final2", "final3", "final4", "all"])
    a = ap.parse_args(argv)
    if a.command == "sample":
        s = sample(corpus(), dev_indices())
        print("dev", s[:DEV_SIZE])
        print("final", s[DEV_SIZE:])
        print("final2", sample_final2(corpus()))
        print("final3", sample_final3(corpus()))
        print("final4", sample_final4(corpus()))
    else:
        for p in build(a.out, a.split):
            print(p)


if __name__ == "__main__":
    main()
