"""The trend counts keep no row of a school and a grade at once: those trends are counted live
(docs/decisions/0061-trend-counts.md). Such rows, two thirds of the trend rows, are deleted.

Revision ID: 0037_trend_counts_uncrossed
Revises: 0036_trend_counts
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.adapters.db import row_security

revision: str = "0037_trend_counts_uncrossed"
down_revision: str | None = "0036_trend_counts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    row_security.open_to_all_tenants(bind)
    bind.execute(sa.text("DELETE FROM trend_counts WHERE school_id <> '' AND grade <> ''"))


def downgrade() -> None:
    bind = op.get_bind()
    row_security.open_to_all_tenants(bind)
    # The code before this revision reads such rows: every tenant's counts are built again.
    bind.execute(sa.text("UPDATE summary_refreshes SET built = false"))
