"""The dispatcher a server process runs: every MASTERY_WEBHOOK_POLL_SECONDS it queues a
delivery job for each subscription with events to deliver (`WebhookDelivery.dispatch`, which
leases each subscription to one job in the database, so several servers do not deliver one
subscription twice at once). A failed round is logged and the next one tries again."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from app.adapters.periodic import Periodic
from app.domain.errors import Busy

log = logging.getLogger("mastery.webhooks")


class WebhookDispatcher(Periodic):
    def __init__(self, dispatch: Callable[[], Awaitable[int]], interval_seconds: float) -> None:
        async def round_() -> None:
            try:
                await dispatch()
            except Busy:  # SQLite's one writer was busy for longer than the busy timeout
                log.info("webhook dispatch waited on the database; trying again")

        super().__init__("webhook-dispatcher", interval_seconds, round_)
