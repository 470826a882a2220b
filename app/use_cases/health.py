"""Whether the service can do its work: what a load balancer's readiness probe asks."""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.health import Readiness


@dataclass(frozen=True, kw_only=True)
class Health:
    readiness: Readiness

    async def check_ready(self) -> None:
        """Raise when the database cannot be reached."""
        await self.readiness.check()
