"""The tables that record what happened to another row take their tenant from that row, not
from a foreign key of their own to `tenants`: decision history, decision status changes, trend
history changes, change events and evidence versions.

Each is written in the same transaction as the row it records (the decision, the evidence, the
roster record), by the same statement or its trigger, and that row has its key to `tenants`.
The key only checked again, once per row written, what the recorded row had just been checked
for: one trigger per history entry, status change, trend change and event, about five per
result ingested, and 1.2 million on a first import of a million enrollments
(docs/decisions/0070-log-tables-tenant-by-row.md).

Revision ID: 0039_logs_tenant_by_row
Revises: 0038_roster_tenant_by_parent
"""

from collections.abc import Sequence

from alembic import op

from app.adapters.db.sqlite_rebuilds import add_tenant_keys, drop_tenant_keys
from app.adapters.db.summary_capture import restore_missing_capture

revision: str = "0039_logs_tenant_by_row"
down_revision: str | None = "0038_roster_tenant_by_parent"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "decision_history",
    "decision_status_changes",
    "trend_history_changes",
    "change_events",
    "evidence_versions",
)


def upgrade() -> None:
    drop_tenant_keys(TABLES)
    # A SQLite database that went through 0038 before it kept triggers lost the summary
    # capture's on demographics: they are made again, and every roster compared again.
    restore_missing_capture(op.get_bind())


def downgrade() -> None:
    add_tenant_keys(TABLES)
