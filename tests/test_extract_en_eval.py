"""English scores on the shared dev set and the hand-labelled transcripts, through bench/extract_eval.py."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_EN = SHARED / "eval" / "dev-en"
WHITEHOUSE = SHARED / "corpus" / "whitehouse"
TRANSCRIPT_GOLD = sorted((ROOT / "eval" / "transcripts").glob("*.gold.json"))


def _evaluator():
    spec = importlib.util.spec_from_file_location("extract_eval", ROOT / "bench" / "extract_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.corpus
@pytest.mark.skipif(not DEV_EN.is_dir(), reason="shared eval data absent")
def test_english_dev_scores_meet_targets():
    summary, _ = _evaluator().evaluate(sorted(DEV_EN.glob("*.gold.json")))
    assert summary["f1"] >= 0.84, summary
    assert summary["claimant_accuracy"] >= 0.95, summary
    assert summary["denial_f1"] >= 0.80, summary


@pytest.mark.corpus
@pytest.mark.skipif(not WHITEHOUSE.is_dir(), reason="shared corpus absent")
def test_transcript_scores_meet_targets(tmp_path):
    out = tmp_path / "pred.jsonl"
    summary, _ = _evaluator().evaluate(TRANSCRIPT_GOLD, out=out, texts=WHITEHOUSE)
    assert summary["recall"] >= 0.70, summary
    assert summary["precision"] >= 0.35, summary
    assert summary["claimant_accuracy"] >= 0.90, summary
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert all(r["stated_on"] == r["document"][:10] for r in rows)


@pytest.mark.corpus
@pytest.mark.skipif(not WHITEHOUSE.is_dir(), reason="shared corpus absent")
def test_transcript_claimants_are_people_or_organisations():
    from claimtrack.extract import extract
    from claimtrack.ingest.plaintext import read_text

    for path in sorted(WHITEHOUSE.glob("*.md")):
        raw = next(iter(read_text(path.read_text("utf-8"), str(path), path.name, markdown=True)))
        claims = extract(raw.text, "en", raw.published, title=raw.title)
        assert claims, path.name
        assert {c.claimant.kind for c in claims} <= {"person", "organisation"}, path.name
        assert not any(c.claimant.canonical.lower() in {"i", "we", "fact", "i'll", "we've"} for c in claims)


def test_transcript_gold_holds_anchors_not_passages():
    for gp in TRANSCRIPT_GOLD:
        gold = json.loads(gp.read_text("utf-8"))
        assert gold["language"] == "en" and gold["document"].startswith(gold["published"])
        assert all(10 <= len(c["anchor"]) <= 70 and c["claimant"] for c in gold["claims"])
