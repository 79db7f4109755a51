"""The corpus-day denial audit (eval/denials): anchors only, outside the sealed split, and a precision floor."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval" / "denials"))
sys.path.insert(0, str(ROOT / "eval" / "blind"))

import blind  # noqa: E402
import sample  # noqa: E402

if not (blind.SHARED / "corpus" / blind.CORPUS_FILE).exists():
    pytest.skip("the shared corpus is not here", allow_module_level=True)

LABELS = json.loads(sample.LABELS.read_text("utf-8"))


def test_labels_are_anchors_outside_the_sealed_split():
    articles = blind.corpus()
    sealed = set(blind.sample_final4(articles))
    assert len(LABELS) >= 30
    for x in LABELS:
        assert x["index"] not in sealed
        assert articles[x["index"]]["url"] == x["url"]
        assert len(x["anchor"].split()) <= 6 and isinstance(x["denial"], bool)
        assert sample._norm(x["anchor"]) in sample._norm(sample.article_text(articles[x["index"]])), x


def test_denial_precision_on_the_audit_stays_high():
    s = sample.score()
    assert s["claims_not_found"] <= 3
    assert s["precision"] >= 0.9
