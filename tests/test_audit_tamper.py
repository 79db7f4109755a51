"""`audit verify` catches direct edits of the data, on SQLite and PostgreSQL; events are append-only."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from helpers import event_protection_bypassed
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from claimtrack import audit, db, migrations, services
from claimtrack.cli import app
from claimtrack.models import Stance, Verdict


def worked_sample(engine: Engine, ids: dict[str, int]) -> dict[str, int]:
    """The sample after a little work: evidence, a comment, an assignment, tags, a verdict and a merge."""
    with db.atomic(engine) as s:
        amal = services.get_analyst(session=s, handle="amal")
        cid = ids["en_statement"]
        ev = services.add_evidence(session=s, by=amal, claim_id=cid, stance=Stance.supports, note="budget table")
        services.comment(session=s, by=amal, claim_id=cid, body="checked the budget")
        services.assign(session=s, by=amal, claim_id=cid, assignee="omar")
        services.set_tags(session=s, by=amal, claim_id=cid, add=["economy"])
        services.set_verdict(session=s, by=amal, claim_id=cid, verdict=Verdict.true, rationale="matches the budget")
        services.merge(session=s, by=amal, keep_id=ids["ar_statement"], duplicate_id=ids["en_denial"])
        ids = {**ids, "evidence": ev.id}  # type: ignore[dict-item]
    return ids


def one(engine: Engine, sql: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text(sql)).scalar())  # type: ignore[arg-type]


def last_event_for(engine: Engine, table: str, row_id: int) -> int:
    """The newest event whose digests name this row (found independently of claimtrack.audit_rows)."""
    with db.session(engine) as s:
        best = None
        for ev in audit.iter_events(s):
            if str(row_id) in (ev.digests or {}).get(table, {}):
                best = ev.id
        assert best is not None
        return best


# (table, SQL building the tampering UPDATE from the row id, how the row id is found)
EDITS = {
    "claim.text": ("claim", "UPDATE claim SET text = 'tampered' WHERE id = {id}", "en_statement"),
    "claim.state": ("claim", "UPDATE claim SET state = 'published' WHERE id = {id}", "en_statement"),
    "claim.verdict": ("claim", "UPDATE claim SET verdict = 'false' WHERE id = {id}", "en_statement"),
    "claim.rationale": ("claim", "UPDATE claim SET rationale = 'other reason' WHERE id = {id}", "en_statement"),
    "claim.claimant": ("claim", "UPDATE claim SET claimant_id = NULL WHERE id = {id}", "en_statement"),
    "claim.assignee": ("claim", "UPDATE claim SET assignee_id = NULL WHERE id = {id}", "en_statement"),
    "claim.tags": ("claim", "UPDATE claim SET tags = '[\"other\"]' WHERE id = {id}", "en_statement"),
    "claim.merge_target": ("claim", "UPDATE claim SET merged_into_id = NULL WHERE id = {id}", "en_denial"),
    "evidence": ("evidence", "UPDATE evidence SET reliability = 'A', credibility = 1 WHERE id = {id}", "evidence"),
    "claim_evidence": ("claim_evidence", "UPDATE claim_evidence SET stance = 'refutes' WHERE id = {id}", "ce"),
    "claim_link": ("claim_link", "UPDATE claim_link SET relation = 'supports' WHERE id = {id}", "link"),
    "comment": ("comment", "UPDATE comment SET body = 'I never said that' WHERE id = {id}", "comment"),
    "appearance": ("appearance", "UPDATE appearance SET quote = 'words put in a mouth' WHERE id = {id}", "appearance"),
    "document.text": ("document", "UPDATE document SET text = text || ' (edited)' WHERE id = {id}", "doc_en"),
    "analyst.role": ("analyst", "UPDATE analyst SET role = 'admin' WHERE id = {id}", "omar"),
}


def row_id_for(engine: Engine, ids: dict[str, int], key: str) -> int:
    lookups = {
        "ce": "SELECT max(id) FROM claim_evidence", "link": "SELECT max(id) FROM claim_link",
        "comment": "SELECT max(id) FROM comment", "appearance": "SELECT min(id) FROM appearance",
        "omar": "SELECT id FROM analyst WHERE handle = 'omar'",
    }
    return one(engine, lookups[key]) if key in lookups else ids[key]


@pytest.mark.parametrize("case", sorted(EDITS))
def test_a_direct_edit_is_named_with_its_row_and_event(engine: Engine, sample: dict[str, int], case: str) -> None:
    ids = worked_sample(engine, sample)
    with db.session(engine) as s:
        assert audit.verify(s).ok
    table, sql, key = EDITS[case]
    rid = row_id_for(engine, ids, key)
    expected_event = last_event_for(engine, table, rid)
    with engine.begin() as conn:
        conn.execute(sa.text(sql.format(id=rid)))
    with db.session(engine) as s:
        rep = audit.verify(s)
    assert not rep.ok and rep.first_bad_id is None  # the chain itself is intact
    assert [(m.table, m.row_id, m.event_id) for m in rep.mismatches] == [(table, rid, expected_event)]
    assert "changed outside claimtrack" in rep.mismatches[0].problem


def test_inserted_and_deleted_rows_are_named(engine: Engine, sample: dict[str, int]) -> None:
    ids = worked_sample(engine, sample)
    cid = ids["en_statement"]
    comment_id = one(engine, "SELECT max(id) FROM comment")
    comment_event = last_event_for(engine, "comment", comment_id)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO comment (claim_id, body, created_at) VALUES (:c, 'forged', '2023-09-01')"),
                     {"c": cid})
        conn.execute(sa.text("DELETE FROM comment WHERE id = :id"), {"id": comment_id})
    forged = one(engine, "SELECT max(id) FROM comment")
    with db.session(engine) as s:
        rep = audit.verify(s)
    found = {(m.table, m.row_id): m for m in rep.mismatches}
    assert set(found) == {("comment", comment_id), ("comment", forged)}
    assert found[("comment", comment_id)].event_id == comment_event and "deleted" in found[("comment", comment_id)].problem
    assert found[("comment", forged)].event_id is None and "inserted" in found[("comment", forged)].problem


def test_a_deleted_event_breaks_the_chain_and_names_the_row(engine: Engine, sample: dict[str, int]) -> None:
    ids = worked_sample(engine, sample)
    cid = ids["en_statement"]
    newest = one(engine, f"SELECT max(id) FROM event WHERE entity = 'claim' AND entity_id = {cid}")
    earlier = one(engine, f"SELECT max(id) FROM event WHERE entity = 'claim' AND entity_id = {cid} AND id < {newest}")
    with event_protection_bypassed(engine), engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM event WHERE id = :id"), {"id": newest})
    with db.session(engine) as s:
        rep = audit.verify(s)
    assert not rep.ok and rep.first_bad_id == newest + 1 and "deleted or reordered" in (rep.problem or "")
    assert ("claim", cid, earlier) in [(m.table, m.row_id, m.event_id) for m in rep.mismatches]


def test_events_cannot_be_updated_or_deleted(engine: Engine, sample: dict[str, int]) -> None:
    for sql in ("UPDATE event SET rationale = 'rewritten' WHERE id = 1", "DELETE FROM event WHERE id = 1"):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(sa.text(sql))
    if engine.dialect.name == "postgresql":
        with pytest.raises(sa.exc.DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(sa.text("TRUNCATE event CASCADE"))
    with db.session(engine) as s:
        assert audit.verify(s).ok


def test_existing_data_is_covered_by_a_baseline_event(tmp_path: Path) -> None:
    engine = db.make_engine(str(tmp_path / "old.db"))
    migrations.upgrade(engine, "0001")
    with engine.begin() as conn:  # data written by a claimtrack that had no row digests
        conn.execute(sa.text("INSERT INTO claim (text, language, kind, state, verdict, checkworthiness, "
                             "checkworthiness_features, tags, search_text, created_at, updated_at, version) VALUES "
                             "('old claim', 'en', 'statement', 'new', 'unrated', 0, '{}', '[]', 'old claim', "
                             "'2023-01-01', '2023-01-01', 1)"))
    migrations.upgrade(engine)
    with db.session(engine) as s:
        rep = audit.verify(s)
        assert rep.ok and rep.rows_checked == 1
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE claim SET verdict = 'true'"))
    with db.session(engine) as s:
        assert [(m.table, m.row_id) for m in audit.verify(s).mismatches] == [("claim", 1)]
    engine.dispose()


def test_cli_audit_verify_and_db_check_fail_naming_the_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(tmp_path / "no-config.toml"))
    dbfile = str(tmp_path / "cli.db")
    engine = db.make_engine(dbfile)
    migrations.upgrade(engine)
    with db.atomic(engine) as s:
        amal = services.ensure_analyst(session=s, handle="amal")
        cid = services.create_claim(session=s, by=amal, text="The bridge opened in 2020", language="en").id
    assert run_cli(dbfile, "audit", "verify").exit_code == 0
    assert run_cli(dbfile, "db", "check").exit_code == 0
    event = one(engine, "SELECT max(id) FROM event")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE claim SET text = 'tampered' WHERE id = :id"), {"id": cid})
    engine.dispose()
    verify = run_cli(dbfile, "audit", "verify")
    assert verify.exit_code == 1
    assert f"claim {cid}: the row differs from the audit log (changed outside claimtrack) (last recorded by event {event})" in verify.stderr
    assert verify.stderr.strip().splitlines()[-1].startswith("claimtrack: error: audit: 1 rows do not match")
    check = run_cli(dbfile, "db", "check")
    assert check.exit_code == 1 and "FAILED: audit" in check.stdout and f"claim {cid}:" in check.stdout
    assert "ok: integrity" in check.stdout and "ok: full-text index" in check.stdout


def run_cli(dbfile: str, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["--db", dbfile, "--analyst", "amal", *args], catch_exceptions=False)


@pytest.mark.postgres
def test_postgres_app_role_cannot_rewrite_history(pg_server) -> None:  # type: ignore[no-untyped-def]
    """Owner migrates and grants; the application role works normally but cannot touch past events."""
    n = pg_server.new_database(migrated=False).rsplit("/", 1)[1]
    owner, appr = f"{n}_owner", f"{n}_app"
    pg_server._admin(f"CREATE ROLE {owner} LOGIN")  # noqa: SLF001
    pg_server._admin(f"CREATE ROLE {appr} LOGIN")  # noqa: SLF001
    pg_server._admin(f"ALTER DATABASE {n} OWNER TO {owner}")  # noqa: SLF001
    pg_server._admin(f"GRANT ALL ON SCHEMA public TO {owner}")  # noqa: SLF001
    with psycopg_conn(pg_server, n) as c:
        c.execute(f"ALTER SCHEMA public OWNER TO {owner}")
    base = pg_server.base_url.replace("postgres@", "{}@")
    owner_url, app_url = f"{base.format(owner)}/{n}", f"{base.format(appr)}/{n}"
    assert run_cli(owner_url, "db", "upgrade").exit_code == 0
    result = run_cli(owner_url, "db", "grant-app", appr)
    assert result.exit_code == 0, result.output
    assert run_cli(owner_url, "db", "grant-app", owner).exit_code == 1  # the owner is refused as an app role
    app_engine = db.make_engine(app_url)
    with db.atomic(app_engine) as s:  # normal work as the application role
        amal = services.ensure_analyst(session=s, handle="amal")
        cid = services.create_claim(session=s, by=amal, text="The port handled 9m containers", language="en").id
        services.comment(session=s, by=amal, claim_id=cid, body="source: port authority")
        services.set_tags(session=s, by=amal, claim_id=cid, add=["trade"])
    attacks = ["UPDATE event SET rationale = 'rewritten'", "DELETE FROM event", "TRUNCATE event CASCADE",
               "ALTER TABLE event DISABLE TRIGGER USER", "DROP TRIGGER event_no_update ON event",
               "UPDATE alembic_version SET version_num = '0001'"]
    for sql in attacks:
        with pytest.raises(sa.exc.ProgrammingError, match="permission denied|must be owner"), app_engine.begin() as conn:
            conn.execute(sa.text(sql))
    with db.session(app_engine) as s:
        rep = audit.verify(s)
        assert rep.ok and rep.checked == 4
    with app_engine.begin() as conn:  # what the app role *can* do to data is still caught
        conn.execute(sa.text("UPDATE claim SET text = 'tampered' WHERE id = :id"), {"id": cid})
    with db.session(app_engine) as s:
        assert [(m.table, m.row_id) for m in audit.verify(s).mismatches] == [("claim", cid)]
    app_engine.dispose()


def psycopg_conn(pg_server, dbname: str):  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(f"host=127.0.0.1 port={pg_server.port} user=postgres dbname={dbname}", autocommit=True)
