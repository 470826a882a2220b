"""Grading terms: closes of terms and grading periods, and their frozen snapshots

Revision ID: 0027_grading_terms
Revises: 0026_credentials
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = "0027_grading_terms"
down_revision: str | None = "0026_credentials"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)
_JSON = app.adapters.db.types.JsonValue


def upgrade() -> None:
    op.create_table('term_closes',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.String(length=255), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('closed_at', _INSTANT, nullable=False),
    sa.Column('closed_by', sa.String(length=255), nullable=False),
    sa.Column('ends_at', _INSTANT, nullable=False),
    sa.Column('reassessment_until', _INSTANT, nullable=True),
    sa.Column('decisions', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_term_closes_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'session_id', name=op.f('pk_term_closes')),
    )
    op.create_index('ix_term_closes_tenant_id_reassessment_until', 'term_closes', ['tenant_id', 'reassessment_until'])
    op.create_table('snapshot_decisions',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.String(length=255), nullable=False),
    sa.Column('competency_id', sa.String(length=255), nullable=False),
    sa.Column('framework_id', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('level_value', sa.Float(), nullable=True),
    sa.Column('level_label', sa.String(), nullable=True),
    sa.Column('computed_status', sa.String(length=24), nullable=False),
    sa.Column('computed_score', sa.Float(), nullable=True),
    sa.Column('computed_level_value', sa.Float(), nullable=True),
    sa.Column('computed_level_label', sa.String(), nullable=True),
    sa.Column('evidence_count', sa.Integer(), nullable=False),
    sa.Column('method', _JSON, nullable=False),
    sa.Column('state', _JSON, nullable=True),
    sa.Column('override', _JSON, nullable=True),
    sa.Column('override_expires_at', _INSTANT, nullable=True),
    sa.Column('next_score_to_master', sa.Float(), nullable=True),
    sa.Column('updated_at', _INSTANT, nullable=False),
    sa.Column('session_id', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_snapshot_decisions_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'student_id', 'competency_id', 'session_id', name=op.f('pk_snapshot_decisions')),
    )
    op.create_index('ix_snapshot_decisions_tenant_session_student_competency', 'snapshot_decisions', ['tenant_id', 'session_id', 'student_id', 'competency_id'])
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        for table in ('term_closes', 'snapshot_decisions'):
            row_security.protect(bind, table, 'integer')


def downgrade() -> None:
    op.drop_index('ix_snapshot_decisions_tenant_session_student_competency', table_name='snapshot_decisions')
    op.drop_table('snapshot_decisions')
    op.drop_index('ix_term_closes_tenant_id_reassessment_until', table_name='term_closes')
    op.drop_table('term_closes')
