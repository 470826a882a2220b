"""The decision history partitioned by school year on PostgreSQL (issue #14, "evidence and
history partitioned … with partition maintenance automated"; docs/decisions/0060).

`decision_history` is range-partitioned on `changed_at` (when an entry was recorded), one
partition per school year from 1 July to 1 July (UTC), and a DEFAULT partition for anything
outside them. A district keeps years of history and reads the recent ones: a year's entries
then sit in one table whose indexes stay the size of a year, and an operator can archive or
drop a year whole (`DETACH PARTITION`) without a DELETE of millions of rows. Entries are
recorded now, so new rows land in the current year's partition; the keeper makes sure that one
and the next exist, and when rows have reached the DEFAULT partition in a range it is about to
create (a clock wrong for a while, a backfill), it moves them into the new partition in the
same transaction, as PostgreSQL refuses to create a partition whose rows sit in DEFAULT.

SQLite keeps one plain table: the embedded database holds one school's years."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.db.row_security import open_to_all_tenants, protect
from app.adapters.periodic import Periodic

log = logging.getLogger("mastery.db")

HISTORY = "decision_history"
# The column the history is partitioned on: when an entry was recorded.
RECORDED = "changed_at"
# The school year starts on this month and day (the common US convention: 1 July).
YEAR_STARTS = (7, 1)
# The session-level advisory lock that makes one process the partition keeper at a time.
_LOCK_KEY = 0x6D617374_70617274  # "mast" "part"


def school_year_of(moment: datetime) -> int:
    """The calendar year in which the school year holding `moment` (UTC) began."""
    at = moment.astimezone(UTC)
    return at.year if (at.month, at.day) >= YEAR_STARTS else at.year - 1


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """From the school year's first instant (included) to the next one's (excluded), UTC."""
    month, day = YEAR_STARTS
    return datetime(year, month, day, tzinfo=UTC), datetime(year + 1, month, day, tzinfo=UTC)


def partition_name(table: str, year: int) -> str:
    return f"{table}_y{year}"


def default_partition(table: str) -> str:
    return f"{table}_default"


def is_partition(table: str) -> bool:
    """Whether a table name is one of the history's partitions (by year, or DEFAULT)."""
    return re.fullmatch(rf"{HISTORY}_(y\d{{4}}|default)", table) is not None


def partitions_of(connection: Connection, table: str) -> list[str]:
    """The names of the table's partitions, in name order."""
    rows = connection.execute(
        sa.text(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = :table "
            "AND p.relnamespace = c.relnamespace ORDER BY c.relname"
        ),
        {"table": table},
    )
    return [name for (name,) in rows]


def ensure_year(connection: Connection, table: str, year: int) -> bool:
    """Create the school year's partition of `table` if it is missing, moving into it the rows
    of that year that reached the DEFAULT partition; True when it was created. Runs inside the
    caller's transaction (PostgreSQL's DDL is transactional: all of it or none)."""
    name = partition_name(table, year)
    if name in partitions_of(connection, table):
        return False
    start, end = year_bounds(year)
    default = default_partition(table)
    values = {"start": start, "end": end}
    within = f"{RECORDED} >= :start AND {RECORDED} < :end"
    stray = connection.execute(
        sa.text(f'SELECT EXISTS (SELECT 1 FROM "{default}" WHERE {within})'), values
    ).scalar()
    if stray:
        # The rows move while DEFAULT is detached; attaching it back checks that none of what
        # it keeps belongs to a named partition.
        connection.exec_driver_sql(f'ALTER TABLE "{table}" DETACH PARTITION "{default}"')
    connection.exec_driver_sql(
        f'CREATE TABLE "{name}" PARTITION OF "{table}" '
        f"FOR VALUES FROM ('{start.isoformat()}') TO ('{end.isoformat()}')"
    )
    if stray:
        # Into the new partition by name, not through the table: the same entries move, and
        # the trend capture's statement triggers on the table (decision 0061) must see neither
        # half of the move (the DELETE, from a detached table, fires none).
        connection.execute(
            sa.text(
                f'WITH moved AS (DELETE FROM "{default}" WHERE {within} RETURNING *) '
                f'INSERT INTO "{name}" SELECT * FROM moved'
            ),
            values,
        )
        connection.exec_driver_sql(f'ALTER TABLE "{table}" ATTACH PARTITION "{default}" DEFAULT')
    # A partition is a table of its own: read directly, it would show every tenant's rows.
    protect(connection, name, "integer")
    return True


def ensure_years(connection: Connection, table: str, years: range) -> list[str]:
    """`ensure_year` for each year; the partitions created."""
    return [partition_name(table, y) for y in years if ensure_year(connection, table, y)]


def years_to_keep_ready(now: datetime) -> range:
    """The current school year and the next: the next exists before its first entry."""
    current = school_year_of(now)
    return range(current, current + 2)


def _ensure_ready(connection: Connection, now: datetime) -> list[str]:
    # Rows that reached DEFAULT are any tenant's: row-level security would hide them.
    open_to_all_tenants(connection)
    return ensure_years(connection, HISTORY, years_to_keep_ready(now))


async def keep_partitions_ready(engine: AsyncEngine, now: datetime) -> list[str]:
    """Create the partitions the history will need this year and next (one process at a time);
    the names of those created."""
    async with engine.connect() as connection:
        turn = await connection.exec_driver_sql(f"SELECT pg_try_advisory_xact_lock({_LOCK_KEY})")
        if not turn.scalar():
            await connection.rollback()
            return []
        created = await connection.run_sync(_ensure_ready, now)
        await connection.commit()
    return created


class PartitionKeeper(Periodic):
    """Runs `keep_partitions_ready` every `interval_seconds` for the life of a server process
    (on PostgreSQL: SQLite's history is one plain table)."""

    def __init__(self, engine: AsyncEngine, interval_seconds: float) -> None:
        async def round_() -> None:
            created = await keep_partitions_ready(engine, datetime.now(UTC))
            if created:
                log.info("history partitions created: %s", ", ".join(created))

        postgres = engine.dialect.name == "postgresql"
        super().__init__("partition-keeper", interval_seconds if postgres else 0, round_)
