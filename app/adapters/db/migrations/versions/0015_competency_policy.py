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
down_revision: str | None = '0013_canvas_method_names'  # re-chained onto main's head at the merge of main
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Frameworks made before this revision rolled scores up by the mean: that stays their kind.
    # A parent's own kind rides in its rollup JSON ("score"), which needs no column.
    with op.batch_alter_table('frameworks') as batch:
        batch.add_column(
            sa.Column(
                'rollup_score', sa.String(length=16), server_default='mean', nullable=False
            )
        )
    with op.batch_alter_table('competencies') as batch:
        batch.add_column(sa.Column('weight', sa.Float(), nullable=True))
        # Null: the nearest ancestor's, else the framework's (as a null calculation already is).
        batch.add_column(sa.Column('min_evidence', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('competencies') as batch:
        batch.drop_column('min_evidence')
        batch.drop_column('weight')
    with op.batch_alter_table('frameworks') as batch:
        batch.drop_column('rollup_score')
