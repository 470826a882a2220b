"""Reads on a streaming replica (issue #14, "many processes, many machines"): with
`MASTERY_READ_DATABASE_URL`, the reports (REST and GraphQL summaries, trends, equity reports)
and every GraphQL read go to a replica of the primary, so a superintendent's district-wide
report does not compete with ingest. Writes, and the reads that must see a write just made
(a REST client reading back what it posted), stay on the primary.

A replica lags the primary by its replay delay: a report may miss the last moments' results.
That is the trade a district makes by setting the variable (docs/scaling.md)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.db.engine import create_engine, session_factory
from app.adapters.db.frameworks import FrameworkCache
from app.adapters.db.queries import SqlReadModels
from app.adapters.db.summary_reads import SummaryCounts
from app.adapters.db.uow import SqlUnitOfWork
from app.bootstrap_settings import ConfigurationError
from app.config import Settings
from app.domain.access import TenantId
from app.ports.reports import ReadModels, ReadModelsFactory
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True)
class Replica:
    engine: AsyncEngine
    reads: ReadModelsFactory
    # Units that only read: a write in one is a bug (and the replica refuses it anyway).
    uow: UnitOfWorkFactory


def replica(settings: Settings, cache: FrameworkCache) -> Replica | None:
    """The replica's engine and adapters, or None when reads stay on the primary."""
    if settings.read_database_url is None:
        return None
    if settings.embedded:
        raise ConfigurationError(
            "MASTERY_READ_DATABASE_URL needs a PostgreSQL primary (MASTERY_DATABASE_URL)"
        )
    engine = create_engine(settings.read_database_url)
    sessions = session_factory(engine)

    def uow(tenant: TenantId, /, *, writes: bool = True, few_rows: bool = False) -> UnitOfWork:
        return SqlUnitOfWork(sessions, cache, tenant, writes=False, few_rows=few_rows)

    # No catch-up on a replica (it cannot write): the counts as the primary's periodic
    # refresher left them, a few seconds behind at most beyond the replay delay.
    counts = SummaryCounts(sessions, catch_up=None, stale_ok=True)

    def reads(tenant: TenantId) -> ReadModels:
        return SqlReadModels(sessions, tenant, counts)

    return Replica(engine, reads, uow)
