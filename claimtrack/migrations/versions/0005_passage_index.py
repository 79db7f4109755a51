"""passage index: documents cut into passages with offsets, indexed like claims; evidence excerpt offsets

Revision ID: 0005_passage_index
Revises: 0004_search_analysis
"""
import sqlalchemy as sa
import sqlmodel
import sqlmodel.sql.sqltypes
from alembic import op

from claimtrack import passages

revision = '0005_passage_index'
down_revision = '0004_search_analysis'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'passage',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('start', sa.Integer(), nullable=False),
        sa.Column('end', sa.Integer(), nullable=False),
        sa.Column('search_text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.CheckConstraint('start >= 0 AND "end" > start', name=op.f('ck_passage_span')),
        sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_passage_document_id_document')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_passage')),
    )
    with op.batch_alter_table('passage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passage_document_id'), ['document_id'], unique=False)
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('excerpt_start', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('excerpt_end', sa.Integer(), nullable=True))
    passages.rebuild(op.get_bind())


def downgrade() -> None:
    passages.uninstall(op.get_bind())
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_column('excerpt_end')
        batch_op.drop_column('excerpt_start')
    with op.batch_alter_table('passage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_passage_document_id'))
    op.drop_table('passage')
