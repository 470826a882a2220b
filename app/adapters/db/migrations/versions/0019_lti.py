"""LTI 1.3 tool: platforms and deployments, tool keys, login state and nonces, LTI users,
verified launches

Revision ID: 0019_lti
Revises: 0018_uncategorised_category
Create Date: 2026-12-04 19:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = "0019_lti"
down_revision: str | None = "0018_uncategorised_category"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)
# Behind row-level security like every table with a tenant (decision 0012).
_TENANT_TABLES = (
    'lti_platforms', 'lti_deployments', 'lti_users', 'lti_launches', 'lti_registration_tokens'
)


def _tenant() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column('tenant_id', sa.Integer(), nullable=False)


def _tenant_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ['tenant_id'], ['tenants.id'], name=op.f(f'fk_{table}_tenant_id_tenants'),
        ondelete='CASCADE',
    )


def upgrade() -> None:
    op.create_table('lti_platforms',
    _tenant(),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('issuer', sa.String(length=255), nullable=False),
    sa.Column('client_id', sa.String(length=255), nullable=False),
    sa.Column('auth_login_url', sa.String(length=2048), nullable=False),
    sa.Column('token_url', sa.String(length=2048), nullable=False),
    sa.Column('token_audience', sa.String(length=2048), nullable=True),
    sa.Column('jwks_url', sa.String(length=2048), nullable=False),
    sa.Column('created_at', _INSTANT, nullable=False),
    _tenant_fk('lti_platforms'),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_lti_platforms')),
    sa.UniqueConstraint('issuer', 'client_id', name=op.f('uq_lti_platforms_issuer_client_id')),
    )
    op.create_table('lti_deployments',
    _tenant(),
    sa.Column('platform_id', sa.String(length=64), nullable=False),
    sa.Column('deployment_id', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(
        ['tenant_id', 'platform_id'], ['lti_platforms.tenant_id', 'lti_platforms.id'],
        name=op.f('fk_lti_deployments_tenant_id_platform_id_lti_platforms'), ondelete='CASCADE',
    ),
    _tenant_fk('lti_deployments'),
    sa.PrimaryKeyConstraint('tenant_id', 'platform_id', 'deployment_id', name=op.f('pk_lti_deployments')),
    sa.UniqueConstraint('platform_id', 'deployment_id', name=op.f('uq_lti_deployments_platform_id_deployment_id')),
    )
    op.create_table('lti_users',
    _tenant(),
    sa.Column('issuer', sa.String(length=255), nullable=False),
    sa.Column('sub', sa.String(length=255), nullable=False),
    sa.Column('person_id', sa.String(length=255), nullable=False),
    sa.Column('roles', app.adapters.db.types.JsonValue, nullable=False),
    sa.Column('seen_at', _INSTANT, nullable=False),
    _tenant_fk('lti_users'),
    sa.PrimaryKeyConstraint('tenant_id', 'issuer', 'sub', name=op.f('pk_lti_users')),
    )
    op.create_table('lti_launches',
    _tenant(),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('launch', app.adapters.db.types.JsonValue, nullable=False),
    sa.Column('expires_at', _INSTANT, nullable=False),
    _tenant_fk('lti_launches'),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_lti_launches')),
    )
    op.create_index('ix_lti_launches_expires_at', 'lti_launches', ['expires_at'])
    op.create_table('lti_tool_keys',
    sa.Column('kid', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('public_jwk', app.adapters.db.types.JsonValue, nullable=False),
    sa.Column('sealed_private_key', sa.Text(), nullable=False),
    sa.Column('created_at', _INSTANT, nullable=False),
    sa.PrimaryKeyConstraint('kid', name=op.f('pk_lti_tool_keys')),
    )
    op.create_table('lti_states',
    sa.Column('state', sa.String(length=128), nullable=False),
    sa.Column('platform_id', sa.String(length=64), nullable=False),
    sa.Column('binding', sa.String(length=64), nullable=False),
    sa.Column('expires_at', _INSTANT, nullable=False),
    sa.PrimaryKeyConstraint('state', name=op.f('pk_lti_states')),
    )
    op.create_index('ix_lti_states_expires_at', 'lti_states', ['expires_at'])
    op.create_table('lti_registration_tokens',
    _tenant(),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('expires_at', _INSTANT, nullable=False),
    _tenant_fk('lti_registration_tokens'),
    sa.PrimaryKeyConstraint('digest', name=op.f('pk_lti_registration_tokens')),
    )
    op.create_index(
        'ix_lti_registration_tokens_tenant_id', 'lti_registration_tokens', ['tenant_id']
    )
    op.create_table('lti_nonces',
    sa.Column('nonce', sa.String(length=128), nullable=False),
    sa.Column('expires_at', _INSTANT, nullable=False),
    sa.PrimaryKeyConstraint('nonce', name=op.f('pk_lti_nonces')),
    )
    op.create_index('ix_lti_nonces_expires_at', 'lti_nonces', ['expires_at'])
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        for table in _TENANT_TABLES:
            row_security.protect(bind, table, 'integer')


def downgrade() -> None:
    for table in ('lti_nonces', 'lti_registration_tokens', 'lti_states', 'lti_tool_keys', 'lti_launches', 'lti_users',
                  'lti_deployments', 'lti_platforms'):
        op.drop_table(table)
