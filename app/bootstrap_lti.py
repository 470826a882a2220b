"""The LTI tool's part of the composition root (app/bootstrap.py has no room left): its
adapters, built from the process's sessions, service key and guarded outbound client, and the
use case wired from them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.http import OutboundHttp
from app.adapters.lti.dynamic_registration import HttpPlatformRegistrar, SqlRegistrationTokens
from app.adapters.lti.keys import SqlToolKeys
from app.adapters.lti.platform_keys import PlatformKeys
from app.adapters.lti.registry import SqlLtiRegistry
from app.ports.clock import Clock
from app.ports.lti import ToolKeys
from app.ports.lti_dynamic import PlatformRegistrar, RegistrationTokens
from app.ports.lti_registry import (
    IdTokenSignatures,
    LoginStates,
    LtiUsers,
    Platforms,
    ToolKeyRotation,
)
from app.ports.security import SecretBox
from app.use_cases.lti_launch import LtiTool
from app.use_cases.lti_registration import LtiRegistration

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


def lti_adapters(
    sessions: async_sessionmaker[AsyncSession],
    secret_box: SecretBox,
    clock: Clock,
    outbound: OutboundHttp,
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
