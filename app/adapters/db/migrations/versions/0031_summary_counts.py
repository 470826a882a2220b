"""Summary counts maintained on write: the change queues the triggers fill, the counts, the
students' profiles they were counted under, and each tenant's refresh state (issue #14;
docs/decisions/0056-summary-counts.md)

Tenants that exist now get a refresh state saying their counts are yet to be built (the
refresher builds them from their decisions); a tenant created later starts with nothing to
count, and the triggers capture every decision it gets.

Revision ID: 0031_summary_counts
Revises: 0030_citus_keys
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security
from app.adapters.db.summary_capture import create_capture, drop_capture

revision: str = "0031_summary_counts"
down_revision: str | None = "0030_citus_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)
_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TABLES = (
    "decision_status_changes",
    "summary_roster_changes",
    "summary_counts",
    "summary_profiles",
    "summary_profile_stage",
    "summary_refreshes",
)


def _tenant(table: str) -> list[Any]:
    return [
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f(f"fk_{table}_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
    ]


def _queue_key(table: str) -> sa.PrimaryKeyConstraint:
    # PostgreSQL: (tenant_id, seq), as revision 0030 keys the other queues; SQLite keeps the
    # rowid key it autoincrements.
    postgres = op.get_bind().dialect.name == "postgresql"
    columns = ["tenant_id", "seq"] if postgres else ["seq"]
    return sa.PrimaryKeyConstraint(*columns, name=op.f(f"pk_{table}"))


def _profile(table: str) -> None:
    op.create_table(
        table,
        *_tenant(table),
        sa.Column("student_id", sa.String(length=255), nullable=False),
        sa.Column("school_id", sa.String(length=255), nullable=False),
        sa.Column("grade", sa.String(length=255), nullable=False),
        sa.Column("sex", sa.String(length=64), nullable=False),
        sa.Column("race_ethnicity", sa.String(length=64), nullable=False),
        sa.Column("english_learner", sa.String(length=8), nullable=False),
        sa.Column("special_education", sa.String(length=8), nullable=False),
        sa.Column("economically_disadvantaged", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant_id", "student_id", "school_id", "grade", name=op.f(f"pk_{table}")
        ),
    )


def upgrade() -> None:
    op.create_table(
        "decision_status_changes",
        sa.Column("seq", _SEQ, autoincrement=True, nullable=False),
        *_tenant("decision_status_changes"),
        sa.Column("framework_id", sa.String(length=255), nullable=False),
        sa.Column("student_id", sa.String(length=255), nullable=False),
        sa.Column("competency_id", sa.String(length=255), nullable=False),
        sa.Column("old_status", sa.String(length=24), nullable=True),
        sa.Column("new_status", sa.String(length=24), nullable=True),
        _queue_key("decision_status_changes"),
    )
    op.create_table(
        "summary_roster_changes",
        sa.Column("seq", _SEQ, autoincrement=True, nullable=False),
        *_tenant("summary_roster_changes"),
        _queue_key("summary_roster_changes"),
    )
    op.create_table(
        "summary_counts",
        *_tenant("summary_counts"),
        sa.Column("framework_id", sa.String(length=255), nullable=False),
        sa.Column("subgroup", sa.String(length=32), nullable=False),
        sa.Column("grade", sa.String(length=255), nullable=False),
        sa.Column("school_id", sa.String(length=255), nullable=False),
        sa.Column("subgroup_value", sa.String(length=64), nullable=False),
        sa.Column("competency_id", sa.String(length=255), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant_id",
            "framework_id",
            "subgroup",
            "grade",
            "school_id",
            "subgroup_value",
            "competency_id",
            "status",
            name=op.f("pk_summary_counts"),
        ),
    )
    op.create_index(
        "ix_summary_counts_tenant_id_zero",
        "summary_counts",
        ["tenant_id"],
        postgresql_where=sa.text("n = 0"),
        sqlite_where=sa.text("n = 0"),
    )
    _profile("summary_profiles")
    _profile("summary_profile_stage")
    op.create_table(
        "summary_refreshes",
        *_tenant("summary_refreshes"),
        sa.Column("built", sa.Boolean(), nullable=False),
        sa.Column("refreshed_at", _INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_summary_refreshes")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in _TABLES:
            row_security.protect(bind, table, "integer")
    row_security.open_to_all_tenants(bind)
    # Typed, so SQLite stores the instant as the column's type writes every other one.
    built_never = sa.text(
        "INSERT INTO summary_refreshes (tenant_id, built, refreshed_at) "
        "SELECT id, false, :at FROM tenants"
    ).bindparams(sa.bindparam("at", type_=_INSTANT))
    bind.execute(built_never, {"at": datetime(2000, 1, 1, tzinfo=UTC)})
    create_capture(bind)


def downgrade() -> None:
    drop_capture(op.get_bind())
    for table in reversed(_TABLES):
        if table == "summary_counts":
            op.drop_index("ix_summary_counts_tenant_id_zero", table_name=table)
        op.drop_table(table)
