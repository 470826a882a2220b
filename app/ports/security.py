"""Secrets and tokens: hashing client secrets, signing bearer tokens, sealing stored secrets."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from app.domain.access import Principal


class SecretHasher(Protocol):
    """Slow by design: an adapter keeps the work off the event loop."""

    async def hash(self, secret: str) -> str:
        """A slow, salted hash of a secret, safe to store."""
        ...

    async def verify(self, secret_hash: str, secret: str) -> bool:
        """Whether `secret` matches the stored hash (constant time)."""
        ...


class TokenCodec(Protocol):
    def issue(self, principal: Principal, issued_at: datetime, ttl_seconds: int) -> str:
        """A signed bearer token for `principal`, valid for `ttl_seconds`."""
        ...

    def read(self, token: str, now: datetime) -> Principal:
        """The principal a token names; raises `Unauthorized` when forged, malformed or expired."""
        ...


class ClientStanding(Protocol):
    async def version(self, client_id: str) -> int | None:
        """The client's current token version, or None when it is disabled or gone. May be a
        few seconds stale (the revocation window), so that most calls need no database."""
        ...


class SecretBox(Protocol):
    def seal(self, secret: str) -> str:
        """`secret` encrypted and authenticated with the service's key, as text to store."""
        ...

    def open(self, sealed: str) -> str:
        """The secret back; raises `Invalid` when the key changed or the text was altered."""
        ...
