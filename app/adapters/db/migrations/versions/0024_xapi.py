"""The learning records store: xAPI statements and Caliper events as received, with whom and
what each counts for (decision 0047-xapi-and-caliper).

Revision ID: 0024_xapi
Revises: 0023_grade_rules
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = "0024_xapi"
down_revision: str | None = "0023_grade_rules"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)
_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    op.create_table('learning_records',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(16), nullable=False),
    sa.Column('id', sa.String(255), nullable=False),
    sa.Column('stored_at', _INSTANT, nullable=False),
    sa.Column('client_id', sa.String(255), nullable=False),
    sa.Column('voided', sa.Boolean(), nullable=False),
    sa.Column('voids', sa.String(255), nullable=True),
    sa.Column('student_id', sa.String(255), nullable=True),
    sa.Column('competency_ids', _JSON, nullable=False),
    sa.Column('unmatched', sa.String(255), nullable=True),
    sa.Column('body', _JSON, nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_learning_records_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'kind', 'id', name=op.f('pk_learning_records'))
    )
    op.create_index('ix_learning_records_tenant_id_kind_stored_at', 'learning_records', ['tenant_id', 'kind', 'stored_at'])
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        row_security.protect(bind, 'learning_records', 'integer')


def downgrade() -> None:
    op.drop_index('ix_learning_records_tenant_id_kind_stored_at', table_name='learning_records')
    op.drop_table('learning_records')
