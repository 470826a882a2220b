"""competency policy: how a parent's score rolls up (per framework), each child's weight, and
a competency's own minimum evidence

Revision ID: 0015_competency_policy
Revises: 0013_canvas_method_names
Create Date: 2026-12-04 16:15:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015_competency_policy'
down_revision: str | None = '0014_evidence_categories'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE ... ADD COLUMN (and DROP COLUMN below, SQLite 3.35+), as 0005 does,
    # not a batch rebuild: competencies, evidence and decisions reference these tables, and
    # rebuilding a referenced table with rows in it breaks their foreign keys on SQLite.
    # Frameworks made before this revision rolled scores up by the mean: that stays their kind.
    # A parent's own kind rides in its rollup JSON ("score"), which needs no column.
    op.add_column(
        'frameworks',
        sa.Column('rollup_score', sa.String(length=16), server_default='mean', nullable=False),
    )
    op.add_column('competencies', sa.Column('weight', sa.Float(), nullable=True))
    # Null: the nearest ancestor's, else the framework's (as a null calculation already is).
    op.add_column('competencies', sa.Column('min_evidence', sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column('competencies', 'min_evidence')
    op.drop_column('competencies', 'weight')
    op.drop_column('frameworks', 'rollup_score')
