"""A district whose grades the gradebook provider serves (tests of decision 0051): class-1 of
roster_data reports in term-1 (a term of session-1); student-1 holds levels 4 (s-1) and 3
(s-2), student-2 level 2 (s-1) and nothing on s-2; fw-math has the grade rules RULES."""

from __future__ import annotations

from tests.api.mastery_data import post, result, seed_framework
from tests.api.roster_data import CLASS, ENROLL_STUDENT, STUDENT
from tests.conftest import Api

PROVIDER = "/provider/ims/oneroster/gradebook/v1p2"
TERM = {
    "title": "Fall term",
    "type": "term",
    "start_date": "2026-08-17",
    "end_date": "2026-12-18",
    "parent_id": "session-1",
}
RULES = (
    "A: share(level >= 4) > 0.5 and none(level < 3)\n"
    "B: mean(level) >= 3\n"
    "C: mean(level) >= 2\n"
    "otherwise: D\n"
)


async def with_term(api: Api) -> None:
    """On roster_data's roster: class-1 in term-1 too, and student-2 enrolled in class-1."""
    writes = [
        ("/v1/academic-sessions/term-1", TERM),
        ("/v1/classes/class-1", {**CLASS, "session_ids": ["session-1", "term-1"]}),
        ("/v1/users/student-2", STUDENT),
        ("/v1/enrollments/enroll-s2", {**ENROLL_STUDENT, "user_id": "student-2"}),
    ]
    for url, body in writes:
        response = await api.put(url, body)
        assert response.status_code in (200, 201), response.text


async def seed_grades(api: Api, *, rules: bool = True) -> None:
    await seed_framework(api)
    await with_term(api)
    await post(
        api,
        result(4, 1, competency="s-1"),
        result(3, 1, competency="s-2"),
        result(2, 1, competency="s-1", student="student-2"),
    )
    if rules:
        written = await api.put("/v1/frameworks/fw-math/grade-rules", {"rules": RULES})
        assert written.status_code == 200, written.text
