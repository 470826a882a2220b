"""Habits-of-work decisions stored and reported apart from the academic ones (issue #15 item 3,
decision 0036-habits-and-uncategorised), on SQLite and PostgreSQL. Scale 1-4 (Beginning,
Developing, Proficient, Exceeding), threshold 3; the average, so a habits score is the plain
mean of the habits results (one habits category, weights 1), worked out by hand below."""

from __future__ import annotations

import csv
import io
from typing import Any

from app.domain.access import Tenant
from tests.api.district_data import Pupil
from tests.api.district_data import seed_roster as seed_district
from tests.api.graphql_data import data
from tests.api.mastery_data import FRAMEWORK, post, result, seed_framework
from tests.conftest import Api, Container
from tests.differencing import published

CATEGORIES = [
    {"name": "summative", "weight": 1},
    {"name": "homework", "weight": 1, "habits_of_work": True},
]
HABITS_FRAMEWORK: dict[str, Any] = {
    **FRAMEWORK,
    "calculation": {"method": "average"},
    "categories": CATEGORIES,
}


async def _grid(api: Api) -> dict[str, Any]:
    response = await api.get("/v1/classes/class-1/mastery?framework_id=fw-math")
    assert response.status_code == 200, response.text
    return response.json()


def _habits(grid: dict[str, Any]) -> dict[str, tuple[str, float | None, int]]:
    return {
        h["competency_id"]: (h["status"], h["score"], h["evidence_count"])
        for h in grid["habits_of_work"]
    }


def _academic(grid: dict[str, Any]) -> dict[str, tuple[str, float | None, int]]:
    return {
        d["competency_id"]: (d["status"], d["score"], d["evidence_count"])
        for d in grid["students"][0]["decisions"]
    }


async def test_habits_decisions_follow_new_late_and_voided_results(api: Api) -> None:
    await seed_framework(api, HABITS_FRAMEWORK)
    await post(
        api,
        result(4, 1, category="summative"),
        result(2, 2, category="homework", ref="hw-2"),
    )
    grid = await _grid(api)
    # Habits: [2] -> 2.00 not yet. Academic: [4] -> 4.00 mastered, the homework not in it.
    assert _habits(grid) == {"s-1": ("not_yet", 2.0, 1)}
    assert _academic(grid)["s-1"] == ("mastered", 4.0, 1)
    assert grid["habits_of_work"][0]["level"] == {"value": 2.0, "label": "Developing"}

    await post(api, result(4, 3, category="homework", ref="hw-3"))
    # In order: [2, 4] -> 3.00, mastered.
    assert _habits(await _grid(api)) == {"s-1": ("mastered", 3.0, 2)}

    await post(api, result(1, 0, category="homework", ref="hw-0"))
    # Late: [1, 2, 4] -> 7/3 = 2.33, not yet.
    grid = await _grid(api)
    assert _habits(grid) == {"s-1": ("not_yet", 2.33, 3)}
    assert _academic(grid)["s-1"] == ("mastered", 4.0, 1)

    listed = (await api.get("/v1/evidence?student_id=student-1")).json()["items"]
    voided_id = next(e["id"] for e in listed if e["source_id"] == "hw-0")
    assert (await api.delete(f"/v1/evidence/{voided_id}")).status_code == 200
    # Voided: [2, 4] -> 3.00 again.
    assert _habits(await _grid(api)) == {"s-1": ("mastered", 3.0, 2)}


async def test_a_policy_change_recomputes_and_removes_habits_decisions(api: Api) -> None:
    await seed_framework(api, HABITS_FRAMEWORK)
    await post(
        api,
        result(4, 1, category="summative"),
        result(2, 2, category="homework"),
        result(3, 3, category="homework"),
    )
    assert _habits(await _grid(api)) == {"s-1": ("not_yet", 2.5, 2)}
    patched = await api.patch("/v1/frameworks/fw-math", json={"calculation": {"method": "highest"}})
    assert patched.status_code == 200, patched.text
    # Highest of [2, 3]: 3.00, mastered.
    assert _habits(await _grid(api)) == {"s-1": ("mastered", 3.0, 2)}

    academic = [{"name": "summative", "weight": 1}, {"name": "homework", "weight": 1}]
    patched = await api.patch("/v1/frameworks/fw-math", json={"categories": academic})
    assert patched.status_code == 200, patched.text
    grid = await _grid(api)
    # No habits category left: no habits decision, and homework now counts academically
    # (highest of [4, 2, 3] is still 4.00, from 3 results).
    assert grid["habits_of_work"] == []
    assert _academic(grid)["s-1"] == ("mastered", 4.0, 3)


async def test_the_grid_csv_has_a_habits_section_after_the_academic_columns(api: Api) -> None:
    await seed_framework(api, HABITS_FRAMEWORK)
    await post(
        api,
        result(3, 1, category="summative"),
        result(1, 2, category="homework"),
        result(2, 3, category="homework"),
    )
    response = await api.get("/v1/classes/class-1/mastery?framework_id=fw-math&format=csv")
    assert response.status_code == 200
    header, row = list(csv.reader(io.StringIO(response.text)))
    assert header[-6:] == [
        "4.NBT habits of work status",
        "4.NBT habits of work score",
        "4.NBT.1 habits of work status",
        "4.NBT.1 habits of work score",
        "4.NBT.2 habits of work status",
        "4.NBT.2 habits of work score",
    ]
    # Habits of 4.NBT.1: [1, 2] -> 1.50, not yet; the others have no habits result.
    assert row[-6:] == ["no_evidence", "", "not_yet", "1.5", "no_evidence", ""]
    by_column = dict(zip(header, row, strict=True))
    assert (by_column["4.NBT.1 status"], by_column["4.NBT.1 score"]) == ("mastered", "3.0")


async def test_a_framework_without_habits_has_no_habits_section(api: Api) -> None:
    await seed_framework(api, {**FRAMEWORK, "calculation": {"method": "average"}})
    await post(api, result(3, 1), result(1, 2))
    grid = await _grid(api)
    assert grid["habits_of_work"] == []
    response = await api.get("/v1/classes/class-1/mastery?framework_id=fw-math&format=csv")
    header = next(csv.reader(io.StringIO(response.text)))
    assert not [h for h in header if "habits" in h]


PUPILS = [Pupil(f"p{i:02d}") for i in range(20)]


async def _district(container: Container, tenant: Tenant, api: Api) -> None:
    """20 students of one school and grade; one competency c1 with a summative 4 each."""
    await seed_district(container, tenant, PUPILS)
    framework = {
        "id": "fw",
        "title": "Mathematics",
        "calculation": {"method": "average"},
        "categories": CATEGORIES,
        "competencies": [
            {"id": "c1", "code": "M.1", "statement": "One", "kind": "standard"},
            {"id": "c2", "code": "M.2", "statement": "Two", "kind": "standard"},
        ],
    }
    assert (await api.post("/v1/frameworks", json=framework)).status_code == 201
    summative = [
        {
            "student_id": p.id,
            "competency_id": "c1",
            "score": 4,
            "category": "summative",
            "observed_at": "2026-09-02T09:00:00Z",
            "source_id": f"s-{p.id}",
        }
        for p in PUPILS
    ]
    assert (await api.post("/v1/evidence", json={"items": summative})).status_code == 200


def _by_competency(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    keys = ["students", "mastered", "not_yet", "insufficient_evidence", "no_evidence"]
    return {r["competency_id"]: {k: r[k] for k in keys} for r in body["items"]}


def _expected(students: int, mastered: int, not_yet: int) -> dict[str, Any]:
    shown = published(students, mastered, not_yet, 0, 1)
    return {
        "students": shown["students"],
        "mastered": shown["mastered"],
        "not_yet": shown["notYet"],
        "insufficient_evidence": shown["insufficientEvidence"],
        "no_evidence": shown["noEvidence"],
    }


async def test_summaries_count_habits_apart_and_academics_do_not_move(
    api: Api, container: Container, tenant: Tenant
) -> None:
    await _district(container, tenant, api)
    path = "/v1/reports/summary?framework_id=fw&group_by=competency&denominator=all"
    academic_before = (await api.get(path)).json()
    # Habits: p00-p09 one homework 1 (not yet); p10-p19 homework 3 and 4 (3.50, mastered).
    habits = [(p.id, 1.0) for p in PUPILS[:10]]
    habits += [(p.id, s) for p in PUPILS[10:] for s in (3.0, 4.0)]
    items = [
        {
            "student_id": student,
            "competency_id": "c1",
            "score": score,
            "category": "homework",
            "observed_at": f"2026-09-0{3 + i % 2}T09:00:00Z",
            "source_id": f"h-{i}",
        }
        for i, (student, score) in enumerate(habits)
    ]
    assert (await api.post("/v1/evidence", json={"items": items})).status_code == 200

    academic_after = (await api.get(path)).json()
    assert academic_after == academic_before
    assert _by_competency(academic_after) == {
        "c1": _expected(20, 20, 0),
        "c2": _expected(20, 0, 0),
    }
    habits_report = await api.get(f"{path}&kind=habits_of_work")
    assert habits_report.status_code == 200, habits_report.text
    assert _by_competency(habits_report.json()) == {
        "c1": _expected(20, 10, 10),
        "c2": _expected(20, 0, 0),
    }
    query = """{ masterySummary(frameworkId: "fw", groupBy: [COMPETENCY], denominator: ALL,
        habitsOfWork: true) { rows { key { competency { id } } mastered notYet students } } }"""
    rows = (await data(api, query))["masterySummary"]["rows"]
    assert {
        r["key"]["competency"]["id"]: (r["students"], r["mastered"], r["notYet"]) for r in rows
    } == {
        "c1": (20, 10, 10),
        "c2": (20, 0, 0),
    }


async def test_habits_summary_refuses_as_of(api: Api) -> None:
    await seed_framework(api, HABITS_FRAMEWORK)
    response = await api.get(
        "/v1/reports/summary?framework_id=fw-math&group_by=competency&kind=habits_of_work"
        "&as_of=2026-09-10T00:00:00Z"
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_habits_of_a_small_group_are_suppressed(
    api: Api, container: Container, tenant: Tenant
) -> None:
    await seed_district(container, tenant, PUPILS[:5])
    framework = {
        "id": "fw",
        "title": "Mathematics",
        "categories": CATEGORIES,
        "competencies": [{"id": "c1", "code": "M.1", "statement": "One", "kind": "standard"}],
    }
    assert (await api.post("/v1/frameworks", json=framework)).status_code == 201
    items = [
        {
            "student_id": p.id,
            "competency_id": "c1",
            "score": 4,
            "category": "homework",
            "observed_at": "2026-09-02T09:00:00Z",
            "source_id": f"h-{p.id}",
        }
        for p in PUPILS[:5]
    ]
    assert (await api.post("/v1/evidence", json={"items": items})).status_code == 200
    path = "/v1/reports/summary?framework_id=fw&group_by=competency&denominator=all"
    rows = (await api.get(f"{path}&kind=habits_of_work")).json()["items"]
    # 5 students, under the smallest reportable cell of 10: hidden, as academic cells are.
    assert [(r["competency_id"], r["suppressed"], r["mastered"]) for r in rows] == [
        ("c1", True, None)
    ]


async def test_the_student_list_and_graphql_grid_read_habits_apart(api: Api) -> None:
    await seed_framework(api, HABITS_FRAMEWORK)
    await post(
        api,
        result(2, 1, category="summative"),
        result(4, 2, category="homework"),
        result(3, 3, category="homework", competency="s-2"),
        result(1, 4, category="homework", competency="s-2"),
    )
    path = "/v1/students/student-1/mastery?framework_id=fw-math&kind=habits_of_work"
    items = (await api.get(path)).json()["items"]
    # s-1: [4] -> 4.00 mastered; s-2: [3, 1] -> 2.00 not yet; 4.NBT (a rollup) has none.
    assert [(d["competency_id"], d["status"], d["score"], d["evidence_count"]) for d in items] == [
        ("s-1", "mastered", 4.0, 1),
        ("s-2", "not_yet", 2.0, 2),
    ]
    mastered = (await api.get(f"{path}&status=mastered")).json()["items"]
    assert [d["competency_id"] for d in mastered] == ["s-1"]
    academic = (await api.get("/v1/students/student-1/mastery?framework_id=fw-math")).json()
    # Academic s-1: [2] -> 2.00 not yet, untouched by the homework 4.
    s1 = next(d for d in academic["items"] if d["competency_id"] == "s-1")
    assert (s1["status"], s1["score"], s1["evidence_count"]) == ("not_yet", 2.0, 1)
    exported = await api.get(f"{path}&format=csv")
    assert exported.status_code == 200
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [(r["competency_id"], r["status"], r["score"]) for r in rows] == [
        ("s-1", "mastered", "4.0"),
        ("s-2", "not_yet", "2.0"),
    ]
    refused = await api.get(f"{path}&as_of=2026-09-10T00:00:00Z")
    assert refused.status_code == 422

    query = """{ class(id: "class-1") { masteryGrid(frameworkId: "fw-math") {
        rows { mastery { competencyId status } habitsOfWork { status score } } } } }"""
    row = (await data(api, query))["class"]["masteryGrid"]["rows"][0]
    assert [m["competencyId"] for m in row["mastery"]] == ["d-nbt", "s-1", "s-2"]
    assert row["habitsOfWork"] == [
        None,
        {"status": "MASTERED", "score": 4.0},
        {"status": "NOT_YET", "score": 2.0},
    ]


async def test_a_students_export_and_erasure_include_their_habits_decisions(api: Api) -> None:
    await seed_framework(api, HABITS_FRAMEWORK)
    await post(api, result(3, 1, category="homework"))
    exported = (await api.get("/v1/students/student-1/export")).json()["records"]
    assert [
        (h["competency_id"], h["status"], h["score"]) for h in exported["habits_decisions"]
    ] == [("s-1", "mastered", 3.0)]
    erased = await api.delete("/v1/students/student-1?confirm=student-1")
    assert erased.status_code == 200, erased.text
    assert erased.json()["habits_decisions"] == 1
