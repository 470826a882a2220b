"""One teacher's launch from the fake platform, kept as the launch would keep it, and the LTI
services wired to the fake platform's services through the guarded client."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from app.adapters.lti.advantage import AdvantageServices
from app.adapters.lti.service_tokens import ServiceTokens
from app.bootstrap import Container
from app.bootstrap_lti import with_lti_services
from app.domain.access import Tenant
from app.domain.lti.launch import RESOURCE_LINK_REQUEST, Launch
from app.domain.lti.platform import Platform
from app.domain.lti.session import PageRole, PageSession
from app.use_cases.catalog import UseCases
from app.use_cases.lti_grades import LtiGrades
from app.use_cases.lti_launched import LaunchedFrom
from app.use_cases.lti_roster import LtiRoster
from app.use_cases.lti_services import LtiServices
from tests.fakes.lti_keys import TestToolKeys
from tests.fakes.lti_services import BASE, CLIENT_ID, FakePlatformServices
from tests.unit.lti_services.platform import platform, through

INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"


class OnePlatform:
    def __init__(self, known: Platform) -> None:
        self.known = known

    async def find(self, issuer: str, client_id: str) -> Platform | None:
        same = (issuer, client_id) == (self.known.issuer, self.known.client_id)
        return self.known if same else None


async def no_sleep(seconds: float) -> None:
    """Retries without waiting; the waits asked for are recorded by `Sleeps`."""


class Sleeps:
    def __init__(self) -> None:
        self.asked: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)


@dataclass
class World:
    container: Container
    tenant: Tenant
    keys: TestToolKeys
    fake: FakePlatformServices
    services: AdvantageServices
    launched: LaunchedFrom
    sleeps: Sleeps

    use_cases: UseCases

    @property
    def lti(self) -> LtiServices:
        assert self.use_cases.lti_services is not None
        return self.use_cases.lti_services

    def roster(self) -> LtiRoster:
        return self.lti.roster

    def grades(self) -> LtiGrades:
        return self.lti.grades

    def launch(self, **claims: object) -> Launch:
        base: dict[str, object] = {
            "issuer": BASE,
            "client_id": CLIENT_ID,
            "deployment_id": "dep-1",
            "sub": "teacher-sub",
            "message_type": RESOURCE_LINK_REQUEST,
            "roles": (INSTRUCTOR,),
            "target_link_uri": "https://tool.example/lti/launch",
            "resource_link_id": "rl-1",
            "context_id": "ctx-1",
            "context_title": "Maths 7",
            "memberships_url": self.fake.memberships_url,
            "lineitems_url": self.fake.lineitems_url,
        }
        return Launch(**(base | claims))  # type: ignore[arg-type]

    async def session(self, launch: Launch, role: PageRole = PageRole.TEACHER) -> PageSession:
        now = self.container.adapters.clock.now()
        launch_id = await self.container.adapters.lti_launches.keep(
            self.tenant.id, launch, now + timedelta(hours=1)
        )
        return PageSession(
            tenant_id=self.tenant.id,
            tenant_slug=self.tenant.slug,
            role=role,
            user_id=launch.sub,
            person_id=None,
            launch_id=launch_id,
        )


def world(container: Container, tenant: Tenant) -> World:
    keys = TestToolKeys()
    fake = FakePlatformServices(keys)
    http = through(fake)
    sleeps = Sleeps()
    services = AdvantageServices(http, ServiceTokens(http, keys), sleep=sleeps)
    adapters = container.adapters
    platforms = OnePlatform(platform())
    launched = LaunchedFrom(
        clock=adapters.clock, launches=adapters.lti_launches, platforms=platforms
    )
    use_cases = with_lti_services(
        container.use_cases, adapters, keys=keys, platforms=platforms, http=http, sleep=sleeps
    )
    return World(container, tenant, keys, fake, services, launched, sleeps, use_cases)
