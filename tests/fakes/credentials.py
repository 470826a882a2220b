"""In-memory fakes of the credentials' ports: issued credentials in a dict, and one issuer key
per rotation held in memory (joserfc signs and verifies, as the real keys do)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from typing import Any

from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey

from app.domain.access import TenantId
from app.domain.credentials import IssuedCredential


class MemoryCredentials:
    def __init__(self) -> None:
        self.kept: dict[str, tuple[TenantId, IssuedCredential]] = {}

    async def add(self, tenant_id: TenantId, credential: IssuedCredential) -> None:
        self.kept[credential.id] = (tenant_id, credential)

    async def of_student(self, tenant_id: TenantId, student_id: str) -> list[IssuedCredential]:
        return sorted(
            (c for t, c in self.kept.values() if t == tenant_id and c.student_id == student_id),
            key=lambda c: (c.issued_at, c.id),
        )

    async def find(self, credential_id: str) -> tuple[TenantId, IssuedCredential] | None:
        return self.kept.get(credential_id)

    async def revoke(
        self, tenant_id: TenantId, credential_id: str, at: datetime
    ) -> IssuedCredential | None:
        found = self.kept.get(credential_id)
        if found is None or found[0] != tenant_id:
            return None
        credential = found[1]
        if credential.revoked_at is None:
            credential = replace(credential, revoked_at=at)
            self.kept[credential_id] = (tenant_id, credential)
        return credential

    async def revoked_ids(self, tenant_id: TenantId) -> list[str]:
        return sorted(
            c.id for t, c in self.kept.values() if t == tenant_id and c.revoked_at is not None
        )


class MemoryIssuerKeys:
    """Every key ever made stays published; the newest signs."""

    def __init__(self) -> None:
        self.keys: list[RSAKey] = []

    def _signing(self) -> RSAKey:
        if not self.keys:
            self.keys.append(RSAKey.generate_key(2048, auto_kid=True))
        return self.keys[-1]

    async def sign_jws(
        self, header: dict[str, Any], payload: bytes, key_base: str
    ) -> tuple[str, str]:
        key = self._signing()
        protected = {**header, "alg": "RS256", "kid": f"{key_base}/{key.kid}"}
        return str(key.kid), jws.serialize_compact(protected, payload, key)

    async def public_jwk(self, kid: str) -> dict[str, Any] | None:
        for key in self.keys:
            if key.kid == kid:
                return dict(key.as_dict(private=False))
        return None

    async def verify(self, token: str) -> dict[str, Any] | None:
        header = jws.extract_compact(token.encode()).protected
        jwk = await self.public_jwk(str(header.get("kid", "")).rsplit("/", 1)[-1])
        if jwk is None:
            return None
        try:
            verified = jws.deserialize_compact(token, RSAKey.import_key(jwk), ["RS256"])
        except JoseError:
            return None
        payload: dict[str, Any] = json.loads(verified.payload)
        return payload

    async def public_jwks(self) -> dict[str, object]:
        self._signing()
        return {"keys": [key.as_dict(private=False) for key in self.keys]}

    async def rotate(self, now: datetime) -> str:
        self.keys.append(RSAKey.generate_key(2048, auto_kid=True))
        return str(self.keys[-1].kid)
