"""Pacing forecasts over the API (issue #16), on both databases, with the clock held still so
that the dates are the ones worked out by hand in tests/unit/domain/test_forecast.py."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from app.bootstrap import Container, wire
from tests.api.mastery_data import START, post, result, seed_framework
from tests.api.roster_data import CLASS, SESSION, STUDENT
from tests.apps import app_over
from tests.conftest import Api


class _Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at


@pytest.fixture
async def timed(api: Api, container: Container) -> AsyncIterator[tuple[Api, _Clock]]:
    """The tenant's client on an app whose clock reads START + 14 days (2026-09-15 09:00Z)."""
    clock = _Clock(START + timedelta(days=14))
    use_cases = wire(replace(container.adapters, clock=clock), container.policy)
    with app_over(use_cases) as app:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://test"
        ) as client:
            yield Api(client, api.tenant, api.token), clock


async def _district(api: Api) -> None:
    """student-1: s-1 rising 1, 1.5, 2 a week apart, s-2 mastered at 4; student-2 (in the class
    too): s-1 at 1 and 2 only."""
    await seed_framework(api)
    assert (await api.put("/v1/users/student-2", STUDENT)).status_code == 201
    enrol = {"class_id": "class-1", "user_id": "student-2", "role": "student"}
    assert (await api.put("/v1/enrollments/enroll-s2", enrol)).status_code == 201
    await post(
        api,
        result(1.0, 0),
        result(1.5, 7),
        result(2.0, 14),
        result(4, 1, competency="s-2"),
        result(1, 0, student="student-2"),
        result(2, 7, student="student-2"),
    )


def _brief(items: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (i.get("student_id"), i["competency_id"], i["expected_mastery_at"], i["reason"])
        for i in items
    ]


async def test_a_students_forecast_per_competency_not_yet_mastered(
    timed: tuple[Api, _Clock],
) -> None:
    api, _ = timed
    await _district(api)
    answer = await api.get("/v1/students/student-1/forecast", params={"framework_id": "fw-math"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["student_id"], body["framework_id"]) == ("student-1", "fw-math")
    by_id = {i["competency_id"]: i for i in body["items"]}
    # s-2 is mastered: not listed. The domain is decided from its children.
    assert list(by_id) == ["d-nbt", "s-1"]
    assert (by_id["d-nbt"]["expected_mastery_at"], by_id["d-nbt"]["reason"]) == (
        None,
        "rolled_up",
    )
    # The exact line 1 + 0.5·k at k weeks from Sep 1 reaches 3 at 4 weeks; the standard
    # decaying average (0.65) of results going on weekly on it is 1, 1.325, 1.764, 2.242,
    # 2.735, then 3.232 ≥ 3 at 5 weeks (tests/unit/domain/test_forecast.py): Oct 6.
    assert by_id["s-1"] == {
        "competency_id": "s-1",
        "code": "4.NBT.1",
        "status": "not_yet",
        "expected_mastery_at": "2026-10-06",
        "earliest": "2026-10-06",
        "latest": "2026-10-06",
        "reason": None,
        "reason_text": None,
        "results": 3,
        "slope_per_week": 0.5,
    }
    two = await api.get("/v1/students/student-2/forecast", params={"framework_id": "fw-math"})
    s1 = {i["competency_id"]: i for i in two.json()["items"]}["s-1"]
    assert (s1["expected_mastery_at"], s1["reason"], s1["reason_text"], s1["results"]) == (
        None,
        "not_enough_results",
        "fewer than 3 counted results",
        2,
    )


async def test_a_class_lists_the_students_not_on_track_by_a_date(
    timed: tuple[Api, _Clock],
) -> None:
    api, _ = timed
    await _district(api)
    url = "/v1/classes/class-1/forecast"
    early = await api.get(url, params={"framework_id": "fw-math", "by": "2026-09-20"})
    assert early.status_code == 200, early.text
    body = early.json()
    assert (body["by"], body["session_id"], body["students"]) == ("2026-09-20", None, 2)
    # student-1's s-1 is due Oct 6, after Sep 20; student-2 has too few results on s-1 and
    # none on s-2. Rollups are left to their children.
    assert _brief(body["not_on_track"]) == [
        ("student-1", "s-1", "2026-10-06", None),
        ("student-2", "s-1", None, "not_enough_results"),
        ("student-2", "s-2", None, "not_enough_results"),
    ]
    assert body["not_on_track"][0]["given_name"] == "Sam"
    # By default, the end of the term running today: the school year session-1, to Jun 11.
    later = (await api.get(url, params={"framework_id": "fw-math"})).json()
    assert (later["by"], later["session_id"]) == ("2027-06-11", "session-1")
    assert [n["student_id"] for n in later["not_on_track"]] == ["student-2", "student-2"]


async def test_no_term_running_asks_for_a_date_and_unknown_ids_are_not_found(
    timed: tuple[Api, _Clock],
) -> None:
    api, _ = timed
    await _district(api)
    # The class moved to last year's session alone: no term of it runs today.
    last_year = {**SESSION, "start_date": "2025-08-18", "end_date": "2026-06-12"}
    assert (await api.put("/v1/academic-sessions/session-0", last_year)).status_code == 201
    moved = await api.put("/v1/classes/class-1", {**CLASS, "session_ids": ["session-0"]})
    assert moved.status_code == 200, moved.text
    summer = await api.get("/v1/classes/class-1/forecast", params={"framework_id": "fw-math"})
    assert summer.status_code == 422
    assert [p["loc"] for p in summer.json()["errors"]] == [["query", "by"]]
    for url in ("/v1/classes/nobody/forecast", "/v1/students/nobody/forecast"):
        assert (await api.get(url, params={"framework_id": "fw-math"})).status_code == 404
        assert (await api.get(url, params={"framework_id": "fw-none"})).status_code == 404
    missing = await api.get("/v1/students/student-1/forecast")
    assert missing.status_code == 422
    bad = await api.get(
        "/v1/classes/class-1/forecast", params={"framework_id": "fw-math", "by": "June"}
    )
    assert bad.status_code == 422


async def test_graphql_gives_each_students_forecast(timed: tuple[Api, _Clock]) -> None:
    api, _ = timed
    await _district(api)
    query = """{ class(id: "class-1") { students { id forecast(frameworkId: "fw-math") {
        competencyId expectedMasteryAt earliest latest reason reasonText results } } } }"""
    answer = await api.post("/graphql", json={"query": query})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert "errors" not in body, body
    students = {s["id"]: s["forecast"] for s in body["data"]["class"]["students"]}
    one = {f["competencyId"]: f for f in students["student-1"]}
    # The same as REST: mastery expected Oct 6.
    assert (one["s-1"]["expectedMasteryAt"], one["s-1"]["latest"]) == ("2026-10-06", "2026-10-06")
    assert one["d-nbt"]["reason"] == "rolled_up"
    two = {f["competencyId"]: f for f in students["student-2"]}
    assert (two["s-1"]["expectedMasteryAt"], two["s-1"]["reason"], two["s-1"]["results"]) == (
        None,
        "not_enough_results",
        2,
    )
