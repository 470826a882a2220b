"""Grades of the LMS's aligned assignments (AGS 2.0 line items and results) pulled in as
evidence, through the OneRoster gradebook's own rules and use case, so decisions follow exactly
as they do for a gradebook PUT. The rules of what counts are in app/domain/lti/grades.py."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.access import Principal, Scope, TenantId
from app.domain.errors import Invalid, Problem
from app.domain.gradebook_reading import PutLineItem, PutResult
from app.domain.jobs import Job
from app.domain.lti.grades import (
    aligned_item,
    gradebook_line_item_id,
    gradebook_result_id,
    read_result,
)
from app.domain.lti.memberships import read_members
from app.domain.lti.people import person_id
from app.domain.lti.session import PageSession
from app.ports.jobs import JobArguments, JobReport, JobRunner, Progress
from app.ports.lti_services import PlatformServices
from app.ports.unit_of_work import UnitOfWorkFactory
from app.use_cases.gradebook import Gradebook
from app.use_cases.lti_launched import Launched, LaunchedFrom, service_url
from app.use_cases.lti_roster import class_of_launch

GRADES_PULL_JOB = "lti_grades_pull"
LINE_ITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
LINE_ITEM_READ_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly"
# The evidence's sender (a client id in the evidence's provenance): the platform, by issuer.
SENDER_PREFIX = "lti:"


@dataclass(frozen=True)
class GradesPulled:
    line_items: int
    results_recorded: int
    results_unchanged: int
    # results of people the roster does not have (pull the roster first), by reason
    skipped: tuple[Problem, ...]

    def result(self) -> dict[str, object]:
        return {
            "line_items": self.line_items,
            "results_recorded": self.results_recorded,
            "results_unchanged": self.results_unchanged,
            "skipped": len(self.skipped),
        }


@dataclass(frozen=True, kw_only=True)
class LtiGrades:
    uow: UnitOfWorkFactory
    launched: LaunchedFrom
    services: PlatformServices
    gradebook: Gradebook
    jobs: JobRunner

    async def pull_grades(self, session: PageSession) -> GradesPulled:
        """Read the course's aligned line items and their results into evidence."""
        found = await self.launched.teacher(session)
        return await self._pull(session.tenant_id, session.tenant_slug, found)

    async def start_grades_job(self, session: PageSession) -> Job:
        await self.launched.teacher(session)
        arguments = {"launch_id": session.launch_id, "tenant_slug": session.tenant_slug}
        return await self.jobs.enqueue(
            session.tenant_id, GRADES_PULL_JOB, Scope.EVIDENCE_WRITE, arguments
        )

    async def run_grades_job(
        self, tenant: TenantId, arguments: JobArguments, progress: Progress
    ) -> JobReport:
        found = await self.launched.launched(tenant, str(arguments["launch_id"]))
        pulled = await self._pull(tenant, str(arguments["tenant_slug"]), found)
        return JobReport(pulled.result())

    async def _pull(self, tenant: TenantId, slug: str, found: Launched) -> GradesPulled:
        launch, platform = found.launch, found.platform
        url = service_url(launch.lineitems_url, "lineitems_url", "gradebook service (AGS)")
        async with self.uow(tenant, writes=False) as uow:
            class_id = await class_of_launch(uow, launch)
        if class_id is None:
            raise Invalid(
                "The course's class is not in the roster yet",
                [Problem(("class",), "pull the course's roster (NRPS) before its grades")],
            )
        granted = LINE_ITEM_SCOPE if LINE_ITEM_SCOPE in launch.ags_scopes else LINE_ITEM_READ_SCOPE
        items = [
            a
            for a in map(aligned_item, await self.services.line_items(platform, url, [granted]))
            if a is not None
        ]
        people = await self._people(found)
        principal = Principal(
            f"{SENDER_PREFIX}{launch.issuer}", tenant, slug, frozenset({Scope.EVIDENCE_WRITE})
        )
        recorded = unchanged = 0
        skipped: list[Problem] = []
        for item in items:
            item_id = gradebook_line_item_id(item.url)
            await self.gradebook.put_line_item(
                principal,
                PutLineItem(
                    sourced_id=item_id,
                    status="active",
                    title=item.label,
                    class_id=class_id,
                    result_value_min=0.0,
                    result_value_max=item.score_maximum,
                    objective_sets=((None, (item.competency,)),),
                ),
            )
            now = self.launched.clock.now()
            for raw in await self.services.results(platform, item.url):
                result = read_result(raw, item)
                if result is None:
                    continue
                result_id = gradebook_result_id(item.url, result.user_id)
                async with self.uow(tenant, writes=False) as uow:
                    stored = await uow.gradebook_results.get(result_id)
                if stored is not None and stored.score == result.score:
                    unchanged += 1  # the same grade again: its evidence stays as observed
                    continue
                student = people.get(result.user_id) or person_id(launch.issuer, result.user_id)
                try:
                    await self.gradebook.put_result(
                        principal,
                        PutResult(
                            sourced_id=result_id,
                            status="active",
                            line_item_id=item_id,
                            student_id=student,
                            score_status="fully graded",
                            score=result.score,
                            score_date=now.isoformat(),
                        ),
                    )
                except Invalid as error:
                    skipped += [Problem(("results", result_id), p.msg) for p in error.problems]
                    continue
                recorded += 1
        return GradesPulled(len(items), recorded, unchanged, tuple(skipped))

    async def _people(self, found: Launched) -> dict[str, str]:
        """The roster person of each platform user of the course (NRPS gives the SIS's id a
        result's userId alone does not); empty when the platform offers no NRPS."""
        url = found.launch.memberships_url
        if not url:
            return {}
        pull = await self.services.memberships(found.platform, url)
        people: dict[str, str] = {}
        for raw in pull.members:
            if isinstance(raw, dict) and isinstance(raw.get("user_id"), str):
                members = read_members(found.launch.issuer, [raw], [])
                if members:
                    people[raw["user_id"]] = members[0].person_id
        return people
