"""The queue, search, count and detail queries use indexes and never scan the claim table.

Each query function runs on a small database while its SQL is captured; the plan of that SQL is then
read with EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL, with sequential scans disabled, so the
plan shows whether an index *can* serve the query at all; on a few rows PostgreSQL would rightly
prefer a scan). SQLite is checked without statistics (a database nobody ran ANALYZE on) and with the
statistics of a million-claim database, full and sampled: the plan must hold in every case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from helpers import add_filler_claims, make_sample
from sqlalchemy.engine import Engine

from claimtrack import db, queries
from claimtrack.models import ClaimKind, ClaimState

BIG_TABLES = ("claim", "appearance", "claim_link", "claim_evidence", "evidence", "comment", "event", "document")

# sqlite_stat1 rows of a 1,000,000-claim database: full ANALYZE, and ANALYZE with analysis_limit, whose
# sample makes `merged_into_id IS NULL` look selective (18 rows a value) although it matches every claim.
STATS = {
    "full": {"ix_claim_merged_into_id": "1000000 1000000", "ix_claim_state_id": "1000000 166667 1",
             "ix_claim_first_seen_id": "1000000 667 1", "ix_claim_checkworthiness_id": "1000000 1 1",
             "ix_claim_claimant_id": "1000000 5000", "ix_claim_language": "1000000 500000",
             "ix_claim_kind_id": "1000000 200000 1", "ix_claim_verdict_id": "1000000 333334 1"},
    "sampled": {"ix_claim_merged_into_id": "53227 18", "ix_claim_state_id": "38964 1001 1",
                "ix_claim_first_seen_id": "45936 35 1", "ix_claim_checkworthiness_id": "35604 5 1",
                "ix_claim_claimant_id": "60393 251", "ix_claim_language": "52416 2001",
                "ix_claim_kind_id": "33150 2001 1", "ix_claim_verdict_id": "46155 286 1"},
}


def page(**kw: Any) -> Callable[[Any], Any]:
    filt = kw.pop("filt", queries.ClaimFilter())
    return lambda s: queries.page_claims(session=s, filt=filt, limit=100, **kw)


PAGES = {
    "first page by id": page(),
    "next page by id (keyset)": page(after=(2, 2)),
    "newest first": page(sort="first_seen", descending=True),
    "newest first, next page": page(sort="first_seen", descending=True,
                                    after=(__import__("datetime").datetime(2023, 8, 31), 3)),
    "by check-worthiness": page(sort="checkworthiness", descending=True),
    "state filter": page(filt=queries.ClaimFilter(state=ClaimState.new)),
}
# A filter and a different sort: the filter's index serves one, the rows it selects are then sorted.
FILTERED = {
    "kind filter, newest first": page(filt=queries.ClaimFilter(kind=ClaimKind.denial), sort="first_seen",
                                      descending=True),
}
SEARCHES = {
    "search (Arabic), newest id first": page(filt=queries.ClaimFilter(search="الاقتصاد"), descending=True),
    "search (English), by id": page(filt=queries.ClaimFilter(search="economy grew")),
}
FILTERED["search and state"] = page(filt=queries.ClaimFilter(search="economy", state=ClaimState.new))
COUNTS = {
    "count all": lambda s: queries.count_claims(session=s, filt=queries.ClaimFilter()),
    "count a search": lambda s: queries.count_claims(session=s, filt=queries.ClaimFilter(search="النمو")),
    "count a state": lambda s: queries.count_claims(session=s, filt=queries.ClaimFilter(state=ClaimState.new)),
}


def captured(engine: Engine, fn: Callable[[Any], Any]) -> list[tuple[str, Any]]:
    """The SELECT statements `fn(session)` runs, with their parameters."""
    seen: list[tuple[str, Any]] = []

    def listen(_conn, _cur, statement, params, _ctx, _many):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    sa.event.listen(engine, "before_cursor_execute", listen)
    try:
        with db.session(engine) as s:
            fn(s)
    finally:
        sa.event.remove(engine, "before_cursor_execute", listen)
    assert seen, "the query function ran no SELECT"
    return seen


def sqlite_plan(engine: Engine, statement: str, params: Any) -> list[str]:
    with engine.connect() as conn:
        return [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).fetchall()]


def pg_plan(engine: Engine, statement: str, params: Any) -> list[str]:
    with engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        rows = conn.exec_driver_sql("EXPLAIN " + statement, params).fetchall()
        conn.rollback()
    return [r[0] for r in rows]


def sqlite_table_scans(plan: list[str], statement: str = "") -> list[str]:
    """Plan lines that read a whole big table. An index walked in order is not a table scan, and
    neither is the claim table's own primary key walked in id order under a LIMIT, with no sort:
    that reads exactly one page (claim is a rowid table: its b-tree is the id index)."""
    pk_walk = re.search(r"ORDER BY claim\.id( DESC| ASC)?\s+LIMIT", statement) is not None and \
        not any("TEMP B-TREE" in line for line in plan)
    return [line for line in plan if re.match(rf"SCAN ({'|'.join(BIG_TABLES)})\b(?!_)", line) and "USING" not in line
            and not (pk_walk and line == "SCAN claim")]


@pytest.fixture
def sqlite_db(tmp_path: Any) -> Iterator[Engine]:
    from claimtrack import migrations

    engine = db.make_engine(str(tmp_path / "plans.db"))
    migrations.upgrade(engine)
    make_sample(engine)
    yield engine
    engine.dispose()


def with_stats(engine: Engine, kind: str) -> Engine:
    """The same database, its planner given `kind` statistics ("none", "full" or "sampled")."""
    if kind == "none":
        return engine
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.exec_driver_sql("DELETE FROM sqlite_stat1")  # the sample's few rows are no guide to a big table
        for index, stat in STATS[kind].items():
            conn.exec_driver_sql("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('claim', ?, ?)", (index, stat))
        conn.commit()
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()
    return db.make_engine(url.split("///", 1)[1])  # fresh connections load the new statistics


STAT_KINDS = ["none", "full", "sampled"]


@pytest.mark.parametrize("stats", STAT_KINDS)
@pytest.mark.parametrize("name", list(PAGES) + list(SEARCHES) + list(FILTERED))
def test_sqlite_pages_use_an_index_and_never_sort_the_table(sqlite_db: Engine, stats: str, name: str) -> None:
    engine = with_stats(sqlite_db, stats)
    fn = {**PAGES, **SEARCHES, **FILTERED}[name]
    for statement, params in captured(engine, fn):
        plan = sqlite_plan(engine, statement, params)
        assert sqlite_table_scans(plan, statement) == [], plan
        if name not in FILTERED:  # the page comes off an index in order: nothing is sorted
            assert not any("TEMP B-TREE FOR ORDER BY" in line for line in plan), plan
        assert any(line.startswith(("SEARCH claim ", "SCAN claim USING", "SCAN claim")) for line in plan), plan
        if name in SEARCHES:
            assert any("claim_fts VIRTUAL TABLE INDEX" in line and ":M" in line for line in plan), plan
    engine.dispose()


@pytest.mark.parametrize("stats", STAT_KINDS)
@pytest.mark.parametrize("name", list(COUNTS))
def test_sqlite_counts_read_an_index_not_the_table(sqlite_db: Engine, stats: str, name: str) -> None:
    engine = with_stats(sqlite_db, stats)
    for statement, params in captured(engine, COUNTS[name]):
        plan = sqlite_plan(engine, statement, params)
        assert sqlite_table_scans(plan) == [], plan
    engine.dispose()


@pytest.mark.parametrize("stats", STAT_KINDS)
def test_sqlite_claim_detail_reads_only_by_index(sqlite_db: Engine, stats: str) -> None:
    engine = with_stats(sqlite_db, stats)
    for statement, params in captured(engine, lambda s: queries.claim_detail(session=s, claim_id=2)):
        plan = sqlite_plan(engine, statement, params)
        assert sqlite_table_scans(plan) == [], (statement, plan)
    engine.dispose()


# --- PostgreSQL ------------------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.parametrize("name", list(PAGES) + list(SEARCHES) + list(FILTERED) + list(COUNTS) + ["claim detail"])
def test_postgres_queries_can_be_served_by_indexes(pg_engine: Engine, name: str) -> None:
    make_sample(pg_engine)
    with pg_engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    fn = {**PAGES, **SEARCHES, **FILTERED, **COUNTS}.get(name) or (lambda s: queries.claim_detail(session=s, claim_id=2))
    for statement, params in captured(pg_engine, fn):
        plan = "\n".join(pg_plan(pg_engine, statement, params))
        assert not re.search(rf"Seq Scan on ({'|'.join(BIG_TABLES)})\b", plan), plan


@pytest.mark.postgres
@pytest.mark.parametrize("name", list(SEARCHES) + ["search and state", "count a search"])
def test_postgres_search_uses_the_full_text_gin_index(pg_engine: Engine, name: str) -> None:
    make_sample(pg_engine)
    add_filler_claims(pg_engine)
    fn = {**SEARCHES, **FILTERED, **COUNTS}[name]
    plans = ["\n".join(pg_plan(pg_engine, st, p)) for st, p in captured(pg_engine, fn)]
    assert any(re.search(r"Bitmap Index Scan on ix_claim_search\w*", plan) for plan in plans), plans
