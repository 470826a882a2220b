"""OneRoster gradebook categories as vendors PUT them: their title puts a line item's results
in a framework category (by the framework's category_map, or by name).

Revision ID: 0021_gradebook_categories
Revises: 0020_lti_services
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = "0021_gradebook_categories"
down_revision: str | None = "0020_lti_services"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table('gradebook_categories',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(255), nullable=False),
    sa.Column('status', sa.String(16), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('weight', sa.Float(), nullable=True),
    sa.Column('vendor_metadata', app.adapters.db.types.JsonValue, nullable=True),
    sa.Column('updated_at', _INSTANT, nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_gradebook_categories_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f('pk_gradebook_categories'))
    )
    # A tenant table: behind row-level security like every other (decision 0012).
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        row_security.protect(bind, 'gradebook_categories', 'integer')


def downgrade() -> None:
    op.drop_table('gradebook_categories')
