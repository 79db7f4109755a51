"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-29 04:45:25.826300
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel
import sqlmodel.sql.sqltypes
import claimtrack.models
from claimtrack import search


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('canonical_name', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('name_ar', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('kind', sa.Enum('person', 'organisation', 'government', 'country', 'media', 'unknown', name='actor_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('affiliation_id', sa.Integer(), nullable=True),
    sa.Column('same_as', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['affiliation_id'], ['actor.id'], name=op.f('fk_actor_affiliation_id_actor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actor'))
    )
    with op.batch_alter_table('actor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actor_affiliation_id'), ['affiliation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_actor_canonical_name'), ['canonical_name'], unique=True)

    op.create_table('analyst',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('handle', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('display_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('role', sa.Enum('viewer', 'analyst', 'reviewer', 'admin', name='role', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('created_at', claimtrack.models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_analyst'))
    )
    with op.batch_alter_table('analyst', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_analyst_handle'), ['handle'], unique=True)

    op.create_table('outlet',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('domain', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('country', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
    sa.Column('reliability', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=True),
    sa.CheckConstraint("reliability IN ('A','B','C','D','E','F')", name=op.f('ck_outlet_reliability')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outlet'))
    )
    with op.batch_alter_table('outlet', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outlet_domain'), ['domain'], unique=False)
        batch_op.create_index(batch_op.f('ix_outlet_name'), ['name'], unique=True)

    op.create_table('claim',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('kind', sa.Enum('statement', 'denial', 'assessment', 'prediction', 'call', name='claim_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('state', sa.Enum('new', 'triaged', 'investigating', 'in_review', 'published', 'dismissed', 'reopened', name='claim_state', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('verdict', sa.Enum('unrated', 'true', 'mostly_true', 'mixed', 'mostly_false', 'false', 'misleading', 'unverifiable', name='verdict', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('rationale', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('checkworthiness', sa.Float(), nullable=False),
    sa.Column('checkworthiness_features', sa.JSON(), nullable=False),
    sa.Column('claimant_id', sa.Integer(), nullable=True),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('investigator_id', sa.Integer(), nullable=True),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('event_date', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('event_date_precision', sa.Enum('year', 'month', 'day', name='event_date_precision', native_enum=False, create_constraint=True, length=24), nullable=True),
    sa.Column('first_seen', claimtrack.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('search_text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('published_at', claimtrack.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', claimtrack.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', claimtrack.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('checkworthiness >= 0 AND checkworthiness <= 1', name=op.f('ck_claim_checkworthiness')),
    sa.CheckConstraint('version >= 1', name=op.f('ck_claim_version')),
    sa.ForeignKeyConstraint(['assignee_id'], ['analyst.id'], name=op.f('fk_claim_assignee_id_analyst')),
    sa.ForeignKeyConstraint(['claimant_id'], ['actor.id'], name=op.f('fk_claim_claimant_id_actor')),
    sa.ForeignKeyConstraint(['investigator_id'], ['analyst.id'], name=op.f('fk_claim_investigator_id_analyst')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['claim.id'], name=op.f('fk_claim_merged_into_id_claim')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['analyst.id'], name=op.f('fk_claim_reviewer_id_analyst')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim'))
    )
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_claimant_id'), ['claimant_id'], unique=False)
        batch_op.create_index('ix_claim_first_seen_id', ['first_seen', 'id'], unique=False)
        batch_op.create_index('ix_claim_checkworthiness_id', ['checkworthiness', 'id'], unique=False)
        batch_op.create_index('ix_claim_verdict_id', ['verdict', 'id'], unique=False)
        batch_op.create_index('ix_claim_kind_id', ['kind', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_language'), ['language'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_merged_into_id'), ['merged_into_id'], unique=False)
        batch_op.create_index('ix_claim_state_id', ['state', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_updated_at'), ['updated_at'], unique=False)

    op.create_table('document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('published_precision', sa.Enum('year', 'month', 'day', name='published_precision', native_enum=False, create_constraint=True, length=24), nullable=True),
    sa.Column('byline', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('origin', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('origin_name', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('source_format', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('raw_path', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('meta', sa.JSON(), nullable=False),
    sa.Column('ingested_at', claimtrack.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ingested_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['ingested_by_id'], ['analyst.id'], name=op.f('fk_document_ingested_by_id_analyst')),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlet.id'], name=op.f('fk_document_outlet_id_outlet')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document'))
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_language'), ['language'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_origin_name'), ['origin_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_outlet_id'), ['outlet_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_sha256'), ['sha256'], unique=True)

    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', claimtrack.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('analyst_id', sa.Integer(), nullable=True),
    sa.Column('analyst_handle', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
    sa.Column('entity', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('claim_id', sa.Integer(), nullable=True),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('rationale', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('prev_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.ForeignKeyConstraint(['analyst_id'], ['analyst.id'], name=op.f('fk_event_analyst_id_analyst')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event')),
    sa.UniqueConstraint('hash', name=op.f('uq_event_hash'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_analyst_id'), ['analyst_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index('ix_event_entity_entity_id', ['entity', 'entity_id'], unique=False)

    op.create_table('appearance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('claimant_id', sa.Integer(), nullable=True),
    sa.Column('claimant_surface', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('cue', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('quote', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('prefix', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('suffix', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('direct_quote', sa.Boolean(), nullable=False),
    sa.Column('stated_on', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('stated_on_precision', sa.Enum('year', 'month', 'day', name='stated_on_precision', native_enum=False, create_constraint=True, length=24), nullable=True),
    sa.Column('extractor_version', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('created_at', claimtrack.models.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('confidence >= 0 AND confidence <= 1', name=op.f('ck_appearance_confidence')),
    sa.CheckConstraint('start >= 0 AND "end" >= start', name=op.f('ck_appearance_span')),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_appearance_claim_id_claim')),
    sa.ForeignKeyConstraint(['claimant_id'], ['actor.id'], name=op.f('fk_appearance_claimant_id_actor')),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_appearance_document_id_document')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appearance')),
    sa.UniqueConstraint('document_id', 'start', 'end', 'claimant_surface', name='uq_appearance_span')
    )
    with op.batch_alter_table('appearance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appearance_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appearance_claimant_id'), ['claimant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appearance_document_id'), ['document_id'], unique=False)

    op.create_table('claim_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('relation', sa.Enum('denies', 'contradicts', 'supports', 'repeats', 'duplicate_of', 'updates', name='link_relation', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('origin', sa.Enum('auto', 'manual', name='link_origin', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', claimtrack.models.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('source_id <> target_id', name=op.f('ck_claim_link_not_self')),
    sa.ForeignKeyConstraint(['created_by_id'], ['analyst.id'], name=op.f('fk_claim_link_created_by_id_analyst')),
    sa.ForeignKeyConstraint(['source_id'], ['claim.id'], name=op.f('fk_claim_link_source_id_claim')),
    sa.ForeignKeyConstraint(['target_id'], ['claim.id'], name=op.f('fk_claim_link_target_id_claim')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_link')),
    sa.UniqueConstraint('source_id', 'target_id', 'relation', name='uq_claim_link_triple')
    )
    with op.batch_alter_table('claim_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_link_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_link_target_id'), ['target_id'], unique=False)

    op.create_table('comment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('analyst_id', sa.Integer(), nullable=True),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', claimtrack.models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['analyst_id'], ['analyst.id'], name=op.f('fk_comment_analyst_id_analyst')),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_comment_claim_id_claim')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comment'))
    )
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comment_claim_id'), ['claim_id'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('kind', sa.Enum('document', 'url', 'file', 'note', 'image', 'dataset', name='evidence_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('file_path', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('excerpt', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('anchor', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('outlet_id', sa.Integer(), nullable=True),
    sa.Column('reliability', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
    sa.Column('credibility', sa.Integer(), nullable=False),
    sa.Column('retrieved_at', claimtrack.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', claimtrack.models.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("reliability IN ('A','B','C','D','E','F')", name=op.f('ck_evidence_reliability')),
    sa.CheckConstraint('credibility BETWEEN 1 AND 6', name=op.f('ck_evidence_credibility')),
    sa.ForeignKeyConstraint(['created_by_id'], ['analyst.id'], name=op.f('fk_evidence_created_by_id_analyst')),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_evidence_document_id_document')),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlet.id'], name=op.f('fk_evidence_outlet_id_outlet')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_document_id'), ['document_id'], unique=False)

    op.create_table('claim_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('stance', sa.Enum('supports', 'refutes', 'context', name='stance', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', claimtrack.models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_claim_evidence_claim_id_claim')),
    sa.ForeignKeyConstraint(['created_by_id'], ['analyst.id'], name=op.f('fk_claim_evidence_created_by_id_analyst')),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_claim_evidence_evidence_id_evidence')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_evidence')),
    sa.UniqueConstraint('claim_id', 'evidence_id', name='uq_claim_evidence_pair')
    )
    with op.batch_alter_table('claim_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_evidence_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_evidence_evidence_id'), ['evidence_id'], unique=False)

    search.install(op.get_bind())


def downgrade() -> None:
    search.uninstall(op.get_bind())
    with op.batch_alter_table('claim_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_evidence_evidence_id'))
        batch_op.drop_index(batch_op.f('ix_claim_evidence_claim_id'))

    op.drop_table('claim_evidence')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_document_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comment_claim_id'))

    op.drop_table('comment')
    with op.batch_alter_table('claim_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_link_target_id'))
        batch_op.drop_index(batch_op.f('ix_claim_link_source_id'))

    op.drop_table('claim_link')
    with op.batch_alter_table('appearance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appearance_document_id'))
        batch_op.drop_index(batch_op.f('ix_appearance_claimant_id'))
        batch_op.drop_index(batch_op.f('ix_appearance_claim_id'))

    op.drop_table('appearance')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index('ix_event_entity_entity_id')
        batch_op.drop_index(batch_op.f('ix_event_claim_id'))
        batch_op.drop_index(batch_op.f('ix_event_at'))
        batch_op.drop_index(batch_op.f('ix_event_analyst_id'))

    op.drop_table('event')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_sha256'))
        batch_op.drop_index(batch_op.f('ix_document_published'))
        batch_op.drop_index(batch_op.f('ix_document_outlet_id'))
        batch_op.drop_index(batch_op.f('ix_document_origin_name'))
        batch_op.drop_index(batch_op.f('ix_document_language'))

    op.drop_table('document')
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_updated_at'))
        batch_op.drop_index('ix_claim_state_id')
        batch_op.drop_index(batch_op.f('ix_claim_merged_into_id'))
        batch_op.drop_index(batch_op.f('ix_claim_language'))
        batch_op.drop_index('ix_claim_first_seen_id')
        batch_op.drop_index('ix_claim_checkworthiness_id')
        batch_op.drop_index('ix_claim_verdict_id')
        batch_op.drop_index('ix_claim_kind_id')
        batch_op.drop_index(batch_op.f('ix_claim_claimant_id'))
        batch_op.drop_index(batch_op.f('ix_claim_assignee_id'))

    op.drop_table('claim')
    with op.batch_alter_table('outlet', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outlet_name'))
        batch_op.drop_index(batch_op.f('ix_outlet_domain'))

    op.drop_table('outlet')
    with op.batch_alter_table('analyst', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_analyst_handle'))

    op.drop_table('analyst')
    with op.batch_alter_table('actor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actor_canonical_name'))
        batch_op.drop_index(batch_op.f('ix_actor_affiliation_id'))

    op.drop_table('actor')
