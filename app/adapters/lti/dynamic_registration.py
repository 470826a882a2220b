"""LTI Dynamic Registration's driven side: our one-time registration tokens in SQL, and the
platform's configuration and registration endpoints through the guarded outbound client."""

from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db.lti_tables import LtiRegistrationTokenRow
from app.adapters.db.row_security import all_tenants_session, tenant_session
from app.adapters.db.tables import table_of
from app.adapters.http import OutboundError, OutboundHttp
from app.domain.access import TenantId
from app.domain.errors import Invalid

_tokens = table_of(LtiRegistrationTokenRow)


class SqlRegistrationTokens:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def issue(self, tenant_id: TenantId, digest: str, expires_at: datetime) -> None:
        async with tenant_session(self._sessions, tenant_id) as session, session.begin():
            await session.execute(
                sa.insert(_tokens).values(tenant_id=tenant_id, digest=digest, expires_at=expires_at)
            )

    async def take(self, digest: str, now: datetime) -> TenantId | None:
        # The token names the district: it is looked up before any district is known.
        async with all_tenants_session(self._sessions) as session, session.begin():
            row = (
                await session.execute(
                    sa.delete(_tokens)
                    .where(_tokens.c.digest == digest)
                    .returning(_tokens.c.tenant_id, _tokens.c.expires_at)
                )
            ).one_or_none()
        if row is None or row.expires_at <= now:
            return None
        return TenantId(row.tenant_id)


class HttpPlatformRegistrar:
    def __init__(
        self, http: OutboundHttp, *, timeout_seconds: float = 15.0, max_bytes: int = 1 << 20
    ) -> None:
        self._http = http
        self._timeout = timeout_seconds
        self._max_bytes = max_bytes

    async def configuration(self, url: str, registration_token: str) -> dict[str, object]:
        headers = {"Accept": "application/json"}
        if registration_token:
            headers["Authorization"] = f"Bearer {registration_token}"
        return await self._json("GET", url, headers, None, "The platform's configuration")

    async def register(
        self, endpoint: str, registration_token: str, client: dict[str, object]
    ) -> dict[str, object]:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if registration_token:
            headers["Authorization"] = f"Bearer {registration_token}"
        body = json.dumps(client).encode()
        return await self._json("POST", endpoint, headers, body, "The platform's registration")

    async def _json(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None, what: str
    ) -> dict[str, object]:
        try:
            async with self._http.session(
                timeout_seconds=self._timeout, max_bytes=self._max_bytes
            ) as session:
                answer = await session.request(
                    method, url, headers=headers, content=body, follow_redirects=False
                )
            answer.expect(200, 201)
            found = answer.json()
        except OutboundError as error:
            raise Invalid(f"{what} could not be had: {error}") from None
        except ValueError:
            raise Invalid(f"{what} is not JSON") from None
        if not isinstance(found, dict):
            raise Invalid(f"{what} is not a JSON object")
        return found
