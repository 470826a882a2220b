"""In-memory LTI registry and launch records, for the use-case unit tests; the contract suite
(tests/contracts/test_lti_registry_contract.py) holds them to the SQL adapters' behaviour."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from app.adapters.http import OutboundHttp, OutboundPolicy
from app.adapters.lti.advantage import AdvantageServices
from app.adapters.lti.dynamic_registration import HttpPlatformRegistrar
from app.adapters.lti.keys import PUBLISHED, RETIRED, SIGNING, new_key
from app.adapters.lti.platform_directory import RegisteredPlatforms
from app.adapters.lti.platform_keys import PlatformKeys
from app.adapters.lti.service_tokens import ServiceTokens
from app.bootstrap_lti import LtiAdapters
from app.domain.access import TenantId
from app.domain.errors import Conflict
from app.domain.lti.launch import Launch
from app.domain.lti.platform import Deployment, Platform, Registration
from app.ports.lti_registry import LoginState


class MemoryLaunchRecords:
    def __init__(self) -> None:
        self._kept: dict[str, tuple[TenantId, Launch, datetime]] = {}

    async def keep(self, tenant_id: TenantId, launch: Launch, expires_at: datetime) -> str:
        launch_id = secrets.token_urlsafe(18)
        self._kept[launch_id] = (tenant_id, launch, expires_at)
        return launch_id

    async def find(self, tenant_id: TenantId, launch_id: str, now: datetime) -> Launch | None:
        kept = self._kept.get(launch_id)
        if kept is None or kept[0] != tenant_id or kept[2] <= now:
            return None
        return kept[1]


@dataclass
class FakeLtiRegistry:
    registrations: dict[str, Registration] = field(default_factory=dict)
    states: dict[str, tuple[LoginState, datetime]] = field(default_factory=dict)
    nonces: dict[str, datetime] = field(default_factory=dict)
    users: dict[tuple[TenantId, str, str], str] = field(default_factory=dict)

    async def add(
        self,
        tenant_id: TenantId,
        platform: Platform,
        deployment_ids: tuple[str, ...],
        now: datetime,
    ) -> Registration:
        if any(
            (r.platform.issuer, r.platform.client_id) == (platform.issuer, platform.client_id)
            for r in self.registrations.values()
        ):
            raise Conflict("This issuer and client id are already registered")
        found = Registration(
            secrets.token_hex(8), tenant_id, platform, tuple(dict.fromkeys(deployment_ids))
        )
        self.registrations[found.id] = found
        return found

    async def list(self, tenant_id: TenantId) -> list[Registration]:
        return [r for r in self.registrations.values() if r.tenant_id == tenant_id]

    async def get(self, tenant_id: TenantId, registration_id: str) -> Registration | None:
        found = self.registrations.get(registration_id)
        return found if found is not None and found.tenant_id == tenant_id else None

    async def remove(self, tenant_id: TenantId, registration_id: str) -> bool:
        if await self.get(tenant_id, registration_id) is None:
            return False
        del self.registrations[registration_id]
        return True

    async def find(self, issuer: str, client_id: str | None) -> Registration | None:
        found = [
            r
            for r in self.registrations.values()
            if r.platform.issuer == issuer and client_id in (None, r.platform.client_id)
        ]
        return found[0] if len(found) == 1 else None

    async def by_id(self, registration_id: str) -> Registration | None:
        return self.registrations.get(registration_id)

    async def deployment(
        self, issuer: str, client_id: str, deployment_id: str
    ) -> Deployment | None:
        found = await self.find(issuer, client_id)
        if found is None or deployment_id not in found.deployment_ids:
            return None
        return Deployment(issuer, client_id, deployment_id, found.tenant_id)

    async def remember(
        self, state: str, nonce: str, login: LoginState, expires_at: datetime
    ) -> None:
        self.states[state] = (login, expires_at)
        self.nonces[nonce] = expires_at

    async def take_state(self, state: str, now: datetime) -> LoginState | None:
        found = self.states.pop(state, None)
        return found[0] if found is not None and found[1] > now else None

    async def take_nonce(self, nonce: str, now: datetime) -> bool:
        expires_at = self.nonces.pop(nonce, None)
        return expires_at is not None and expires_at > now

    async def link(
        self,
        tenant_id: TenantId,
        issuer: str,
        sub: str,
        person_id: str,
        roles: tuple[str, ...],
        now: datetime,
    ) -> None:
        self.users[(tenant_id, issuer, sub)] = person_id

    async def people(
        self, tenant_id: TenantId, issuer: str, subs: tuple[str, ...]
    ) -> dict[str, str]:
        return {
            s: self.users[(tenant_id, issuer, s)]
            for s in subs
            if (tenant_id, issuer, s) in self.users
        }


class FakeToolKeys:
    """The tool's keys in memory, with the real key generation and publish → sign → retire."""

    def __init__(self) -> None:
        self.keys: dict[str, tuple[str, rsa.RSAPrivateKey, dict[str, object]]] = {}

    async def sign(self, claims: dict[str, object]) -> str:
        await self.generate(datetime.now(UTC))
        kid = next(k for k, (state, _, _) in reversed(self.keys.items()) if state == SIGNING)
        return jwt.encode(claims, self.keys[kid][1], algorithm="RS256", headers={"kid": kid})

    async def public_jwks(self) -> dict[str, object]:
        await self.generate(datetime.now(UTC))
        return {"keys": [jwk for state, _, jwk in self.keys.values() if state != RETIRED]}

    async def generate(self, now: datetime) -> str | None:
        if any(state == SIGNING for state, _, _ in self.keys.values()):
            return None
        return self._add(SIGNING)

    async def rotate(self, now: datetime) -> str:
        nothing_published = not any(state == PUBLISHED for state, _, _ in self.keys.values())
        if nothing_published and await self.generate(now) is not None:
            return next(reversed(self.keys))
        for kid, (state, private, jwk) in list(self.keys.items()):
            changed = {SIGNING: RETIRED, PUBLISHED: SIGNING}.get(state, state)
            self.keys[kid] = (changed, private, jwk)
        return self._add(PUBLISHED)

    def _add(self, state: str) -> str:
        kid, private, jwk = new_key()
        self.keys[kid] = (state, private, jwk)
        return kid


def fake_lti_adapters() -> LtiAdapters:
    """The LTI adapters of the unit tests: platform keys are never reachable (no network)."""
    registry = FakeLtiRegistry()
    keys = FakeToolKeys()
    nowhere = httpx.MockTransport(lambda request: httpx.Response(404))
    http = OutboundHttp(OutboundPolicy.from_settings((), allow_http=False), transport=nowhere)
    return LtiAdapters(
        platforms=registry,
        logins=registry,
        users=registry,
        signatures=PlatformKeys(http),
        tool_keys=keys,
        rotation=keys,
        registration_tokens=FakeRegistrationTokens(),
        registrar=HttpPlatformRegistrar(http),
        platform_directory=RegisteredPlatforms(registry),
        advantage=AdvantageServices(http, ServiceTokens(http, keys)),
    )


class FakeRegistrationTokens:
    def __init__(self) -> None:
        self.tokens: dict[str, tuple[TenantId, datetime]] = {}

    async def issue(self, tenant_id: TenantId, digest: str, expires_at: datetime) -> None:
        self.tokens[digest] = (tenant_id, expires_at)

    async def take(self, digest: str, now: datetime) -> TenantId | None:
        found = self.tokens.pop(digest, None)
        return found[0] if found is not None and found[1] > now else None
