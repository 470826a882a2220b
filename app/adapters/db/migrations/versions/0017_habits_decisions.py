"""habits-of-work decisions, stored apart from the academic ones

Revision ID: 0017_habits_decisions
Revises: 0016_competency_scale
Create Date: 2026-12-04 19:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = "0017_habits_decisions"
down_revision: str | None = "0016_competency_scale"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A table of its own rather than a kind in the decisions' key: the hot ingest path and
    # every academic report keep reading the same rows, and a framework without a habits
    # category has nothing here. Filled by the next change of policy or result (no backfill:
    # habits decisions were never stored before).
    op.create_table('habits_decisions',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.String(255), nullable=False),
    sa.Column('competency_id', sa.String(255), nullable=False),
    sa.Column('framework_id', sa.String(255), nullable=False),
    sa.Column('status', sa.String(24), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('level_value', sa.Float(), nullable=True),
    sa.Column('level_label', sa.String(), nullable=True),
    sa.Column('evidence_count', sa.Integer(), nullable=False),
    sa.Column('method', app.adapters.db.types.JsonValue, nullable=False),
    sa.Column('updated_at', app.adapters.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_habits_decisions_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'student_id', 'competency_id', name=op.f('pk_habits_decisions'))
    )
    op.create_index('ix_habits_decisions_tenant_id_framework_id_competency_id', 'habits_decisions', ['tenant_id', 'framework_id', 'competency_id', 'status', 'student_id'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        row_security.protect(bind, 'habits_decisions', 'integer')


def downgrade() -> None:
    op.drop_index('ix_habits_decisions_tenant_id_framework_id_competency_id', table_name='habits_decisions')
    op.drop_table('habits_decisions')
