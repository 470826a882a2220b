"""Plans that do not hang on missing statistics, for statements that join a whole tenant.

Autovacuum may be off, and a table bulk-loaded since it was last analysed (or never analysed)
is taken by the planner for a table of one row: it then nests loops over joins of every
student with their schools, grades and demographics. Building the summary counts' profiles of
50,000 students that way ran past 10 minutes (`python -m bench graphql`, 2026-12-06) where hash
joins take about a second. For a statement that reads the whole tenant a hash join is right
whatever the statistics say, so it is asked for, not hoped for."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession


async def whole_tenant_joins(session: AsyncSession) -> None:
    """Until the transaction ends or `usual_joins` (PostgreSQL; SQLite plans by its own rules):
    no nested-loop joins. A disabled plan node still costs 1e10 in the estimate, past
    `jit_above_cost`: the service's connections never JIT-compile (app.adapters.db.engine),
    or every such statement would take ~0.5 s to compile whatever its size."""
    await session.execute(sa.text("SET LOCAL enable_nestloop = off"))


async def usual_joins(session: AsyncSession) -> None:
    """Back to the server's settings for the rest of the transaction (keyed statements, where
    a nested loop over an index is the right plan)."""
    await session.execute(sa.text("SET LOCAL enable_nestloop TO DEFAULT"))


# The tenant of a keyed lookup (the statement's first parameter), as a value the planner cannot
# see (an InitPlan: computed once per execution, still an index condition). Seen, it is looked
# up in the column's statistics, and a district those have not met (new, small, or loaded since
# the last ANALYZE beside a larger one: the statistics know only the others) is estimated at
# one row. Every index leading with tenant_id then looks as good as the key's own, and the
# planner took the narrowest: each key's probe read the whole district's evidence through the
# competency's index, 7.1 s for 1,000 keys at 20,000 rows (0.02 s as the key's own probe).
# Unseen, it is an average district, and the key's own index is the clear choice
# (docs/decisions/0081-a-district-the-statistics-have-not-met.md).
UNSEEN_TENANT = "(SELECT $1::int)"
