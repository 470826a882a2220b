"""The LTI tool's part of the composition root (app/bootstrap.py has no room left): its
adapters, built from the process's sessions, service key and guarded outbound client, and the
use cases wired from them: the launch, Dynamic Registration and the Advantage services (NRPS,
AGS, Deep Linking), which sign with the tool's keys and find platforms in the launch's registry."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.http import OutboundHttp
from app.adapters.lti.advantage import AdvantageServices, Sleep
from app.adapters.lti.dynamic_registration import HttpPlatformRegistrar, SqlRegistrationTokens
from app.adapters.lti.keys import SqlToolKeys
from app.adapters.lti.platform_directory import RegisteredPlatforms
from app.adapters.lti.platform_keys import PlatformKeys
from app.adapters.lti.registry import SqlLtiRegistry
from app.adapters.lti.service_tokens import ServiceTokens
from app.api.rate_limits import TokenRateLimits
from app.config import Settings
from app.ports.clock import Clock
from app.ports.lti import PlatformDirectory, ToolKeys
from app.ports.lti_dynamic import PlatformRegistrar, RegistrationTokens
from app.ports.lti_registry import (
    IdTokenSignatures,
    LoginStates,
    LtiUsers,
    Platforms,
    ToolKeyRotation,
)
from app.ports.security import SecretBox
from app.use_cases.catalog import UseCases
from app.use_cases.gradebook import Gradebook
from app.use_cases.lti_deep_linking import LtiDeepLinking
from app.use_cases.lti_grades import LtiGrades
from app.use_cases.lti_launch import LtiTool
from app.use_cases.lti_launched import LaunchedFrom
from app.use_cases.lti_registration import LtiRegistration
from app.use_cases.lti_roster import LtiRoster
from app.use_cases.lti_scores import LtiScores
from app.use_cases.lti_services import LtiServices

if TYPE_CHECKING:
    from app.bootstrap import Adapters


@dataclass(frozen=True, kw_only=True)
class LtiAdapters:
    platforms: Platforms
    logins: LoginStates
    users: LtiUsers
    signatures: IdTokenSignatures
    # The tool's keys: what signs client assertions and Deep Linking answers, and /lti/jwks.json.
    tool_keys: ToolKeys
    rotation: ToolKeyRotation
    # Dynamic Registration: our one-time tokens, and the platforms' endpoints.
    registration_tokens: RegistrationTokens
    registrar: PlatformRegistrar
    # The Advantage services: platforms by (issuer, client_id), their NRPS/AGS endpoints.
    platform_directory: PlatformDirectory
    advantage: AdvantageServices
    # Whether mastery levels are posted to the LMS gradebook (MASTERY_LTI_POST_SCORES).
    post_scores: bool = False


def lti_adapters(
    sessions: async_sessionmaker[AsyncSession],
    secret_box: SecretBox,
    clock: Clock,
    outbound: OutboundHttp,
    *,
    post_scores: bool = False,
) -> LtiAdapters:
    registry = SqlLtiRegistry(sessions)
    keys = SqlToolKeys(sessions, secret_box, clock)
    return LtiAdapters(
        platforms=registry,
        logins=registry,
        users=registry,
        signatures=PlatformKeys(outbound),
        tool_keys=keys,
        rotation=keys,
        registration_tokens=SqlRegistrationTokens(sessions),
        registrar=HttpPlatformRegistrar(outbound),
        platform_directory=RegisteredPlatforms(registry),
        advantage=AdvantageServices(outbound, ServiceTokens(outbound, keys)),
        post_scores=post_scores,
    )


def request_limits(settings: Settings) -> TokenRateLimits:
    """The web app's rate limits: the token endpoint's, and the LTI login's per address."""
    return TokenRateLimits(
        per_client=settings.token_requests_per_minute_per_client,
        per_address=settings.token_requests_per_minute_per_address,
        lti_logins_per_address=settings.lti_logins_per_minute_per_address,
    )


def lti_registration(a: Adapters) -> LtiRegistration:
    return LtiRegistration(
        tokens=a.lti.registration_tokens,
        registrar=a.lti.registrar,
        platforms=a.lti.platforms,
        directory=a.directory,
        clock=a.clock,
    )


def lti_tool(a: Adapters) -> LtiTool:
    return LtiTool(
        platforms=a.lti.platforms,
        logins=a.lti.logins,
        users=a.lti.users,
        launches=a.lti_launches,
        signatures=a.lti.signatures,
        rotation=a.lti.rotation,
        tool_keys=a.lti.tool_keys,
        page_sessions=a.page_sessions,
        directory=a.directory,
        uow=a.uow,
        clock=a.clock,
    )


def lti_services(
    a: Adapters,
    gradebook: Gradebook,
    *,
    post_scores: bool | None = None,
    platforms: PlatformDirectory | None = None,
    keys: ToolKeys | None = None,
    services: AdvantageServices | None = None,
) -> LtiServices:
    """NRPS roster pulls, AGS grades both ways and the Deep Linking answer; a test may give its
    own platforms, keys or services (a fake platform's)."""
    keys = keys or a.lti.tool_keys
    post_scores = a.lti.post_scores if post_scores is None else post_scores
    services = services or a.lti.advantage
    launched = LaunchedFrom(
        clock=a.clock, launches=a.lti_launches, platforms=platforms or a.lti.platform_directory
    )
    return LtiServices(
        sessions=a.page_sessions,
        clock=a.clock,
        roster=LtiRoster(uow=a.uow, launched=launched, services=services, jobs=a.jobs),
        grades=LtiGrades(
            uow=a.uow, launched=launched, services=services, gradebook=gradebook, jobs=a.jobs
        ),
        scores=LtiScores(
            uow=a.uow, launched=launched, services=services, jobs=a.jobs, enabled=post_scores
        ),
        deep_linking=LtiDeepLinking(uow=a.uow, launched=launched, keys=keys),
    )


def with_lti_services(
    use_cases: UseCases,
    adapters: Adapters,
    *,
    keys: ToolKeys,
    platforms: PlatformDirectory,
    http: OutboundHttp,
    post_scores: bool = False,
    sleep: Sleep = asyncio.sleep,
) -> UseCases:
    """The use cases with the LTI services wired to other keys and platforms than the
    process's (the tests' fake platform): every platform request through `http`."""
    services = AdvantageServices(http, ServiceTokens(http, keys), sleep=sleep)
    lti = lti_services(
        adapters,
        use_cases.gradebook,
        post_scores=post_scores,
        platforms=platforms,
        keys=keys,
        services=services,
    )
    return replace(use_cases, lti_services=lti)
