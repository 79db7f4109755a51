"""search analysis: Claim.search_text holds analysed terms (clitics, stems, roots); index rebuilt

Revision ID: 0004_search_analysis
Revises: 0003_event_protection
"""
from alembic import op

from claimtrack import search

revision = '0004_search_analysis'
down_revision = '0003_event_protection'
branch_labels = None
depends_on = None


def upgrade() -> None:
    search.reindex_claims(op.get_bind())


def downgrade() -> None:
    search.reindex_claims(op.get_bind(), analyse=search.folded_text)
