"""The bare-driver queue (claimtrack.listing) returns exactly what queries.page_claims and count_claims return,
and refuses the databases it cannot read the same way (so their callers take the ordinary path)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers import make_sample, synthetic_articles
from sqlalchemy.engine import Engine

from claimtrack import db, listing, migrations, queries, services
from claimtrack.ingest.pipeline import IngestOptions, ingest
from claimtrack.models import ClaimKind, ClaimState, Verdict


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, str, dict[str, int]]]:
    folder = tmp_path_factory.mktemp("listing")
    target = str(folder / "listing.db")
    engine = db.make_engine(target)
    migrations.upgrade(engine)
    ids = make_sample(engine)
    ingest(engine, [str(p) for p in synthetic_articles(folder / "articles", 12)], analyst="amal", opts=IngestOptions())
    with db.atomic(engine) as s:
        me = services.get_analyst(session=s, handle="amal")
        services.assign(session=s, by=me, claim_id=ids["ar_statement"], assignee="omar")
        services.set_tags(session=s, by=me, claim_id=ids["en_statement"], add=["economy", "figures"])
        services.set_state(session=s, by=me, claim_id=ids["en_denial"], state=ClaimState.triaged)
        services.merge(session=s, by=me, keep_id=ids["en_statement"], duplicate_id=ids["ar_statement"] + 4)
    yield engine, target, ids
    engine.dispose()


FILTERS = {
    "all": listing.ClaimFilter(),
    "state": listing.ClaimFilter(state=ClaimState.triaged),
    "verdict": listing.ClaimFilter(verdict=Verdict.unrated),
    "kind": listing.ClaimFilter(kind=ClaimKind.denial),
    "language": listing.ClaimFilter(language="ar"),
    "assignee": listing.ClaimFilter(assignee="omar"),
    "tag": listing.ClaimFilter(tag="economy"),
    "document": listing.ClaimFilter(document_id=1),
    "since and until": listing.ClaimFilter(since=date(2015, 1, 1), until=date(2030, 1, 1)),
    "claimant (Latin)": listing.ClaimFilter(claimant="harbi"),
    "claimant (Arabic)": listing.ClaimFilter(claimant="الحربي"),
    "claimant with % and _": listing.ClaimFilter(claimant="50%_x"),
    "search (Arabic)": listing.ClaimFilter(search="الاقتصاد"),
    "search (English)": listing.ClaimFilter(search="economy grew"),
    "search #id": listing.ClaimFilter(search="#3"),
    "search number": listing.ClaimFilter(search="3"),
    "search with no words": listing.ClaimFilter(search="!!"),
    "claim ids": listing.ClaimFilter(claim_ids=[1, 3, 5]),
    "no claim ids": listing.ClaimFilter(claim_ids=[]),
    "merged included": listing.ClaimFilter(include_merged=True),
    "several": listing.ClaimFilter(state=ClaimState.new, language="en", search="said"),
    "search and tag": listing.ClaimFilter(search="economy", tag="economy"),
    "search, merged included": listing.ClaimFilter(search="said", include_merged=True),
}


def orm_page(engine: Engine, filt: listing.ClaimFilter, **kw: Any) -> list[listing.ClaimRow]:
    with db.session(engine) as s:
        return queries.page_claims(session=s, filt=filt, **kw)


@pytest.mark.parametrize("name", list(FILTERS))
@pytest.mark.parametrize("sort", list(listing.SORT_COLUMNS))
def test_pages_and_counts_match_the_orm(populated: tuple[Engine, str, dict[str, int]], name: str, sort: str) -> None:
    engine, target, _ids = populated
    reader = listing.BareReader.open(target)
    assert reader is not None
    filt = FILTERS[name]
    for descending in (False, True):
        expected = orm_page(engine, filt, sort=sort, descending=descending, limit=500)
        assert reader.page(filt, sort=sort, descending=descending, limit=500) == expected
        if len(expected) > 3:  # the page after the third row, by keyset
            third = expected[2]
            after = (listing.sort_value(third, sort), third.id)
            rest = orm_page(engine, filt, sort=sort, descending=descending, limit=5, after=after)
            assert reader.page(filt, sort=sort, descending=descending, limit=5, after=after) == rest
    with db.session(engine) as s:
        assert reader.count(filt) == queries.count_claims(session=s, filt=filt)
    reader.close()


def test_the_rows_are_real(populated: tuple[Engine, str, dict[str, int]]) -> None:
    _engine, target, ids = populated
    reader = listing.BareReader.open(target)
    assert reader is not None
    rows = {r.id: r for r in reader.page(listing.ClaimFilter(), limit=500)}
    assert rows[ids["ar_statement"]].assignee == "omar"
    assert rows[ids["en_statement"]].tags == ["economy", "figures"]
    assert rows[ids["en_statement"]].first_seen is not None and rows[ids["en_statement"]].first_seen.tzinfo is not None
    assert rows[ids["ar_statement"]].outlet == "Sample News"
    assert ids["ar_statement"] + 4 not in rows  # merged
    reader.close()


def test_refuses_what_it_cannot_read_like_the_orm(tmp_path: Path) -> None:
    assert listing.BareReader.open("postgresql+psycopg://u@h/db") is None
    assert listing.BareReader.open(":memory:") is None
    assert listing.BareReader.open(str(tmp_path / "missing.db")) is None
    (tmp_path / "empty.db").touch()
    assert listing.BareReader.open(str(tmp_path / "empty.db")) is None
    (tmp_path / "text.db").write_text("not a database " * 100)
    assert listing.BareReader.open(str(tmp_path / "text.db")) is None
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("CREATE TABLE notes (x)")
    other.commit()
    other.close()
    assert listing.BareReader.open(str(tmp_path / "other.db")) is None
    behind = db.make_engine(str(tmp_path / "behind.db"))
    migrations.upgrade(behind, "0001")
    behind.dispose()
    assert listing.BareReader.open(str(tmp_path / "behind.db")) is None
    assert not (tmp_path / "missing.db").exists()  # nothing was created


def test_sort_names_are_the_queries_sorts() -> None:
    assert set(listing.SORT_COLUMNS) == set(queries.SORTS)
    for name, column in queries.SORTS.items():
        assert column.key == listing.SORT_COLUMNS[name]


PLANNED = {
    "first page": listing.ClaimFilter(),
    "a state": listing.ClaimFilter(state=ClaimState.new),
    "a search": listing.ClaimFilter(search="economy grew"),
    "a search and a state": listing.ClaimFilter(search="said", state=ClaimState.new),
}


@pytest.mark.parametrize("name", list(PLANNED))
@pytest.mark.parametrize("descending", [False, True])
def test_bare_pages_use_an_index_and_sort_nothing(populated: tuple[Engine, str, dict[str, int]], name: str,
                                                  descending: bool) -> None:
    _engine, target, _ids = populated
    for after in (None, (5, 5)):
        sql, params = listing.page_sql(PLANNED[name], "id", descending, 100, after)
        conn = sqlite3.connect(target)
        plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
        conn.close()
        assert not any(line.startswith("SCAN claim ") and "USING" not in line for line in plan[1:]), plan
        if name != "a search and a state":  # a filter and a search: the rows one selects are sorted (as the ORM's)
            assert not any("TEMP B-TREE" in line for line in plan), plan
        if PLANNED[name].search:
            assert any("claim_fts VIRTUAL TABLE INDEX" in line for line in plan), plan
