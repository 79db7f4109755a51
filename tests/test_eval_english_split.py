"""The English tune and held-out sets (eval/english/split.py) rebuild from the corpus and never touch dev-en."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TRAIN = SHARED / "corpus" / "polnear" / "train"
DEV_EN = SHARED / "eval" / "dev-en"

pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not (TRAIN.is_dir() and DEV_EN.is_dir()), reason="shared corpus absent")]


def _split():
    spec = importlib.util.spec_from_file_location("english_split", ROOT / "eval" / "english" / "split.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_draw_is_fixed_disjoint_and_outside_dev_en():
    split = _split()
    first, again = split.splits(), split.splits()
    assert first == again
    tune, heldout = set(first["tune"]), set(first["heldout"])
    assert (len(tune), len(heldout)) == (split.TUNE_SIZE, split.HELDOUT_SIZE)
    assert not tune & heldout
    dev = {p.stem for p in DEV_EN.glob("*.txt")}
    assert dev and not (tune | heldout) & dev
    assert (tune | heldout) <= set(split.annotated_articles())


def test_both_sets_rebuild_as_gold_files(tmp_path):
    split = _split()
    chosen = split.splits()
    for name in ("tune", "heldout"):
        gold = split.build(tmp_path / name, chosen[name])
        docs = {json.loads(p.read_text("utf-8"))["document"] for p in gold}
        assert docs == {f"{n}.txt" for n in chosen[name]}
        assert all((tmp_path / name / d).is_file() for d in docs)
    assert not list(ROOT.glob("eval/english/*.txt"))  # no article text in the repository
