"""Arabic-aware claim search: one analysis at index and query time, on SQLite FTS5 and PostgreSQL."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimtrack import db, migrations, queries, search, services
from claimtrack.analysis import analysed_text, arabic_cores, query_terms, singulars
from claimtrack.models import Claim


def _terms(word: str) -> set[str]:
    return {t.term for group in query_terms(word) for t in group}


def test_clitics_are_stripped_in_every_combination() -> None:
    cores = {c for c, _ in arabic_cores("والسلاح")}
    assert "سلاح" in cores and "السلاح" in cores
    assert "قوات" in {c for c, _ in arabic_cores("للقوات")}
    assert "غذاء" in {c for c, _ in arabic_cores("بالغذاء")}
    assert "قلق" in {c for c, _ in arabic_cores("بالقلق")}
    assert "نفت" in {c for c, _ in arabic_cores("ونفت")}
    # a root letter that looks like a clitic is kept as a reading too
    assert {"وزير", "زير"} <= {c for c, _ in arabic_cores("وزير")}


def test_index_and_query_terms_meet_for_inflected_forms() -> None:
    pairs = [("غذاء", "الغذاء"), ("أسلحة", "الأسلحة"), ("سلاح", "بالسلاح"), ("أسلحة", "السلاح"),
             ("صفقة", "الصفقات"), ("الروسية", "روسية"), ("negotiation", "negotiations")]
    for query, word in pairs:
        assert _terms(query) & set(analysed_text(word).split()), (query, word)
    assert not _terms("غذاء") & set(analysed_text("السلاح").split())


def test_broken_plurals_meet_their_singulars() -> None:
    pairs = [("صاروخ", "صواريخ"), ("شهيد", "الشهداء"), ("عالم", "والعلماء"), ("مدينة", "المدن"),
             ("ثائر", "الثوار"), ("قاضي", "والقضاة"), ("مشروع", "المشاريع"), ("وزير", "الوزراء")]
    for query, word in pairs:
        assert _terms(query) & set(analysed_text(word).split()), (query, word)
        assert _terms(word) & set(analysed_text(query).split()), (word, query)  # and the other way
    # hamza is a root letter (رئيس: راس), not the weak letter of Russia's روس
    assert not _terms("روسي") & set(analysed_text("الرئيس").split())


def test_singulars_fill_the_singular_patterns_of_a_plural_pattern() -> None:
    assert singulars("صواريخ") == ("صاروخ",)
    assert singulars("شهداء") == ("شهيد", "شاهد")
    assert "ثائر" in singulars("ثوار")  # the weak middle letter of a فاعل is written ئ
    assert singulars("قضاه") == ("قاضي",)  # فعاه before فعال
    assert singulars("اغذيه") == ("غذاء",)  # a weak last letter after the ا of فعال is hamza
    assert singulars("مدن") == ("مدينه",)
    assert singulars("قال") == () and singulars("مستشفي") == () and singulars("صاروخ") == ()  # no plural's pattern


def test_english_gets_snowball_stems() -> None:
    assert "advanc" in analysed_text("advancing").split()


def test_fts_expression_quotes_every_term() -> None:
    expr = search.fts5_query('x" OR "y NEAR(')
    assert expr is not None and "NEAR(" not in expr.replace('"near"', "")
    assert search.fts5_query("  ,, ") is None
    assert search.tsquery_expression(query_terms("it's")) == "('it':*) & ('s':*)"


def _hits(engine: Engine, q: str) -> set[int]:
    with db.session(engine) as s:
        return {r.id for r in queries.page_claims(session=s, filt=queries.ClaimFilter(search=q), limit=50)}


def _add(engine: Engine, texts: list[str]) -> list[int]:
    with db.atomic(engine) as s:
        who = services.ensure_analyst(session=s, handle="amal")
        return [services.create_claim(session=s, by=who, text=t, language="ar").id for t in texts]  # type: ignore[misc]


def test_arabic_search_finds_attached_and_inflected_forms(engine: Engine) -> None:
    food, arms, plural, denial, other = _add(engine, [
        "روسيا تتطلع إلى صفقة الغذاء مقابل السلاح", "ستحصل روسيا على كميات من الأسلحة",
        "بيع أسلحة لروسيا", "ونفت الوزارة الخبر", "افتتاح مستشفى جديد في جدة"])
    assert _hits(engine, "غذاء") == {food}
    assert _hits(engine, "أسلحة") == {food, arms, plural}
    assert _hits(engine, "سلاح") == {food, arms, plural}
    assert _hits(engine, "نفت") == {denial}
    assert _hits(engine, "الغذ") == {food}  # prefix matching kept
    assert _hits(engine, "مستشفى جدة") == {other}
    assert _hits(engine, f"#{arms}") == {arms}
    assert arms in _hits(engine, str(arms))


def test_migration_rebuilds_the_index_of_an_old_database(engine: Engine) -> None:
    arms, rockets = _add(engine, ["ستحصل روسيا على كميات من الأسلحة", "أطلقت صواريخ على المدينة"])
    migrations.downgrade(engine, "0003_event_protection")
    assert _hits(engine, "الأسلحة") == {arms} and _hits(engine, "سلاح") == set()
    assert _hits(engine, "صاروخ") == set()
    migrations.upgrade(engine)
    assert _hits(engine, "سلاح") == {arms}
    assert _hits(engine, "صاروخ") == {rockets}


def test_postgres_search_uses_the_expression_index(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        return
    _add(engine, ["ستحصل روسيا على كميات من الأسلحة"])
    clause = search.match_clause("postgresql", "أسلحة", Claim.id)  # type: ignore[arg-type]
    stmt = sa.select(Claim.id).where(clause)  # type: ignore[arg-type]
    with engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        compiled = stmt.compile(dialect=engine.dialect)
        plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params))
    assert "ix_claim_search_tsv" in plan


def _pages(engine: Engine, filt: queries.ClaimFilter, descending: bool) -> list[int]:
    out: list[int] = []
    with db.session(engine) as s:
        while True:
            after = (out[-1], out[-1]) if out else None
            rows = queries.page_claims(session=s, filt=filt, limit=4, descending=descending, after=after)
            if not rows:
                return out
            out += [r.id for r in rows]


def test_a_search_by_id_pages_off_the_full_text_index_in_order(engine: Engine) -> None:
    ids = _add(engine, [("صواريخ جديدة" if i % 3 else "خبر عن الطقس") + f" رقم {i}" for i in range(30)])
    rockets = [cid for i, cid in enumerate(ids) if i % 3]
    with db.atomic(engine) as s:
        who = services.get_analyst(session=s, handle="amal")
        services.merge(session=s, by=who, keep_id=rockets[1], duplicate_id=rockets[0])
    shown = rockets[1:]
    assert _pages(engine, queries.ClaimFilter(search="صاروخ"), False) == shown
    assert _pages(engine, queries.ClaimFilter(search="صاروخ"), True) == shown[::-1]
    with db.session(engine) as s:
        assert queries.count_claims(session=s, filt=queries.ClaimFilter(search="صاروخ")) == len(shown)
    if engine.dialect.name != "sqlite":
        return
    plans = []
    sa.event.listen(engine, "before_cursor_execute", lambda _c, _cur, st, p, _x, _m: plans.append((st, p)))
    _pages(engine, queries.ClaimFilter(search="صاروخ"), True)
    statement, params = next((st, p) for st, p in plans if st.lstrip().startswith("SELECT"))
    with engine.connect() as conn:
        plan = [r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)]
    assert plan[0].startswith("SCAN claim_fts VIRTUAL TABLE") and not any("TEMP B-TREE" in p for p in plan), plan
    assert not any("LIST SUBQUERY" in p for p in plan), plan  # the matches are not collected first
