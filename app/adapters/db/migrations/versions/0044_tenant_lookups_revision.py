"""The tenant's lookups revision: a token every write of CASE associations or grading-term
closes changes, read by the owners query every batch of results makes, so that the crosswalk's
exact matches and the open reassessment windows are answered from memory while it is unchanged
(app.adapters.db.lookups, docs/decisions/0076-lookups-kept-by-revision.md). Existing tenants
start at a random token, as the service's new ones do (two databases' tenant 1 never share one).

Revision ID: 0044_tenant_lookups_revision
Revises: 0043_documents_unanalysed
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0044_tenant_lookups_revision"
down_revision: str | None = "0043_documents_unanalysed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "tenants", sa.Column("lookups_revision", sa.String(32), server_default="", nullable=False)
    )
    random = {
        "postgresql": "md5(random()::text || clock_timestamp()::text || id::text)",
        "sqlite": "lower(hex(randomblob(16)))",
    }[op.get_bind().dialect.name]
    op.execute(f"UPDATE tenants SET lookups_revision = {random}")


def downgrade() -> None:
    # Not a batch operation: on SQLite that copies the table and drops the old one, and
    # dropping `tenants` deletes every row that refers to it (ON DELETE CASCADE). SQLite has
    # dropped columns in place since 3.35.
    op.execute("ALTER TABLE tenants DROP COLUMN lookups_revision")
