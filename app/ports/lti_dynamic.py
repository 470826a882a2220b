"""Ports of LTI Dynamic Registration (1EdTech LTI Dynamic Registration 1.0): our one-time
registration tokens, and the platform's configuration and registration endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from app.domain.access import TenantId


class RegistrationTokens(Protocol):
    async def issue(self, tenant_id: TenantId, digest: str, expires_at: datetime) -> None: ...

    async def take(self, digest: str, now: datetime) -> TenantId | None:
        """The district a token was issued for, once (atomic); None when unknown, used or
        expired."""
        ...


class PlatformRegistrar(Protocol):
    async def configuration(self, url: str, registration_token: str) -> dict[str, object]:
        """The platform's OpenID configuration (Dynamic Registration §3.4), as JSON; Invalid
        saying why when it cannot be had."""
        ...

    async def register(
        self, endpoint: str, registration_token: str, client: dict[str, object]
    ) -> dict[str, object]:
        """Post our client registration (§3.5); the platform's answer (§3.6) as JSON."""
        ...
