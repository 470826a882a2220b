"""The summary and trend captures' trigger functions plan their statements at each call, with
the transition tables' real sizes, not once per connection at their first call: after a first
update of one decision, an ingest batch's 1,100 decisions were joined to their old rows in a
nested loop, 86 of the statement's 102 ms
(docs/decisions/0072-transition-tables-planned-per-call.md). PostgreSQL only: SQLite's
triggers are row-level.

Revision ID: 0041_capture_planned_per_call
Revises: 0040_roster_links_by_statement
"""

from collections.abc import Sequence

from alembic import op

from app.adapters.db import summary_capture, trend_capture

revision: str = "0041_capture_planned_per_call"
down_revision: str | None = "0040_roster_links_by_statement"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _replace(*, per_call: bool) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for capture in (summary_capture, trend_capture):
        for function in capture.capture_functions(per_call=per_call):
            op.get_bind().exec_driver_sql(function)


def upgrade() -> None:
    _replace(per_call=True)


def downgrade() -> None:
    _replace(per_call=False)
