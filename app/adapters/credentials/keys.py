"""The credential issuer's keys: the LTI tool's key machinery (SqlToolKeys: RSA keys sealed with
the service key, published → signing → retired) over a table of their own, with retired keys
still published; compact JWS signed and verified with joserfc (RS256, the algorithm OB 3.0
§8.2 requires every verifier to support)."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db.credential_tables import CredentialIssuerKeyRow
from app.adapters.db.tables import table_of
from app.adapters.lti.keys import PUBLISHED, RETIRED, SIGNING, SqlToolKeys
from app.ports.clock import Clock
from app.ports.security import SecretBox

ALGORITHM = "RS256"
_keys = table_of(CredentialIssuerKeyRow)


def kid_of(header_kid: str) -> str:
    """The key's own id from a header's `kid`, which is the URL of the key (OB 3.0 §8.2)."""
    return header_kid.rstrip("/").rsplit("/", 1)[-1]


class SqlIssuerKeys(SqlToolKeys):
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], secrets_box: SecretBox, clock: Clock
    ) -> None:
        super().__init__(
            sessions, secrets_box, clock, table=_keys, served=(PUBLISHED, SIGNING, RETIRED)
        )
        self._key_sessions = sessions

    async def sign_jws(
        self, header: dict[str, Any], payload: bytes, key_base: str
    ) -> tuple[str, str]:
        """A compact JWS of `payload`; its `kid` is `key_base`/kid (a URL serving the JWK)."""
        kid, private = await self.signing_key()
        protected = {**header, "alg": ALGORITHM, "kid": f"{key_base}/{kid}"}
        return kid, jws.serialize_compact(protected, payload, RSAKey.import_key(private))

    async def public_jwk(self, kid: str) -> dict[str, Any] | None:
        """A published key's public JWK (any state: retired keys verify what they signed)."""
        async with self._key_sessions() as session, session.begin():
            found = (
                await session.execute(sa.select(_keys.c.public_jwk).where(_keys.c.kid == kid))
            ).scalar_one_or_none()
        return None if found is None else dict(found)

    async def verify(self, token: str) -> dict[str, Any] | None:
        try:
            header = jws.extract_compact(token.encode()).protected
        except (JoseError, ValueError):
            return None
        kid = header.get("kid")
        if header.get("alg") != ALGORITHM or not isinstance(kid, str):
            return None
        jwk = await self.public_jwk(kid_of(kid))
        if jwk is None:
            return None
        try:
            verified = jws.deserialize_compact(token, RSAKey.import_key(jwk), [ALGORITHM])
        except (JoseError, ValueError):
            return None
        payload: dict[str, Any] = json.loads(verified.payload)
        return payload
