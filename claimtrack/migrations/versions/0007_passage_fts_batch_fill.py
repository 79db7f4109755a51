"""passage index filled once per ingest batch: drop the per-row FTS5 insert trigger (SQLite)

`passages.add_rows` now fills `passage_fts` with one statement per batch of documents; the trigger would
index every passage twice. PostgreSQL's GIN expression index has no trigger: nothing to do there.

Revision ID: 0007_passage_fts_batch_fill
Revises: 0006_search_broken_plurals
"""
from alembic import op

from claimtrack import passages

revision = '0007_passage_fts_batch_fill'
down_revision = '0006_search_broken_plurals'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS passage_fts_ai")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(passages.SQLITE_INSERT_TRIGGER)
