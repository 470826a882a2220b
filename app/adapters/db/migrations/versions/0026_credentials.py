"""Open Badges 3.0 / CLR 2.0: issued credentials and the issuer's keys

Revision ID: 0026_credentials
Revises: 0025_webhooks
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = "0026_credentials"
down_revision: str | None = "0025_webhooks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table('credentials',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('student_id', sa.String(length=255), nullable=False),
    sa.Column('competency_id', sa.String(length=255), nullable=True),
    sa.Column('kid', sa.String(length=64), nullable=False),
    sa.Column('jws', sa.Text(), nullable=False),
    sa.Column('issued_at', _INSTANT, nullable=False),
    sa.Column('revoked_at', _INSTANT, nullable=True),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_credentials_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_credentials')),
    sa.UniqueConstraint('id', name=op.f('uq_credentials_id')),
    )
    op.create_index('ix_credentials_tenant_id_student_id', 'credentials', ['tenant_id', 'student_id'])
    op.create_table('credential_issuer_keys',
    sa.Column('kid', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('public_jwk', app.adapters.db.types.JsonValue, nullable=False),
    sa.Column('sealed_private_key', sa.Text(), nullable=False),
    sa.Column('created_at', _INSTANT, nullable=False),
    sa.PrimaryKeyConstraint('kid', name=op.f('pk_credential_issuer_keys')),
    )
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        row_security.protect(bind, 'credentials', 'integer')


def downgrade() -> None:
    op.drop_table('credential_issuer_keys')
    op.drop_index('ix_credentials_tenant_id_student_id', table_name='credentials')
    op.drop_table('credentials')
