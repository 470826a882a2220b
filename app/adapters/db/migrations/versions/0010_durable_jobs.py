"""durable jobs: a job's arguments and attempts on its row; pending policy revisions and
their staged decisions

Revision ID: 0010_durable_jobs
Revises: 0009_clients_and_audit
Create Date: 2026-12-03 14:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = '0010_durable_jobs'
down_revision: str | None = "0009_clients_and_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JSON = app.adapters.db.types.JsonValue
_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)
_NEW_TABLES = ('policy_revisions', 'staged_decisions')


def upgrade() -> None:
    # Jobs queued before this revision had closures, lost with their process: they keep `{}`
    # and, found unfinished at start-up, fail for want of their arguments.
    with op.batch_alter_table('jobs') as batch:
        batch.add_column(sa.Column('arguments', _JSON, nullable=False, server_default='{}'))
        batch.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
    op.create_table('policy_revisions',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('framework_id', sa.String(255), nullable=False),
    sa.Column('id', sa.String(64), nullable=False),
    sa.Column('framework', _JSON, nullable=False),
    sa.Column('begun_at', _INSTANT, nullable=False),
    sa.Column('students_through', sa.String(255), nullable=True),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_policy_revisions_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'framework_id', name=op.f('pk_policy_revisions'))
    )
    op.create_table('staged_decisions',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.String(255), nullable=False),
    sa.Column('competency_id', sa.String(255), nullable=False),
    sa.Column('framework_id', sa.String(255), nullable=False),
    sa.Column('status', sa.String(24), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('level_value', sa.Float(), nullable=True),
    sa.Column('level_label', sa.String(), nullable=True),
    sa.Column('computed_status', sa.String(24), nullable=False),
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
    sa.Column('revision_id', sa.String(64), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_staged_decisions_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'student_id', 'competency_id', 'revision_id', name=op.f('pk_staged_decisions'))
    )
    op.create_index('ix_staged_decisions_tenant_id_revision_id_student_id', 'staged_decisions', ['tenant_id', 'revision_id', 'student_id'], unique=False)
    # Tenant tables: behind row-level security like every other (decision 0012).
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        for table in _NEW_TABLES:
            row_security.protect(bind, table, 'integer')


def downgrade() -> None:
    op.drop_index('ix_staged_decisions_tenant_id_revision_id_student_id', table_name='staged_decisions')
    op.drop_table('staged_decisions')
    op.drop_table('policy_revisions')
    with op.batch_alter_table('jobs') as batch:
        batch.drop_column('attempts')
        batch.drop_column('arguments')
