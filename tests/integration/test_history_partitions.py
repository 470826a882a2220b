"""The decision history partitioned by school year on PostgreSQL (app/adapters/db/partitions.py,
migration 0035): the catalogue says so, entries land in their year, the keeper makes the coming
years' partitions and moves rows that reached DEFAULT into them, and the migration carries the
rows both ways."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import asyncpg
import pytest

from app.adapters.db import migrate
from app.adapters.db.engine import create_engine
from app.adapters.db.partitions import keep_partitions_ready, school_year_of, year_bounds
from tests.conftest import asyncpg_dsn

_INSERT = """INSERT INTO decision_history (tenant_id, student_id, competency_id, framework_id,
    changed_at, cause, status, computed_status, overridden, valid_from)
    VALUES ($1, $2, 'c1', 'f1', $3, 'evidence', 'mastered', 'mastered', false, $3)
    RETURNING tableoid::regclass::text"""


@pytest.mark.parametrize(
    ("moment", "year"),
    [
        (datetime(2026, 6, 30, 23, 59, 59, tzinfo=UTC), 2025),
        (datetime(2026, 7, 1, 0, 0, tzinfo=UTC), 2026),
        (datetime(2026, 12, 5, tzinfo=UTC), 2026),
        (datetime(2027, 1, 1, tzinfo=UTC), 2026),
    ],
)
def test_a_school_year_runs_from_the_first_of_july(moment: datetime, year: int) -> None:
    assert school_year_of(moment) == year
    start, end = year_bounds(year)
    assert start <= moment < end
    assert (start, end) == (datetime(year, 7, 1, tzinfo=UTC), datetime(year + 1, 7, 1, tzinfo=UTC))


@pytest.fixture
async def history(empty_database: str) -> AsyncIterator[tuple[str, asyncpg.Connection, int]]:
    """A migrated database, a connection that sees every tenant (as migrations do), a tenant."""
    if not empty_database.startswith("postgresql"):
        pytest.skip("partitions are PostgreSQL's; the embedded SQLite keeps one plain table")
    await migrate.upgrade(empty_database)
    conn = await asyncpg.connect(asyncpg_dsn(empty_database))
    await conn.execute("SET TIME ZONE 'UTC'")
    await conn.execute("SELECT set_config('mastery.all_tenants', 'on', false)")
    tenant = await conn.fetchval(
        "INSERT INTO tenants (slug, name, created_at) VALUES ('p', 'p', now()) RETURNING id"
    )
    try:
        yield empty_database, conn, tenant
    finally:
        await conn.close()


async def _partitions(conn: asyncpg.Connection) -> dict[str, str]:
    rows = await conn.fetch(
        "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits i "
        "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'decision_history'::regclass"
    )
    return {r["relname"]: r["bound"] for r in rows}


async def test_the_history_is_partitioned_by_the_year_an_entry_was_recorded(
    history: tuple[str, asyncpg.Connection, int],
) -> None:
    _, conn, tenant = history
    strategy = await conn.fetchrow(
        "SELECT p.partstrat::text, a.attname FROM pg_partitioned_table p "
        "JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0] "
        "WHERE p.partrelid = 'decision_history'::regclass"
    )
    assert tuple(strategy) == ("r", "changed_at")
    year = school_year_of(datetime.now(UTC))
    assert await _partitions(conn) == {
        "decision_history_default": "DEFAULT",
        f"decision_history_y{year}": f"FOR VALUES FROM ('{year}-07-01 00:00:00+00') "
        f"TO ('{year + 1}-07-01 00:00:00+00')",
        f"decision_history_y{year + 1}": f"FOR VALUES FROM ('{year + 1}-07-01 00:00:00+00') "
        f"TO ('{year + 2}-07-01 00:00:00+00')",
    }
    now = datetime.now(UTC)
    assert await conn.fetchval(_INSERT, tenant, "s1", now) == f"decision_history_y{year}"
    # The primary key takes the partition column, after the tenant (Citus-ready).
    key = await conn.fetchval(
        "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'pk_decision_history'"
    )
    assert key == "PRIMARY KEY (tenant_id, seq, changed_at)"


async def test_the_keeper_makes_the_coming_years_and_moves_what_reached_default(
    history: tuple[str, asyncpg.Connection, int],
) -> None:
    url, conn, tenant = history
    stray = datetime(2031, 3, 1, tzinfo=UTC)  # school year 2030
    assert await conn.fetchval(_INSERT, tenant, "s1", stray) == "decision_history_default"
    engine = create_engine(url)
    try:
        # As a server would on 1 March 2031: that school year and the next.
        made = await keep_partitions_ready(engine, stray)
        assert made == ["decision_history_y2030", "decision_history_y2031"]
        assert await keep_partitions_ready(engine, stray) == []  # nothing left to do
    finally:
        await engine.dispose()
    where = await conn.fetch("SELECT tableoid::regclass::text AS part FROM decision_history")
    assert [r["part"] for r in where] == ["decision_history_y2030"]
    assert await conn.fetchval("SELECT count(*) FROM decision_history_default") == 0
    assert "decision_history_default" in await _partitions(conn)  # attached again
    # The new partition is fenced like its parent: read directly, it shows one tenant's rows.
    fenced = await conn.fetchrow(
        "SELECT relrowsecurity, relforcerowsecurity FROM pg_class "
        "WHERE relname = 'decision_history_y2030'"
    )
    assert tuple(fenced) == (True, True)
    # The trend counts' capture saw the entry recorded and not its move (decision 0061): the
    # same entry, deleted from DEFAULT and put into its year, changes no trend.
    captured = await conn.fetch("SELECT sign FROM trend_history_changes")
    assert [r["sign"] for r in captured] == [1]


async def test_the_migration_carries_every_entry_both_ways(
    history: tuple[str, asyncpg.Connection, int],
) -> None:
    url, conn, tenant = history
    year = school_year_of(datetime.now(UTC))
    moments = [
        datetime(2019, 9, 1, tzinfo=UTC),
        datetime.now(UTC),
        datetime(2040, 1, 1, tzinfo=UTC),
    ]
    for n, moment in enumerate(moments):
        await conn.fetchval(_INSERT, tenant, f"s{n}", moment)
    before = await conn.fetch("SELECT * FROM decision_history ORDER BY seq")
    await migrate.downgrade(url, "0034_roster_row_hashes")
    assert (
        await conn.fetchval("SELECT relkind::text FROM pg_class WHERE relname = 'decision_history'")
        == "r"
    )
    assert await conn.fetch("SELECT * FROM decision_history ORDER BY seq") == before
    await migrate.upgrade(url)
    assert await conn.fetch("SELECT * FROM decision_history ORDER BY seq") == before
    # The oldest entry's year gets a partition, and every year from it to next year; an entry
    # beyond them waits in DEFAULT.
    assert set(await _partitions(conn)) == {
        "decision_history_default",
        *(f"decision_history_y{y}" for y in range(2019, year + 2)),
    }
    places = await conn.fetch(
        "SELECT student_id, tableoid::regclass::text AS part FROM decision_history ORDER BY seq"
    )
    assert [(r["student_id"], r["part"]) for r in places] == [
        ("s0", "decision_history_y2019"),
        ("s1", f"decision_history_y{year}"),
        ("s2", "decision_history_default"),
    ]
    # New entries still take the next numbers of the same sequence.
    await conn.fetchval(_INSERT, tenant, "s3", datetime.now(UTC))
    assert await conn.fetchval("SELECT max(seq) FROM decision_history") == before[-1]["seq"] + 1
