"""English evaluation splits drawn from PolNeAR train: a tune set and a held-out set.

Usage:
  python eval/english/split.py list               print the tune and held-out article names
  python eval/english/split.py build OUT [--split tune|heldout]
                                                  write OUT/tune and OUT/heldout gold folders

The draw is fixed: every PolNeAR train article with an attribution annotation, minus the articles of
`../shared/eval/dev-en` and minus `USED_BEFORE` (train articles earlier work read; none were found in
bench/, tests/ or eval/ when the split was drawn), sorted by name, shuffled with `random.Random(SEED)`;
the first `TUNE_SIZE` names are the tune set, the next `HELDOUT_SIZE` the held-out set. Nothing of the
articles is stored in the repository: `build` copies the texts and annotations of the chosen articles
from `../shared/corpus/polnear/train` and runs `../shared/eval/polnear_gold.py` on them.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared"
TRAIN = SHARED / "corpus" / "polnear" / "train"
DEV_EN = SHARED / "eval" / "dev-en"
SEED = 1913
TUNE_SIZE = 60
HELDOUT_SIZE = 40
USED_BEFORE: frozenset[str] = frozenset()


def annotated_articles(train: Path = TRAIN) -> list[str]:
    """Names (no suffix) of train articles that have a text and at least one annotation file."""
    texts = {p.stem for p in (train / "text").glob("*.txt")}
    annotated = {p.stem.rsplit("_", 1)[0] for p in (train / "attributions").glob("*.ann")}
    return sorted(texts & annotated)


def dev_en_articles(dev_en: Path = DEV_EN) -> set[str]:
    return {p.stem for p in dev_en.glob("*.txt")}


def splits(train: Path = TRAIN, dev_en: Path = DEV_EN) -> dict[str, list[str]]:
    """The fixed draw: {"tune": [...], "heldout": [...]} article names."""
    pool = [n for n in annotated_articles(train) if n not in dev_en_articles(dev_en) and n not in USED_BEFORE]
    random.Random(SEED).shuffle(pool)
    return {"tune": sorted(pool[:TUNE_SIZE]), "heldout": sorted(pool[TUNE_SIZE:TUNE_SIZE + HELDOUT_SIZE])}


def build(out: Path, names: list[str], train: Path = TRAIN) -> list[Path]:
    """Gold files (and texts) for `names` in `out`, made by the shared polnear_gold.py; returns the gold paths."""
    with tempfile.TemporaryDirectory() as tmp:
        text_dir, ann_dir = Path(tmp, "text"), Path(tmp, "ann")
        text_dir.mkdir()
        ann_dir.mkdir()
        for name in names:
            shutil.copy(train / "text" / f"{name}.txt", text_dir)
            for ann in (train / "attributions").glob(f"{name}_*.ann"):
                shutil.copy(ann, ann_dir)
        subprocess.run([sys.executable, str(SHARED / "eval" / "polnear_gold.py"), str(text_dir), str(ann_dir),
                        str(out)], check=True, stdout=subprocess.DEVNULL)
    return sorted(out.glob("*.gold.json"))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["list", "build"])
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--split", choices=["tune", "heldout"])
    a = ap.parse_args(argv)
    chosen = splits()
    if a.command == "list":
        for split, names in chosen.items():
            print("\n".join(f"{split}\t{n}" for n in names))
        return
    if a.out is None:
        ap.error("build needs an output folder")
    for split in [a.split] if a.split else list(chosen):
        gold = build(a.out / split, chosen[split])
        print(f"{split}: {len(gold)} gold files in {a.out / split}")


if __name__ == "__main__":
    main()
