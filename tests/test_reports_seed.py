"""Reports on the seed article (seeds/, published 2023-08-31), read as an Arabic reader would.

Actors named in Arabic, no doubled quotation marks, no `None` in any format, words and file names whole
in the PDF, and ClaimReview dates: each appearance carries its article's date, the Claim its own.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXED_NOW, ROOT
from sqlalchemy.engine import Engine
from test_reports import pdf_text, report, settings

from claimtrack import db, migrations, services
from claimtrack.ingest.pipeline import IngestOptions, ingest
from claimtrack.models import ClaimState, Stance, Verdict
from claimtrack.reports import write_export

PUBLISHED = "2023-08-31"
HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ENGLISH_NAMES = ("North Korea", "Russia", "White House", "United States")


def ingest_seed(engine: Engine) -> None:
    summary = ingest(engine, [str(ROOT / "seeds")], analyst="amal",
                     opts=IngestOptions(published=date.fromisoformat(PUBLISHED)))
    assert summary.errors == [] and summary.claims > 0


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The seed ingested once into a SQLite database that the tests only read."""
    engine = db.make_engine(str(tmp_path_factory.mktemp("seed") / "seed.db"))
    migrations.upgrade(engine)
    ingest_seed(engine)
    yield engine
    engine.dispose()


def claims(engine: Engine, lang: str = "ar") -> list[dict[str, Any]]:
    return json.loads(report(engine, fmt="json", lang=lang))["claims"]


def north_korea_denial(engine: Engine) -> dict[str, Any]:
    """The denial whose claimant is North Korea (claim 17 in the README's tour)."""
    return next(c for c in claims(engine) if c["kind"] == "denial" and c["claimant"]["name"] == "North Korea")


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_arabic_report_names_actors_in_arabic(seed: Engine, fmt: str) -> None:
    c = north_korea_denial(seed)
    assert c["claimant"]["name_ar"] == "كوريا الشمالية"
    single = report(seed, claim_id=c["id"], fmt=fmt, lang="ar")
    dossier = report(seed, fmt=fmt, lang="ar")
    assert "كوريا الشمالية" in single and "البيت الأبيض" in dossier
    for text in (single, dossier):
        assert [n for n in ENGLISH_NAMES if n in text] == []
    assert "North Korea" in report(seed, claim_id=c["id"], fmt=fmt, lang="en")
    assert "White House" in report(seed, fmt=fmt, lang="en")


def test_arabic_json_keeps_every_name_and_shows_arabic_ones(seed: Engine) -> None:
    doc = json.loads(report(seed, fmt="json", lang="ar"))
    assert {a["name"] for a in doc["summary"]["claimants"]} >= {"كوريا الشمالية", "البيت الأبيض"}
    c = north_korea_denial(seed)
    assert c["claimant"]["name"] == "North Korea" and c["claimant"]["name_en"] == "North Korea"
    assert {lk["claim"]["claimant"] for lk in c["links"]} <= {"البيت الأبيض", "جون كيربي", "كوريا الشمالية", "روسيا"}
    export = io.StringIO()
    with db.session(seed) as s:
        write_export(session=s, fmt="json", out=export)
    assert "North Korea" in export.getvalue() and '"name":"كوريا الشمالية"' not in export.getvalue()


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_quotes_carry_one_pair_of_marks(seed: Engine, fmt: str) -> None:
    quotes = [a["quote"] for c in claims(seed) for a in c["appearances"]]
    assert any(q.startswith("«") for q in quotes), "the seed has quotes that start with their own «"
    for lang in ("ar", "en"):
        text = report(seed, fmt=fmt, lang=lang)
        assert "««" not in text and "»»" not in text


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_no_none_in_any_format(seed: Engine, fmt: str, lang: str) -> None:
    c = north_korea_denial(seed)
    for claim_id in (c["id"], None):
        assert not re.search(r"\bNone\b", report(seed, claim_id=claim_id, fmt=fmt, lang=lang))


def test_timeline_of_an_unchanged_claim_is_a_sentence(seed: Engine) -> None:
    c = north_korea_denial(seed)
    assert c["events"] == []
    html = report(seed, claim_id=c["id"], fmt="html", lang="ar")
    timeline = html.split('<h3>السجل الزمني</h3>')[1].split("</article>")[0]
    assert "<ol" not in timeline and "<li" not in timeline  # no "1." before the sentence
    assert "لا تغييرات منذ تسجيل الادعاء" in timeline
    md = report(seed, claim_id=c["id"], fmt="md", lang="ar")
    assert re.search(r"### السجل الزمني\n\nلا تغييرات منذ تسجيل الادعاء \(\d{4}-\d\d-\d\d \d\d:\d\d\)\.\n", md)


def whole_words(text: str) -> set[str]:
    """Words a line break could split: no harakat (pdftotext moves them), punctuation stripped."""
    words = {w.strip("«»\"'.,،؛:؟!()[]") for w in text.split()}
    return {w for w in words if len(w) > 2 and not HARAKAT.search(w)}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_pdf_keeps_words_and_file_names_whole(seed: Engine, tmp_path: Path, lang: str) -> None:
    pytest.importorskip("weasyprint")
    c = north_korea_denial(seed)
    data = report(seed, claim_id=c["id"], fmt="pdf", lang=lang, settings=settings(tmp_path))
    _, text = pdf_text(data, tmp_path)
    text = BIDI_MARKS.sub("", text)
    tokens = set(text.split())
    a = c["appearances"][0]
    assert a["document"]["file"] in tokens, "the source file name is cut by the layout"
    expected = whole_words(a["quote"]) | whole_words(a["outlet"]) | whole_words(a["document"]["title"])
    broken = sorted(w for w in expected if w not in text)
    assert broken == [], f"words broken across lines: {broken}"
    assert not re.search(r"\bNone\b", text)


def publish(engine: Engine, claim_id: int) -> None:
    with db.atomic(engine) as s:
        amal = services.get_analyst(session=s, handle="amal")
        omar = services.add_analyst(session=s, by=amal, handle="omar", role=services.Role.analyst)
        rana = services.add_analyst(session=s, by=amal, handle="rana", role=services.Role.reviewer)
        services.set_state(session=s, by=omar, claim_id=claim_id, state=ClaimState.investigating)
        services.add_evidence(session=s, by=omar, claim_id=claim_id, stance=Stance.supports, reliability="B",
                              credibility=2, url="https://example.org/briefing", title="Briefing")
        services.set_verdict(session=s, by=omar, claim_id=claim_id, verdict=Verdict.mostly_true,
                             rationale="Confirmed by the briefing transcript.")
        services.set_state(session=s, by=omar, claim_id=claim_id, state=ClaimState.in_review)
        services.set_state(session=s, by=rana, claim_id=claim_id, state=ClaimState.published)


def test_claimreview_dates_article_and_claim_apart(engine: Engine, tmp_path: Path) -> None:
    """The seed's March statement (reported on 2023-08-31): appearance = the article's date, Claim = March."""
    ingest_seed(engine)
    earlier = [c for c in claims(engine, "en") if c["appearances"][0]["stated_on"] != PUBLISHED]
    assert earlier, "the seed reports a statement made before the article"
    c = earlier[0]
    stated = c["appearances"][0]["stated_on"]
    assert stated < PUBLISHED
    publish(engine, c["id"])
    buf = io.StringIO()
    with db.session(engine) as s:
        assert write_export(session=s, fmt="claimreview", out=buf, settings=settings(tmp_path), now=FIXED_NOW) == 1
    (review,) = json.loads(buf.getvalue())
    item = review["itemReviewed"]
    assert item["datePublished"] == stated
    assert [w["datePublished"] for w in item["appearance"]] == [PUBLISHED] * len(c["appearances"])
    assert item["firstAppearance"]["datePublished"] == PUBLISHED
