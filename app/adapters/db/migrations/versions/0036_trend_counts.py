"""Trend counts maintained on write: the queue of history entries the trigger fills, the net
changes per summary key by day and month, and an index of the history by valid time (issue
#14; docs/decisions/0061-trend-counts.md)

Every tenant's counts are marked to be built again (summary_refreshes.built false): the
refresher builds the summary and the trend counts from its decisions and history.

Revision ID: 0036_trend_counts
Revises: 0035_history_partitions
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security
from app.adapters.db.trend_capture import create_capture, drop_capture

revision: str = "0036_trend_counts"
down_revision: str | None = "0035_history_partitions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)
_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TABLES = ("trend_history_changes", "trend_counts")
_HISTORY_INDEX = "ix_decision_history_tenant_id_framework_id_valid_from"


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


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    op.create_table(
        "trend_history_changes",
        sa.Column("seq", _SEQ, autoincrement=True, nullable=False),
        *_tenant("trend_history_changes"),
        sa.Column("framework_id", sa.String(length=255), nullable=False),
        sa.Column("student_id", sa.String(length=255), nullable=False),
        sa.Column("competency_id", sa.String(length=255), nullable=False),
        sa.Column("entry_seq", sa.BigInteger(), nullable=False),
        sa.Column("valid_from", _INSTANT, nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("sign", sa.SmallInteger(), nullable=False),
        # As revision 0031 keys its queues.
        sa.PrimaryKeyConstraint(
            *(["tenant_id", "seq"] if postgres else ["seq"]),
            name=op.f("pk_trend_history_changes"),
        ),
    )
    op.create_table(
        "trend_counts",
        *_tenant("trend_counts"),
        sa.Column("framework_id", sa.String(length=255), nullable=False),
        sa.Column("subgroup", sa.String(length=32), nullable=False),
        sa.Column("grain", sa.String(length=1), nullable=False),
        sa.Column("bucket", sa.String(length=10), nullable=False),
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
            "grain",
            "bucket",
            "grade",
            "school_id",
            "subgroup_value",
            "competency_id",
            "status",
            name=op.f("pk_trend_counts"),
        ),
    )
    op.create_index(
        "ix_trend_counts_tenant_id_zero",
        "trend_counts",
        ["tenant_id"],
        postgresql_where=sa.text("n = 0"),
        sqlite_where=sa.text("n = 0"),
    )
    op.create_index(
        _HISTORY_INDEX, "decision_history", ["tenant_id", "framework_id", "valid_from"]
    )
    if postgres:
        for table in _TABLES:
            row_security.protect(bind, table, "integer")
    row_security.open_to_all_tenants(bind)
    # Every tenant's history so far was not captured: built again, summary and trends.
    bind.execute(sa.text("DELETE FROM summary_refreshes"))
    rebuild = sa.text(
        "INSERT INTO summary_refreshes (tenant_id, built, refreshed_at) "
        "SELECT id, false, :at FROM tenants"
    ).bindparams(sa.bindparam("at", type_=_INSTANT))
    bind.execute(rebuild, {"at": datetime(2000, 1, 1, tzinfo=UTC)})
    create_capture(bind)


def downgrade() -> None:
    drop_capture(op.get_bind())
    op.drop_index(_HISTORY_INDEX, table_name="decision_history")
    op.drop_index("ix_trend_counts_tenant_id_zero", table_name="trend_counts")
    for table in reversed(_TABLES):
        op.drop_table(table)
