"""Ports of the credentials (Open Badges 3.0, CLR 2.0): where issued ones are kept, and the
issuer's keys that sign and verify them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from app.domain.access import TenantId
from app.domain.credentials import IssuedCredential


class CredentialStore(Protocol):
    async def add(self, tenant_id: TenantId, credential: IssuedCredential) -> None:
        """Keep an issued credential."""
        ...

    async def of_student(self, tenant_id: TenantId, student_id: str) -> list[IssuedCredential]:
        """A student's credentials, oldest first."""
        ...

    async def find(self, credential_id: str) -> tuple[TenantId, IssuedCredential] | None:
        """A credential by its id, whichever district issued it (the public endpoints')."""
        ...

    async def revoke(
        self, tenant_id: TenantId, credential_id: str, at: datetime
    ) -> IssuedCredential | None:
        """Mark revoked at `at` (once: a second revocation keeps the first instant)."""
        ...

    async def revoked_ids(self, tenant_id: TenantId) -> list[str]:
        """The ids of the district's revoked credentials."""
        ...


class IssuerKeys(Protocol):
    """The issuer's RSA keys, rotated like the LTI tool's (published → signing → retired), the
    retired ones still published so that what they signed still verifies."""

    async def sign_jws(
        self, header: dict[str, Any], payload: bytes, key_base: str
    ) -> tuple[str, str]:
        """A compact JWS (RS256) of `payload` with `header` plus `alg` and `kid` (the signing
        key's URL, `key_base`/kid): the kid and the JWS."""
        ...

    async def public_jwk(self, kid: str) -> dict[str, Any] | None:
        """One published key's public JWK."""
        ...

    async def verify(self, jws: str) -> dict[str, Any] | None:
        """The payload of a compact JWS signed by one of the published keys, else None."""
        ...

    async def public_jwks(self) -> dict[str, object]:
        """Every published key (published, signing and retired) as a JWK Set."""
        ...

    async def rotate(self, now: datetime) -> str:
        """Publish a new key; the published one signs from now; the signing one retires."""
        ...
