"""The roster pull, grades pull and score posting as durable jobs, run by the service's own
runner from their kind and arguments (the launch id), on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.jobs import JobStatus
from app.domain.lti.memberships import lti_class_id
from tests.api.lti_services.test_ags_grades import gradebook, graded_course
from tests.api.lti_services.world import World, world
from tests.api.mastery_data import seed_framework
from tests.api.outbound import jobs_run_by
from tests.conftest import Api
from tests.fakes.lti_services import BASE


@pytest.fixture
def w(container: Container, tenant: Tenant) -> World:
    return graded_course(world(container, tenant))


async def _job(w: World, job_id: str) -> tuple[JobStatus, dict[str, object]]:
    async with w.container.adapters.uow(w.tenant.id, writes=False) as uow:
        job = await uow.jobs.get(job_id)
    assert job is not None
    return job.status, job.result


async def test_roster_grades_and_scores_run_as_jobs(w: World, api: Api) -> None:
    await seed_framework(api)
    session = await w.session(w.launch())
    gradebook(w)
    scores = replace(w.lti.scores, enabled=True)
    lti = replace(w.lti, scores=scores)
    use_cases = replace(w.use_cases, lti_services=lti)
    async with jobs_run_by(w.container, use_cases):
        roster = await lti.roster.start_roster_job(session)
        await w.container.jobs.wait()
        grades = await lti.grades.start_grades_job(session)
        await w.container.jobs.wait()
        posted = await lti.scores.start_scores_job(session)
        await w.container.jobs.wait()
    assert await _job(w, roster.id) == (
        JobStatus.SUCCEEDED,
        {
            "class_id": lti_class_id(BASE, "ctx-1"),
            # Ana is the SIS's student-1, linked, not made
            "users_created": 2,
            "users_updated": 0,
            "enrolled": 3,
            "unenrolled": 0,
            "whole": True,
        },
    )
    assert await _job(w, grades.id) == (
        JobStatus.SUCCEEDED,
        {"line_items": 2, "results_recorded": 3, "results_unchanged": 0, "skipped": 0},
    )
    assert await _job(w, posted.id) == (
        JobStatus.SUCCEEDED,
        {"line_items_created": 2, "scores_posted": 3},
    )
