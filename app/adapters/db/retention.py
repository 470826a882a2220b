"""The logs that would otherwise grow forever, kept for their retention and no longer: change
events (the feed, MASTERY_CHANGES_RETENTION_DAYS), webhook delivery attempts
(MASTERY_WEBHOOK_DELIVERIES_RETENTION_DAYS) and finished jobs (MASTERY_JOBS_RETENTION_DAYS).

At district scale these are the fastest-growing tables after the evidence: ingest writes about
two change events per result, and each event a subscriber receives leaves a delivery attempt.
Nothing reads them past their retention (the feed refuses older cursors, a vendor asks about
last week's deliveries, a job's answer is fetched within minutes), so every server process
forgets what expired every MASTERY_RETENTION_INTERVAL_SECONDS, across tenants, one process
at a time (an advisory lock on PostgreSQL; SQLite has one writer anyway). Each table is one
DELETE in its own transaction: a slow one holds no lock on another. The DELETEs find expired
rows by their time column, which no index leads with (each index more is paid on every
insert of the hot path: decision 0043), so a sweep reads the table once: daily by default, it
reads about 31 days of rows to forget one.

The evidence, the decisions and their history are the record and are never swept here."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.db.change_tables import ChangeEventRow
from app.adapters.db.row_security import open_to_all_tenants
from app.adapters.db.tables import JobRow, table_of
from app.adapters.db.turns import turn
from app.adapters.db.webhook_tables import WebhookDeliveryRow
from app.adapters.periodic import Periodic
from app.domain.jobs import JobStatus

log = logging.getLogger("mastery.db")

# The session-level advisory lock that makes one process the sweeper at a time.
_LOCK_KEY = 0x6D617374_72657465  # "mast" "rete"
_FINISHED = [JobStatus.SUCCEEDED.value, JobStatus.FAILED.value]


@dataclass(frozen=True)
class Retention:
    """How many days each log keeps a row."""

    change_events_days: int
    webhook_deliveries_days: int
    jobs_days: int


def _expired(retention: Retention, now: datetime) -> dict[str, sa.Delete]:
    events, deliveries, jobs = (
        table_of(ChangeEventRow),
        table_of(WebhookDeliveryRow),
        table_of(JobRow),
    )

    def before(days: int) -> datetime:
        return now - timedelta(days=days)

    return {
        "change_events": sa.delete(events).where(
            events.c.occurred_at < before(retention.change_events_days)
        ),
        "webhook_deliveries": sa.delete(deliveries).where(
            deliveries.c.at < before(retention.webhook_deliveries_days)
        ),
        # A queued or running job is never forgotten, however old: it is still someone's work.
        "jobs": sa.delete(jobs).where(
            jobs.c.status.in_(_FINISHED),
            jobs.c.finished_at < before(retention.jobs_days),
        ),
    }


async def forget_expired(
    engine: AsyncEngine, retention: Retention, now: datetime
) -> dict[str, int]:
    """Delete every tenant's rows past their retention; the rows forgotten per table (empty
    when another process holds the turn)."""
    forgotten: dict[str, int] = {}
    async with engine.connect() as connection, turn(connection, _LOCK_KEY) as mine:
        if not mine:
            return forgotten
        for table, statement in _expired(retention, now).items():
            await connection.run_sync(open_to_all_tenants)
            result = await connection.execute(statement)
            await connection.commit()
            forgotten[table] = int(getattr(result, "rowcount", 0) or 0)
    return forgotten


class RetentionKeeper(Periodic):
    """Runs `forget_expired` every `interval_seconds` for the life of a server process."""

    def __init__(self, engine: AsyncEngine, retention: Retention, interval_seconds: float) -> None:
        async def round_() -> None:
            forgotten = await forget_expired(engine, retention, datetime.now(UTC))
            if any(forgotten.values()):
                log.info(
                    "rows past their retention forgotten: %s",
                    ", ".join(f"{table} {n}" for table, n in forgotten.items() if n),
                )

        super().__init__("retention-keeper", interval_seconds, round_)
