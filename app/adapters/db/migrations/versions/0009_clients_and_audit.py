"""clients carry a token version (revocation); the audit trail

Revision ID: 0009_clients_and_audit
Revises: 0008_row_level_security
Create Date: 2026-12-03 14:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = '0009_clients_and_audit'
down_revision: str | None = '0008_row_level_security'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('token_version', sa.Integer(), server_default='0', nullable=False)
        )
    op.create_table('audit_entries',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('at', app.adapters.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(255), nullable=False),
    sa.Column('kind', sa.String(32), nullable=False),
    sa.Column('subject', sa.String(600), nullable=False),
    sa.Column('student_id', sa.String(255), nullable=True),
    sa.Column('before', app.adapters.db.types.JsonValue, nullable=True),
    sa.Column('after', app.adapters.db.types.JsonValue, nullable=True),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_audit_entries_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entries_tenant_id_seq', ['tenant_id', 'seq'], unique=False)
        batch_op.create_index('ix_audit_entries_tenant_id_student_id', ['tenant_id', 'student_id'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        # A tenant table: behind row-level security like every other (decision 0012).
        row_security.protect(bind, 'audit_entries', 'integer')


def downgrade() -> None:
    op.drop_table('audit_entries')
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.drop_column('token_version')
