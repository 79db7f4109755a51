"""Claim tracking: denial links, claim identity at ingest, merges and suggestions, actors, timeline, CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select
from typer.testing import CliRunner

from claimtrack import audit, db, queries, services
from claimtrack.extract.base import ActorRef, ExtractedClaim
from claimtrack.extract.links import DEFAULT_THRESHOLD, link_denials
from claimtrack.ingest.pipeline import IngestOptions, ingest
from claimtrack.models import (
    Actor,
    Appearance,
    Claim,
    ClaimLink,
    Comment,
    Stance,
    Suggestion,
    SuggestionStatus,
    Verdict,
)
from claimtrack.tracking import actions
from claimtrack.tracking.actors import ArticleActors, is_bare_role, name_variants
from claimtrack.tracking.features import numbers, stem
from claimtrack.tracking.identity import info, speaker_of
from claimtrack.tracking.matching import decide, same_claim
from claimtrack.tracking.translit import name_key


def said(text: str, *, language: str, published: date | None, **_context: object) -> list[ExtractedClaim]:
    """'X said Y.' / 'X denied Y.' per line → a claim Y by X (a tiny deterministic extractor)."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        for cue, kind in ((" said ", "statement"), (" denied ", "denial"), (" قال ", "statement")):
            if cue in line:
                who, _, what = line.partition(cue)
                what = what.strip().rstrip(".")
                start = pos + line.index(what)
                out.append(ExtractedClaim(quote=what, start=start, end=start + len(what), kind=kind, text=what,
                                          claimant=ActorRef(who.strip(), kind="person"),
                                          claimant_surface=who.strip(), language=language))
        pos += len(line)
    return out


def write(tmp: Path, name: str, *lines: str) -> str:
    p = tmp / name
    p.write_text("\n".join(["Headline", *lines]) + "\n", encoding="utf-8")
    return str(p)


def ingest_files(engine: Engine, *paths: str, **opts: object) -> None:
    for p in paths:
        ingest(engine, [p], analyst="amal", extractor=said,
               opts=IngestOptions(language="en", published=date(2023, 8, 30), **opts))  # type: ignore[arg-type]


def export(engine: Engine) -> list[dict]:
    with db.session(engine) as s:
        return list(queries.iter_export_rows(session=s))


def row(rows: list[dict], fragment: str, document: str) -> dict:
    return next(r for r in rows if fragment in r["quote"] and r["document"] == document)


# --- text features and names ----------------------------------------------------------------------


def test_features_fold_clitics_numbers_and_names_across_scripts() -> None:
    assert stem("والأسلحة") == stem("الأسلحة") and stem("بالعفو") == stem("العفو")
    assert numbers("ورد 204.732 عبوة") == numbers("وردت 204,732 عبوة") == {"204732"}
    assert name_key("كيربي") == name_key("Kirby") and name_key("جون كيربي") == name_key("John Kirby")
    assert name_key("بوتين") != name_key("Kirby")


# --- denial links ----------------------------------------------------------------------------------


def _claim(text: str, who: ActorRef, kind: str = "statement") -> ExtractedClaim:
    return ExtractedClaim(quote=text, start=0, end=len(text), claimant=who, claimant_surface=who.canonical,
                          kind=kind, text=text)


def test_denial_links_the_accused_party_only_with_capped_scored_evidence() -> None:
    us = ActorRef("United States", kind="country", name_ar="الولايات المتحدة", name_en="United States")
    wh = ActorRef("White House", kind="government", name_ar="البيت الأبيض", affiliation=us)
    nk = ActorRef("North Korea", kind="country", name_ar="كوريا الشمالية")
    analyst = ActorRef("محلل عسكري", kind="person")
    claims = [
        _claim("روسيا تسعى إلى صفقة سلاح مع كوريا الشمالية مقابل الغذاء", wh),
        _claim("صفقات السلاح بين البلدين تتقدم بنشاط", wh),
        _claim("صفقة السلاح ستغير موازين الحرب", analyst),  # the same words, but not the accused party
        _claim("نحن ندعم كوريا الشمالية في كل صفقاتها", nk),  # the denier's own side
        _claim("صفقة السلاح مع روسيا خطيرة جدا", wh),
        _claim("صفقة السلاح ستوقع قريبا", wh),
        _claim("نفت كوريا الشمالية المزاعم الأميركية بشأن صفقات السلاح", nk, "denial"),
    ]
    link_denials(claims, threshold=0.35, cap=3)
    denial = claims[-1]
    assert 0 < len(denial.denies) <= 3
    assert set(denial.denies) <= {0, 1, 4, 5}
    ev = denial.link_evidence[denial.denies[0]]
    assert ev["party_match"] is True and ev["score"] >= DEFAULT_THRESHOLD and ev["object_terms"]


def test_a_denial_of_media_reports_links_to_no_politician() -> None:
    claims = [_claim("الحكومة لم تطلب أسماء للتعديل الوزاري", ActorRef("مدحت الزاهد", kind="person")),
              _claim("ما أثير في الإعلام عن وجود تعديل وزاري اجتهادات إعلامية", ActorRef("شهاب وجيه", kind="person"),
                     "denial")]
    link_denials(claims)
    assert claims[1].denies == []


def test_a_denial_needs_an_anchor_and_never_links_to_those_who_deny_the_same() -> None:
    presidency = ActorRef("رئاسة الحرمين", kind="government")
    deputy = ActorRef("محمد الخزيم", kind="person")
    poet = ActorRef("ياسين عدنان", kind="person")
    brotherhood = ActorRef("Muslim Brotherhood", kind="organisation", name_ar="جماعة الإخوان")
    claims = [
        _claim("تنفي وجود مشروعات متعثرة", presidency, "denial"),
        _claim("المشروعات تسير وفق الخطط المرسومة دون أي تأخير", deputy),  # the denier's side ...
        _claim("لا يوجد أي مشروعات متعثرة في الحرمين", deputy, "denial"),  # ... as he denies the same
        _claim("أن تكون قصيدة النثر كافية لتأطير الساحة", poet, "denial"),
        _claim("كتابة قصيدة النثر أشق من قصيدة التفعيلة", ActorRef("ناقد", kind="person")),  # a shared topic only
        _claim("أحالت النيابة قيادات جماعة الإخوان إلى المحاكمة بتهمة التجمهر المسلح", ActorRef("النيابة")),
        _claim("تنفي أي صلة بالعنف", brotherhood, "denial"),
    ]
    link_denials(claims)
    assert claims[0].denies == [] and claims[3].denies == []
    assert claims[6].denies == [5]  # the referral accuses the denier by name


def test_denial_threshold_comes_from_the_setting(tmp_path: Path, sqlite_engine: Engine) -> None:
    first = write(tmp_path, "1.txt", "Washington said Pyongyang sells artillery shells to Moscow.")
    second = write(tmp_path, "2.txt", "Pyongyang denied that artillery shells were sold to Moscow.")
    ingest_files(sqlite_engine, first, second, denial_link_threshold=0.99)
    with db.session(sqlite_engine) as s:
        assert s.exec(select(ClaimLink)).all() == []


def test_a_denial_links_across_articles_to_the_same_event_only(tmp_path: Path, engine: Engine) -> None:
    meeting = write(tmp_path, "1.txt", "The minister said OPEC will hold an emergency meeting to discuss the fall "
                                        "in oil prices.")
    output = write(tmp_path, "2.txt", "The minister said OPEC reported higher oil output in July.")
    denial = write(tmp_path, "3.txt", "The delegates denied any intention to hold an emergency OPEC meeting to "
                                      "discuss the fall in prices.")
    ingest_files(engine, meeting, output, denial)
    rows = export(engine)
    src = row(rows, "emergency OPEC", "3.txt")
    targets = {lk["claim_id"] for lk in src["links"] if lk["relation"] == "denies"}
    assert targets == {row(rows, "emergency meeting", "1.txt")["claim_id"]}
    with db.session(engine) as s:
        link = s.exec(select(ClaimLink)).one()
    assert link.evidence["event"] == ["OPEC"] and link.evidence["scope"] == "earlier document"


# --- claim identity ---------------------------------------------------------------------------------


def _info(cid: int, text: str, who: str, doc: int, kind: str = "statement"):
    return info(cid, text, kind, "ar", doc, speaker_of(cid, [who], "person"), date(2015, 8, 11), None)


def test_same_claim_scores_and_conflicts() -> None:
    a = _info(1, "المملكة لا تتدخل في شؤون الدول الأخرى الداخلية ولن تسمح لأحد بالتدخل في شؤونها", "عادل الجبير", 1)
    b = _info(2, "المملكة لا تتدخل بشؤون الدول الأخرى الداخلية، ولن تسمح لأحد بالتدخل في شؤونها", "الجبير", 2)
    score, sig = same_claim(b, a, {})
    assert decide(score, sig, same_language=True, merge_at=0.85, suggest_at=0.6) == "merge"
    c = _info(3, "اللجنة تشرف على 42 مركزا انتخابيا في المنطقة", "نايف", 3)
    d = _info(4, "اللجنة تشرف على 33 مركزا انتخابيا في المنطقة", "نايف", 4)
    score, sig = same_claim(d, c, {})
    assert "different figures" in sig["conflicts"]
    assert decide(score, sig, same_language=True, merge_at=0.85, suggest_at=0.6) != "merge"
    e = _info(5, "المملكة تتدخل في شؤون الدول الأخرى الداخلية", "محلل", 5, kind="denial")
    _s, sig = same_claim(e, a, {})
    assert "allegation against denial" in sig["conflicts"]


def test_negation_conflicts_only_when_one_text_negates_what_the_other_asserts() -> None:
    a = _info(1, "المملكة لا تتدخل في شؤون الدول الأخرى", "الجبير", 1)
    b = _info(2, "المملكة تتدخل في شؤون الدول الأخرى", "الجبير", 2)
    assert "negation differs" in same_claim(a, b, {})[1]["conflicts"]
    c = _info(3, "المعهد غير الربحي يرى أن ألمانيا استفادت من الأزمة اليونانية", "المعهد", 3)
    d = _info(4, "ألمانيا استفادت من الأزمة اليونانية", "المعهد", 4)
    assert "conflicts" not in same_claim(c, d, {})[1]


def test_an_agreeing_distinctive_figure_lowers_the_bar_for_a_suggestion() -> None:
    signals = {"fuzz": 0.6, "overlap": 0.4, "claimant": 0.8, "length_ratio": 0.4}
    assert decide(0.55, signals, same_language=True, merge_at=0.85, suggest_at=0.6) is None
    assert decide(0.55, {**signals, "numbers": ["2015"]}, same_language=True, merge_at=0.85, suggest_at=0.6) is None
    assert decide(0.55, {**signals, "numbers": ["439491"]}, same_language=True, merge_at=0.85,
                  suggest_at=0.6) == "suggest"


def test_reprints_merge_at_ingest_and_export_shares_the_claim(tmp_path: Path, engine: Engine) -> None:
    a = write(tmp_path, "a.txt", "Kirby said Russia is actively seeking to acquire additional munitions from the DPRK.",
              "Kirby said the talks with Pyongyang will end in October 2023.")
    b = write(tmp_path, "b.txt", "Kirby said Russia is actively seeking to acquire additional munitions from the DPRK.",
              "Kirby said the talks with Pyongyang will end in March 2024.")
    ingest_files(engine, a, b)
    rows = export(engine)
    assert row(rows, "munitions", "a.txt")["claim_id"] == row(rows, "munitions", "b.txt")["claim_id"]
    assert row(rows, "talks", "a.txt")["claim_id"] != row(rows, "talks", "b.txt")["claim_id"]
    merged_id = next(r["appearance_id"] for r in rows if r["document"] == "b.txt" and "munitions" in r["quote"])
    with db.session(engine) as s:
        app = s.get(Appearance, merged_id)
        claim = s.get(Claim, app.claim_id)  # type: ignore[union-attr]
        root = s.get(Claim, claim.merged_into_id)  # type: ignore[union-attr, arg-type]
        assert root.appearance_count == 2  # type: ignore[union-attr]
        assert audit.verify(s).ok


def test_paraphrase_is_suggested_and_a_rejection_is_remembered(tmp_path: Path, sqlite_engine: Engine) -> None:
    a = write(tmp_path, "a.txt", "Lavrov said the agreements pave the way for closer cooperation in many fields.")
    b = write(tmp_path, "b.txt", "Lavrov said the agreements reached at that time pave the way for cooperation in "
                                 "several fields of our bilateral relations and in regional and international "
                                 "cooperation between the two governments.")
    ingest_files(sqlite_engine, a, b)
    rows = export(sqlite_engine)
    ra, rb = row(rows, "agreements", "a.txt"), row(rows, "agreements", "b.txt")
    assert ra["claim_id"] != rb["claim_id"]
    link = next(lk for lk in rb["links"] if lk["relation"] == "suggested_duplicate")
    assert link["claim_id"] == ra["claim_id"] and 0 < link["score"] < 1
    with db.atomic(sqlite_engine) as s:
        sg = s.exec(select(Suggestion)).one()
        actions.reject_suggestion(session=s, by=services.ensure_analyst(session=s, handle="amal"),
                                  suggestion_id=sg.id)  # type: ignore[arg-type]
    assert all(lk["relation"] != "suggested_duplicate" for r in export(sqlite_engine) for lk in r["links"])
    with db.session(sqlite_engine) as s:
        assert s.exec(select(Suggestion)).one().status == SuggestionStatus.rejected


def test_an_arabic_and_an_english_claim_are_suggested_across_languages(tmp_path: Path, engine: Engine) -> None:
    en = write(tmp_path, "en.txt", "Kirby said Russia is actively seeking to acquire additional munitions from the DPRK.",
               "Kirby said the hurricane reached Florida this morning.")
    ar = write(tmp_path, "ar.txt", "كيربي قال إن روسيا تبحث بنشاط عن ذخائر إضافية من كوريا الشمالية")
    ingest(engine, [en], analyst="amal", extractor=said, opts=IngestOptions(language="en", published=date(2023, 8, 30)))
    ingest(engine, [ar], analyst="amal", extractor=said, opts=IngestOptions(language="ar", published=date(2023, 8, 31)))
    rows = export(engine)
    ra, munitions = row(rows, "ذخائر", "ar.txt"), row(rows, "munitions", "en.txt")
    hurricane = row(rows, "hurricane", "en.txt")
    suggested = {lk["claim_id"] for lk in ra["links"] if lk["relation"] == "suggested_duplicate"}
    assert munitions["claim_id"] in suggested and hurricane["claim_id"] not in suggested
    with db.session(engine) as s:
        sg = s.exec(select(Suggestion)).one()
    assert sg.signals["cross_language"] and sg.signals["claimant"] >= 0.8  # كيربي meets Kirby
    assert {"RU", "KP"} <= set(sg.signals["entities"]) and "ammunition" in sg.signals["terms"]


def _state(engine: Engine) -> dict:
    """Everything a merge could lose or change, without bookkeeping (versions, timestamps, the audit log)."""
    with db.session(engine) as s:
        return {
            "claims": sorted((c.id, c.merged_into_id, c.verdict.value, tuple(c.tags), c.appearance_count,
                              c.outlet_count) for c in s.exec(select(Claim)).all()),
            "appearances": sorted((a.id, a.claim_id) for a in s.exec(select(Appearance)).all()),
            "links": sorted((lk.source_id, lk.relation.value, lk.target_id) for lk in s.exec(select(ClaimLink)).all()),
            "comments": sorted((c.claim_id, c.body) for c in s.exec(select(Comment)).all()),
            "suggestions": sorted((g.claim_id, g.other_id, g.status.value) for g in s.exec(select(Suggestion)).all()),
        }


def test_merge_then_unmerge_is_a_round_trip(engine: Engine, sample: dict[str, int]) -> None:
    keep, dup = sample["ar_statement"], sample["en_statement"]
    with db.atomic(engine) as s:
        omar = services.get_analyst(session=s, handle="omar")
        services.add_evidence(session=s, by=omar, claim_id=dup, stance=Stance.supports, note="seen on TV")
        services.comment(session=s, by=omar, claim_id=dup, body="same as the Arabic one")
        services.set_tags(session=s, by=omar, claim_id=dup, add=["economy"])
    before = _state(engine)
    with db.atomic(engine) as s:
        services.merge(session=s, by=services.get_analyst(session=s, handle="omar"), keep_id=keep, duplicate_id=dup)
    merged = _state(engine)
    assert merged != before
    with db.session(engine) as s:
        rows = list(queries.iter_export_rows(session=s))
        assert {r["claim_id"] for r in rows if r["claim_id"] in (keep, dup)} == {keep}
        assert s.get(Claim, keep).appearance_count == 2  # type: ignore[union-attr]
        assert services.evidence_count(session=s, claim_id=dup) == 1  # kept where it came from
    with db.atomic(engine) as s:
        services.unmerge(session=s, by=services.get_analyst(session=s, handle="omar"), claim_id=dup)
    assert _state(engine) == before


def test_merge_refuses_claims_with_different_verdicts(engine: Engine, sample: dict[str, int]) -> None:
    a, b = sample["ar_statement"], sample["en_statement"]
    with db.atomic(engine) as s:
        omar = services.get_analyst(session=s, handle="omar")
        for cid, verdict in ((a, Verdict.false), (b, Verdict.true)):
            services.add_evidence(session=s, by=omar, claim_id=cid, stance=Stance.context, note="x")
            services.set_verdict(session=s, by=omar, claim_id=cid, verdict=verdict, rationale="r")
    with db.atomic(engine) as s, pytest.raises(services.ClaimtrackError, match="different verdicts"):
        services.merge(session=s, by=services.get_analyst(session=s, handle="omar"), keep_id=a, duplicate_id=b)


# --- actors -----------------------------------------------------------------------------------------


def test_article_actors_roles_short_forms_and_scoped_titles() -> None:
    assert "عادل الجبير" in name_variants("عادل بن أحمد الجبير")
    assert is_bare_role("المشرف") and is_bare_role("وزير الخارجية") and not is_bare_role("عادل الجبير")
    minister = ActorRef("عادل الجبير", kind="person", title="وزير الخارجية")
    spokesman = ActorRef("خالد الغبان", kind="person")
    article = ArticleActors([(minister, "وزير الخارجية عادل الجبير"), (spokesman, "المقدم خالد الغبان")],
                            scope="document 7")
    assert article.resolve(ActorRef("عادل بن أحمد الجبير", kind="person"), "").canonical == "Adel al-Jubeir"
    assert article.resolve(ActorRef("الغبان"), "الغبان").canonical == "خالد الغبان"
    assert article.resolve(ActorRef("وزير الخارجية"), "وزير الخارجية").canonical in ("عادل الجبير", "Adel al-Jubeir")
    assert article.resolve(ActorRef("المشرف"), "المشرف").canonical == "المشرف (document 7)"


def test_actor_merge_then_split_is_a_round_trip(engine: Engine, sample: dict[str, int]) -> None:
    with db.session(engine) as s:
        ids = {a.canonical_name: a.id for a in s.exec(select(Actor)).all()}
    keep, dup = ids["Sami al-Harbi"], ids["Opposition"]
    before = _state(engine), _claimants(engine)
    with db.atomic(engine) as s:
        actions.merge_actors(session=s, by=services.get_analyst(session=s, handle="omar"), keep_id=keep,
                             duplicate_id=dup)
    assert set(_claimants(engine).values()) == {keep}
    with db.atomic(engine) as s:
        actions.split_actor(session=s, by=services.get_analyst(session=s, handle="omar"), actor_id=dup)
    assert (_state(engine), _claimants(engine)) == before


def _claimants(engine: Engine) -> dict[int, int | None]:
    with db.session(engine) as s:
        return {c.id: c.claimant_id for c in s.exec(select(Claim)).all()}  # type: ignore[misc]


# --- CLI ----------------------------------------------------------------------------------------------


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("CLAIMTRACK_ANALYST", "amal")
    return tmp_path


def _run(*args: str):
    from claimtrack.cli import app

    return CliRunner().invoke(app, list(args))


def test_cli_claimant_search_finds_arabic_names_from_latin(cli_db: Path) -> None:
    seed = Path(__file__).resolve().parents[1] / "seeds"
    assert _run("ingest", str(seed), "--published", "2023-08-31", "--quiet").exit_code == 0
    out = json.loads(_run("claims", "--claimant", "Kirby", "--json", "--limit", "100").stdout)
    assert out and all("كيربي" in r["claimant"] for r in out)
    assert json.loads(_run("claims", "--claimant", "Nobody Atall", "--json").stdout) == []


def test_cli_timeline_suggestions_and_actor_commands(cli_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimtrack.extract as extract_mod

    monkeypatch.setattr(extract_mod, "extract", said)
    a = write(cli_db, "a.txt", "Lavrov said the agreements pave the way for closer cooperation in many fields.",
              "Lavrov said Moscow and Riyadh will meet again in October.")
    b = write(cli_db, "b.txt", "Lavrov said the agreements reached at that time pave the way for cooperation in "
                               "several fields of our bilateral relations and in regional and international "
                               "cooperation between the two governments.",
              "Lavrov said Moscow and Riyadh will meet again in October.")
    c = write(cli_db, "c.txt", "Riyadh denied Moscow and Riyadh will meet again in October.")
    for p, day in ((a, "2015-08-10"), (b, "2015-08-11"), (c, "2015-08-12")):
        assert _run("ingest", p, "--published", day, "--language", "en", "--quiet").exit_code == 0
    listing = _run("suggestions").stdout
    assert "suggestion 1:" in listing and "fuzz=" in listing
    rows = json.loads(_run("claims", "--json", "--sort", "appearances").stdout)
    assert rows[0]["appearances"] == 2 and "October" in rows[0]["text"]
    timeline = _run("timeline", str(rows[0]["id"])).stdout.splitlines()
    assert timeline[0].startswith("2015-08-10") and "FIRST" in timeline[0] and "2015-08-11" in timeline[1]
    shown = _run("show", str(rows[0]["id"])).stdout
    assert "merged automatically" in shown
    assert _run("suggestion", "accept", "1").exit_code == 0
    again = _run("suggestion", "reject", "1")
    assert again.exit_code != 0 and "already accepted" in again.output
    bad = _run("suggestion", "reject", "99")
    assert bad.exit_code != 0 and "no suggestion with id 99" in bad.output
    assert _run("actor", "merge", "1", "1").exit_code != 0
    assert _run("claims", "--sort", "nonsense").exit_code != 0


def test_cli_thresholds_come_from_settings(cli_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimtrack.extract as extract_mod

    monkeypatch.setattr(extract_mod, "extract", said)
    line = "Kirby said Russia is actively seeking to acquire additional munitions from the DPRK."
    paths = [write(cli_db, f"{n}.txt", line, f"Reported by outlet {n}.") for n in ("a", "b")]
    monkeypatch.setenv("CLAIMTRACK_MERGE_THRESHOLD", "1.5")  # no score reaches it: nothing merges
    for p in paths:
        assert _run("ingest", p, "--language", "en", "--quiet").exit_code == 0
    rows = json.loads(_run("claims", "--json").stdout)
    assert len(rows) == 2 and all(r["appearances"] == 1 for r in rows)
    assert "suggestion 1:" in _run("suggestions").stdout


def test_a_shared_name_part_does_not_put_two_claimants_on_one_side() -> None:
    """«عبد», «الله» and «أبو» are parts of many unrelated names: a spokesman's claim is no claim of the
    denier's own side because both names hold «الله»; a shared distinctive name still is."""
    from claimtrack.extract import links
    from claimtrack.extract.base import ActorRef

    denier = links.Party.of(ActorRef("نصر الله سالم"), "نصر الله سالم")
    assert not links.same_side(denier, links.Party.of(ActorRef("عطاء الله مراد"), "عطاء الله مراد"))
    assert not links.same_side(links.Party.of(ActorRef("عبد الكريم ناصر")), links.Party.of(ActorRef("عبد الحميد فهد")))
    assert links.same_side(denier, links.Party.of(ActorRef("سالم"), "سالم"))
