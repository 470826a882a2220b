"""The registered platforms as the LTI services ask for them: by (issuer, client_id), the
platform's URLs only (the launch's registry answers whole registrations)."""

from __future__ import annotations

from app.domain.lti.platform import Platform
from app.ports.lti_registry import Platforms


class RegisteredPlatforms:
    def __init__(self, platforms: Platforms) -> None:
        self._platforms = platforms

    async def find(self, issuer: str, client_id: str) -> Platform | None:
        registration = await self._platforms.find(issuer, client_id)
        return None if registration is None else registration.platform
