"""Secrets and tokens (app.ports.security) without cryptography: readable in a test's failure
message, yet honest about what they check. A hash verifies only its own secret, a token is
read back only if this codec issued it and it has not expired, a sealed text opens only if this
box sealed it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.domain.access import Principal
from app.domain.errors import Invalid, Problem, Unauthorized

_HASHED = "hashed:"
_SEALED = "sealed:"


@dataclass
class FakeSecretHasher:
    """`hashed:<secret reversed>`: reversible for a test, never equal to the secret itself.
    Keeps every hash it was asked to verify against, in order."""

    verified: list[str] = field(default_factory=list)

    async def hash(self, secret: str) -> str:
        return _HASHED + secret[::-1]

    async def verify(self, secret_hash: str, secret: str) -> bool:
        self.verified.append(secret_hash)
        return secret_hash.startswith(_HASHED) and secret_hash == _HASHED + secret[::-1]


@dataclass
class FakeTokenCodec:
    """Tokens `token-1`, `token-2`, ...; each remembers its principal and expiry."""

    issued: dict[str, tuple[Principal, datetime]] = field(default_factory=dict)

    def issue(self, principal: Principal, issued_at: datetime, ttl_seconds: int) -> str:
        token = f"token-{len(self.issued) + 1}"
        self.issued[token] = (principal, issued_at + timedelta(seconds=ttl_seconds))
        return token

    def read(self, token: str, now: datetime) -> Principal:
        if token not in self.issued:
            raise Unauthorized("The access token is not valid")
        principal, expires = self.issued[token]
        if expires <= now:
            raise Unauthorized("The access token has expired")
        return principal


@dataclass
class FakeSecretBox:
    """`sealed:<key>:<secret reversed>`: opens only under the key it was sealed with."""

    key: str = "key-1"

    def seal(self, secret: str) -> str:
        return f"{_SEALED}{self.key}:{secret[::-1]}"

    def open(self, sealed: str) -> str:
        prefix = f"{_SEALED}{self.key}:"
        if not sealed.startswith(prefix):
            raise Invalid(
                "The stored client secret cannot be read",
                [Problem(("client_secret",), "sealed under another key; set it again")],
            )
        return sealed.removeprefix(prefix)[::-1]
