"""Grade rules over the API (issue #16, "grade rules as data"), on both databases: written
(every mistake located), read, applied to each student with the reason in words, simulated
(what the simulation says is what applying gives), removed; audited. Students' levels below
are the scores posted (the default 1-4 scale, one result per standard)."""

from __future__ import annotations

from typing import Any

from tests.api.mastery_data import post, result, seed_framework
from tests.api.roster_data import STUDENT
from tests.conftest import Api

RULES = (
    "A: share(level >= 4) > 0.5 and none(level < 3)\n"
    "B: mean(level) >= 3\n"
    "C: mean(level) >= 2\n"
    "otherwise: D\n"
)
URL = "/v1/frameworks/fw-math/grade-rules"


async def _district(api: Api) -> None:
    """student-1 at 4 and 4, student-2 at 3 and 2, student-3 with no evidence."""
    await seed_framework(api)
    for n in (2, 3):
        assert (await api.put(f"/v1/users/student-{n}", STUDENT)).status_code == 201
    await post(
        api,
        result(4, 1, competency="s-1"),
        result(4, 1, competency="s-2"),
        result(3, 1, competency="s-1", student="student-2"),
        result(2, 1, competency="s-2", student="student-2"),
    )


async def _grade(api: Api, student: str) -> dict[str, Any]:
    answer = await api.get(f"/v1/students/{student}/grades", params={"framework_id": "fw-math"})
    assert answer.status_code == 200, answer.text
    found: dict[str, Any] = answer.json()
    return found


async def test_rules_are_written_read_and_give_each_student_a_grade_with_its_reason(
    api: Api,
) -> None:
    await _district(api)
    assert (await _grade_or_status(api, "student-1")) == 404  # no rules yet
    written = await api.put(URL, {"rules": RULES})
    assert written.status_code == 200, written.text
    body = written.json()
    assert body["parsed"] == [
        {"line": 1, "grade": "A", "condition": "share(level >= 4) > 0.5 and none(level < 3)"},
        {"line": 2, "grade": "B", "condition": "mean(level) >= 3"},
        {"line": 3, "grade": "C", "condition": "mean(level) >= 2"},
    ]
    assert (body["default"], body["rules"]) == ("D", RULES)
    assert (await api.get(URL)).json() == body

    first = await _grade(api, "student-1")
    assert first == {
        "student_id": "student-1",
        "framework_id": "fw-math",
        "grade": "A",
        # Both standards at 4: share 2/2 = 1; none below 3.
        "reason": "A because share(level ≥ 4) = 1 > 0.5 and none(level < 3) is true (0 of 2)",
        "rule_line": 1,
        "assessed": 2,
        "standards": 2,  # s-1 and s-2; their domain d-nbt is a rollup, not a standard
        "session_id": None,  # no term asked: the live decisions
        "frozen_at": None,
    }
    second = await _grade(api, "student-2")
    # Levels 3 and 2: share(level ≥ 4) = 0; mean 2.5.
    assert (second["grade"], second["reason"]) == (
        "C",
        "C because mean(level) = 2.5 ≥ 2; not A because share(level ≥ 4) = 0, not > 0.5; "
        "not B because mean(level) = 2.5, not ≥ 3",
    )
    third = await _grade(api, "student-3")
    assert (third["grade"], third["rule_line"], third["assessed"]) == ("D", None, 0)

    trail = (await api.get("/v1/audit", params={"kind": "grade_rules.changed"})).json()
    assert [(e["subject"], e["after"]) for e in trail["items"]] == [("fw-math", {"rules": RULES})]


async def _grade_or_status(api: Api, student: str) -> int:
    answer = await api.get(f"/v1/students/{student}/grades", params={"framework_id": "fw-math"})
    return answer.status_code


async def test_every_mistake_is_listed_and_nothing_is_written(api: Api) -> None:
    await _district(api)
    wrong = await api.put(URL, {"rules": "A: mean(lvl) >= 3\nB: share(mastered) >\n"})
    assert wrong.status_code == 422
    assert wrong.headers["content-type"].startswith("application/problem+json")
    assert [(e["loc"], e["msg"]) for e in wrong.json()["errors"]] == [
        (["rules", 1], "column 9: expected 'level' or 'score', found 'lvl'"),
        (["rules", 2], "column 21: expected a number after '>' at the end of the line"),
        (["rules"], "the last line must be 'otherwise: GRADE' (the default)"),
    ]
    assert (await api.get(URL)).status_code == 404
    assert (await api.put("/v1/frameworks/nope/grade-rules", {"rules": RULES})).status_code == 404


async def test_a_simulation_gives_what_applying_the_rules_gives(api: Api) -> None:
    await _district(api)
    assert (await api.put(URL, {"rules": RULES})).status_code == 200
    stricter = "A: all(level >= 4)\nPASS: count(mastered) >= 1\notherwise: NOT YET\n"
    simulated = await api.post(f"{URL}/simulate", json={"rules": stricter, "changed_only": False})
    assert simulated.status_code == 200, simulated.text
    body = simulated.json()
    proposed = {i["student_id"]: i["proposed"]["grade"] for i in body["items"]}
    current = {i["student_id"]: i["current"]["grade"] for i in body["items"]}
    # student-1: both at 4 → A under both. student-2: s-1 at 3 is mastered → PASS (was C).
    # student-3: nothing → the defaults, D then NOT YET.
    assert current == {"student-1": "A", "student-2": "C", "student-3": "D"}
    assert proposed == {"student-1": "A", "student-2": "PASS", "student-3": "NOT YET"}
    assert (body["students"], body["changed"]) == (3, 2)
    assert body["proposed_counts"] == {"A": 1, "NOT YET": 1, "PASS": 1}
    only_changed = (await api.post(f"{URL}/simulate", json={"rules": stricter})).json()
    assert [i["student_id"] for i in only_changed["items"]] == ["student-2", "student-3"]
    in_class = (
        await api.post(f"{URL}/simulate", json={"rules": stricter, "class_id": "class-1"})
    ).json()
    assert in_class["students"] == 1  # only student-1 is enrolled in class-1

    assert (await api.put(URL, {"rules": stricter})).status_code == 200
    for item in body["items"]:
        applied = await _grade(api, item["student_id"])
        assert (applied["grade"], applied["reason"]) == (
            item["proposed"]["grade"],
            item["proposed"]["reason"],
        )


async def test_removing_the_rules_is_audited_and_grades_are_then_not_found(api: Api) -> None:
    await _district(api)
    assert (await api.put(URL, {"rules": RULES})).status_code == 200
    assert (await api.delete(URL)).status_code == 204
    assert (await api.get(URL)).status_code == 404
    assert (await api.delete(URL)).status_code == 404
    assert await _grade_or_status(api, "student-1") == 404
    trail = (await api.get("/v1/audit", params={"kind": "grade_rules.changed"})).json()
    assert [(e["before"], e["after"]) for e in trail["items"]] == [  # newest first
        ({"rules": RULES}, None),
        (None, {"rules": RULES}),
    ]
