"""A small framework and helpers for the mastery API tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.api.roster_data import seed_roster
from tests.conftest import Api

START = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)

FRAMEWORK = {
    "id": "fw-math",
    "title": "Grade 4 Mathematics",
    "competencies": [
        {
            "id": "d-nbt",
            "code": "4.NBT",
            "statement": "Number and operations in base ten",
            "kind": "domain",
            "children": [
                {"id": "s-1", "code": "4.NBT.1", "statement": "Place value", "kind": "standard"},
                {"id": "s-2", "code": "4.NBT.2", "statement": "Read and write", "kind": "standard"},
            ],
        }
    ],
}


def day(n: float) -> str:
    return (START + timedelta(days=n)).isoformat()


def result(
    score: float,
    when: float,
    *,
    competency: str = "s-1",
    student: str = "student-1",
    ref: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "student_id": student,
        "competency_id": competency,
        "score": score,
        "observed_at": day(when),
        "source_id": ref or f"{student}-{competency}-{when}",
        **extra,
    }


async def seed_framework(api: Api, framework: dict[str, Any] = FRAMEWORK) -> dict[str, Any]:
    await seed_roster(api)
    response = await api.post("/v1/frameworks", json=framework)
    assert response.status_code == 201, response.text
    return response.json()


async def post(api: Api, *items: dict[str, Any]) -> dict[str, Any]:
    response = await api.post("/v1/evidence", json={"items": list(items)})
    assert response.status_code == 200, response.text
    return response.json()


def by_competency(decisions: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {d["competency_id"]: d for d in decisions}
