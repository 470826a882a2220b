"""Page sessions for the LTI page tests, issued with the app's own codec (as the launch does),
and a class of students written through the REST API."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.lti.session import PAGE_SESSION_SECONDS, PageRole, PageSession
from tests.api.mastery_data import post, result, seed_framework
from tests.conftest import Api

PLATFORM = "https://lms.example.edu"


def page_session(tenant: Tenant, role: PageRole, **fields: Any) -> PageSession:
    return replace(
        PageSession(tenant.id, tenant.slug, role, "lti-user-1", None, frame_origin=PLATFORM),
        **fields,
    )


def token(container: Container, session: PageSession, *, age_seconds: int = 0) -> str:
    issued = container.adapters.clock.now() - timedelta(seconds=age_seconds)
    return container.adapters.page_sessions.issue(session, issued, PAGE_SESSION_SECONDS)


async def add_student(api: Api, n: int, *, enrol: bool = True, **demographics: Any) -> str:
    """student-N (Stu N), in school-1, enrolled in class-1 unless told not to."""
    user = f"student-{n}"
    body = {
        "role": "student",
        "given_name": "Stu",
        "family_name": str(n),
        "org_ids": ["school-1"],
        "grades": ["04"],
    }
    assert (await api.put(f"/v1/users/{user}", body)).status_code == 201
    if enrol:
        enrolment = {"class_id": "class-1", "user_id": user, "role": "student"}
        assert (await api.put(f"/v1/enrollments/enroll-{user}", enrolment)).status_code == 201
    if demographics:
        path = f"/v1/users/{user}/demographics"
        assert (await api.put(path, demographics)).status_code == 201
    return user


async def seed_sam(api: Api) -> None:
    """The test roster and framework; Sam (student-1) scores 2, 3, 4 on 4.NBT.1 (s-1)."""
    await seed_framework(api)
    await post(api, result(2, 1), result(3, 2), result(4, 3))
