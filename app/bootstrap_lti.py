"""Wiring of the LTI Advantage services (NRPS, AGS, Deep Linking): kept out of app/bootstrap.py,
which is at its size limit. They need the tool's keys and the registered platforms, which the
launch's registry provides; `with_lti_services` adds them to the wired use cases."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from app.adapters.http import OutboundHttp
from app.adapters.lti.advantage import AdvantageServices, Sleep
from app.adapters.lti.service_tokens import ServiceTokens
from app.bootstrap import Adapters
from app.ports.lti import PlatformDirectory, ToolKeys
from app.use_cases.catalog import UseCases
from app.use_cases.lti_deep_linking import LtiDeepLinking
from app.use_cases.lti_grades import LtiGrades
from app.use_cases.lti_launched import LaunchedFrom
from app.use_cases.lti_roster import LtiRoster
from app.use_cases.lti_scores import LtiScores
from app.use_cases.lti_services import LtiServices


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
    """The use cases with the LTI services wired: every platform request through `http` (the
    guarded client), service tokens signed with `keys`."""
    a = adapters
    services = AdvantageServices(http, ServiceTokens(http, keys), sleep=sleep)
    launched = LaunchedFrom(clock=a.clock, launches=a.lti_launches, platforms=platforms)
    lti = LtiServices(
        sessions=a.page_sessions,
        clock=a.clock,
        roster=LtiRoster(uow=a.uow, launched=launched, services=services, jobs=a.jobs),
        grades=LtiGrades(
            uow=a.uow,
            launched=launched,
            services=services,
            gradebook=use_cases.gradebook,
            jobs=a.jobs,
        ),
        scores=LtiScores(
            uow=a.uow, launched=launched, services=services, jobs=a.jobs, enabled=post_scores
        ),
        deep_linking=LtiDeepLinking(uow=a.uow, launched=launched, keys=keys),
    )
    return replace(use_cases, lti_services=lti)
