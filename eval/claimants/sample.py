"""Claimant audit: a seeded random sample of 200 Arabic claims from the corpus day, labelled by hand.

Usage: python eval/claimants/sample.py draw [fresh]    (prints the sample with context, for labelling)
       python eval/claimants/sample.py draw unseen|final (the fourth / fifth audit: whole unseen articles, seed 203 / 204)
       python eval/claimants/sample.py draw fresh205 (whole articles outside every split, audit, benchmark label set
                                                   and the sealed final4 split, and their near copies; seed 205)
       python eval/claimants/sample.py score [FILE]    (valid / right rates as labelled, from labels.json or FILE)
       python eval/claimants/sample.py recheck [unseen|final] (labels_fresh / _unseen / _final.json re-judged now)

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
from claimtrack.text import fold, nfc  # noqa: E402

SEED, SIZE = 201, 200  # 200: the first audit (labels_first.json); 201: the audit of the final rules
# labels_unseen.json (seed 203) and labels_final.json (seed 204): whole articles left out of every split, every
# earlier audit and their near copies; the audits each draw leaves out (a later audit must not change a draw)
UNSEEN_SEEDS = {"unseen": 203, "final": 204, "fresh205": 205}
AUDITS_BEFORE = {"unseen": ("labels_first.json", "labels.json", "labels_fresh.json"),
                 "final": ("labels_first.json", "labels.json", "labels_fresh.json", "labels_unseen.json"),
                 "fresh205": ("labels_first.json", "labels.json", "labels_fresh.json", "labels_unseen.json",
                              "labels_final.json")}
FRESH_SEED = 202  # labels_fresh.json: drawn from the extractor before the validity work, earlier labels left out
LABELLED = ("labels_first.json", "labels.json")


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


def labelled_spans() -> dict[int, list[tuple[int, int]]]:
    """Spans judged in earlier audits, per corpus index."""
    out: dict[int, list[tuple[int, int]]] = {}
    for name in LABELLED:
        for x in json.loads((HERE / name).read_text("utf-8")):
            out.setdefault(x["index"], []).append((x["start"], x["end"]))
    return out


def fresh_population(articles: list[dict]) -> list[tuple[int, object, str]]:
    """The population minus claims overlapping a span labelled in an earlier audit."""
    old = labelled_spans()
    return [(i, c, t) for i, c, t in population(articles)
            if not any(a < c.end and c.start < b for a, b in old.get(i, ()))]


def _shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = fold(text).split()
    return {tuple(words[i : i + k]) for i in range(max(0, len(words) - k + 1))}


def seen_articles(articles: list[dict], mode: str = "unseen") -> set[int]:
    """Every article whose extractor output has been read or must not be: eval/dev, the blind splits (final2
    too), the held-back final3 split, every earlier claimant audit (for `fresh205` also the sealed final4 split and
    the benchmark label sets), and any near copy of one of them (the same story from another outlet: half of its
    word 5-grams shared)."""
    out = blind.dev_indices() | {d["index"] for d in blind.load_gold("all") + blind.load_gold("final2")}
    out |= blind.audit_indices(AUDITS_BEFORE[mode])
    out |= set(blind.sample_final3(articles))
    if mode == "fresh205":  # the sealed fourth final split and the benchmark label sets (as at final4's draw) stay out
        urls = blind.bench_urls_at_draws()
        out |= set(blind.sample_final4(articles)) | {i for i, a in enumerate(articles) if a["url"] in urls}
    seen = [_shingles(blind.text_of(articles[i])) for i in sorted(out)]
    for i, a in enumerate(articles):
        if i in out:
            continue
        sh = _shingles(blind.text_of(a))
        if sh and any(len(sh & o) >= 0.5 * min(len(sh), len(o)) for o in seen if o):
            out.add(i)
    return out


def unseen_population(articles: list[dict], mode: str = "unseen") -> list[tuple[int, object, str]]:
    """Claims of the corpus day's Arabic articles outside `seen_articles`."""
    skip = seen_articles(articles, mode)
    out = []
    for i, a in enumerate(articles):
        if i not in skip:
            t = nfc(f"{a['title']}\n{a['content']}")
            out += [(i, c, t) for c in extract(t, language="ar", published="2015-08-11")]
    return out


def draw() -> None:
    mode = sys.argv[2] if len(sys.argv) > 2 else ""
    fresh = mode in ("fresh", *UNSEEN_SEEDS)
    arts = blind.corpus()
    pop = unseen_population(arts, mode) if mode in UNSEEN_SEEDS else fresh_population(arts) if fresh \
        else population(arts)
    seed = UNSEEN_SEEDS.get(mode, FRESH_SEED if fresh else SEED)
    for n, k in enumerate(sorted(random.Random(seed).sample(range(len(pop)), SIZE)), 1):
        i, c, t = pop[k]
        width = 420 if mode == "fresh205" else 260
        a = max(t.rfind("\n", 0, c.start), c.start - width)
        print(f"#{n} art={i} span={c.start}-{c.end} claimant={c.claimant_surface!r}")
        print("   CTX:", t[a : c.start].replace("\n", " / ")[-width:])
        print("   Q:", t[c.start : c.end][:160].replace("\n", " / "))
        if fresh:
            print(f"   CAN: {c.claimant.canonical if c.claimant else None!r} kind={c.kind}")


def _rates(labels: list[dict], title: str) -> None:
    n = len(labels)
    valid = sum(x["valid"] for x in labels)
    right = sum(x["right"] for x in labels)
    real = [x for x in labels if not x.get("not_a_claim")]
    rr = sum(x["right"] for x in real)
    print(f"{title:9} claims {n}  valid {valid} ({valid / n:.1%})  right {right} ({right / n:.1%})"
          f"  right among real claims {rr}/{len(real)} ({rr / len(real):.1%})")


def score() -> None:
    name = sys.argv[2] if len(sys.argv) > 2 else "labels.json"
    labels = json.loads((HERE / name).read_text("utf-8"))
    if "split" in labels[0]:
        for part in ("tune", "held_out"):
            _rates([x for x in labels if x["split"] == part], part)
        _rates(labels, "whole")
        return
    n = len(labels)
    valid = sum(x["valid"] for x in labels)
    right = sum(x["right"] for x in labels)
    real = [x for x in labels if not x.get("not_a_claim")]
    print(f"claims {n}  valid {valid} ({valid / n:.1%})  right {right} ({right / n:.1%})")
    rr = sum(x["right"] for x in real)
    print(f"spans that are claims {len(real)}  right {rr} ({rr / len(real):.1%})")


def _words(s: str) -> list[str]:
    return fold(s).replace("«", " ").replace("»", " ").replace("”", " ").replace('"', " ").split()


def _sub(a: list[str], b: list[str]) -> bool:
    """True when the words of `a` appear in order, contiguously, in `b`."""
    return any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1)) if a else False


def _judge(label: dict, surface: str, canonical: str, hand: dict) -> tuple[bool, bool, str]:
    """(valid, right, how) for the claimant now given to a labelled claim."""
    if fold(surface).split() == fold(label["claimant_surface"]).split():
        return label["valid"], label["right"], "unchanged"
    key = f"{label['n']}:{surface}"
    if key in hand:
        return hand[key]["valid"], hand[key]["right"] and not label["not_a_claim"], "by hand"
    s, c = _words(surface), _words(canonical)
    for alias in label["correct"]:
        a = _words(alias)
        if s == a or c == a or _sub(s, a) and (len(s) > 1 or len(a) <= 2 or s == a[-1:]) or s[-len(a):] == a \
                or s[: len(a)] == a and s[len(a) : len(a) + 1] in (["بن"], ["ابن"], ["ال"]):
            return True, not label["not_a_claim"], "matches the label"
    return False, False, "UNJUDGED"


def recheck() -> None:
    """Re-run the current rules on the articles of labels_fresh.json (or labels_unseen.json: `recheck unseen`) and
    judge each labelled claim's claimant: unchanged surfaces keep their label, a surface equal to (or a part of) a
    labelled correct name is right, and other new surfaces are judged by hand in recheck_fresh.json /
    recheck_unseen.json ({"N:surface": {"valid", "right"}})."""
    which = sys.argv[2] if len(sys.argv) > 2 else "fresh"
    labels = json.loads((HERE / f"labels_{which}.json").read_text("utf-8"))
    hp = HERE / f"recheck_{which}.json"
    hand = json.loads(hp.read_text("utf-8")) if hp.exists() else {}
    arts = blind.corpus()
    now, dropped, unjudged = [], [], 0
    cache: dict[int, list] = {}
    for x in labels:
        i = x["index"]
        if i not in cache:
            t = nfc(f"{arts[i]['title']}\n{arts[i]['content']}")
            cache[i] = extract(t, language="ar", published="2015-08-11")
        over = [(min(c.end, x["end"]) - max(c.start, x["start"]), c) for c in cache[i]]
        best = max(over, key=lambda o: o[0], default=(0, None))
        if best[0] <= 0:
            print(f"#{x['n']} {x.get('split', '')} {x['claimant_surface']!r}: no longer extracted"
                  f"{' (no claim)' if x['not_a_claim'] else ''}")
            dropped.append(x)
            continue
        c = best[1]
        valid, right, how = _judge(x, c.claimant_surface, c.claimant.canonical if c.claimant else "", hand)
        unjudged += how == "UNJUDGED"
        if how != "unchanged":
            print(f"#{x['n']} {x.get('split', '')} {x['claimant_surface']!r} -> {c.claimant_surface!r}: {how}"
                  f" valid={valid} right={right} correct={x['correct']}")
        now.append({**x, "valid": valid, "right": right})
    for part in ("tune", "held_out") if "split" in labels[0] else ():
        _rates([x for x in now if x["split"] == part], part)
    _rates(now, "whole")
    real = sum(not x["not_a_claim"] for x in dropped)
    print(f"no longer extracted: {len(dropped)} ({len(dropped) - real} labelled no claim, {real} real claims)"
          f"  unjudged: {unjudged}")


if __name__ == "__main__":
    {"draw": draw, "score": score, "recheck": recheck}[sys.argv[1]]()
