"""Passage index, evidence finder, anchored excerpts and outlet reliability (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlmodel import select
from typer.testing import CliRunner

from claimtrack import db, migrations, passages, services
from claimtrack.cli import app
from claimtrack.evidence_finder import find
from claimtrack.ingest.pipeline import IngestOptions, ingest
from claimtrack.models import Appearance, Claim, Document, Event, Passage

ARABIC = (
    "البيت الأبيض: محادثات السلاح تتقدم\n"
    "قال جون كيربي المتحدث باسم البيت الأبيض إن مفاوضات الأسلحة بين روسيا وكوريا الشمالية «تتقدم بنشاط»، "
    "وإن وزير الدفاع الروسي سيرغي شويغو زار بيونغ يانغ لإقناعها ببيع ذخيرة المدفعية لموسكو.\n"
)
BRIEFING = (
    "---\ndate: '2023-08-30'\ntitle: Press Briefing by the Press Secretary\n---\n\n"
    "MS. SPEAKER:  Good afternoon.  A hurricane made landfall this morning and the federal response is ready.\n\n"
    "Today we shared new information that arms negotiations between Russia and the DPRK are actively advancing. "
    "Russia's Minister of Defense, Sergei Shoigu, recently traveled to the DPRK to convince Pyongyang to sell "
    "artillery ammunition to Russia.\n\n"
    "Q  And on the economy?  MS. SPEAKER:  Inflation is down and wages are up.\n"
)
DENIAL = ("---\ndate: '2023-08-29'\ntitle: Statement of the Embassy\n---\n\n"
          "The embassy denied reports that Russia and the DPRK negotiate arms deals, calling them baseless.\n")
UNRELATED = "---\ndate: '2023-08-30'\ntitle: Weather report\n---\n\nRain is expected across the region tomorrow.\n"


def _ingest(engine: Engine, tmp_path: Path) -> int:
    (tmp_path / "ar.txt").write_text(ARABIC, encoding="utf-8")
    for name, text in (("briefing.md", BRIEFING), ("denial.md", DENIAL), ("weather.md", UNRELATED)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest(engine, [str(tmp_path / "ar.txt")], analyst="amal",
           opts=IngestOptions(published=date(2023, 8, 31), outlet="حصاد"))
    ingest(engine, [str(tmp_path / n) for n in ("briefing.md", "denial.md", "weather.md")], analyst="amal",
           opts=IngestOptions())
    with db.session(engine) as s:
        ar_doc = s.exec(select(Document.id).where(Document.origin_name == "ar.txt")).one()
        claims = s.exec(select(Claim).join(Appearance, Appearance.claim_id == Claim.id)
                        .where(Appearance.document_id == ar_doc)).all()
        return next(c.id for c in claims if "شويغو" in c.text)  # type: ignore[return-value]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["كلمة ", "word ", ". ", "\n", "\n\n", "؟ ", "x" * 50, "  "]), max_size=200))
def test_passages_are_exact_ordered_spans(parts: list[str]) -> None:
    text = "".join(parts)
    spans = passages.split(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))
    assert all(text[a:b] == text[a:b].strip() for a, b in spans)
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())  # no word is lost


def test_long_text_is_cut_into_windows() -> None:
    text = " ".join(f"Sentence number {i} says something." for i in range(200))
    lengths = [b - a for a, b in passages.split(text)]
    assert len(lengths) > 5 and max(lengths) <= passages.MAX_CHARS


def test_ingest_builds_the_passage_index(engine: Engine, tmp_path: Path) -> None:
    _ingest(engine, tmp_path)
    with db.session(engine) as s:
        rows = s.exec(select(Passage, Document).join(Document, Document.id == Passage.document_id)).all()
        assert rows and all(0 <= p.start < p.end <= len(d.text) for p, d in rows)
        assert any("actively advancing" in d.text[p.start:p.end] for p, d in rows)


def test_arabic_claim_finds_the_english_briefing_passage(engine: Engine, tmp_path: Path) -> None:
    claim_id = _ingest(engine, tmp_path)
    with db.session(engine) as s:
        found = find(s, claim_id, limit=5)
        own = {a.document_id for a in s.exec(select(Appearance).where(Appearance.claim_id == claim_id)).all()}
    assert found and "actively advancing" in found[0].text
    assert not own & {f.document_id for f in found}
    assert "Sergei Shoigu = سيرغي شويغو" in found[0].reasons and "transcript" in found[0].reasons
    assert all("Rain" not in f.text for f in found)
    denial = [f for f in found if "baseless" in f.text]
    assert denial and denial[0].stance == "refutes"
    with db.session(engine) as s:
        assert find(s, claim_id, language="ar") == []


def test_migration_builds_passages_for_an_old_database(engine: Engine, tmp_path: Path) -> None:
    _ingest(engine, tmp_path)
    migrations.downgrade(engine, "0004_search_analysis")
    migrations.upgrade(engine)
    with db.session(engine) as s:
        n_docs = s.exec(select(sa.func.count()).select_from(Document)).one()
        assert s.exec(select(sa.func.count(sa.distinct(Passage.document_id)))).one() == n_docs


def test_anchored_excerpt_and_outlet_default_reliability(engine: Engine, tmp_path: Path) -> None:
    claim_id = _ingest(engine, tmp_path)
    with db.atomic(engine) as s:
        me = services.ensure_analyst(session=s, handle="amal")
        doc = s.exec(select(Document).where(Document.origin_name == "ar.txt")).one()
        services.set_outlet_reliability(session=s, by=me, name="حصاد", reliability="b")
        start = doc.text.index("وزير الدفاع")
        ev = services.add_evidence(session=s, by=me, claim_id=claim_id, stance=services.Stance.supports,
                                   document_id=doc.id, start=start, end=start + 11)
        assert ev.excerpt == "وزير الدفاع" and (ev.excerpt_start, ev.excerpt_end) == (start, start + 11)
        assert ev.reliability == "B"
        with pytest.raises(services.ClaimtrackError):
            services.add_evidence(session=s, by=me, claim_id=claim_id, stance=services.Stance.supports,
                                  document_id=doc.id, start=5, end=len(doc.text) + 1)
    with db.session(engine) as s:
        events = s.exec(select(Event).where(Event.entity == "outlet")).all()
        assert [(e.before, e.after) for e in events] == [({"reliability": None}, {"reliability": "B"})]


def test_cli_find_add_and_show(tmp_path: Path) -> None:
    dbfile = str(tmp_path / "cli.db")
    runner = CliRunner()

    def run(*args: str):  # noqa: ANN202
        return runner.invoke(app, ["--db", dbfile, "--analyst", "amal", *args], catch_exceptions=False)

    engine = db.make_engine(dbfile)
    migrations.upgrade(engine)
    claim_id = _ingest(engine, tmp_path)
    res = run("evidence", "find", str(claim_id), "--json", "--limit", "3")
    assert res.exit_code == 0, res.output
    top = json.loads(res.output)[0]
    assert {"document_id", "start", "end", "reasons", "stance_hint"} <= set(top)
    res = run("evidence", "add", str(claim_id), "--document", str(top["document_id"]), "--start",
              str(top["start"]), "--end", str(top["end"]), "--stance", top["stance_hint"])
    assert res.exit_code == 0, res.output
    shown = run("show", str(claim_id)).output
    assert f"[{top['start']}:{top['end']}]" in shown and "in context:" in shown
    report = run("report", "--claim", str(claim_id), "--format", "md").output
    assert f"[{top['start']}:{top['end']}]" in report and "**" + " ".join(top["text"].split())[:30] in " ".join(
        report.split())
    res = run("outlet", "set-reliability", "nowhere", "B")
    assert res.exit_code == 1 and "no outlet named" in res.output and "Traceback" not in res.output
    with db.session(engine) as s:
        assert s.exec(select(sa.func.count()).select_from(Claim)).one() >= 1
