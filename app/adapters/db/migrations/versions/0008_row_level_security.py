"""row level security: every tenant table forced behind its tenant's setting (PostgreSQL only)

Revision ID: 0008_row_level_security
Revises: 0007_gradebook
Create Date: 2026-12-03 11:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

from app.adapters.db import row_security

revision: str = '0008_row_level_security'
down_revision: str | None = '0007_gradebook'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # SQLite has no row-level security (docs/decisions/0012-row-level-security-and-logs.md).
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    # The tables are read from the database, not listed: every table with a tenant_id at
    # this revision. Tables added later are protected by their own migration.
    for table, tenant_type in row_security.tenant_tables(bind):
        row_security.protect(bind, table, tenant_type)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    for table, _ in row_security.tenant_tables(bind):
        row_security.unprotect(bind, table)
