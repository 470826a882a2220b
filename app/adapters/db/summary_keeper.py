"""The summary counts refreshed every few seconds for the life of a server process
(docs/decisions/0056-summary-counts.md), so that the catch-up a summary makes before it reads
is a few seconds' changes, and counts yet to be built (tenants that had decisions before
revision 0031) are built in the background rather than in a superintendent's request."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db import tables as t
from app.adapters.db.row_security import all_tenants_session
from app.adapters.db.summary_refresh import SummaryRefresher
from app.adapters.db.summary_tables import (
    DecisionStatusChangeRow,
    SummaryRefreshRow,
    SummaryRosterChangeRow,
)
from app.adapters.db.trend_tables import TrendHistoryChangeRow
from app.adapters.periodic import Periodic
from app.domain.access import TenantId

log = logging.getLogger("mastery.db")

_changes = t.table_of(DecisionStatusChangeRow)
_marks = t.table_of(SummaryRosterChangeRow)
_refreshes = t.table_of(SummaryRefreshRow)
_entries = t.table_of(TrendHistoryChangeRow)


async def tenants_to_refresh(sessions: async_sessionmaker[AsyncSession]) -> list[TenantId]:
    """Tenants with captured changes or counts yet to be built."""
    stmt = sa.union(
        sa.select(_changes.c.tenant_id).distinct(),
        sa.select(_marks.c.tenant_id).distinct(),
        sa.select(_entries.c.tenant_id).distinct(),
        sa.select(_refreshes.c.tenant_id).where(_refreshes.c.built.is_(False)),
    )
    async with all_tenants_session(sessions) as session:
        return [TenantId(row[0]) for row in (await session.execute(stmt)).all()]


async def refresh_all(refresher: SummaryRefresher) -> int:
    """Refresh every tenant that needs it; how many were."""
    tenants = await tenants_to_refresh(refresher.sessions)
    for tenant in tenants:
        found = await refresher.refresh(tenant)
        if found.rebuilt:
            log.info("summary counts of tenant %s built afresh", tenant)
    return len(tenants)


class SummaryKeeper(Periodic):
    """Runs `refresh_all` every `interval_seconds` (0: never; summaries then catch up alone)."""

    def __init__(self, refresher: SummaryRefresher, interval_seconds: float) -> None:
        async def round_() -> None:
            await refresh_all(refresher)

        super().__init__("summary-keeper", interval_seconds, round_)
