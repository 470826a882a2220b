"""`Prefer: return=minimal` (RFC 7240) on POST /v1/evidence: counts instead of every changed
decision, said in `Preference-Applied`; what is stored is the same either way (scores worked by
hand: decaying average, w = 0.65, rollup "all" scored by the mean)."""

from __future__ import annotations

from typing import Any

from tests.api.mastery_data import post, result, seed_framework
from tests.conftest import Api

MINIMAL = {"Prefer": "return=minimal"}


async def _minimal(api: Api, *items: dict[str, Any]) -> dict[str, Any]:
    response = await api.post("/v1/evidence", json={"items": list(items)}, headers=MINIMAL)
    assert response.status_code == 200, response.text
    assert response.headers["Preference-Applied"] == "return=minimal"
    return response.json()


async def _score(api: Api, competency: str) -> float:
    response = await api.get(f"/v1/students/student-1/mastery/{competency}")
    assert response.status_code == 200, response.text
    return float(response.json()["score"])


async def test_a_minimal_answer_counts_what_the_batch_did(api: Api) -> None:
    await seed_framework(api)
    batch = [result(2, 1, ref="q1"), result(3, 2, ref="q2"), result(4, 1, competency="s-2")]
    # Three new results reach s-1, s-2 and their domain d-nbt.
    assert await _minimal(api, *batch) == {
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "decisions_changed": 3,
    }
    # s-1: .65 * 3 + .35 * 2 = 2.65; the domain is the mean of 2.65 and 4.
    assert await _score(api, "s-1") == 2.65
    assert await _score(api, "d-nbt") == 3.33
    assert await _minimal(api, *batch) == {
        "created": 0,
        "updated": 0,
        "unchanged": 3,
        "decisions_changed": 0,
    }
    # q1 now 4: s-1 = .65 * 3 + .35 * 4 = 3.35, and its domain changes with it.
    assert await _minimal(api, result(4, 1, ref="q1"), *batch[1:]) == {
        "created": 0,
        "updated": 1,
        "unchanged": 2,
        "decisions_changed": 2,
    }
    assert await _score(api, "s-1") == 3.35


async def test_without_the_preference_the_answer_lists_the_decisions(api: Api) -> None:
    await seed_framework(api)
    response = await api.post(
        "/v1/evidence",
        json={"items": [result(2, 1)]},
        headers={"Prefer": "return=representation"},
    )
    assert response.status_code == 200, response.text
    assert "Preference-Applied" not in response.headers
    assert {d["competency_id"] for d in response.json()["decisions"]} == {"s-1", "d-nbt"}
    answer = await post(api, result(3, 2))
    assert {d["competency_id"] for d in answer["decisions"]} == {"s-1", "d-nbt"}


async def test_a_minimal_batch_is_still_all_or_nothing(api: Api) -> None:
    await seed_framework(api)
    bad = [result(2, 1), result(3, 2, student="nobody")]
    response = await api.post("/v1/evidence", json={"items": bad}, headers=MINIMAL)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert (await api.get("/v1/students/student-1/mastery")).json()["items"] == []
