"""Tenants, clients and tokens: who may call, for which district, with which scopes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain.access import (
    Client,
    Principal,
    Scope,
    Tenant,
    grant_scopes,
    parse_scopes,
    validate_slug,
)
from app.domain.errors import Invalid, NotFound, Problem, Unauthorized
from app.ports.clock import Clock, IdGenerator
from app.ports.security import SecretHasher, TokenCodec
from app.ports.unit_of_work import AccessUnitOfWorkFactory


@dataclass(frozen=True)
class ClientCredentials:
    """A client's id and secret, shown once when the client is created or its secret rotated."""

    client_id: str
    client_secret: str
    tenant: str
    scopes: frozenset[Scope]


@dataclass(frozen=True)
class IssuedToken:
    access_token: str
    expires_in: int
    scopes: frozenset[Scope]


@dataclass(frozen=True, kw_only=True)
class Access:
    """The directory of districts and their API clients, and the tokens clients call with."""

    directory: AccessUnitOfWorkFactory
    clock: Clock
    ids: IdGenerator
    hasher: SecretHasher
    tokens: TokenCodec
    token_ttl_seconds: int

    async def create_tenant(self, *, slug: str, name: str | None = None) -> Tenant:
        """Register a district under a new slug."""
        validate_slug(slug)
        async with self.directory() as access:
            tenant = await access.tenants.add(slug, name or slug, self.clock.now())
            await access.commit()
        return tenant

    async def list_tenants(self) -> list[Tenant]:
        """Every registered district."""
        async with self.directory(writes=False) as access:
            return await access.tenants.list()

    async def tenant_by_slug(self, slug: str) -> Tenant:
        """The tenant with this slug, or `NotFound`."""
        async with self.directory(writes=False) as access:
            tenant = await access.tenants.by_slug(slug)
        if tenant is None:
            raise NotFound(f"No tenant {slug!r}", [Problem(("tenant",), "no such tenant")])
        return tenant

    async def create_client(
        self, *, tenant_slug: str, scopes: str, name: str | None = None
    ) -> ClientCredentials:
        """A new API client of a tenant; its secret is returned once and stored only as a hash."""
        granted = parse_scopes(scopes)
        if not granted:
            raise Invalid("A client needs at least one scope", [Problem(("scope",), "empty")])
        tenant = await self.tenant_by_slug(tenant_slug)
        client_id = self.ids.new_id()
        secret = self.ids.new_secret()
        client = Client(
            client_id=client_id,
            tenant_id=tenant.id,
            name=name or f"{tenant.slug} client",
            scopes=granted,
            secret_hash=self.hasher.hash(secret),
            created_at=self.clock.now(),
        )
        async with self.directory() as access:
            await access.clients.add(client)
            await access.commit()
        return ClientCredentials(client_id, secret, tenant.slug, granted)

    async def rotate_client_secret(self, *, client_id: str) -> ClientCredentials:
        """Give a client a new secret; the old one stops working at once."""
        secret = self.ids.new_secret()
        async with self.directory() as access:
            client = await access.clients.get(client_id)
            if client is None:
                raise NotFound(f"No client {client_id!r}")
            tenant = await access.tenants.by_id(client.tenant_id)
            await access.clients.save(replace(client, secret_hash=self.hasher.hash(secret)))
            await access.commit()
        assert tenant is not None  # a client row cannot outlive its tenant (foreign key)
        return ClientCredentials(client_id, secret, tenant.slug, client.scopes)

    async def issue_token(
        self, *, client_id: str, client_secret: str, scope: str | None
    ) -> IssuedToken:
        """OAuth 2.0 client credentials (RFC 6749 §4.4): a bearer token for an authenticated
        client."""
        async with self.directory(writes=False) as access:
            client = await access.clients.get(client_id)
            tenant = await access.tenants.by_id(client.tenant_id) if client else None
        if (
            client is None
            or tenant is None
            or client.revoked_at is not None
            or not self.hasher.verify(client.secret_hash, client_secret)
        ):
            raise Unauthorized("Client authentication failed")
        requested = parse_scopes(scope) if scope is not None else None
        scopes = grant_scopes(client.scopes, requested)
        principal = Principal(client.client_id, tenant.id, tenant.slug, scopes)
        token = self.tokens.issue(principal, self.clock.now(), self.token_ttl_seconds)
        return IssuedToken(token, self.token_ttl_seconds, scopes)

    def authenticate(self, token: str) -> Principal:
        """The principal of a bearer token (signature and expiry checked; no database round
        trip)."""
        return self.tokens.read(token, self.clock.now())
