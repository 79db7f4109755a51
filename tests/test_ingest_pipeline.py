"""The ingest pipeline: idempotence, per-document atomicity, bad files, overrides, cross-document denials."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import require
from sqlalchemy.engine import Engine
from sqlmodel import col, func, select

from claimtrack import audit, db, migrations, queries
from claimtrack.extract.base import ActorRef, ExtractedClaim
from claimtrack.ingest.pipeline import IngestOptions, ingest
from claimtrack.models import Actor, Appearance, Claim, ClaimLink, Document, LinkRelation, Outlet


def every_said(text: str, *, language: str, published: date | None,
               title: str | None = None) -> list[ExtractedClaim]:
    """A tiny deterministic extractor for pipeline tests: 'X said Y.' → claim Y by X."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if " said " in line:
            who, _, what = line.partition(" said ")
            what = what.strip().rstrip(".")
            start = pos + line.index(what)
            kind = "denial" if what.startswith("no ") else "statement"
            out.append(ExtractedClaim(quote=what, start=start, end=start + len(what), claimant=ActorRef(who.strip()),
                                      claimant_surface=who.strip(), kind=kind, text=what, language=language))
        pos += len(line)
    return out


def count(engine: Engine, model) -> int:  # type: ignore[no-untyped-def]
    with db.session(engine) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def test_same_content_twice_adds_nothing(engine: Engine, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Headline\nWashington said the talks advance.\n", encoding="utf-8")
    b = tmp_path / "copy-of-a.txt"
    b.write_text("Headline\nWashington said the talks advance.\n", encoding="utf-8")
    s1 = ingest(engine, [str(a), str(b)], analyst="amal", extractor=every_said)
    assert (s1.added, s1.duplicates, s1.claims) == (1, 1, 1)
    s2 = ingest(engine, [str(a)], analyst="amal", extractor=every_said)
    assert (s2.added, s2.duplicates, s2.claims) == (0, 1, 0)
    assert count(engine, Document) == 1 and count(engine, Claim) == 1


def test_bad_files_are_reported_and_the_batch_goes_on(engine: Engine, tmp_path: Path) -> None:
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (tmp_path / "broken.json").write_text('{"title": "x", "content": ', encoding="utf-8")
    (tmp_path / "good.txt").write_text("Title\nMoscow said no deal exists.\n", encoding="utf-8")
    s = ingest(engine, [str(tmp_path)], analyst="amal", extractor=every_said)
    assert s.added == 1 and s.claims == 1
    assert len(s.errors) == 3
    assert all(("empty.txt" in e) or ("binary.txt" in e) or ("broken.json" in e) for e in s.errors)


def test_a_failing_document_leaves_nothing_half_written(engine: Engine, tmp_path: Path) -> None:
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "1.txt").write_text("One\nKirby said the talks advance.\n", encoding="utf-8")
    (tmp_path / "2.txt").write_text("Two\nKirby said the deal is near.\n", encoding="utf-8")

    def broken_offsets(text: str, **kw):  # type: ignore[no-untyped-def]
        claims = every_said(text, **kw)
        if "deal" in text:  # an impossible span: violates the span CHECK constraint mid-document
            claims.append(ExtractedClaim(quote="x", start=5, end=1, claimant=ActorRef("Kirby"), claimant_surface="Kirby"))
        return claims

    s = ingest(engine, [str(tmp_path)], analyst="amal", extractor=broken_offsets)
    assert s.added == 1 and len(s.errors) == 1 and "2.txt" in s.errors[0]
    assert count(engine, Document) == 1 and count(engine, Claim) == 1 and count(engine, Appearance) == 1
    with db.session(engine) as session:
        assert audit.verify(session).ok


def test_a_failing_document_mid_batch_leaves_the_others_as_a_clean_run_stores_them(tmp_path: Path) -> None:
    """The batch is stored again without the failing document: the others get the same ids and actors as
    when it is absent (a bare role is scoped to its own document, an actor is not created twice)."""
    texts = {"1.txt": "One\nالمتحدث said the bridge opens in May.\nKirby said the talks advance.\n",
             "2.txt": "Two\nKirby said the deal is near.\n",
             "3.txt": "Three\nالمتحدث said the road closes in June.\nKirby said the talks stall.\n"}

    def broken(text: str, **kw):  # type: ignore[no-untyped-def]
        claims = every_said(text, **kw)
        if "deal" in text:  # an impossible span: violates the span CHECK constraint
            claims.append(ExtractedClaim(quote="x", start=5, end=1, claimant=ActorRef("Kirby"), claimant_surface="Kirby"))
        return claims

    def stored(folder: Path, names: list[str], extractor) -> list[tuple[int, str, str]]:  # type: ignore[no-untyped-def]
        folder.mkdir()
        for name in names:
            (folder / name).write_text(texts[name], encoding="utf-8")
        eng = db.make_engine(str(folder / "t.db"))
        migrations.upgrade(eng)
        s = ingest(eng, [str(folder)], analyst="amal", extractor=extractor)
        assert s.added == 2 and len(s.errors) == len(names) - 2
        with db.session(eng) as session:
            assert audit.verify(session).ok
            rows = session.exec(select(Appearance.document_id, Claim.text, Actor.canonical_name)
                                .join(Claim, Claim.id == Appearance.claim_id)
                                .join(Actor, Actor.id == Claim.claimant_id).order_by(Appearance.id)).all()
        eng.dispose()
        return [tuple(r) for r in rows]

    with_failure = stored(tmp_path / "a", ["1.txt", "2.txt", "3.txt"], broken)
    assert with_failure == stored(tmp_path / "b", ["1.txt", "3.txt"], every_said)
    assert ("المتحدث (document 2)" in {name for _d, _t, name in with_failure}
            and len({name for _d, _t, name in with_failure if name == "Kirby"}) == 1)


def test_overrides_and_metadata(engine: Engine, tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("Title line\nThe minister said prices fell.\n", encoding="utf-8")
    opts = IngestOptions(published=date(2023, 3, 5), outlet="Daily Example", url="https://example.org/x",
                         language="en")
    ingest(engine, [str(f)], analyst="amal", opts=opts, extractor=every_said)
    with db.session(engine) as s:
        doc = s.exec(select(Document)).one()
        assert (doc.published, doc.url, doc.language, doc.origin_name) == (
            date(2023, 3, 5), "https://example.org/x", "en", "x.txt")
        assert s.get(Outlet, doc.outlet_id).name == "Daily Example"
        app = s.exec(select(Appearance)).one()
        assert doc.text[app.start:app.end] == app.quote == "prices fell"
        assert app.stated_on == "2023-03-05"


def test_denial_in_a_later_document_links_to_earlier_claims(sqlite_engine: Engine, tmp_path: Path) -> None:
    first = tmp_path / "1.txt"
    first.write_text("Talks\nWashington said Pyongyang sells artillery shells to Moscow.\n", encoding="utf-8")
    second = tmp_path / "2.txt"
    second.write_text("Denial\nPyongyang said no artillery shells were sold to Moscow.\n", encoding="utf-8")
    ingest(sqlite_engine, [str(first)], analyst="amal", extractor=every_said, opts=IngestOptions(language="en"))
    ingest(sqlite_engine, [str(second)], analyst="amal", extractor=every_said, opts=IngestOptions(language="en"))
    with db.session(sqlite_engine) as s:
        links = s.exec(select(ClaimLink)).all()
        denial = s.exec(select(Claim).where(Claim.kind == "denial")).one()
        assert [(lk.source_id, lk.relation) for lk in links] == [(denial.id, LinkRelation.denies)]
        assert links[0].evidence.get("scope") == "earlier document"
        detail = queries.claim_detail(session=s, claim_id=links[0].target_id)
        assert any(not lv.outgoing and lv.other.id == denial.id for lv in detail.links)


DENIAL = "Denial\nRuritania said no grain ships were seized by its coast guard.\n"
ALLEGATION = ("Harbour\nPort officials said the Ruritania coast guard seized two grain ships near the strait.\n"
              "Port officials said the harbour fees rise in spring.\n")


@pytest.mark.parametrize("together", [False, True], ids=["later run", "same batch"])
def test_claim_stored_after_its_denial_gets_the_denials_link(engine: Engine, tmp_path: Path, together: bool) -> None:
    (tmp_path / "1-denial.txt").write_text(DENIAL, encoding="utf-8")
    (tmp_path / "2-allegation.txt").write_text(ALLEGATION, encoding="utf-8")
    opts = IngestOptions(language="en")
    if together:
        ingest(engine, [str(tmp_path)], analyst="amal", extractor=every_said, opts=opts)
    else:
        for name in ("1-denial.txt", "2-allegation.txt"):
            ingest(engine, [str(tmp_path / name)], analyst="amal", extractor=every_said, opts=opts)
    with db.session(engine) as s:
        denial = s.exec(select(Claim).where(Claim.kind == "denial")).one()
        seized = s.exec(select(Claim).where(col(Claim.text).contains("seized two"))).one()
        links = s.exec(select(ClaimLink)).all()
        assert [(lk.source_id, lk.target_id, lk.relation) for lk in links] == [
            (denial.id, seized.id, LinkRelation.denies)]  # not to the harbour fees, said by the same officials
        assert links[0].evidence["scope"] == "later document" and links[0].evidence["names_denier"]
        assert audit.verify(s).ok


def test_denial_in_a_later_document_links_whichever_order(engine: Engine, tmp_path: Path) -> None:
    """The same two documents in the other order: the denial's own link, from the same standard."""
    (tmp_path / "1-allegation.txt").write_text(ALLEGATION, encoding="utf-8")
    (tmp_path / "2-denial.txt").write_text(DENIAL, encoding="utf-8")
    ingest(engine, [str(tmp_path)], analyst="amal", extractor=every_said, opts=IngestOptions(language="en"))
    with db.session(engine) as s:
        denial = s.exec(select(Claim).where(Claim.kind == "denial")).one()
        seized = s.exec(select(Claim).where(col(Claim.text).contains("seized two"))).one()
        links = s.exec(select(ClaimLink)).all()
        assert [(lk.source_id, lk.target_id) for lk in links] == [(denial.id, seized.id)]
        assert links[0].evidence["scope"] == "earlier document"


@pytest.mark.corpus
def test_saudinewsnet_day_end_to_end(sqlite_engine: Engine) -> None:
    """The whole SaudiNewsNet day, read in place, into the database: counts and sampled metadata."""
    import json

    day = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "saudinewsnet" / "2015-08-11.json"
    require(day.exists(), f"{day} not present")
    s = ingest(sqlite_engine, [str(day)], analyst="amal")
    items = json.loads(day.read_text(encoding="utf-8"))
    blank = [i for i, a in enumerate(items, 1) if not (a.get("content") or "").strip() and not (a.get("title") or "").strip()]
    assert len(s.errors) == len(blank) and all("empty" in e for e in s.errors)
    assert s.added + s.duplicates == len(items) - len(blank)
    assert s.claims > 3 * s.added  # Saudi news is full of attributed statements
    with db.session(sqlite_engine) as session:
        assert session.exec(select(func.count()).select_from(Document)).one() == s.added
        for n in (1, 500, 1686):
            if n in blank:
                continue
            doc = session.exec(select(Document).where(Document.origin_name == f"2015-08-11.json#{n}")).first()
            if doc is None:  # an exact duplicate of an earlier article
                continue
            src = items[n - 1]
            assert doc.url == src["url"] and doc.language == "ar"
            assert doc.title == src["title"].strip()
            assert doc.published == date.fromisoformat(src["date_extracted"][:10])
            assert session.get(Outlet, doc.outlet_id).name == src["source"]
        assert audit.verify(session).ok


def test_fetched_page_is_kept_beside_the_document(sqlite_engine: Engine, tmp_path: Path) -> None:
    import http.server
    import threading

    page = (b"<html><head><title>Talks advance</title></head><body><article><h1>Talks advance</h1>"
            b"<p>The foreign ministry said on Monday that the talks with its neighbours are advancing well "
            b"and that a new round is planned for next month in the capital.</p>"
            b"<p>Officials added that the delegations had agreed on an agenda covering trade and border issues.</p>"
            b"</article></body></html>")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path != "/article":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        s = ingest(sqlite_engine, [f"{base}/article", f"{base}/missing"], analyst="amal",
                   opts=IngestOptions(raw_dir=tmp_path / "raw", language="en"))
    finally:
        server.shutdown()
    assert s.added == 1 and len(s.errors) == 1 and "missing" in s.errors[0]
    with db.session(sqlite_engine) as session:
        doc = session.exec(select(Document)).one()
        assert doc.url == f"{base}/article" and doc.title == "Talks advance"
        assert doc.raw_path and Path(doc.raw_path).read_bytes() == page


def _indexed(engine: Engine, table: str = "passage") -> tuple[int, list[int]]:
    """(full-text index entries, ids of the rows of `table` (passage or claim) a search for their own first
    term misses)."""
    import sqlalchemy as sa

    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f"SELECT id, search_text FROM {table}").all()
        sqlite = conn.dialect.name == "sqlite"
        entries = conn.exec_driver_sql(f"SELECT count(*) FROM {table}_fts_docsize" if sqlite else
                                       f"SELECT count(*) FROM {table}").scalar_one()
        stmt = sa.text(f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :q" if sqlite else
                       f"SELECT id FROM {table} WHERE to_tsvector('simple', search_text) @@ to_tsquery('simple', :q)")
        missed = [pid for pid, text in rows
                  if pid not in set(conn.execute(stmt, {"q": ('"%s"' if sqlite else "'%s'") % text.split()[0]}).scalars())]
    return entries, missed


def test_full_text_indexes_hold_the_kept_documents_once(engine: Engine, tmp_path: Path) -> None:
    from claimtrack.models import Passage

    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    for i, body in enumerate(["Kirby said the talks advance.", "Kirby said the deal is near.", "Moscow said no deal."]):
        (tmp_path / f"{i}.txt").write_text(f"Title {i}\n{body}\n\nA second paragraph about harvests {i}.\n")

    def broken_offsets(text: str, **kw):  # type: ignore[no-untyped-def]
        claims = every_said(text, **kw)
        if "deal is near" in text:  # the middle document fails and is rolled back
            claims.append(ExtractedClaim(quote="x", start=5, end=1, claimant=ActorRef("Kirby"), claimant_surface="Kirby"))
        return claims

    ingest(engine, [str(tmp_path)], analyst="amal", extractor=broken_offsets, opts=IngestOptions(batch_size=2))
    later = tmp_path / "later.txt"
    later.write_text("Later\nKirby said the harvest grew.\n")
    ingest(engine, [str(later)], analyst="amal", extractor=every_said)
    with db.session(engine) as s:
        kept = set(s.exec(select(Document.id)).all())
        docs = set(s.exec(select(Passage.document_id)).all())
        n = s.exec(select(func.count()).select_from(Passage)).one()
    assert len(kept) == 3 and docs == kept
    assert _indexed(engine) == (n, [])
    assert _indexed(engine, "claim") == (count(engine, Claim), [])
    with db.session(engine) as session:
        assert audit.verify(session).ok


def _triggers(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars())


def test_upgrade_drops_the_per_row_passage_trigger(sqlite_engine: Engine, tmp_path: Path) -> None:
    from claimtrack import migrations

    (tmp_path / "a.txt").write_text("A\nKirby said the talks advance.\n")
    ingest(sqlite_engine, [str(tmp_path / "a.txt")], analyst="amal", extractor=every_said)
    migrations.downgrade(sqlite_engine, "0005_passage_index")
    assert "passage_fts_ai" in _triggers(sqlite_engine)
    migrations.upgrade(sqlite_engine)
    assert "passage_fts_ai" not in _triggers(sqlite_engine) and "passage_fts_ad" in _triggers(sqlite_engine)
    (tmp_path / "b.txt").write_text("B\nKirby said the deal is near.\n")
    ingest(sqlite_engine, [str(tmp_path / "b.txt")], analyst="amal", extractor=every_said)
    with db.session(sqlite_engine) as s:
        assert _indexed(sqlite_engine) == (s.exec(select(func.count()).select_from(Document)).one(), [])
    assert "claim_fts_ai" in _triggers(sqlite_engine)  # taken out during an ingest's batch only


def _export_and_chain(engine: Engine) -> tuple[list[dict], list[str]]:  # type: ignore[type-arg]
    from claimtrack.models import Event

    with db.session(engine) as s:
        rows = list(queries.iter_export_rows(session=s))
        hashes = list(s.exec(select(Event.hash).order_by(Event.id)).all())
        assert audit.verify(s).ok
    return rows, hashes


def test_extraction_in_a_worker_changes_nothing(tmp_path: Path, fixed_clock,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of several batches extracts in a worker process; claims, merges, links, audit chain and the
    summary (in reading order, errors and repeats included) are those of an in-process run."""
    from helpers import synthetic_articles

    from claimtrack import migrations
    from claimtrack.ingest import extraction

    monkeypatch.setattr(extraction, "core_free", lambda: True)  # however busy the test machine is

    folder = tmp_path / "in"
    synthetic_articles(folder, 45)
    (folder / "article-00007-copy.txt").write_text((folder / "article-00007.txt").read_text())
    (folder / "article-00020-empty.txt").write_text("")
    results = []
    for parallel in (False, True):
        engine = db.make_engine(str(tmp_path / f"{parallel}.db"))
        migrations.upgrade(engine)
        events: list[tuple[str, str]] = []
        s = ingest(engine, [str(folder)], analyst="amal", on_progress=lambda o, st, ev=events: ev.append((o, st)),
                   opts=IngestOptions(batch_size=10, parallel_extraction=parallel))
        summary = {k: v for k, v in s.as_dict().items() if k not in ("seconds", "timings")}
        results.append((summary, events, _export_and_chain(engine)))
        engine.dispose()
    assert results[0] == results[1]
    assert results[0][0]["added"] == 45 and results[0][0]["duplicates"] == 1 and len(results[0][0]["errors"]) == 1


def _plain(value):  # type: ignore[no-untyped-def]
    """Dataclasses as dicts and sets as sorted lists (their order may differ between processes)."""
    import dataclasses

    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, set | frozenset):
        return sorted(_plain(v) for v in value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def test_batch_extractor_runs_ahead_in_a_worker_or_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimtrack.ingest import extraction

    jobs = [("Kirby said the talks advance.", "en", None, None), ("x", "fr", None, None)]
    monkeypatch.setattr(extraction, "core_free", lambda: False)
    busy = extraction.BatchExtractor(None, parallel=True)
    assert busy.start(jobs) is None and busy.start(jobs) is None and busy.depth == 0  # no core to spare
    monkeypatch.setattr(extraction, "core_free", lambda: True)
    runner = extraction.BatchExtractor(None, parallel=True)
    try:
        assert runner.start(jobs) is None and runner.depth == 1  # the first batch: the worker starts meanwhile
        future = runner.start(jobs)
        assert future is not None
        assert _plain(runner.result(jobs, future)) == _plain(extraction.prepare_batch(jobs))
    finally:
        runner.close()

    def no_processes(*a, **k):  # type: ignore[no-untyped-def]
        raise OSError("no process for you")

    monkeypatch.setattr(extraction, "ProcessPoolExecutor", no_processes)
    runner = extraction.BatchExtractor(None, parallel=True)
    assert runner.start(jobs) is None and runner.start(jobs) is None and runner.depth == 0
    assert _plain(runner.result(jobs, None)) == _plain(extraction.prepare_batch(jobs))
    assert extraction.BatchExtractor(every_said, parallel=True).start(jobs) is None  # custom extractors stay here


def test_search_text_analysed_in_parts_is_the_same() -> None:
    """The worker analyses a claim's text, the main process its claimant's names: joined, as in one piece."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from claimtrack.search import join_analysed, search_text

    words = st.sampled_from(["قال", "والكتاب", "للمدينة", "Kirby", "advancing", "١٢٣", "x_y", " ", "، ", "...", "\n"])
    part = st.lists(words, max_size=8).map("".join)

    @settings(max_examples=200, deadline=None)
    @given(part, st.lists(st.one_of(st.none(), part), max_size=3))
    def check(text: str, names: list[str | None]) -> None:
        assert join_analysed(search_text(text), search_text(*names)) == search_text(text, *names)

    check()
