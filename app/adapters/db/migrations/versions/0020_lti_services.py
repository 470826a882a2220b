"""LTI services: where a course's next roster pull starts (NRPS differences URL), and the last
score timestamp sent per LMS line item and student (AGS scores must be newer each time).

Revision ID: 0020_lti_services
Revises: 0019_lti
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = "0020_lti_services"
down_revision: str | None = "0019_lti"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSTANT = app.adapters.db.types.UTCDateTime(timezone=True)
_NEW_TABLES = ('lti_roster_pulls', 'lti_scores_sent')


def upgrade() -> None:
    op.create_table('lti_roster_pulls',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('issuer', sa.String(500), nullable=False),
    sa.Column('context_id', sa.String(255), nullable=False),
    sa.Column('differences_url', sa.String(2000), nullable=True),
    sa.Column('pulled_at', _INSTANT, nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_lti_roster_pulls_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'issuer', 'context_id', name=op.f('pk_lti_roster_pulls'))
    )
    op.create_table('lti_scores_sent',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('line_item_url', sa.String(2000), nullable=False),
    sa.Column('student_id', sa.String(255), nullable=False),
    sa.Column('sent_at', _INSTANT, nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_lti_scores_sent_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'line_item_url', 'student_id', name=op.f('pk_lti_scores_sent'))
    )
    # Tenant tables: behind row-level security like every other (decision 0012).
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        for table in _NEW_TABLES:
            row_security.protect(bind, table, 'integer')


def downgrade() -> None:
    op.drop_table('lti_scores_sent')
    op.drop_table('lti_roster_pulls')
