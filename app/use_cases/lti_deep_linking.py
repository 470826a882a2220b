"""A teacher aligns an LMS assignment to competencies (Deep Linking 2.0): the frameworks to pick
from, then the signed answer the browser carries back to the platform. Rules and claims are in
app/domain/lti/deep_linking.py."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import Invalid, Problem
from app.domain.frameworks import Framework, Status
from app.domain.lti.deep_linking import Picked, acceptance_problems, response_claims
from app.domain.lti.launch import DEEP_LINKING_REQUEST
from app.domain.lti.session import PageSession
from app.ports.lti import ToolKeys
from app.ports.unit_of_work import UnitOfWorkFactory
from app.use_cases.lti_launched import Launched, LaunchedFrom, service_url


@dataclass(frozen=True)
class Choice:
    """What the teacher picked: competencies of one framework, or one domain of it."""

    framework_id: str
    competency_ids: tuple[str, ...] = ()
    domain_id: str | None = None


@dataclass(frozen=True)
class DeepLinkAnswer:
    return_url: str
    jwt: str
    items: int


@dataclass(frozen=True, kw_only=True)
class LtiDeepLinking:
    uow: UnitOfWorkFactory
    launched: LaunchedFrom
    keys: ToolKeys

    async def frameworks(self, session: PageSession) -> list[Framework]:
        """The frameworks a teacher may pick from (the district's, active ones)."""
        await self._request(session)
        async with self.uow(session.tenant_id, writes=False) as uow:
            page = await uow.frameworks.list(after=None, limit=200)
        return [f for f in page.items if f.status is Status.ACTIVE]

    async def accepts_multiple(self, session: PageSession) -> bool:
        """Whether the LMS takes several items from this request (the form offers one or many)."""
        return (await self._request(session)).launch.deep_link_accept_multiple

    async def answer(self, session: PageSession, choice: Choice, launch_url: str) -> DeepLinkAnswer:
        """The signed LtiDeepLinkingResponse for the choice, and where the browser posts it."""
        found = await self._request(session)
        launch = found.launch
        return_url = service_url(
            launch.deep_link_return_url, "deep_link_return_url", "Deep Linking"
        )
        async with self.uow(session.tenant_id, writes=False) as uow:
            framework = (await uow.frameworks.get_many([choice.framework_id])).get(
                choice.framework_id
            )
        if framework is None:
            raise Invalid(
                "The choice is not valid", [Problem(("framework_id",), "no such framework")]
            )
        picked, problems = _picked(framework, choice)
        problems += acceptance_problems(launch, picked)
        if problems:
            raise Invalid("The choice is not valid", problems)
        claims = response_claims(launch, picked, launch_url, self.launched.clock.now())
        return DeepLinkAnswer(return_url, await self.keys.sign(claims), len(picked))

    async def _request(self, session: PageSession) -> Launched:
        found = await self.launched.teacher(session)
        if found.launch.message_type != DEEP_LINKING_REQUEST:
            raise Invalid(
                "This launch is not a Deep Linking request",
                [Problem(("message_type",), "open the tool from the LMS's 'add content' choice")],
            )
        return found


def _picked(framework: Framework, choice: Choice) -> tuple[list[Picked], list[Problem]]:
    """One item per competency picked, or one for the domain; unknown ids are problems."""
    wanted = (choice.domain_id,) if choice.domain_id else choice.competency_ids
    field = "domain_id" if choice.domain_id else "competency_ids"
    picked: list[Picked] = []
    problems: list[Problem] = []
    for i, cid in enumerate(dict.fromkeys(wanted)):
        if cid not in framework or not framework.competency(cid).is_active:
            problems.append(
                Problem((field, i), f"{cid!r} is not an active competency of this framework")
            )
            continue
        c = framework.competency(cid)
        picked.append(Picked(cid, c.code, c.statement))
    return picked, problems
