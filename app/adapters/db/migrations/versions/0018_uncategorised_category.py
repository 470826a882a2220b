"""the category a framework counts uncategorised results in, and the mapping of gradebook
(OneRoster) categories onto its categories

Revision ID: 0018_uncategorised_category
Revises: 0017_habits_decisions
Create Date: 2026-12-04 19:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types

_JSON = app.adapters.db.types.JsonValue

revision: str = "0018_uncategorised_category"
down_revision: str | None = "0017_habits_decisions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch rebuild: competencies, evidence and decisions reference
    # frameworks (see 0015). Null: uncategorised results do not count, as before.
    op.add_column(
        'frameworks', sa.Column('uncategorised_category', sa.String(length=255), nullable=True)
    )
    op.add_column('frameworks', sa.Column('category_map', _JSON, nullable=True))


def downgrade() -> None:
    op.drop_column('frameworks', 'category_map')
    op.drop_column('frameworks', 'uncategorised_category')
