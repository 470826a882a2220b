"""The directory of tenants and clients, which lives above any one tenant."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from app.domain.access import Client, Tenant, TenantId


class TenantRepository(Protocol):
    async def add(self, slug: str, name: str, created_at: datetime) -> Tenant:
        """Store a new tenant; raises `Conflict` when the slug is taken."""
        ...

    async def by_slug(self, slug: str) -> Tenant | None: ...

    async def by_id(self, tenant_id: TenantId) -> Tenant | None: ...

    async def list(self) -> list[Tenant]: ...


class ClientRepository(Protocol):
    async def add(self, client: Client) -> None: ...

    async def get(self, client_id: str) -> Client | None: ...

    async def save(self, client: Client) -> None: ...

    async def delete(self, client_id: str) -> None:
        """Remove a client; an unknown id changes nothing."""
        ...

    async def for_tenant(self, tenant_id: TenantId) -> list[Client]: ...
