"""event protection: row digests in events, triggers refusing UPDATE/DELETE of events, a baseline event

Revision ID: 0003_event_protection
Revises: 0002_claim_tracking

Existing data (written before events carried row digests) is recorded by one `baseline` event
holding the digest of every audited row as it stands at upgrade time.
"""
from alembic import op
import sqlalchemy as sa

from claimtrack import audit_rows


revision = '0003_event_protection'
down_revision = '0002_claim_tracking'
branch_labels = None
depends_on = None

REFUSE = "the audit log is append-only: events cannot be changed or deleted"
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT RAISE(ABORT, '{REFUSE}'); END",
    f"CREATE TRIGGER event_no_delete BEFORE DELETE ON event BEGIN SELECT RAISE(ABORT, '{REFUSE}'); END",
)
POSTGRES_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION claimtrack_event_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION '{REFUSE}'; END $$",
    "CREATE TRIGGER event_no_update BEFORE UPDATE OR DELETE ON event "
    "FOR EACH ROW EXECUTE FUNCTION claimtrack_event_append_only()",
    "CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event "
    "FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_event_append_only()",
)


def _baseline(conn: sa.Connection) -> None:
    from claimtrack import audit

    digests: audit_rows.Digests = {}
    for table in audit_rows.AUDITED:
        rows: dict[str, str | None] = {str(rid): d for rid, d in audit_rows.iter_table_digests(conn, table)}
        if rows:
            digests[table] = rows
    if digests:
        audit.append(conn, analyst=None, entity="database", entity_id=None, action="baseline",
                     after={"note": "row digests of the data present when row auditing began"}, digests=digests)


def upgrade() -> None:
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('digests', sa.JSON(), nullable=True))
    conn = op.get_bind()
    _baseline(conn)
    for stmt in SQLITE_TRIGGERS if conn.dialect.name == "sqlite" else POSTGRES_TRIGGERS:
        op.execute(stmt)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS event_no_update")
        op.execute("DROP TRIGGER IF EXISTS event_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS event_no_update ON event")
        op.execute("DROP TRIGGER IF EXISTS event_no_truncate ON event")
        op.execute("DROP FUNCTION IF EXISTS claimtrack_event_append_only()")
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_column('digests')
