"""Keys that lead with tenant_id, so the schema can be distributed by tenant (Citus)

On PostgreSQL the append-only tables keyed by a sequence (evidence, decision history,
overrides, the audit trail, change events, webhook deliveries) take (tenant_id, seq|id) as
their primary key: a distributed table's primary and unique keys must include its distribution
column. The sequence still numbers rows uniquely across tenants. SQLite keeps its rowid keys:
the embedded database is one node, and only a single INTEGER PRIMARY KEY autoincrements there.

Issued credentials lose the unique constraint on their id alone (their primary key is already
(tenant_id, id); ids are random UUIDs) and get a plain index for the public lookup by id.

Revision ID: 0030_citus_keys
Revises: 0028_gradebook_scales
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0030_citus_keys"
down_revision: str | None = "0028_gradebook_scales"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Table -> its own sequence column.
SEQUENCED = {
    "evidence": "seq",
    "decision_history": "seq",
    "overrides": "seq",
    "audit_entries": "seq",
    "change_events": "id",
    "webhook_deliveries": "id",
}


def _primary_keys(leading: bool) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in SEQUENCED.items():
        op.drop_constraint(f"pk_{table}", table, type_="primary")
        columns = ["tenant_id", column] if leading else [column]
        op.create_primary_key(f"pk_{table}", table, columns)


def upgrade() -> None:
    _primary_keys(leading=True)
    with op.batch_alter_table("credentials") as table:
        table.drop_constraint("uq_credentials_id", type_="unique")
        table.create_index("ix_credentials_id", ["id"])


def downgrade() -> None:
    with op.batch_alter_table("credentials") as table:
        table.drop_index("ix_credentials_id")
        table.create_unique_constraint("uq_credentials_id", ["id"])
    _primary_keys(leading=False)
