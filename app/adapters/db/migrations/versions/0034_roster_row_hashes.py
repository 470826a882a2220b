"""Each roster record keeps the fingerprint of the source row that last wrote it
(`source_hash`), so that an import sending the same rows again finds them unchanged without
reading them: nightly SIS syncs send the whole roster every night. NULL where another path wrote
the record (the API, a retirement): such a record is always read and compared again.

Revision ID: 0034_roster_row_hashes
Revises: 0031_summary_counts
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0034_roster_row_hashes"
down_revision: str | None = "0031_summary_counts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROSTER_TABLES = (
    "orgs",
    "academic_sessions",
    "courses",
    "classes",
    "users",
    "enrollments",
    "demographics",
)


def upgrade() -> None:
    for table in ROSTER_TABLES:
        # Nullable, no default: PostgreSQL adds it without rewriting the table.
        op.add_column(table, sa.Column("source_hash", sa.String(32), nullable=True))


def downgrade() -> None:
    for table in ROSTER_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("source_hash")
