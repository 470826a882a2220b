"""On PostgreSQL, the roster's links to classes and users (an enrollment's class and user, a
demographics row's user, a user's schools and grades) are checked by triggers, set-wise per
statement, in place of foreign keys checked row by row: about 23 of the 35 seconds of a first
import's million enrollments (docs/decisions/0071-roster-links-by-statement.md). SQLite keeps
its foreign keys.

Revision ID: 0040_roster_links_by_statement
Revises: 0039_logs_tenant_by_row
"""

from collections.abc import Sequence

from alembic import op

from app.adapters.db.roster_links import check_by_keys, check_by_statement

revision: str = "0040_roster_links_by_statement"
down_revision: str | None = "0039_logs_tenant_by_row"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        check_by_statement(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        check_by_keys(op.get_bind())
