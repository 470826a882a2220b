"""Autovacuum's own default thresholds, which the service applies itself where autovacuum is
off (the statistics keeper's ANALYZE, decision 0020; the vacuum keeper's VACUUM, 0083): a
table is due once a counter of `pg_stat_user_tables` passes a base number of rows plus a share
of the rows the planner knows the table to hold."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from app.adapters.db.turns import turn


@dataclass(frozen=True)
class AutovacuumRule:
    """`counter` (a column of pg_stat_user_tables) past `base` plus `share` times the known rows."""

    counter: str
    base: int
    share: float

    def passed(self, counted: int, known_rows: float) -> bool:
        """Whether `counted` rows make a table due (the planner's `reltuples` is -1 for a
        table never analysed: it counts as empty)."""
        return counted > self.base + self.share * max(known_rows, 0.0)

    async def due_tables(self, connection: AsyncConnection) -> list[str]:
        """The tables of the connection's schema that are due, by name."""
        due = sa.text(
            "SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
            "WHERE s.schemaname = current_schema() "
            f"AND s.{self.counter} > :base + :share * greatest(c.reltuples, 0) "
            "ORDER BY s.relname"
        )
        found = await connection.execute(due, {"base": self.base, "share": self.share})
        return list(found.scalars().all())

    async def run_on_due_tables(
        self,
        engine: AsyncEngine,
        lock_key: int,
        command: str,
        settings: Mapping[str, str] | None = None,
    ) -> list[str]:
        """Run `command` (ANALYZE, VACUUM …) on each due table, outside any transaction block
        (VACUUM's rule), with the session `settings` while it runs; the tables' names. One
        process at a time: the session advisory lock `lock_key`, taken without waiting (none
        when another process holds it)."""
        async with engine.connect() as connection:
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            async with turn(connection, lock_key) as mine:
                if not mine:
                    return []
                for name, value in (settings or {}).items():
                    await connection.execute(sa.text(f"SET {name} = '{value}'"))
                try:
                    due = await self.due_tables(connection)
                    for table in due:
                        # Names come from the catalogue, quoted all the same.
                        await connection.execute(sa.text(f'{command} "{table}"'))
                    return due
                finally:
                    # The connection goes back to the pool: its next user gets the defaults
                    # (a cancelled round's connection is closed, not returned).
                    if not connection.invalidated:
                        for name in settings or {}:
                            await connection.execute(sa.text(f"RESET {name}"))


# autovacuum_analyze_threshold and autovacuum_analyze_scale_factor: rows changed since the
# last ANALYZE.
ANALYZE = AutovacuumRule("n_mod_since_analyze", 50, 0.1)
# autovacuum_vacuum_threshold and autovacuum_vacuum_scale_factor: dead row versions.
VACUUM = AutovacuumRule("n_dead_tup", 50, 0.2)
