"""SQL repositories of the tenant and client directory."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db import tables as t
from app.adapters.db.errors import translated
from app.adapters.db.tables import table_of
from app.domain.access import Client, Scope, Tenant, TenantId, format_scopes
from app.domain.errors import Conflict, Problem

_tenants = table_of(t.TenantRow)
_clients = table_of(t.ClientRow)


def _tenant(row: sa.RowMapping) -> Tenant:
    return Tenant(TenantId(row["id"]), row["slug"], row["name"], row["created_at"])


def _client(row: sa.RowMapping) -> Client:
    return Client(
        client_id=row["client_id"],
        tenant_id=TenantId(row["tenant_id"]),
        name=row["name"],
        scopes=frozenset(Scope(s) for s in row["scopes"].split()),
        secret_hash=row["secret_hash"],
        created_at=row["created_at"],
        revoked_at=row["revoked_at"],
        token_version=row["token_version"],
    )


class SqlTenantRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, slug: str, name: str, created_at: datetime) -> Tenant:
        taken = Conflict(f"A tenant {slug!r} exists already", [Problem(("slug",), "taken")])
        async with translated({"uq_tenants_slug": taken}):
            result = await self._session.execute(
                sa.insert(_tenants)
                .values(slug=slug, name=name, created_at=created_at)
                .returning(_tenants)
            )
        return _tenant(result.mappings().one())

    async def by_slug(self, slug: str) -> Tenant | None:
        row = (
            (await self._session.execute(sa.select(_tenants).where(_tenants.c.slug == slug)))
            .mappings()
            .first()
        )
        return _tenant(row) if row else None

    async def by_id(self, tenant_id: TenantId) -> Tenant | None:
        row = (
            (await self._session.execute(sa.select(_tenants).where(_tenants.c.id == tenant_id)))
            .mappings()
            .first()
        )
        return _tenant(row) if row else None

    async def list(self) -> list[Tenant]:
        rows = (
            await self._session.execute(sa.select(_tenants).order_by(_tenants.c.slug))
        ).mappings()
        return [_tenant(r) for r in rows]


class SqlClientRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    @staticmethod
    def _values(client: Client) -> dict[str, object]:
        return {
            "client_id": client.client_id,
            "tenant_id": client.tenant_id,
            "name": client.name,
            "scopes": format_scopes(client.scopes),
            "secret_hash": client.secret_hash,
            "created_at": client.created_at,
            "revoked_at": client.revoked_at,
            "token_version": client.token_version,
        }

    async def add(self, client: Client) -> None:
        await self._session.execute(sa.insert(_clients).values(self._values(client)))

    async def save(self, client: Client) -> None:
        await self._session.execute(
            sa.update(_clients)
            .where(_clients.c.client_id == client.client_id)
            .values(self._values(client))
        )

    async def get(self, client_id: str) -> Client | None:
        stmt = sa.select(_clients).where(_clients.c.client_id == client_id)
        row = (await self._session.execute(stmt)).mappings().first()
        return _client(row) if row else None

    async def delete(self, client_id: str) -> None:
        await self._session.execute(sa.delete(_clients).where(_clients.c.client_id == client_id))

    async def for_tenant(self, tenant_id: TenantId) -> list[Client]:
        stmt = (
            sa.select(_clients)
            .where(_clients.c.tenant_id == tenant_id)
            .order_by(_clients.c.created_at, _clients.c.client_id)
        )
        return [_client(r) for r in (await self._session.execute(stmt)).mappings()]
