"""Ports of the LTI tool: the token that carries a page session between pages."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from app.domain.access import TenantId
from app.domain.lti.launch import Launch
from app.domain.lti.platform import Platform
from app.domain.lti.session import PageSession


class PageSessionCodec(Protocol):
    def issue(self, session: PageSession, issued_at: datetime, ttl_seconds: int) -> str:
        """A signed token naming `session`, good for `ttl_seconds`."""
        ...

    def read(self, token: str, now: datetime) -> PageSession:
        """The session a token names; Unauthorized when it is forged, expired or not a page's."""
        ...


class ToolKeys(Protocol):
    """The tool's own RSA keys (published, signing, retiring): what signs a client assertion for
    AGS/NRPS tokens (RFC 7523) and a Deep Linking response, and what /lti/jwks.json serves."""

    async def sign(self, claims: dict[str, object]) -> str:
        """An RS256 JWT of `claims`, signed with the current signing key and naming its `kid`."""
        ...

    async def public_jwks(self) -> dict[str, object]:
        """The JWK Set of every published and signing key (never a private part)."""
        ...


class LaunchRecords(Protocol):
    """Verified launches kept for a while (as long as their page session), so that a page can
    use the platform's services the launch named (NRPS, AGS, the Deep Linking return)."""

    async def keep(self, tenant_id: TenantId, launch: Launch, expires_at: datetime) -> str:
        """Keep `launch` until `expires_at`; its id."""
        ...

    async def find(self, tenant_id: TenantId, launch_id: str, now: datetime) -> Launch | None:
        """The launch kept under `launch_id` for this tenant, unless it has expired."""
        ...


class PlatformDirectory(Protocol):
    """The registered platforms (the launch's registry implements it over its table)."""

    async def find(self, issuer: str, client_id: str) -> Platform | None:
        """The platform registered under (issuer, client_id), if any."""
        ...
