"""search analysis: broken plurals also indexed as their possible singulars (صواريخ: صاروخ); claim index rebuilt

Revision ID: 0006_search_broken_plurals
Revises: 0005_passage_index
"""
from alembic import op

from claimtrack import search

revision = '0006_search_broken_plurals'
down_revision = '0005_passage_index'
branch_labels = None
depends_on = None


def upgrade() -> None:
    search.reindex_claims(op.get_bind())


def downgrade() -> None:
    # The terms written here are a superset of 0005's (a broken plural's singulars); 0005's code
    # searches them as they are, so nothing is rewritten.
    pass
