"""evidence categories, weights and marks; a framework's categories and missing level

Revision ID: 0014_evidence_categories
Revises: 0013_canvas_method_names
Create Date: 2026-12-04 16:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types

revision: str = '0014_evidence_categories'
down_revision: str | None = '0013_canvas_method_names'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JSON = app.adapters.db.types.JsonValue


def _grading_columns() -> list[sa.Column[object]]:
    return [
        sa.Column('category', sa.String(length=255), nullable=True),
        sa.Column('weight', sa.Float(), nullable=True),
        sa.Column('mark', sa.String(length=16), nullable=True),
    ]


def upgrade() -> None:
    # Nullable columns without defaults: adding them rewrites no row on PostgreSQL, and every
    # stored result reads as uncategorised, of weight 1 and unmarked, as it counted before.
    for table in ('evidence', 'evidence_versions'):
        with op.batch_alter_table(table) as batch:
            for column in _grading_columns():
                batch.add_column(column)
    with op.batch_alter_table('frameworks') as batch:
        batch.add_column(
            sa.Column('categories', _JSON, nullable=False, server_default=sa.text("'[]'"))
        )
        batch.add_column(sa.Column('missing_level', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('frameworks') as batch:
        batch.drop_column('missing_level')
        batch.drop_column('categories')
    for table in ('evidence_versions', 'evidence'):
        with op.batch_alter_table(table) as batch:
            for column in ('mark', 'weight', 'category'):
                batch.drop_column(column)
