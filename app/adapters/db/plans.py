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
