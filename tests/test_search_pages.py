"""Search pages: the same rows on SQLite and PostgreSQL for every sort, keyset and filter, and on
PostgreSQL a plan that reads the full-text GIN index once and never computes the match row by row."""

from __future__ import annotations

import re
from typing import Any

import pytest
import sqlalchemy as sa
from helpers import add_filler_claims
from sqlalchemy.engine import Engine

from claimtrack import db, queries, services
from claimtrack.models import ClaimState

TEXTS = [
    "قال الوزير إن الاقتصاد نما", "وزير الصحة يعلن خطة جديدة", "the minister said the economy grew",
    "Trump said the deal was done", "Kirby said talks continue", "الوزيرة تنفي الخبر", "weather is fine",
    "the economy shrank, the minister said", "وزراء المالية يجتمعون", "Trump says nothing",
] * 3


def _claims(engine: Engine) -> list[int]:
    with db.atomic(engine) as s:
        who = services.ensure_analyst(session=s, handle="amal")
        ids = [services.create_claim(session=s, by=who, text=t, language="ar").id for t in TEXTS]
    with db.atomic(engine) as s:
        s.execute(sa.text("UPDATE claim SET state = 'published' WHERE id % 3 = 0"))
    return ids  # type: ignore[return-value]


def _walk(engine: Engine, filt: queries.ClaimFilter, sort: str, descending: bool, limit: int = 4) -> list[int]:
    """Every page of `filt`, page after page by keyset, as one list of ids."""
    out: list[int] = []
    after: tuple[Any, int] | None = None
    with db.session(engine) as s:
        while rows := queries.page_claims(session=s, filt=filt, sort=sort, descending=descending, limit=limit,
                                          after=after):
            out += [r.id for r in rows]
            after = (queries.sort_value(rows[-1], sort), rows[-1].id)
    return out


CASES = [
    ("الوزير", "id", True, None), ("وزير الصحة", "id", False, None), ("Trump said", "id", True, None),
    ("said", "first_seen", True, None), ("minister", "checkworthiness", False, None),
    ("said", "id", True, ClaimState.published), ("#4", "id", True, None), ("4", "id", False, None),
]


@pytest.mark.parametrize(("query", "sort", "descending", "state"), CASES)
def test_search_pages_walk_the_same_claims_as_the_unsearched_queue(engine: Engine, query: str, sort: str,
                                                                   descending: bool, state: ClaimState | None) -> None:
    _claims(engine)
    filt = queries.ClaimFilter(search=query, state=state)
    got = _walk(engine, filt, sort, descending)
    with db.session(engine) as s:
        wanted = set(queries.claim_ids(session=s, filt=filt, limit=10_000))
        everything = [r.id for r in queries.page_claims(session=s, filt=queries.ClaimFilter(state=state), sort=sort,
                                                        descending=descending, limit=10_000)]
        counted = queries.count_claims(session=s, filt=filt)
    assert wanted, "the case should match something"
    assert got == [i for i in everything if i in wanted]
    assert counted == len(got)


@pytest.mark.postgres
@pytest.mark.parametrize("window", [30_000, 5])
def test_search_pages_are_the_same_on_both_engines(tmp_path: Any, pg_engine: Engine, window: int,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """With a window of 5 ids, PostgreSQL's pages by id come from windows, full and not, and from the
    fallback over every match."""
    from claimtrack import migrations

    monkeypatch.setattr(queries, "PG_SEARCH_WINDOW", window)
    lite = db.make_engine(str(tmp_path / "same.db"))
    migrations.upgrade(lite)
    assert _claims(lite) == _claims(pg_engine)
    for query, sort, descending, state in CASES:
        filt = queries.ClaimFilter(search=query, state=state)
        assert _walk(lite, filt, sort, descending) == _walk(pg_engine, filt, sort, descending), query


@pytest.mark.postgres
@pytest.mark.parametrize("query", ["الوزير", "Trump said"])
def test_postgres_search_page_reads_the_gin_index_once_and_the_page_by_primary_key(pg_engine: Engine,
                                                                                  query: str) -> None:
    _claims(pg_engine)
    add_filler_claims(pg_engine)
    seen: list[tuple[str, Any]] = []

    def listen(_c, _cur, statement, params, _x, _m):  # type: ignore[no-untyped-def]
        seen.append((statement, params))

    sa.event.listen(pg_engine, "before_cursor_execute", listen)
    with db.session(pg_engine) as s:
        queries.page_claims(session=s, filt=queries.ClaimFilter(search=query), sort="id", descending=True, limit=5)
    sa.event.remove(pg_engine, "before_cursor_execute", listen)
    statement, params = next((st, p) for st, p in seen if "to_tsvector" in st)
    with pg_engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.exec_driver_sql("SET enable_seqscan = off")
        conn.exec_driver_sql("SET enable_indexscan = off")  # as claimtrack plans its window of ids
        plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, params))
    assert len(re.findall(r"Bitmap Index Scan on ix_claim_search_tsv", plan)) == 1, plan
    assert "Filter: (to_tsvector" not in plan, plan  # the match is never computed row by row
    assert "Index Cond: (id = matched.id)" in plan, plan  # the page's rows, by primary key
    assert "Merge Semi Join" not in plan and "Index Scan Backward using pk_claim" not in plan, plan


@pytest.mark.postgres
def test_postgres_connections_get_enough_work_mem_for_prefix_searches(pg_engine: Engine) -> None:
    with db.session(pg_engine) as s:
        s.rollback()  # the setting outlives a rolled-back transaction
        setting = s.connection().exec_driver_sql("SELECT pg_size_bytes(current_setting('work_mem'))").scalar()
    assert setting is not None and setting >= 32 * 1024 * 1024
