"""GraphQL answers what REST answers for the same data: it is the same use cases in camelCase."""

from __future__ import annotations

from typing import Any

from tests.api.graphql_data import codes, data, gql
from tests.api.mastery_data import day, post, result, seed_framework
from tests.conftest import Api

DECISION = """
  studentId competencyId frameworkId status score level { value label } evidenceCount
  method { name weight n rule k percent score } nextScoreToMaster updatedAt
  override { level { value label } status reason expiresAt setAt setBy }
  computed { status score level { value label } }
  band { label color description }
"""


def _rest_shape(d: dict[str, Any]) -> dict[str, Any]:
    """A GraphQL decision in REST's snake_case shape, for comparing the two."""
    method = {k: v for k, v in d["method"].items() if v is not None}
    override = d["override"]
    if override is not None:
        override = {
            "level": override["level"],
            "status": override["status"].lower() if override["status"] else None,
            "reason": override["reason"],
            "expires_at": override["expiresAt"],
            "set_at": override["setAt"],
            "set_by": override["setBy"],
        }
    computed = d["computed"]
    if computed is not None:
        computed = {**computed, "status": computed["status"].lower()}
    return {
        "student_id": d["studentId"],
        "competency_id": d["competencyId"],
        "framework_id": d["frameworkId"],
        "status": d["status"].lower(),
        "score": d["score"],
        "level": d["level"],
        "evidence_count": d["evidenceCount"],
        "method": method,
        "override": override,
        "computed": computed,
        "next_score_to_master": d["nextScoreToMaster"],
        "updated_at": d["updatedAt"],
        "band": d["band"],
    }


def _same_instants(rest: Any) -> Any:
    """REST writes instants with 'Z' or +00:00 as pydantic does; GraphQL as isoformat."""
    if isinstance(rest, dict):
        return {k: _same_instants(v) for k, v in rest.items()}
    if isinstance(rest, list):
        return [_same_instants(v) for v in rest]
    if isinstance(rest, str) and rest.endswith("Z"):
        return rest[:-1] + "+00:00"
    return rest


async def _seeded(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(3, 1), result(2, 2), result(1, 3, competency="s-2"))
    response = await api.put(
        "/v1/students/student-1/mastery/s-2/override",
        {"level": 3, "reason": "seen in class", "expires_at": day(400)},
    )
    assert response.status_code == 200, response.text


async def test_student_mastery_equals_rest(api: Api) -> None:
    await _seeded(api)
    for args, params in [
        ('frameworkId: "fw-math"', {"framework_id": "fw-math"}),
        ("", {}),
        (
            'frameworkId: "fw-math", status: MASTERED',
            {"framework_id": "fw-math", "status": "mastered"},
        ),
        (
            f'frameworkId: "fw-math", asOf: "{day(1.5)}"',
            {"framework_id": "fw-math", "as_of": day(1.5)},
        ),
    ]:
        arguments = f"({args})" if args else ""
        query = f'{{ student(id: "student-1") {{ mastery{arguments} {{ {DECISION} }} }} }}'
        mine = (await data(api, query))["student"]["mastery"]
        rest = (await api.get("/v1/students/student-1/mastery", params=params)).json()["items"]
        assert [_rest_shape(d) for d in mine] == _same_instants(rest), args
        assert mine, "an empty comparison would prove nothing"


async def test_explanation_and_evidence_equal_rest(api: Api) -> None:
    await _seeded(api)
    query = """{ student(id: "student-1") { mastery(frameworkId: "fw-math") {
        competencyId
        explanation { summary evidence { evidenceId score maxScore normalizedScore observedAt
                      kind counted notCountedBecause weight category mark crosswalk }
                      children { competencyId code status score } }
        evidence(first: 1) { totalCount edges { cursor node { id score observedAt sourceId } }
                             pageInfo { hasNextPage endCursor } }
    } } }"""
    for item in (await data(api, query))["student"]["mastery"]:
        cid = item["competencyId"]
        rest = (await api.get(f"/v1/students/student-1/mastery/{cid}")).json()["explanation"]
        mine = item["explanation"]
        assert mine["summary"] == rest["summary"]
        assert [
            {
                "id": line["evidenceId"],
                "score": line["score"],
                "max_score": line["maxScore"],
                "normalized_score": line["normalizedScore"],
                "observed_at": line["observedAt"],
                "kind": line["kind"].lower(),
                "counted": line["counted"],
                "not_counted_because": line["notCountedBecause"],
                "weight": line["weight"],
                "category": line["category"],
                "mark": line["mark"] and line["mark"].lower(),
                "crosswalk": line["crosswalk"],
            }
            for line in mine["evidence"]
        ] == _same_instants(rest["evidence"])
        assert [{**c, "status": c["status"].lower()} for c in mine["children"]] == [
            {
                "competencyId": c["competency_id"],
                "code": c["code"],
                "status": c["status"],
                "score": c["score"],
            }
            for c in rest["children"]
        ]
        listed = (await api.get(f"/v1/evidence?student_id=student-1&competency_id={cid}")).json()
        assert item["evidence"]["totalCount"] == len(listed["items"])
        assert [e["node"]["id"] for e in item["evidence"]["edges"]] == [
            e["id"] for e in listed["items"][:1]
        ]
    by_id = {m["competencyId"]: m for m in (await data(api, query))["student"]["mastery"]}
    s1 = by_id["s-1"]["evidence"]
    assert s1["totalCount"] == 2
    assert s1["pageInfo"]["hasNextPage"] is True
    after = s1["pageInfo"]["endCursor"]
    rest_page = await data(
        api,
        """query($after: String) { student(id: "student-1") { mastery(frameworkId: "fw-math",
           status: NOT_YET) { competencyId evidence(first: 5, after: $after) { nodes { score }
           pageInfo { hasNextPage } } } } }""",
        after=after,
    )
    s1_next = next(m for m in rest_page["student"]["mastery"] if m["competencyId"] == "s-1")
    assert s1_next["evidence"] == {"nodes": [{"score": 2.0}], "pageInfo": {"hasNextPage": False}}


async def test_class_grid_equals_rest(api: Api) -> None:
    await _seeded(api)
    query = f"""{{ class(id: "class-1") {{ masteryGrid(frameworkId: "fw-math") {{
        frameworkId competencies {{ id code statement parent {{ id }} }}
        rows {{ student {{ id givenName familyName }} mastery {{ {DECISION} }} }} }} }} }}"""
    grid = (await data(api, query))["class"]["masteryGrid"]
    rest = _same_instants(
        (await api.get("/v1/classes/class-1/mastery?framework_id=fw-math")).json()
    )
    assert grid["frameworkId"] == rest["framework_id"]
    assert [
        {
            "id": c["id"],
            "code": c["code"],
            "statement": c["statement"],
            "parent_id": c["parent"]["id"] if c["parent"] else None,
        }
        for c in grid["competencies"]
    ] == rest["competencies"]
    assert [
        {
            "student_id": r["student"]["id"],
            "given_name": r["student"]["givenName"],
            "family_name": r["student"]["familyName"],
            "decisions": [_rest_shape(d) for d in r["mastery"]],
        }
        for r in grid["rows"]
    ] == rest["students"]


async def test_students_orgs_classes_and_frameworks_equal_rest(api: Api) -> None:
    await seed_framework(api)
    for n in (2, 3):
        student = {
            "role": "student",
            "given_name": f"Ana{n}",
            "family_name": "Lee",
            "org_ids": ["school-1"],
            "grades": ["05"],
        }
        assert (await api.put(f"/v1/users/student-{n}", student)).status_code == 201
    found = await data(
        api,
        """{
      students(filter: {orgId: "school-1"}, first: 2) { totalCount
        edges { cursor node { id givenName familyName grades } }
        pageInfo { hasNextPage endCursor } }
      fifth: students(filter: {grade: "05", search: "ana"}) { nodes { id } }
      inClass: students(filter: {classId: "class-1"}) { nodes { id } }
      orgs { nodes { id name type } }
      classes(filter: {schoolId: "school-1"}) { nodes { id title school { id } course { id } } }
      frameworks { totalCount nodes { id title competencies { id code } } }
    }""",
    )
    rest = (await api.get("/v1/users?role=student&org_id=school-1&limit=2")).json()
    page = found["students"]
    assert page["totalCount"] == 3
    assert [e["node"]["id"] for e in page["edges"]] == [u["id"] for u in rest["items"]]
    assert page["pageInfo"]["hasNextPage"] is True
    assert page["pageInfo"]["endCursor"] == rest["next_cursor"]
    assert [e["node"]["givenName"] for e in page["edges"]] == ["Sam", "Ana2"]
    assert [n["id"] for n in found["fifth"]["nodes"]] == ["student-2", "student-3"]
    assert [n["id"] for n in found["inClass"]["nodes"]] == ["student-1"]
    rest_orgs = (await api.get("/v1/orgs")).json()["items"]
    assert [(o["id"], o["name"], o["type"].lower()) for o in found["orgs"]["nodes"]] == [
        (o["id"], o["name"], o["type"]) for o in rest_orgs
    ]
    assert found["classes"]["nodes"] == [
        {
            "id": "class-1",
            "title": "Math 4 - A",
            "school": {"id": "school-1"},
            "course": {"id": "course-1"},
        }
    ]
    rest_frameworks = (await api.get("/v1/frameworks")).json()["items"]
    assert found["frameworks"]["totalCount"] == len(rest_frameworks) == 1
    assert [c["code"] for c in found["frameworks"]["nodes"][0]["competencies"]] == [
        "4.NBT",
        "4.NBT.1",
        "4.NBT.2",
    ]
    second = await data(
        api,
        'query($after: String) { students(filter: {orgId: "school-1"}, first: 2, after: $after) '
        "{ nodes { id } pageInfo { hasNextPage } } }",
        after=page["pageInfo"]["endCursor"],
    )
    assert second["students"] == {
        "nodes": [{"id": "student-3"}],
        "pageInfo": {"hasNextPage": False},
    }


async def test_unknown_ids_answer_null_with_not_found(api: Api) -> None:
    await seed_framework(api)
    body = await gql(
        api,
        """{ student(id: "nobody") { id } teacherAsStudent: student(id: "teacher-1") { id }
        framework(id: "nope") { id } class(id: "nope") { id } org(id: "nope") { id }
        competency(id: "nope") { id } }""",
    )
    assert body["data"] == {
        "student": None,
        "teacherAsStudent": None,
        "framework": None,
        "class": None,
        "org": None,
        "competency": None,
    }
    assert codes(body) == ["NOT_FOUND"] * 6
    assert {e["extensions"]["status"] for e in body["errors"]} == {404}


async def test_a_bad_cursor_and_an_unknown_filter_competency_are_invalid(api: Api) -> None:
    await seed_framework(api)
    body = await gql(api, '{ students(after: "not-a-cursor") { totalCount } }')
    assert codes(body) == ["INVALID"]
    assert body["errors"][0]["extensions"]["problems"] == [
        {"loc": ["after"], "msg": "not a cursor"}
    ]
    body = await gql(
        api,
        '{ masterySummary(frameworkId: "fw-math", groupBy: [SCHOOL], '
        'filter: {competencyIds: ["s-1", "zz"]}) { rows { students } } }',
    )
    assert codes(body) == ["INVALID"]
    assert body["errors"][0]["extensions"]["problems"] == [
        {"loc": ["filter", "competencyIds", 1], "msg": "'zz' is not in this framework"}
    ]
