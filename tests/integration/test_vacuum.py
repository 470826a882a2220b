"""Dead rows do not pile up where autovacuum is off (decision 0083): a server vacuums the
tables holding more of them than autovacuum's own threshold, and the space they held is used
again instead of the table growing.

Found by the 10-minute soak: with nothing vacuuming, the decisions table held 1.2 million dead
versions beside 54,000 live ones and ingest halved as it ran."""

from __future__ import annotations

import asyncpg
import pytest

from app.adapters.db import migrate
from app.adapters.db.autovacuum_rule import VACUUM
from app.adapters.db.engine import create_engine
from app.adapters.db.vacuum import vacuum_dead_tables
from tests.conftest import asyncpg_dsn

ROWS = 20_000


@pytest.fixture
async def decisions(empty_database: str) -> str:
    """A migrated database whose decisions table holds ROWS decisions of one tenant."""
    if not empty_database.startswith("postgresql"):
        pytest.skip("VACUUM is PostgreSQL's; SQLite reuses its freed pages itself")
    await migrate.upgrade(empty_database)
    conn = await asyncpg.connect(asyncpg_dsn(empty_database))
    try:
        tenant = await conn.fetchval(
            "INSERT INTO tenants (slug, name, created_at) VALUES ('s', 's', now()) RETURNING id"
        )
        async with conn.transaction():
            await conn.execute("SELECT set_config('mastery.tenant_id', $1, true)", str(tenant))
            await conn.execute(
                "INSERT INTO decisions (tenant_id, student_id, competency_id, framework_id, "
                "status, computed_status, evidence_count, method, updated_at) "
                "SELECT $1, 'stu-' || (n % 200), 'c-' || (n / 200), 'f', 'mastered', "
                "'mastered', 1, '{}', now() FROM generate_series(0, $2 - 1) AS n",
                tenant,
                ROWS,
            )
        await conn.execute("ANALYZE decisions")
    finally:
        await conn.close()
    return empty_database


async def _update_every_decision(url: str) -> None:
    """A new version of every decision (a column no index holds); the old ones are dead. The
    connection is closed after: a closing backend flushes its table statistics counters."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        async with conn.transaction():
            await conn.execute("SELECT set_config('mastery.all_tenants', 'on', true)")
            await conn.execute("UPDATE decisions SET evidence_count = evidence_count + 1")
    finally:
        await conn.close()


async def _table(url: str) -> tuple[int, int]:
    """The decisions table's dead rows and its size on disk in bytes."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        row = await conn.fetchrow(
            "SELECT n_dead_tup, pg_relation_size(relid) AS size FROM pg_stat_user_tables "
            "WHERE relname = 'decisions'"
        )
        assert row is not None
        return int(row["n_dead_tup"]), int(row["size"])
    finally:
        await conn.close()


def test_the_threshold_is_autovacuums_default() -> None:
    # 50 rows plus 20% of the table's known rows; a table never analysed counts as empty.
    assert not VACUUM.passed(4_050, 20_000)
    assert VACUUM.passed(4_051, 20_000)
    assert not VACUUM.passed(50, -1)
    assert VACUUM.passed(51, -1)


@pytest.mark.postgres
async def test_a_server_vacuums_the_dead_rows_and_the_table_stops_growing(decisions: str) -> None:
    url = decisions
    loaded = (await _table(url))[1]
    await _update_every_decision(url)
    dead, size = await _table(url)
    assert dead == ROWS  # every first version, dead
    # The pages were full (fillfactor 100) and nothing had died yet: the new versions took
    # new pages, and the table grew to about twice its size.
    assert size > 1.8 * loaded
    engine = create_engine(url)
    try:
        vacuumed = await vacuum_dead_tables(engine)
        # 20,000 dead against a threshold of 50 + 20% of 20,000; the tenants table has none.
        assert "decisions" in vacuumed
        assert "tenants" not in vacuumed
        assert (await _table(url))[0] == 0
        assert await vacuum_dead_tables(engine) == []  # nothing died since
        # The next version of each decision goes where a dead one was: the table does not
        # grow again.
        await _update_every_decision(url)
        assert (await _table(url))[1] == size
    finally:
        await engine.dispose()
