"""PostgreSQL's dead rows reclaimed by the service itself, autovacuum or not (decision 0083).

Every UPDATE and DELETE leaves the old row version behind until VACUUM takes it away. Where
autovacuum is off (some managed and bulk-loading set-ups, and our machines), nothing did: in a
10-minute soak the decisions table held 1.2 million dead versions beside its 54,000 live ones
(488 MB), the queues the summary counts drain held 1.4 million, every lookup walked past them,
and ingest fell from 1,700 to 900 requests a minute. So a server process checks every
`interval` seconds which tables hold more dead rows than autovacuum's own default threshold
(50 rows plus 20% of the table: `autovacuum_vacuum_threshold` and
`autovacuum_vacuum_scale_factor`) and vacuums those, paced as autovacuum paces itself (its
default cost delay). Where autovacuum runs, its vacuums reset the counts and this rarely finds
anything; a table autovacuum is working on is skipped (SKIP_LOCKED), not waited for. The
empty pages at a table's end are kept for the rows to come (TRUNCATE false): giving them back
to the system takes a lock that stops every writer, and VACUUM tried for it for 5 s at a time
on the queues the summary keeper drains (which fill again within seconds). One
process at a time does it (an advisory lock); a role that may not vacuum a table gets
PostgreSQL's warning, not an error. SQLite reuses its freed pages itself: nothing runs there."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.db.autovacuum_rule import VACUUM
from app.adapters.periodic import Periodic

log = logging.getLogger("mastery.db")

# The session-level advisory lock that makes one process the vacuumer at a time.
_LOCK_KEY = 0x6D617374_76616375  # "mast" "vacu"
# autovacuum_vacuum_cost_delay's default: a vacuum of a large table yields the disk to the
# requests beside it, as autovacuum's would.
_COST_DELAY = "2ms"


async def vacuum_dead_tables(engine: AsyncEngine) -> list[str]:
    """Vacuum every table of the service's schema holding dead rows beyond the threshold; the
    names of those vacuumed (none when another process holds the turn)."""
    return await VACUUM.run_on_due_tables(
        engine,
        _LOCK_KEY,
        "VACUUM (SKIP_LOCKED, TRUNCATE false)",
        {"vacuum_cost_delay": _COST_DELAY},
    )


class VacuumKeeper(Periodic):
    """Runs `vacuum_dead_tables` every `interval_seconds` for the life of a server process (on
    PostgreSQL)."""

    def __init__(self, engine: AsyncEngine, interval_seconds: float) -> None:
        async def round_() -> None:
            vacuumed = await vacuum_dead_tables(engine)
            if vacuumed:
                log.debug("dead rows reclaimed from %s", ", ".join(vacuumed))

        postgres = engine.dialect.name == "postgresql"
        super().__init__("vacuum-keeper", interval_seconds if postgres else 0, round_)
