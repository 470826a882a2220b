"""Enrollments and demographics reach their tenant through the records they link, not through
a foreign key of their own to `tenants`.

Each enrollment already has a key (tenant_id, class_id) into classes and (tenant_id, user_id)
into users, and a demographics row (tenant_id, id) into users; those records' own keys into
`tenants` make the row's tenant a tenant. The key straight to `tenants` only checked it again,
once per row: a fifth of the first import's merge of 260,000 enrollments went to its trigger
(docs/decisions/0067-tenant-keys-by-parent.md). user_orgs and user_grades have always been so.

Revision ID: 0038_roster_tenant_by_parent
Revises: 0037_trend_counts_uncrossed
"""

from collections.abc import Sequence

from app.adapters.db.sqlite_rebuilds import add_tenant_keys, drop_tenant_keys

revision: str = "0038_roster_tenant_by_parent"
down_revision: str | None = "0037_trend_counts_uncrossed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("enrollments", "demographics")


def upgrade() -> None:
    # The summary capture's triggers on demographics were lost on SQLite here until 0039
    # (which makes them again where they are missing).
    drop_tenant_keys(TABLES)


def downgrade() -> None:
    add_tenant_keys(TABLES)
