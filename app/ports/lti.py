"""Ports of the LTI tool: the token that carries a page session between pages."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

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
