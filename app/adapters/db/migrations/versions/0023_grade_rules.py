"""a framework's grade rules: how proficiency on its standards becomes a course grade, as the
district wrote them (decision 0045)

Revision ID: 0023_grade_rules
Revises: 0022_change_events
Create Date: 2026-12-04 23:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types

revision: str = "0023_grade_rules"
down_revision: str | None = "0022_change_events"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch rebuild: other tables reference frameworks (see 0015).
    op.add_column('frameworks', sa.Column('grade_rules', sa.Text(), nullable=True))
    op.add_column(
        'frameworks',
        sa.Column(
            'grade_rules_updated_at',
            app.adapters.db.types.UTCDateTime(timezone=True),
            nullable=True,
        ),
    )


def downgrade() -> None:
    op.drop_column('frameworks', 'grade_rules_updated_at')
    op.drop_column('frameworks', 'grade_rules')
