"""durable jobs: a job's kind arguments and attempts on its row

Revision ID: 00XX_durable_jobs
Revises: 0008_row_level_security
Create Date: 2026-12-03 14:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '00XX_durable_jobs'
down_revision: str | None = '0008_row_level_security'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    # Jobs queued before this revision had closures, lost with their process: they keep `{}`
    # and, found unfinished at start-up, fail for want of their arguments.
    with op.batch_alter_table('jobs') as batch:
        batch.add_column(sa.Column('arguments', _JSON, nullable=False, server_default='{}'))
        batch.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('jobs') as batch:
        batch.drop_column('attempts')
        batch.drop_column('arguments')
