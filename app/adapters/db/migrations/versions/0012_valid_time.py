"""valid time: from when, in the school's time, each decision history entry holds

Revision ID: 0012_valid_time
Revises: 0011_job_queue
Create Date: 2026-12-03 18:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types

revision: str = '0012_valid_time'
down_revision: str | None = '0011_job_queue'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    # Entries recorded before this revision hold from when they were recorded (what reports
    # read until now); new entries hold from the latest observation they reflect.
    with op.batch_alter_table('decision_history') as batch:
        batch.add_column(sa.Column('valid_from', _INSTANT, nullable=True))
    op.execute('UPDATE decision_history SET valid_from = changed_at')
    with op.batch_alter_table('decision_history') as batch:
        batch.alter_column('valid_from', existing_type=_INSTANT, nullable=False)
        # As-of reads walk each decision's entries in the order they were recorded.
        batch.drop_index('ix_decision_history_tenant_framework_student_competency_at')
        batch.create_index(
            'ix_decision_history_tenant_framework_student_competency_seq',
            ['tenant_id', 'framework_id', 'student_id', 'competency_id', 'seq'],
        )


def downgrade() -> None:
    with op.batch_alter_table('decision_history') as batch:
        batch.drop_index('ix_decision_history_tenant_framework_student_competency_seq')
        batch.create_index(
            'ix_decision_history_tenant_framework_student_competency_at',
            ['tenant_id', 'framework_id', 'student_id', 'competency_id', 'changed_at'],
        )
        batch.drop_column('valid_from')
