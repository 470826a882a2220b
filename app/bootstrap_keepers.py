"""The periodic rounds a server process runs for its whole life (app.adapters.periodic): the
planner statistics, the dead rows' vacuum, the history's partitions, the logs' retention
and the summary counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.adapters.db.partitions import PartitionKeeper
from app.adapters.db.retention import Retention, RetentionKeeper
from app.adapters.db.statistics import StatisticsKeeper
from app.adapters.db.summary_keeper import SummaryKeeper
from app.adapters.db.vacuum import VacuumKeeper
from app.adapters.periodic import Periodic
from app.adapters.waiting import watched
from app.config import Settings

if TYPE_CHECKING:
    from app.bootstrap import Container

# Past the jobs' grace, how long a stop may take before it logs where each task waits: the
# keepers' cancelled rounds (5 s each at most) and the engine's disposal.
STOP_SLACK_SECONDS = 30.0


def server_keepers(container: Container, settings: Settings) -> list[Periodic]:
    """Each keeper, not yet started; an interval of 0 in the settings switches one off."""
    retention = Retention(
        change_events_days=settings.changes_retention_days,
        webhook_deliveries_days=settings.webhook_deliveries_retention_days,
        jobs_days=settings.jobs_retention_days,
    )
    return [
        StatisticsKeeper(container.engine, settings.analyze_interval_seconds),
        VacuumKeeper(container.engine, settings.vacuum_interval_seconds),
        PartitionKeeper(container.engine, settings.partition_interval_seconds),
        RetentionKeeper(container.engine, retention, settings.retention_interval_seconds),
        SummaryKeeper(container.summary_refresher, settings.summary_refresh_interval_seconds),
    ]


async def stop_server(container: Container, keepers: list[Periodic], settings: Settings) -> None:
    """The keepers, then the jobs (given their grace) and the engine. A stop that takes longer
    than it should logs what it is waiting in: a hang then explains itself."""
    grace = settings.shutdown_grace_seconds
    async with watched("the shutdown", grace + STOP_SLACK_SECONDS):
        for keeper in keepers:
            await keeper.stop()
        await container.close(grace)
