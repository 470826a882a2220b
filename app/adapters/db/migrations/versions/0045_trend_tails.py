"""Where each trend drain began each decision's history, and what the next one may begin from
(issue #14; docs/decisions/0084-trend-tails-kept.md): a row per decision a drain has touched.
Empty at first: each decision's first drain since reads its entries as before.

Revision ID: 0045_trend_tails
Revises: 0044_tenant_lookups_revision
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = "0045_trend_tails"
down_revision: str | None = "0044_tenant_lookups_revision"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "trend_tails",
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("framework_id", sa.String(length=255), nullable=False),
        sa.Column("student_id", sa.String(length=255), nullable=False),
        sa.Column("competency_id", sa.String(length=255), nullable=False),
        sa.Column("from_seq", sa.BigInteger(), nullable=False),
        sa.Column("carried", _INSTANT, nullable=True),
        sa.Column("last_seq", sa.BigInteger(), nullable=True),
        sa.Column("held_from", _INSTANT, nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_trend_tails_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "tenant_id", "framework_id", "student_id", "competency_id", name=op.f("pk_trend_tails")
        ),
        # Rewritten in place by every drain that touches the decision (as the counts are).
        postgresql_with={"fillfactor": 50},
    )
    if bind.dialect.name == "postgresql":
        row_security.protect(bind, "trend_tails", "integer")


def downgrade() -> None:
    op.drop_table("trend_tails")
