"""OneRoster gradebook score scales, assessment line items and assessment results PUT by a vendor
(the consumer's scoreScales, assessmentLineItems and assessmentResults).

Revision ID: 0028_gradebook_scales
Revises: 0027_grading_terms
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types
from app.adapters.db import row_security

revision: str = "0028_gradebook_scales"
down_revision: str | None = "0027_grading_terms"
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
    # Assessment line items and results: the columns of line items and results, their own
    # tables (their sourcedIds are a namespace of their own).
    items = 'gradebook_assessment_line_items'
    op.create_table(items,
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(255), nullable=False),
    sa.Column('status', sa.String(16), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('description', sa.String(), nullable=True),
    sa.Column('class_id', sa.String(255), nullable=False),
    sa.Column('school_id', sa.String(255), nullable=True),
    sa.Column('category_id', sa.String(255), nullable=True),
    sa.Column('score_scale_id', sa.String(255), nullable=True),
    sa.Column('assign_date', _INSTANT, nullable=True),
    sa.Column('due_date', _INSTANT, nullable=True),
    sa.Column('result_value_min', sa.Float(), nullable=True),
    sa.Column('result_value_max', sa.Float(), nullable=True),
    sa.Column('objective_sets', app.adapters.db.types.JsonValue, nullable=False),
    sa.Column('vendor_metadata', app.adapters.db.types.JsonValue, nullable=True),
    sa.Column('updated_at', _INSTANT, nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f(f'fk_{items}_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f(f'pk_{items}'))
    )
    op.create_index(f'ix_{items}_tenant_id_class_id', items, ['tenant_id', 'class_id'])
    results = 'gradebook_assessment_results'
    op.create_table(results,
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(255), nullable=False),
    sa.Column('status', sa.String(16), nullable=False),
    sa.Column('line_item_id', sa.String(255), nullable=False),
    sa.Column('student_id', sa.String(255), nullable=False),
    sa.Column('class_id', sa.String(255), nullable=True),
    sa.Column('score_scale_id', sa.String(255), nullable=True),
    sa.Column('score_status', sa.String(24), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('text_score', sa.String(), nullable=True),
    sa.Column('score_date', _INSTANT, nullable=False),
    sa.Column('date_only', sa.Boolean(), nullable=False),
    sa.Column('comment', sa.String(), nullable=True),
    sa.Column('objective_results', app.adapters.db.types.JsonValue, nullable=False),
    sa.Column('in_progress', sa.Boolean(), nullable=True),
    sa.Column('incomplete', sa.Boolean(), nullable=True),
    sa.Column('late', sa.Boolean(), nullable=True),
    sa.Column('missing', sa.Boolean(), nullable=True),
    sa.Column('vendor_metadata', app.adapters.db.types.JsonValue, nullable=True),
    sa.Column('report', app.adapters.db.types.JsonValue, nullable=True),
    sa.Column('updated_at', _INSTANT, nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'line_item_id'], [f'{items}.tenant_id', f'{items}.id'], name=op.f(f'fk_{results}_tenant_id_line_item_id_{items}')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f(f'fk_{results}_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'id', name=op.f(f'pk_{results}'))
    )
    for column in ('class_id', 'line_item_id', 'student_id'):
        op.create_index(f'ix_{results}_tenant_id_{column}', results, ['tenant_id', column])
    # Tenant tables: behind row-level security like every other (decision 0012).
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        for table in ('gradebook_score_scales', items, results):
            row_security.protect(bind, table, 'integer')


def downgrade() -> None:
    op.drop_table('gradebook_assessment_results')
    op.drop_table('gradebook_assessment_line_items')
    op.drop_table('gradebook_score_scales')
