"""Tenants, clients and tokens: who may call, for which district, with which scopes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.access import (
    Client,
    Principal,
    Scope,
    Tenant,
    TenantId,
    grant_scopes,
    parse_scopes,
    validate_slug,
)
from app.domain.audit import OPERATOR, AuditEntry, AuditKind, client_facts
from app.domain.errors import Invalid, NotFound, Problem, Unauthorized
from app.ports.clock import Clock, IdGenerator
from app.ports.security import ClientStanding, SecretHasher, TokenCodec
from app.ports.unit_of_work import AccessUnitOfWork, AccessUnitOfWorkFactory


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
    standing: ClientStanding
    token_ttl_seconds: int
    # The hash an unknown client id's secret is checked against (made once, on first need).
    _dummy: list[str] = field(default_factory=list, repr=False)

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

    async def district_name(self, tenant_id: TenantId, slug: str) -> str:
        """The district's name for a page's heading: its slug when the tenant is gone (or the
        slug now names another tenant)."""
        try:
            tenant = await self.tenant_by_slug(slug)
        except NotFound:
            return slug
        return tenant.name if tenant.id == tenant_id else slug

    async def create_client(
        self, *, tenant_slug: str, scopes: str, name: str | None = None, actor: str = OPERATOR
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
            secret_hash=await self.hasher.hash(secret),
            created_at=self.clock.now(),
        )
        async with self.directory() as access:
            await access.clients.add(client)
            await _audit(access, actor, AuditKind.CLIENT_CREATED, client.created_at, after=client)
            await access.commit()
        return ClientCredentials(client_id, secret, tenant.slug, granted)

    async def list_clients(self, *, tenant: TenantId) -> list[Client]:
        """A tenant's clients, oldest first (their hashes are not for showing)."""
        async with self.directory() as access:
            return await access.clients.for_tenant(tenant)

    async def client(self, client_id: str, *, tenant: TenantId | None = None) -> Client:
        """One client; `tenant` (an API caller's) makes another tenant's client not found."""
        async with self.directory() as access:
            return await _client_of(access, client_id, tenant)

    async def rotate_client_secret(
        self, *, client_id: str, tenant: TenantId | None = None, actor: str = OPERATOR
    ) -> ClientCredentials:
        """Give a client a new secret; the old one stops working at once, and every token
        issued before within the revocation window."""
        secret = self.ids.new_secret()
        secret_hash = await self.hasher.hash(secret)
        async with self.directory() as access:
            client = await _client_of(access, client_id, tenant)
            found = await access.tenants.by_id(client.tenant_id)
            rotated = client.rotated(secret_hash)
            await access.clients.save(rotated)
            now = self.clock.now()
            await _audit(access, actor, AuditKind.CLIENT_ROTATED, now, client, rotated)
            await access.commit()
        assert found is not None  # a client row cannot outlive its tenant (foreign key)
        return ClientCredentials(client_id, secret, found.slug, client.scopes)

    async def disable_client(
        self, *, client_id: str, tenant: TenantId | None = None, actor: str = OPERATOR
    ) -> Client:
        """Refuse a client from now on: no new tokens, and its tokens revoked."""
        async with self.directory() as access:
            before = await _client_of(access, client_id, tenant)
            client = before.disabled(self.clock.now())
            await access.clients.save(client)
            await _audit(
                access, actor, AuditKind.CLIENT_DISABLED, client.revoked_at, before, client
            )
            await access.commit()
        return client

    async def delete_client(
        self, *, client_id: str, tenant: TenantId | None = None, actor: str = OPERATOR
    ) -> None:
        """Remove a client; its tokens are revoked with it."""
        async with self.directory() as access:
            client = await _client_of(access, client_id, tenant)
            await access.clients.delete(client.client_id)
            now = self.clock.now()
            await _audit(access, actor, AuditKind.CLIENT_DELETED, now, before=client)
            await access.commit()

    async def issue_token(
        self, *, client_id: str, client_secret: str, scope: str | None
    ) -> IssuedToken:
        """OAuth 2.0 client credentials (RFC 6749 §4.4): a bearer token for an authenticated
        client."""
        async with self.directory(writes=False) as access:
            client = await access.clients.get(client_id)
            tenant = await access.tenants.by_id(client.tenant_id) if client else None
        # An unknown id is checked against a hash too, so that the answer takes as long as for
        # a known one and does not tell which client ids exist.
        stored = client.secret_hash if client is not None else await self._unknown_client_hash()
        verified = await self.hasher.verify(stored, client_secret)
        if client is None or tenant is None or not client.active or not verified:
            raise Unauthorized("Client authentication failed")
        requested = parse_scopes(scope) if scope is not None else None
        scopes = grant_scopes(client.scopes, requested)
        principal = Principal(
            client.client_id, tenant.id, tenant.slug, scopes, client_version=client.token_version
        )
        token = self.tokens.issue(principal, self.clock.now(), self.token_ttl_seconds)
        return IssuedToken(token, self.token_ttl_seconds, scopes)

    async def _unknown_client_hash(self) -> str:
        if not self._dummy:
            # What it hashes does not matter: an unknown client is refused whatever it sends.
            self._dummy.append(await self.hasher.hash("no such client"))
        return self._dummy[0]

    async def authenticate(self, token: str) -> Principal:
        """The principal of a bearer token: signature and expiry checked, and its client still
        active with the token's version (a lookup cached for a few seconds, not a database
        round trip per call)."""
        principal = self.tokens.read(token, self.clock.now())
        if await self.standing.version(principal.client_id) != principal.client_version:
            raise Unauthorized("The access token has been revoked")
        return principal


async def _audit(
    access: AccessUnitOfWork,
    actor: str,
    kind: AuditKind,
    at: datetime | None,
    before: Client | None = None,
    after: Client | None = None,
) -> None:
    """Record a change of a client in its tenant's trail, in the directory's transaction."""
    client = after or before
    assert client is not None
    assert at is not None
    entry = AuditEntry(
        at=at,
        actor=actor,
        kind=kind,
        subject=client.client_id,
        before=client_facts(before) if before else None,
        after=client_facts(after) if after else None,
    )
    await access.audit(client.tenant_id).record(entry)


async def _client_of(access: AccessUnitOfWork, client_id: str, tenant: TenantId | None) -> Client:
    client = await access.clients.get(client_id)
    if client is None or (tenant is not None and client.tenant_id != tenant):
        # Another tenant's client answers exactly as one that does not exist.
        raise NotFound(f"No client {client_id!r}", [Problem(("client_id",), "no such client")])
    return client
