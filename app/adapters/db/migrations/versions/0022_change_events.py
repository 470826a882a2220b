"""The change feed's outbox: one row per change of a decision, of evidence or of the roster,
written in the change's own transaction (decision 0043).

Revision ID: 0022_change_events
Revises: 0021_gradebook_categories
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = "0022_change_events"
down_revision: str | None = "0021_gradebook_categories"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)
_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    # `xact` before `id`: PostgreSQL evaluates column defaults in column order, so the writing
    # transaction has its number before it draws an id (see the feed's horizon).
    op.create_table('change_events',
    sa.Column('xact', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(48), nullable=False),
    sa.Column('occurred_at', _INSTANT, nullable=False),
    sa.Column('student_id', sa.String(255), nullable=True),
    sa.Column('data', _JSON, nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_change_events_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_events'))
    )
    op.create_index('ix_change_events_tenant_id_xact_id', 'change_events', ['tenant_id', 'xact', 'id'])
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        op.execute(
            "ALTER TABLE change_events ALTER COLUMN xact "
            "SET DEFAULT (pg_current_xact_id()::text::bigint)"
        )
        row_security.protect(bind, 'change_events', 'integer')


def downgrade() -> None:
    op.drop_index('ix_change_events_tenant_id_xact_id', table_name='change_events')
    op.drop_table('change_events')
