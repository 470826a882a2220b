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
    # Plain ALTER TABLE (as 0005 and 0015), not a batch rebuild: other tables reference these,
    # and rebuilding a referenced SQLite table with rows breaks its foreign keys.
    for table in ('evidence', 'evidence_versions'):
        for column in _grading_columns():
            op.add_column(table, column)
    op.add_column(
        'frameworks',
        sa.Column('categories', _JSON, nullable=False, server_default=sa.text("'[]'")),
    )
    op.add_column('frameworks', sa.Column('missing_level', sa.Float(), nullable=True))


def downgrade() -> None:
    op.drop_column('frameworks', 'missing_level')
    op.drop_column('frameworks', 'categories')
    for table in ('evidence_versions', 'evidence'):
        for column in ('mark', 'weight', 'category'):
            op.drop_column(table, column)
