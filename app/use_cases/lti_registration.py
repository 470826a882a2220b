"""LTI Dynamic Registration 1.0: a district's admin hands a platform our registration URL (with
a one-time token of ours naming the district); the platform opens it with its OpenID
configuration URL and its own registration token; we read the configuration, post our client
registration and keep the platform and its deployment for the district."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from urllib.parse import urlencode, urlsplit

from app.domain.errors import Invalid, NotFound
from app.domain.lti.platform import Platform, Registration, registration_problems
from app.domain.lti.tool_config import client_registration
from app.ports.clock import Clock
from app.ports.lti_dynamic import PlatformRegistrar, RegistrationTokens
from app.ports.lti_registry import Platforms
from app.ports.unit_of_work import AccessUnitOfWorkFactory

# Long enough to paste the URL into the LMS and click through; a day at most.
TOKEN_HOURS = 24
REGISTER_PATH = "/lti/register"
TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class LtiRegistration:
    def __init__(
        self,
        *,
        tokens: RegistrationTokens,
        registrar: PlatformRegistrar,
        platforms: Platforms,
        directory: AccessUnitOfWorkFactory,
        clock: Clock,
    ) -> None:
        self._tokens = tokens
        self._registrar = registrar
        self._platforms = platforms
        self._directory = directory
        self._clock = clock

    async def registration_url(self, tenant_slug: str, base: str) -> str:
        """Our Dynamic Registration URL for the district, good once within TOKEN_HOURS."""
        async with self._directory(writes=False) as directory:
            tenant = await directory.tenants.by_slug(tenant_slug)
        if tenant is None:
            raise NotFound(f"No tenant {tenant_slug!r}")
        token = secrets.token_urlsafe(32)
        expires_at = self._clock.now() + timedelta(hours=TOKEN_HOURS)
        await self._tokens.issue(tenant.id, _digest(token), expires_at)
        return f"{base.rstrip('/')}{REGISTER_PATH}?{urlencode({'tenant_token': token})}"

    async def register(
        self, *, tenant_token: str, openid_configuration: str, registration_token: str, base: str
    ) -> Registration:
        tenant_id = await self._tokens.take(_digest(tenant_token), self._clock.now())
        if tenant_id is None:
            raise Invalid("This registration link is unknown, used or expired; ask for a new one")
        config = await self._registrar.configuration(openid_configuration, registration_token)
        issuer, endpoints = config.get("issuer"), _endpoints(config)
        # §3.5.1: the configuration's issuer must be the host the configuration came from.
        if not isinstance(issuer, str) or _origin(issuer) != _origin(openid_configuration):
            raise Invalid("The platform's issuer does not match its configuration URL")
        client = client_registration(base, urlsplit(base).netloc)
        answer = await self._registrar.register(
            endpoints["registration_endpoint"], registration_token, client
        )
        client_id = answer.get("client_id")
        if not isinstance(client_id, str) or not client_id:
            raise Invalid("The platform's registration answer has no client_id")
        tool = answer.get(TOOL_CONFIGURATION)
        deployment = tool.get("deployment_id") if isinstance(tool, dict) else None
        platform = Platform(
            issuer=issuer,
            client_id=client_id,
            auth_login_url=endpoints["authorization_endpoint"],
            token_url=endpoints["token_endpoint"],
            jwks_url=endpoints["jwks_uri"],
            token_audience=_text(config.get("authorization_server")),
        )
        deployments = (deployment,) if isinstance(deployment, str) and deployment else ()
        problems = registration_problems(platform, deployments)
        if problems:
            listed = "; ".join(f"{'.'.join(map(str, p.loc))} {p.msg}" for p in problems)
            raise Invalid(f"The platform's registration cannot be kept: {listed}")
        return await self._platforms.add(tenant_id, platform, deployments, self._clock.now())


def _endpoints(config: dict[str, object]) -> dict[str, str]:
    names = ("authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint")
    found = {n: config.get(n) for n in names}
    missing = [n for n, v in found.items() if not isinstance(v, str) or not v]
    if missing:
        raise Invalid(f"The platform's configuration has no {', '.join(missing)}")
    return {n: str(v) for n, v in found.items()}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
