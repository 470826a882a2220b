"""Verified launches kept in this process's memory.

Good for one server process (the embedded SQLite setup); a database-backed LaunchRecords
replaces it where several processes serve the same district."""

from __future__ import annotations

import secrets
from datetime import datetime

from app.domain.access import TenantId
from app.domain.lti.launch import Launch

# A district's launches in an hour are far fewer; past this the oldest are dropped first.
_MAX_KEPT = 50_000


class MemoryLaunchRecords:
    def __init__(self) -> None:
        self._kept: dict[str, tuple[TenantId, Launch, datetime]] = {}

    async def keep(self, tenant_id: TenantId, launch: Launch, expires_at: datetime) -> str:
        if len(self._kept) >= _MAX_KEPT:
            del self._kept[next(iter(self._kept))]
        launch_id = secrets.token_urlsafe(18)
        self._kept[launch_id] = (tenant_id, launch, expires_at)
        return launch_id

    async def find(self, tenant_id: TenantId, launch_id: str, now: datetime) -> Launch | None:
        kept = self._kept.get(launch_id)
        if kept is None or kept[0] != tenant_id:
            return None
        if kept[2] <= now:
            del self._kept[launch_id]
            return None
        return kept[1]
