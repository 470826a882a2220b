"""Ports of the LTI tool's registry: platforms and deployments, the one-time login state and
nonces, and the LTI users a launch links to roster people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.domain.access import TenantId
from app.domain.lti.platform import Deployment, Platform, Registration


class Platforms(Protocol):
    async def add(
        self,
        tenant_id: TenantId,
        platform: Platform,
        deployment_ids: tuple[str, ...],
        now: datetime,
    ) -> Registration:
        """Register `platform` for the district; Conflict when (issuer, client_id) is taken by
        any district (a launch names no tenant: the registration is what names it)."""
        ...

    async def list(self, tenant_id: TenantId) -> list[Registration]:
        """The district's registrations, oldest first."""
        ...

    async def get(self, tenant_id: TenantId, registration_id: str) -> Registration | None: ...

    async def remove(self, tenant_id: TenantId, registration_id: str) -> bool:
        """Forget a registration and its deployments; False when the district has none so."""
        ...

    async def find(self, issuer: str, client_id: str | None) -> Registration | None:
        """The registration a login or launch names, whichever district owns it. Without a
        client_id (a login may omit it), the issuer's only registration, if it has one only."""
        ...

    async def by_id(self, registration_id: str) -> Registration | None:
        """A registration by its id, whichever district owns it (a login state names it)."""
        ...

    async def deployment(
        self, issuer: str, client_id: str, deployment_id: str
    ) -> Deployment | None: ...


@dataclass(frozen=True)
class LoginState:
    """What a login's state stands for: the registration it began with, and the digest of the
    secret the browser that began it keeps (in a cookie, or in the platform's storage)."""

    registration_id: str
    binding_digest: str


class LoginStates(Protocol):
    """What a login hands the platform and must get back once: `state` and `nonce`."""

    async def remember(
        self, state: str, nonce: str, login: LoginState, expires_at: datetime
    ) -> None: ...

    async def take_state(self, state: str, now: datetime) -> LoginState | None:
        """What the state was made for, once: the state is gone afterwards, also for a
        concurrent caller (atomic). None when unknown, used or expired."""
        ...

    async def take_nonce(self, nonce: str, now: datetime) -> bool:
        """True once for a nonce of ours that has not expired; False ever after (atomic)."""
        ...


class LtiUsers(Protocol):
    async def link(
        self,
        tenant_id: TenantId,
        issuer: str,
        sub: str,
        person_id: str,
        roles: tuple[str, ...],
        now: datetime,
    ) -> None:
        """Remember which roster person (issuer, sub) is, and the roles last seen."""
        ...

    async def people(
        self, tenant_id: TenantId, issuer: str, subs: tuple[str, ...]
    ) -> dict[str, str]:
        """The roster person of each of these subs that has been linked (by sub)."""
        ...


class ToolKeyRotation(Protocol):
    """The life of the tool's keys: publish → sign → retire, so a platform has fetched a key's
    public half before anything is signed with it."""

    async def generate(self, now: datetime) -> str | None:
        """A first signing key when there is none (its kid); None when one exists."""
        ...

    async def rotate(self, now: datetime) -> str:
        """A new key published (its kid); the published key now signs; the signing one retires."""
        ...


class IdTokenSignatures(Protocol):
    async def verify(self, id_token: str, jwks_url: str) -> dict[str, object]:
        """The claims once the header (alg, kid) and the signature by a key of the platform's
        JWKS hold; LaunchRefused naming the check that failed otherwise."""
        ...
