"""claim tracking: blocking keys, suggestions, appearance and outlet counts, actor scope, name key and merges

Revision ID: 0002_claim_tracking
Revises: 0001
Create Date: 2026-12-02 07:25:22.265897
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel
import sqlmodel.sql.sqltypes
import claimtrack.models


revision = '0002_claim_tracking'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('claim_key',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_claim_key_claim_id_claim')),
    sa.PrimaryKeyConstraint('key', 'claim_id', name=op.f('pk_claim_key'))
    )
    with op.batch_alter_table('claim_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_key_claim_id'), ['claim_id'], unique=False)

    op.create_table('suggestion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('other_id', sa.Integer(), nullable=False),
    sa.Column('relation', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('signals', sa.JSON(), nullable=False),
    sa.Column('status', sa.Enum('open', 'accepted', 'rejected', name='suggestion_status', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', claimtrack.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', claimtrack.models.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('claim_id <> other_id', name=op.f('ck_suggestion_not_self')),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_suggestion_claim_id_claim')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['analyst.id'], name=op.f('fk_suggestion_decided_by_id_analyst')),
    sa.ForeignKeyConstraint(['other_id'], ['claim.id'], name=op.f('fk_suggestion_other_id_claim')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suggestion')),
    sa.UniqueConstraint('claim_id', 'other_id', name='uq_suggestion_pair')
    )
    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suggestion_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_suggestion_other_id'), ['other_id'], unique=False)
        batch_op.create_index('ix_suggestion_status_score', ['status', 'score'], unique=False)

    # plain ALTER TABLE (no batch copy): SQLite cannot drop `actor` while claims reference it
    op.add_column('actor', sa.Column('scope', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True))
    op.add_column('actor', sa.Column('name_key', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True))
    if op.get_bind().dialect.name == "sqlite":  # SQLite adds a column's REFERENCES clause, not a constraint
        op.execute("ALTER TABLE actor ADD COLUMN merged_into_id INTEGER "
                   "CONSTRAINT fk_actor_merged_into_id_actor REFERENCES actor (id)")
    else:
        op.add_column('actor', sa.Column('merged_into_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_actor_merged_into_id_actor'), 'actor', 'actor', ['merged_into_id'], ['id'])
    op.create_index(op.f('ix_actor_merged_into_id'), 'actor', ['merged_into_id'], unique=False)
    op.create_index(op.f('ix_actor_name_key'), 'actor', ['name_key'], unique=False)

    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.add_column(sa.Column('appearance_count', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('outlet_count', sa.Integer(), server_default='1', nullable=False))
        batch_op.create_index('ix_claim_appearance_count_id', ['appearance_count', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_appearance_count_id')
        batch_op.drop_column('outlet_count')
        batch_op.drop_column('appearance_count')

    op.drop_index(op.f('ix_actor_name_key'), table_name='actor')
    op.drop_index(op.f('ix_actor_merged_into_id'), table_name='actor')
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table('actor', schema=None) as batch_op:
            batch_op.drop_column('merged_into_id')
            batch_op.drop_column('name_key')
            batch_op.drop_column('scope')
    else:
        op.drop_constraint(op.f('fk_actor_merged_into_id_actor'), 'actor', type_='foreignkey')
        for column in ('merged_into_id', 'name_key', 'scope'):
            op.drop_column('actor', column)

    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        batch_op.drop_index('ix_suggestion_status_score')
        batch_op.drop_index(batch_op.f('ix_suggestion_other_id'))
        batch_op.drop_index(batch_op.f('ix_suggestion_claim_id'))

    op.drop_table('suggestion')
    with op.batch_alter_table('claim_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_key_claim_id'))

    op.drop_table('claim_key')
