"""job queue: procrastinate's schema, on PostgreSQL only (MASTERY_JOB_QUEUE=procrastinate)

The schema is the one the pinned procrastinate ships (procrastinate/sql/schema.sql): a newer
procrastinate brings migrations of its own (procrastinate/sql/migrations), which a new
revision of ours applies when the pin moves. The queue's tables hold no tenant's data (a job
id and its tenant's number), so they have no row-level security; SQLite has no queue.

Revision ID: 0011_job_queue
Revises: 0010_durable_jobs
Create Date: 2026-12-03 18:30:00.000000
"""

from collections.abc import Sequence

from alembic import op
from procrastinate.schema import SchemaManager
from sqlalchemy.util import await_only

revision: str = "0011_job_queue"
down_revision: str | None = "0010_durable_jobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every object procrastinate's schema creates is named procrastinate_*: dropped by that name,
# tables first (their triggers and row types go with them), then functions and types.
_DROP = """
DROP TABLE IF EXISTS procrastinate_events, procrastinate_periodic_defers,
    procrastinate_jobs, procrastinate_workers CASCADE;
DO $$
DECLARE found record;
BEGIN
    FOR found IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate\\_%'
    LOOP
        EXECUTE 'DROP FUNCTION ' || found.signature || ' CASCADE';
    END LOOP;
    FOR found IN SELECT t.typname FROM pg_type t
        JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = current_schema() AND t.typname LIKE 'procrastinate\\_%'
          AND t.typtype IN ('e', 'c')
    LOOP
        EXECUTE 'DROP TYPE IF EXISTS ' || quote_ident(found.typname) || ' CASCADE';
    END LOOP;
END $$;
"""


def _script(sql: str) -> None:
    """Run a script of many statements (functions with $$ bodies) as one simple query, in the
    migration's transaction: asyncpg's own `execute`, which prepares nothing."""
    connection = op.get_bind().connection.driver_connection
    assert connection is not None
    await_only(connection.execute(sql))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _script(SchemaManager.get_schema())


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _script(_DROP)
