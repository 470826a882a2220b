"""OneRoster gradebook score scales PUT by a vendor (the consumer's scoreScales).

Revision ID: 0028_gradebook_scales
Revises: 0026_credentials
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = "0028_gradebook_scales"
down_revision: str | None = "0026_credentials"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table('gradebook_score_scales',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(255), nullable=False),
    sa.Column('status', sa.String(16), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('type', sa.String(), nullable=False),
    sa.Column('class_id', sa.String(255), nullable=False),
    sa.Column('course_id', sa.String(255), nullable=True),
    sa.Column('score_scale_values', app.adapters.db.types.JsonValue, nullable=False),
    sa.Column('vendor_metadata', app.adapters.db.types.JsonValue, nullable=True),
    sa.Column('updated_at', _INSTANT, nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_gradebook_score_scales_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_gradebook_score_scales'))
    )
    # A tenant table: behind row-level security like every other (decision 0012).
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        row_security.protect(bind, 'gradebook_score_scales', 'integer')


def downgrade() -> None:
    op.drop_table('gradebook_score_scales')
