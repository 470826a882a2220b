"""a competency's own scale (levels, mastery threshold, bands) and mastery threshold

Revision ID: 0016_competency_scale
Revises: 0015_competency_policy
Create Date: 2026-12-04 19:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types

revision: str = '0016_competency_scale'
down_revision: str | None = '0015_competency_policy'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch rebuild (as 0015): evidence and decisions reference
    # competencies, and rebuilding a referenced table breaks their foreign keys on SQLite.
    # Null: the nearest ancestor's, else the framework's, which is what every competency
    # stored before this revision had.
    op.add_column('competencies', sa.Column('scale', app.adapters.db.types.JsonValue, nullable=True))
    op.add_column('competencies', sa.Column('mastery_threshold', sa.Float(), nullable=True))


def downgrade() -> None:
    op.drop_column('competencies', 'mastery_threshold')
    op.drop_column('competencies', 'scale')
