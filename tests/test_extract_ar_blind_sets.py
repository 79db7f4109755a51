"""The blind Arabic sets: the spent first final split as a second development set, and the untouched second
and third final splits (only their construction is checked here: each is scored once, by hand, never in tests)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
pytestmark = [pytest.mark.corpus, pytest.mark.skipif(
    not (SHARED / "corpus" / "saudinewsnet").is_dir() and not os.environ.get("CI"), reason="shared corpus absent")]


def _blind():
    sys.path.insert(0, str(ROOT / "eval" / "blind"))
    import blind

    return blind


def test_spent_final_split_meets_development_thresholds(tmp_path):
    spec = importlib.util.spec_from_file_location("extract_eval", ROOT / "bench" / "extract_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    golds = _blind().build(tmp_path, "final")
    summary, _ = mod.evaluate(golds)
    assert summary["f1"] >= 0.75 and summary["claimant_accuracy"] >= 0.9, summary


def test_second_final_split_is_fresh_and_rebuilds(tmp_path):
    blind = _blind()
    docs = blind.load_gold("final2")
    idx = [d["index"] for d in docs]
    assert len(idx) == 20 == len(set(idx))
    assert idx == blind.sample_final2(blind.corpus())  # the seeded draw, in its order
    used = blind.dev_indices() | blind.audit_indices() | {d["index"] for d in blind.load_gold("all")}
    assert not used & set(idx)
    paths = blind.build(tmp_path, "final2")  # checks urls and that every anchor occurs once
    assert len(paths) == 20
    assert sum(not c.get("optional") for d in docs for c in d["claims"]) >= 30


def test_third_final_split_is_the_draw_and_rebuilds(tmp_path):
    blind = _blind()
    docs = blind.load_gold("final3")
    idx = [d["index"] for d in docs]
    assert idx == blind.sample_final3(blind.corpus())  # the seeded draw, in its order, no article left out
    used = blind.dev_indices() | blind.audit_indices(blind.AUDITS_AT_FINAL3_DRAW)
    used |= {d["index"] for s in ("all", "final2") for d in blind.load_gold(s)}
    assert not used & set(idx)
    paths = blind.build(tmp_path, "final3")  # checks urls and that every anchor occurs once
    assert [p.name for p in paths] == [blind.name_of(i).removesuffix(".txt") + ".gold.json" for i in idx]
    for doc in docs:
        text = (tmp_path / blind.name_of(doc["index"])).read_text("utf-8")
        for c in doc["claims"]:
            assert 10 <= len(c["anchor"]) <= 60 and text.count(c["anchor"]) == 1, c["anchor"]
            assert c["kind"] in {"statement", "denial", "assessment", "prediction", "call"} and c["claimant"]
    assert sum(not c.get("optional") for d in docs for c in d["claims"]) >= 30


def test_fourth_final_split_is_the_draw_and_rebuilds(tmp_path):
    blind = _blind()
    docs = blind.load_gold("final4")
    idx = [d["index"] for d in docs]
    assert idx == blind.sample_final4(blind.corpus())  # the seeded draw, in its order, no article left out
    used = blind.dev_indices() | blind.audit_indices(blind.AUDITS_AT_FINAL4_DRAW)
    used |= {d["index"] for s in ("all", "final2", "final3") for d in blind.load_gold(s)}
    assert not used & set(idx)
    assert not {d["url"] for d in docs} & blind.bench_urls_at_draws()  # labels added after its run may name them
    paths = blind.build(tmp_path, "final4")  # checks urls and that every anchor occurs once
    assert [p.name for p in paths] == [blind.name_of(i).removesuffix(".txt") + ".gold.json" for i in idx]
    for doc in docs:
        text = (tmp_path / blind.name_of(doc["index"])).read_text("utf-8")
        anchors = {c["anchor"] for c in doc["claims"]}
        for c in doc["claims"]:
            assert 10 <= len(c["anchor"]) <= 60 and text.count(c["anchor"]) == 1, c["anchor"]
            assert c["kind"] in {"statement", "denial", "assessment", "prediction", "call"} and c["claimant"]
            assert set(c.get("denies", [])) <= anchors and ("denies" not in c or c["kind"] == "denial")
            for key in ("stated_on", "event_date"):
                assert key not in c or c[key] != doc["published"], c
    assert sum(not c.get("optional") for d in docs for c in d["claims"]) >= 30
