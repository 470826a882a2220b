"""SQL repository of a tenant's connection to its SIS's OneRoster REST provider."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db import tables as t
from app.adapters.db.tables import table_of
from app.adapters.db.upsert import rows_changed, upsert
from app.domain.access import TenantId
from app.domain.oneroster.connection import OneRosterVersion, ProviderAuth, RosterConnection

_connections = table_of(t.RosterConnectionRow)


class SqlRosterConnectionRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    async def get(self) -> RosterConnection | None:
        query = sa.select(_connections).where(_connections.c.tenant_id == self._tenant)
        row = (await self._session.execute(query)).mappings().first()
        if row is None:
            return None
        return RosterConnection(
            base_url=row["base_url"],
            version=OneRosterVersion(row["version"]),
            auth=ProviderAuth(row["auth"]),
            client_id=row["client_id"],
            client_secret_sealed=row["client_secret_sealed"],
            token_url=row["token_url"],
            scopes=tuple(row["scopes"].split()),
            synced_through=row["synced_through"],
            updated_at=row["updated_at"],
        )

    async def save(self, connection: RosterConnection) -> None:
        values = {
            "tenant_id": self._tenant,
            "base_url": connection.base_url,
            "version": connection.version.value,
            "auth": connection.auth.value,
            "token_url": connection.token_url,
            "client_id": connection.client_id,
            "client_secret_sealed": connection.client_secret_sealed,
            "scopes": " ".join(connection.scopes),
            "synced_through": connection.synced_through,
            "updated_at": connection.updated_at,
        }
        await upsert(self._session, _connections, [values], key=("tenant_id",))

    async def delete(self) -> bool:
        deleted = await rows_changed(
            self._session, sa.delete(_connections).where(_connections.c.tenant_id == self._tenant)
        )
        return bool(deleted)
