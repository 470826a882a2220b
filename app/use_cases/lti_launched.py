"""What a page session's services start from: the launch it came from and the platform that
launched it (the service URLs are the launch's; the token endpoint is the registration's)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.access import TenantId
from app.domain.errors import Forbidden, Invalid, NotFound, Problem, Unauthorized
from app.domain.lti.launch import Launch
from app.domain.lti.platform import Platform
from app.domain.lti.session import PageRole, PageSession
from app.ports.clock import Clock
from app.ports.lti import LaunchRecords, PlatformDirectory


@dataclass(frozen=True)
class Launched:
    launch: Launch
    platform: Platform


@dataclass(frozen=True, kw_only=True)
class LaunchedFrom:
    clock: Clock
    launches: LaunchRecords
    platforms: PlatformDirectory

    async def teacher(self, session: PageSession) -> Launched:
        """The launch and platform of a teacher's session; only a class's teacher may pull its
        roster or grades, or align its assignments."""
        if session.role is not PageRole.TEACHER:
            raise Forbidden("Only a class's teacher may do this from the LMS")
        return await self.launched(session.tenant_id, session.launch_id)

    async def launched(self, tenant_id: TenantId, launch_id: str | None) -> Launched:
        launch = None
        if launch_id is not None:
            launch = await self.launches.find(tenant_id, launch_id, self.clock.now())
        if launch is None:
            raise Unauthorized("The launch has expired: open the tool again from the LMS")
        platform = await self.platforms.find(launch.issuer, launch.client_id)
        if platform is None:
            raise NotFound("The platform that launched this page is no longer registered")
        return Launched(launch, platform)


def service_url(url: str | None, field: str, service: str) -> str:
    """A service URL the launch carried; a 4xx naming the service when the platform offered none."""
    if not url:
        raise Invalid(
            f"The platform offers no {service} for this course",
            [Problem((field,), "the launch carried no such URL")],
        )
    return url
