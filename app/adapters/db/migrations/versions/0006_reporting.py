"""reporting: derived race/ethnicity, and indexes for reports and trends

Revision ID: 0006_reporting
Revises: 0003_mastery
Create Date: 2026-11-24 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006_reporting'
down_revision: str | None = '0003_mastery'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FLAGS = (
    'american_indian_or_alaska_native',
    'asian',
    'black_or_african_american',
    'native_hawaiian_or_other_pacific_islander',
    'white',
    'two_or_more_races',
    'hispanic_or_latino',
)


def upgrade() -> None:
    op.add_column(
        'demographics',
        sa.Column('race_ethnicity', sa.String(48), nullable=False, server_default='unknown'),
    )
    _backfill_race_ethnicity()
    op.create_index(
        'ix_decisions_tenant_id_override_expires_at',
        'decisions',
        ['tenant_id', 'override_expires_at'],
        postgresql_where=sa.text('override_expires_at IS NOT NULL'),
        sqlite_where=sa.text('override_expires_at IS NOT NULL'),
    )
    op.create_index(
        'ix_decision_history_tenant_framework_student_competency_at',
        'decision_history',
        ['tenant_id', 'framework_id', 'student_id', 'competency_id', 'changed_at'],
    )


def _backfill_race_ethnicity() -> None:
    # The rule lives in the domain; rows written before this revision get it applied here.
    from app.domain.reporting import race_ethnicity
    from app.domain.roster import Demographics

    bind = op.get_bind()
    table = sa.table(
        'demographics',
        sa.column('tenant_id'),
        sa.column('id'),
        sa.column('race_ethnicity'),
        *(sa.column(f) for f in _FLAGS),
    )
    rows = bind.execute(sa.select(table.c.tenant_id, table.c.id, *(table.c[f] for f in _FLAGS)))
    updates = [
        {
            't': row.tenant_id,
            'i': row.id,
            'r': race_ethnicity(
                Demographics(id=row.id, **{f: getattr(row, f) for f in _FLAGS})
            ).value,
        }
        for row in rows
    ]
    if updates:
        bind.execute(
            table.update()
            .where(table.c.tenant_id == sa.bindparam('t'), table.c.id == sa.bindparam('i'))
            .values(race_ethnicity=sa.bindparam('r')),
            updates,
        )


def downgrade() -> None:
    op.drop_index(
        'ix_decision_history_tenant_framework_student_competency_at', table_name='decision_history'
    )
    op.drop_index('ix_decisions_tenant_id_override_expires_at', table_name='decisions')
    with op.batch_alter_table('demographics', schema=None) as batch_op:
        batch_op.drop_column('race_ethnicity')
