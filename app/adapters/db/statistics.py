"""PostgreSQL's planner statistics kept fresh by the service itself, autovacuum or not.

The planner chooses join orders and indexes from the statistics ANALYZE gathers. Autovacuum
gathers them as tables change, but it is off on some managed and bulk-loading set-ups (and on
our machines), and a table that has never been analysed looks empty to the planner whatever it
holds: evidence looked up by key was hash-joined whole, 300 ms per batch at 300,000 rows and
growing, until one ANALYZE brought it to 1 ms. So a server process checks every `interval`
seconds which tables have changed by more than autovacuum's own default threshold since their
last analysis (50 rows plus 10% of the table: `autovacuum_analyze_threshold` and
`autovacuum_analyze_scale_factor`) and analyses those. Where autovacuum runs, it resets the
counts first and this finds nothing to do. One process at a time does it (an advisory lock);
a role that may not analyse a table gets PostgreSQL's warning, not an error. SQLite's planner
needs no statistics for these queries (it plans from the indexes alone): nothing runs there."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.adapters.db.autovacuum_rule import ANALYZE
from app.adapters.db.native import is_postgres
from app.adapters.periodic import Periodic

log = logging.getLogger("mastery.db")

# The session-level advisory lock that makes one process the analyser at a time.
_LOCK_KEY = 0x6D617374_73746174  # "mast" "stat"


async def analyze_if_stale(session: AsyncSession, table: str, changed: int) -> bool:
    """ANALYZE `table` in the session's transaction (which sees its own uncommitted rows) when
    `changed` rows made its statistics stale; whether it did. A bulk import's next statements
    depend on it: the foreign-key checks of 62,400 enrollments took 13.8 s against classes and
    users loaded but never analysed in the same transaction, 0.8 s once analysed. The keeper
    cannot help there: it sees only what has been committed."""
    if not is_postgres(session) or changed <= ANALYZE.base:
        return False
    known = await session.scalar(
        sa.text("SELECT reltuples FROM pg_class WHERE oid = CAST(:t AS regclass)"), {"t": table}
    )
    if not ANALYZE.passed(changed, float(known or 0)):
        return False
    await session.execute(sa.text(f'ANALYZE "{table}"'))  # names come from our own tables
    return True


async def analyze_stale_tables(engine: AsyncEngine) -> list[str]:
    """Analyse every table of the service's schema changed by more than the threshold since its
    last analysis; the names of those analysed (none when another process holds the turn)."""
    return await ANALYZE.run_on_due_tables(engine, _LOCK_KEY, "ANALYZE")


class StatisticsKeeper(Periodic):
    """Runs `analyze_stale_tables` every `interval_seconds` for the life of a server process
    (on PostgreSQL: SQLite's planner keeps no such statistics)."""

    def __init__(self, engine: AsyncEngine, interval_seconds: float) -> None:
        async def round_() -> None:
            analysed = await analyze_stale_tables(engine)
            if analysed:
                log.info("planner statistics brought up to date for %s", ", ".join(analysed))

        postgres = engine.dialect.name == "postgresql"
        super().__init__("statistics-keeper", interval_seconds if postgres else 0, round_)
