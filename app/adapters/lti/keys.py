"""The tool's own RSA keys, in the database with their private halves sealed by the service key.

A key lives publish → sign → retire: `rotate` publishes a new key (served in /lti/jwks.json but
not yet signing, so platforms that cache our JWKS fetch it first), makes the published key the
signing one and retires the signing one (which stops being served). The JWKS serves published
and signing keys, so a token signed just before a rotation still verifies after it."""

from __future__ import annotations

import logging
import secrets
from datetime import datetime

import jwt
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db.engine import begin_writing
from app.adapters.db.lti_tables import LtiToolKeyRow
from app.adapters.db.tables import table_of
from app.ports.clock import Clock
from app.ports.security import SecretBox

PUBLISHED, SIGNING, RETIRED = "published", "signing", "retired"
# 2048 is the floor of the Security Framework (§6.1); 3072 costs a login nothing noticeable.
KEY_BITS = 3072

_keys = table_of(LtiToolKeyRow)
log = logging.getLogger("mastery.lti")


def new_key() -> tuple[str, rsa.RSAPrivateKey, dict[str, object]]:
    """A fresh RSA key: its kid, the private key and its public JWK."""
    kid = secrets.token_urlsafe(12)
    private = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    jwk: dict[str, object] = RSAAlgorithm.to_jwk(private.public_key(), as_dict=True)
    jwk.update({"kid": kid, "alg": "RS256", "use": "sig"})
    return kid, private, jwk


def _pem(private: rsa.RSAPrivateKey) -> str:
    return private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


class SqlToolKeys:
    """`table` holds the keys (the LTI tool's by default; the credential issuer's keep their own
    table of the same shape); `served` are the states the JWKS publishes (the credential
    issuer's include retired keys: a credential outlives the key that signed it)."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        secrets_box: SecretBox,
        clock: Clock,
        *,
        table: sa.Table = _keys,
        served: tuple[str, ...] = (PUBLISHED, SIGNING),
    ) -> None:
        self._sessions = sessions
        self._box = secrets_box
        self._clock = clock
        self._keys = table
        self._served = served
        # Unsealed keys by kid: unsealing and parsing a PEM costs more than signing.
        self._loaded: dict[str, rsa.RSAPrivateKey] = {}

    async def sign(self, claims: dict[str, object]) -> str:
        kid, private = await self._signing()
        return jwt.encode(claims, private, algorithm="RS256", headers={"kid": kid})

    async def signing_key(self) -> tuple[str, rsa.RSAPrivateKey]:
        """The current signing key and its kid (one is generated if there is none)."""
        return await self._signing()

    async def public_jwks(self) -> dict[str, object]:
        async with self._sessions() as session, session.begin():
            rows = (
                (
                    await session.execute(
                        sa.select(self._keys.c.public_jwk)
                        .where(self._keys.c.state.in_(self._served))
                        .order_by(self._keys.c.created_at)
                    )
                )
                .scalars()
                .all()
            )
        if not rows:
            await self._signing()
            return await self.public_jwks()
        return {"keys": list(rows)}

    async def generate(self, now: datetime) -> str | None:
        async with self._sessions() as session, session.begin():
            await begin_writing(session)  # reads, then writes: the server may write meanwhile
            if await _signing_row(session, self._keys) is not None:
                return None
            return await self._insert(session, SIGNING, now)

    async def rotate(self, now: datetime) -> str:
        async with self._sessions() as session, session.begin():
            await begin_writing(session)
            keys = self._keys
            c = keys.c
            published = (
                (await session.execute(sa.select(c.kid).where(c.state == PUBLISHED)))
                .scalars()
                .all()
            )
            if published:
                await session.execute(
                    sa.update(keys).where(c.state == SIGNING).values(state=RETIRED)
                )
                await session.execute(
                    sa.update(keys).where(c.kid.in_(published)).values(state=SIGNING)
                )
            elif await _signing_row(session, keys) is None:
                # Nothing to rotate yet: the new key must sign at once.
                return await self._insert(session, SIGNING, now)
            return await self._insert(session, PUBLISHED, now)

    async def _signing(self) -> tuple[str, rsa.RSAPrivateKey]:
        async with self._sessions() as session, session.begin():
            row = await _signing_row(session, self._keys)
        if row is None:
            kid = await self.generate(self._clock.now())
            log.warning("%s had no signing key; generated one (kid %s)", self._keys.name, kid)
            return await self._signing()
        kid, sealed = row
        private = self._loaded.get(kid)
        if private is None:
            loaded = serialization.load_pem_private_key(self._box.open(sealed).encode(), None)
            if not isinstance(loaded, rsa.RSAPrivateKey):
                raise TypeError(f"a key of {self._keys.name} is not an RSA key")
            private = self._loaded[kid] = loaded
        return kid, private

    async def _insert(self, session: AsyncSession, state: str, now: datetime) -> str:
        kid, private, jwk = new_key()
        await session.execute(
            sa.insert(self._keys).values(
                kid=kid,
                state=state,
                public_jwk=jwk,
                sealed_private_key=self._box.seal(_pem(private)),
                created_at=now,
            )
        )
        self._loaded[kid] = private
        return kid


async def _signing_row(session: AsyncSession, keys: sa.Table) -> tuple[str, str] | None:
    c = keys.c
    row = (
        await session.execute(
            sa.select(c.kid, c.sealed_private_key)
            .where(c.state == SIGNING)
            .order_by(c.created_at.desc())
            .limit(1)
        )
    ).one_or_none()
    return None if row is None else (row.kid, row.sealed_private_key)
