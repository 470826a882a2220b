"""A small roster, written through the REST API, that API tests build on."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api

DISTRICT = {"name": "Test District", "type": "district"}
SCHOOL = {"name": "Test School", "type": "school", "parent_id": "district-1"}
SESSION = {
    "title": "2026-2027",
    "type": "schoolYear",
    "start_date": "2026-08-17",
    "end_date": "2027-06-11",
}
COURSE = {"title": "Math 4", "org_id": "district-1", "grades": ["04"], "course_code": "M4"}
CLASS = {
    "title": "Math 4 - A",
    "course_id": "course-1",
    "school_id": "school-1",
    "session_ids": ["session-1"],
}
TEACHER = {"role": "teacher", "given_name": "Tina", "family_name": "Teach", "org_ids": ["school-1"]}
STUDENT = {
    "role": "student",
    "given_name": "Sam",
    "family_name": "Study",
    "org_ids": ["school-1"],
    "grades": ["04"],
}
ENROLL_STUDENT = {"class_id": "class-1", "user_id": "student-1", "role": "student"}
ENROLL_TEACHER = {"class_id": "class-1", "user_id": "teacher-1", "role": "teacher", "primary": True}
DEMOGRAPHICS = {
    "sex": "female",
    "birth_date": "2016-04-02",
    "hispanic_or_latino": True,
    "english_learner": True,
}

# (path, body) in an order whose references point backwards.
ROSTER: list[tuple[str, dict[str, Any]]] = [
    ("/v1/orgs/district-1", DISTRICT),
    ("/v1/orgs/school-1", SCHOOL),
    ("/v1/academic-sessions/session-1", SESSION),
    ("/v1/courses/course-1", COURSE),
    ("/v1/classes/class-1", CLASS),
    ("/v1/users/teacher-1", TEACHER),
    ("/v1/users/student-1", STUDENT),
    ("/v1/enrollments/enroll-s1", ENROLL_STUDENT),
    ("/v1/enrollments/enroll-t1", ENROLL_TEACHER),
    ("/v1/users/student-1/demographics", DEMOGRAPHICS),
]


async def seed_roster(api: Api) -> None:
    for path, body in ROSTER:
        response = await api.put(path, body)
        assert response.status_code == 201, (path, response.text)
