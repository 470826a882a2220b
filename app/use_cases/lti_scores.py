"""Each student's mastery level posted to the LMS gradebook (AGS 2.0 scores), one line item per
(course, competency): the competencies the course's assignments are aligned to (Deep Linking's
resourceId). Opt-in: a district that keeps its gradebook for grades leaves it off. As a job, so
a platform answering 429/5xx is asked again after its Retry-After (the adapter) and a failed
job can run again; the rules are in app/domain/lti/grades.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.access import Scope, TenantId
from app.domain.errors import Forbidden
from app.domain.jobs import Job
from app.domain.lti.grades import (
    MASTERY_TAG,
    competency_named,
    mastery_line_item,
    mastery_score,
    next_timestamp,
)
from app.domain.lti.memberships import read_members
from app.domain.lti.session import PageSession
from app.ports.jobs import JobArguments, JobReport, JobRunner, Progress
from app.ports.lti_services import JsonObject, PlatformServices
from app.ports.unit_of_work import UnitOfWorkFactory
from app.use_cases.lti_grades import LINE_ITEM_SCOPE
from app.use_cases.lti_launched import Launched, LaunchedFrom, service_url

SCORES_JOB = "lti_scores_post"
LABEL_CHARS = 80  # a gradebook column's title is short in every LMS


@dataclass(frozen=True)
class ScoresPosted:
    line_items_created: int
    scores_posted: int

    def result(self) -> dict[str, object]:
        return {"line_items_created": self.line_items_created, "scores_posted": self.scores_posted}


def _label(code: str, statement: str) -> str:
    text = f"{code} {statement}".strip()
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True, kw_only=True)
class LtiScores:
    uow: UnitOfWorkFactory
    launched: LaunchedFrom
    services: PlatformServices
    jobs: JobRunner
    enabled: bool = False

    async def start_scores_job(self, session: PageSession) -> Job:
        self._check_enabled()
        await self.launched.teacher(session)
        arguments = {"launch_id": session.launch_id}
        return await self.jobs.enqueue(session.tenant_id, SCORES_JOB, Scope.MASTERY_READ, arguments)

    async def run_scores_job(
        self, tenant: TenantId, arguments: JobArguments, progress: Progress
    ) -> JobReport:
        found = await self.launched.launched(tenant, str(arguments["launch_id"]))
        return JobReport((await self._post(tenant, found)).result())

    async def post_scores(self, session: PageSession) -> ScoresPosted:
        self._check_enabled()
        return await self._post(session.tenant_id, await self.launched.teacher(session))

    def _check_enabled(self) -> None:
        if not self.enabled:
            raise Forbidden("Posting mastery to the LMS gradebook is not turned on")

    async def _post(self, tenant: TenantId, found: Launched) -> ScoresPosted:
        launch, platform = found.launch, found.platform
        url = service_url(launch.lineitems_url, "lineitems_url", "gradebook service (AGS)")
        roster_url = service_url(launch.memberships_url, "memberships_url", "roster service (NRPS)")
        items = await self.services.line_items(platform, url, [LINE_ITEM_SCOPE])
        ours: dict[str, JsonObject] = {}
        aligned: set[str] = set()
        for item in items:
            competency = competency_named(item)
            if competency is not None and item.get("tag") == MASTERY_TAG:
                ours[competency] = item
            elif competency is not None:
                aligned.add(competency)
        pull = await self.services.memberships(platform, roster_url)
        users = {
            m.person_id: str(raw["user_id"])
            for raw in pull.members
            if isinstance(raw, dict)
            for m in read_members(launch.issuer, [raw], [])
            if m.role == "student" and m.active
        }
        now = self.launched.clock.now()
        async with self.uow(tenant, writes=False) as uow:
            framework_of, frameworks = await uow.frameworks.of_competencies(aligned)
            records = await uow.decisions.for_students(
                list(users), list(framework_of), with_state=False
            )
        created = posted = 0
        for competency_id, framework_id in sorted(framework_of.items()):
            framework = frameworks[framework_id]
            scale = framework.policy_for(competency_id).scale
            if competency_id in ours:
                item = ours[competency_id]
            else:
                c = framework.competency(competency_id)
                line_item = mastery_line_item(
                    competency_id, _label(c.code, c.statement), scale.highest
                )
                item = await self.services.create_line_item(platform, url, line_item)
                created += 1
            item_url = str(item["id"])
            levels = {
                r.student_id: level
                for r in records
                if r.competency_id == competency_id
                and (level := r.shown(now, scale).level) is not None
            }
            # A score must be newer than the last one sent (AGS 2.0): kept per student.
            async with self.uow(tenant, writes=False) as uow:
                last = await uow.lti_marks.last_sent(item_url, list(levels))
            sent: dict[str, datetime] = {}
            try:
                for student_id, level in sorted(levels.items()):
                    at = next_timestamp(last.get(student_id), now)
                    score = mastery_score(users[student_id], level.value, scale.highest, at)
                    await self.services.post_score(platform, item_url, score)
                    sent[student_id] = at
                    posted += 1
            finally:  # what was sent is remembered even when a later post fails
                async with self.uow(tenant) as uow:
                    await uow.lti_marks.save_sent(item_url, sent)
                    await uow.commit()
        return ScoresPosted(created, posted)
