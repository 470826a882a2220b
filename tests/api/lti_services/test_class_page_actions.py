"""The class page's buttons that reach the LMS: a teacher pulls the course roster (NRPS) and the
grades of aligned assignments (AGS) from the page, with the session in the form as the only
credential, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import httpx

from app.api.app import create_app
from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.lti.memberships import lti_class_id
from app.domain.lti.session import PAGE_SESSION_SECONDS, PageRole, PageSession
from tests.api.gradebook_data import decisions
from tests.api.lti_services.test_ags_grades import gradebook, graded_course
from tests.api.lti_services.world import World, world
from tests.api.mastery_data import seed_framework
from tests.conftest import Api
from tests.fakes.lti_services import BASE

SYNC = "/lti/pages/class/roster-sync"
PULL = "/lti/pages/class/grades-pull"


async def _teacher(w: World) -> str:
    """A teacher's session of the launch from ctx-1, whose class the roster pull makes."""
    session: PageSession = replace(
        await w.session(w.launch()),
        class_id=lti_class_id(BASE, "ctx-1"),
        frame_origin="https://lms.example",
        can_override=True,
    )
    now = w.container.adapters.clock.now()
    return w.container.adapters.page_sessions.issue(session, now, PAGE_SESSION_SECONDS)


def _client(w: World) -> httpx.AsyncClient:
    app = create_app(use_cases=w.use_cases, public_base_url=w.container.settings.public_url)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def test_a_teacher_syncs_the_roster_and_reads_grades_from_the_class_page(
    container: Container, tenant: Tenant, api: Api
) -> None:
    w = graded_course(world(container, tenant))
    await seed_framework(api)
    gradebook(w)
    teacher = await _teacher(w)
    async with _client(w) as http:
        synced = await http.post(SYNC, data={"session": teacher})
        pulled = await http.post(PULL, data={"session": teacher})
    assert synced.status_code == 200, synced.text
    # graded_course: a teacher and two students, all enrolled by the first pull
    assert "Roster synced from the LMS: 3 enrolled, 0 no longer in the course." in synced.text
    assert pulled.status_code == 200, pulled.text
    # gradebook(): Quiz 1 (s-1) and Essay (s-2) aligned, Homework not; Ana has both, Ben the
    # quiz, the teacher no score: 3 results recorded from 2 assignments.
    assert "Grades read from the LMS: 3 recorded, 0 unchanged, from 2 aligned assignments." in (
        pulled.text
    )
    mastery = await decisions(api)
    assert (mastery["s-1"]["score"], mastery["s-1"]["status"]) == (3.2, "mastered")  # 16/20 x 4


async def test_a_form_from_another_site_or_a_student_session_changes_nothing(
    container: Container, tenant: Tenant
) -> None:
    w = graded_course(world(container, tenant))
    teacher = await _teacher(w)
    student = replace(await w.session(w.launch()), role=PageRole.STUDENT)
    now = w.container.adapters.clock.now()
    student_token = w.container.adapters.page_sessions.issue(student, now, PAGE_SESSION_SECONDS)
    async with _client(w) as http:
        forged = await http.post(
            SYNC, data={"session": teacher}, headers={"Origin": "https://evil.example"}
        )
        as_student = await http.post(SYNC, data={"session": student_token})
        no_session = await http.post(SYNC, data={})
    assert forged.status_code == 403
    assert as_student.status_code == 404
    assert no_session.status_code == 401
    assert w.fake.nrps_requests == []  # the platform was never asked
