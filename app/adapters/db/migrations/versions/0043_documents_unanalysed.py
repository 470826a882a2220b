"""No planner statistics for the JSON documents the service stores and reads back whole, never
filtering on them: a decision's method, state and override (and their staged and snapshot
copies), a change event's data, an audit entry's before and after, a learning record's
statement and its competencies, an LTI launch's claims, a habits decision's method. ANALYZE
spent more than half of its time on them (the decisions of the ingest bench: 660-730 ms,
284-320 ms without; change events: 290-380 ms, 131-141 ms), and the server's statistics keeper
analyses a growing table at every 10% it grows
(docs/decisions/0073-what-the-keepers-cost-an-ingest.md). PostgreSQL only: SQLite's planner
keeps no column statistics here.

Revision ID: 0043_documents_unanalysed
Revises: 0042_counts_updated_in_place
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0043_documents_unanalysed"
down_revision: str | None = "0042_counts_updated_in_place"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DOCUMENTS = {
    "decisions": ("method", "state", "override"),
    "staged_decisions": ("method", "state", "override"),
    "snapshot_decisions": ("method", "state", "override"),
    "habits_decisions": ("method",),
    "change_events": ("data",),
    "audit_entries": ("before", "after"),
    "learning_records": ("body", "competency_ids"),
    "lti_launches": ("launch",),
}


def _set(target: int) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in DOCUMENTS.items():
        changes = ", ".join(f'ALTER COLUMN "{c}" SET STATISTICS {target}' for c in columns)
        op.execute(f"ALTER TABLE {table} {changes}")


def upgrade() -> None:
    _set(0)


def downgrade() -> None:
    _set(-1)  # the server's default_statistics_target
