"""Scores eval/dev through bench/extract_eval.py; fails below the targets."""

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev"


@pytest.mark.corpus
@pytest.mark.skipif(not DEV.is_dir() and not os.environ.get("CI"), reason="shared eval data absent")
def test_dev_scores_meet_targets():
    spec = importlib.util.spec_from_file_location("extract_eval", ROOT / "bench" / "extract_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    summary, _ = mod.evaluate(sorted(DEV.glob("*.gold.json")))
    assert summary["f1"] >= 0.85, summary
    assert summary["claimant_accuracy"] >= 0.90, summary
    assert summary["denial_f1"] >= 0.90, summary
    seed, _ = mod.evaluate([DEV / "white-house-russia-dprk-arms-talks.ar.gold.json"])
    assert seed["recall"] == 1.0 and seed["denial_links"] == "1/1" and seed["dates"] == "2/2", seed
