"""reporting: indexes for reports and trends

Revision ID: 0006_reporting
Revises: 0005_case
Create Date: 2026-11-24 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006_reporting'
down_revision: str | None = '0005_case'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Reports first let expired overrides stop showing; only decisions with an expiry are
    # indexed, so finding them costs nothing on 10M rows.
    op.create_index(
        'ix_decisions_tenant_id_override_expires_at',
        'decisions',
        ['tenant_id', 'override_expires_at'],
        postgresql_where=sa.text('override_expires_at IS NOT NULL'),
        sqlite_where=sa.text('override_expires_at IS NOT NULL'),
    )
    # Trends take each decision's last entry before a cut, in one ordered pass per framework.
    op.create_index(
        'ix_decision_history_tenant_framework_student_competency_at',
        'decision_history',
        ['tenant_id', 'framework_id', 'student_id', 'competency_id', 'changed_at'],
    )


def downgrade() -> None:
    op.drop_index(
        'ix_decision_history_tenant_framework_student_competency_at', table_name='decision_history'
    )
    op.drop_index('ix_decisions_tenant_id_override_expires_at', table_name='decisions')
