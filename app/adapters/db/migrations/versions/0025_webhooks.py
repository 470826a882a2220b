"""Webhook subscriptions, each holding its change feed position, and their delivery log.

Revision ID: 0025_webhooks
Revises: 0024_xapi
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = "0025_webhooks"
down_revision: str | None = "0024_xapi"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)
_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    op.create_table('webhook_subscriptions',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(64), nullable=False),
    sa.Column('url', sa.String(2000), nullable=False),
    sa.Column('description', sa.String(500), nullable=True),
    sa.Column('event_types', _JSON, nullable=False),
    sa.Column('filters', _JSON, nullable=False),
    sa.Column('status', sa.String(16), nullable=False),
    sa.Column('secret_sealed', sa.Text(), nullable=False),
    sa.Column('previous_secret_sealed', sa.Text(), nullable=True),
    sa.Column('rotated_at', _INSTANT, nullable=True),
    sa.Column('created_at', _INSTANT, nullable=False),
    sa.Column('position_xact', sa.BigInteger(), nullable=False),
    sa.Column('position_id', sa.BigInteger(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('failing_since', _INSTANT, nullable=True),
    sa.Column('next_attempt_at', _INSTANT, nullable=True),
    sa.Column('disabled_at', _INSTANT, nullable=True),
    sa.Column('leased_until', _INSTANT, nullable=True),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_webhook_subscriptions_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_webhook_subscriptions'))
    )
    op.create_table('webhook_deliveries',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.String(64), nullable=False),
    sa.Column('message_id', sa.String(64), nullable=False),
    sa.Column('event_ids', _JSON, nullable=False),
    sa.Column('attempt', sa.Integer(), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(16), nullable=False),
    sa.Column('error', sa.String(500), nullable=True),
    sa.Column('duration_ms', sa.Integer(), nullable=False),
    sa.Column('at', _INSTANT, nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'subscription_id'], ['webhook_subscriptions.tenant_id', 'webhook_subscriptions.id'], name='fk_webhook_deliveries_subscription', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_webhook_deliveries_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_deliveries'))
    )
    op.create_index('ix_webhook_deliveries_tenant_id_subscription_id_id', 'webhook_deliveries', ['tenant_id', 'subscription_id', 'id'])
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        row_security.protect(bind, 'webhook_subscriptions', 'integer')
        row_security.protect(bind, 'webhook_deliveries', 'integer')


def downgrade() -> None:
    op.drop_index('ix_webhook_deliveries_tenant_id_subscription_id_id', table_name='webhook_deliveries')
    op.drop_table('webhook_deliveries')
    op.drop_table('webhook_subscriptions')
