"""Concurrent posts that claim one result for different students (issue #11, finding 9): the
first stored wins; every other answers 409 problem+json, none 500, on both databases."""

from __future__ import annotations

import asyncio

from tests.api.mastery_data import result, seed_framework
from tests.api.roster_data import STUDENT
from tests.conftest import Api


async def test_eight_posts_of_one_source_id_for_different_students_store_one(api: Api) -> None:
    await seed_framework(api)
    students = [f"student-{n}" for n in range(1, 9)]
    for student in students[1:]:
        assert (await api.put(f"/v1/users/{student}", STUDENT)).status_code == 201
    answers = await asyncio.gather(
        *(
            api.post("/v1/evidence", json={"items": [result(3, 1, student=s, ref="quiz-7")]})
            for s in students
        )
    )
    statuses = sorted(a.status_code for a in answers)
    # SQLite runs writers one at a time, so a later post finds the stored result and updates
    # it (200); PostgreSQL runs them together, so the losers meet the unique key (409).
    assert all(status in (200, 409) for status in statuses), statuses
    assert statuses[0] == 200
    for answer in answers:
        if answer.status_code == 409:
            assert answer.headers["content-type"] == "application/problem+json"
            assert answer.json()["type"] == "/problems/conflict"
    stored = (await api.get("/v1/evidence")).json()["items"]
    assert [e["source_id"] for e in stored] == ["quiz-7"]
    winners = [a for a in answers if a.status_code == 200]
    assert stored[0]["student_id"] in {
        d["student_id"] for w in winners for d in w.json()["decisions"]
    }
