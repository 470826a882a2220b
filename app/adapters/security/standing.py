"""Whether a client's tokens still hold, looked up at most once per client every few seconds.

Every request checks its token's client version against the client's current one. Asking the
database each time would add a round trip to every call; this cache asks it at most once per
client per `ttl_seconds`, so a rotated, disabled or deleted client's tokens stop working within
that window in every process (docs/decisions/0017-clients-tokens-audit.md)."""

from __future__ import annotations

import time
from collections.abc import Callable

from app.ports.unit_of_work import AccessUnitOfWorkFactory

# Bounds the memory of a process: a district has tens of clients, not thousands.
_MAX_CLIENTS = 10_000


class CachedClientStanding:
    def __init__(
        self,
        directory: AccessUnitOfWorkFactory,
        *,
        ttl_seconds: float,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._directory = directory
        self._ttl = ttl_seconds
        self._monotonic = monotonic
        self._known: dict[str, tuple[float, int | None]] = {}

    async def version(self, client_id: str) -> int | None:
        now = self._monotonic()
        known = self._known.get(client_id)
        if known is not None and now - known[0] < self._ttl:
            return known[1]
        async with self._directory() as access:
            client = await access.clients.get(client_id)
        current = client.token_version if client is not None and client.active else None
        if len(self._known) >= _MAX_CLIENTS:
            self._known.clear()
        self._known[client_id] = (now, current)
        return current
