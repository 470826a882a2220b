"""The summary and trend counts updated in place on PostgreSQL: half of each page left free
(fillfactor 50) and no index on the count `n`, so that a refresh's additions are HOT updates,
and the partial indexes of the rows at zero dropped (an addition deletes the zeros its upsert
returns: app.adapters.db.summary_sql.add_to). Without them, every addition wrote an entry in
both indexes and left a dead row that only VACUUM takes away: with autovacuum off, a refresh's
upsert of 3,600 trend rows took 204 ms after 8 refreshes, 34 ms with HOT updates
(docs/decisions/0073-what-the-keepers-cost-an-ingest.md). SQLite keeps its partial
indexes and sweeps by them.

Revision ID: 0042_counts_updated_in_place
Revises: 0041_capture_planned_per_call
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0042_counts_updated_in_place"
down_revision: str | None = "0041_capture_planned_per_call"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("summary_counts", "trend_counts")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in _TABLES:
        op.drop_index(f"ix_{table}_tenant_id_zero", table_name=table)
        # New rows and pages leave half free; pages written before fill up as they are updated
        # and are pruned like the others.
        op.execute(f"ALTER TABLE {table} SET (fillfactor = 50)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in _TABLES:
        op.execute(f"ALTER TABLE {table} RESET (fillfactor)")
        op.create_index(
            f"ix_{table}_tenant_id_zero", table, ["tenant_id"], postgresql_where=sa.text("n = 0")
        )
