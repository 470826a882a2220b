"""The district's overrides in one list (`GET /v1/overrides`): every override of every
decision, past and present, in the order set, with whose decision it is, where it stands and
the engine's decision it replaced; narrowed by class, competency, student and `active`, paged
with a cursor. The framework is mastery_data's (fw-math: s-1, s-2; scale 1-4, threshold 3);
student-1 is in class-1, student-2 in no class."""

from __future__ import annotations

import csv
import io
from typing import Any

from tests.api.graphql_data import data
from tests.api.mastery_data import post, result, seed_framework
from tests.api.roster_data import STUDENT
from tests.conftest import Api, test_client_id

URL = "/v1/overrides"


async def _override(api: Api, student: str, competency: str, body: dict[str, Any]) -> None:
    response = await api.put(f"/v1/students/{student}/mastery/{competency}/override", body)
    assert response.status_code == 200, response.text


async def _seed(api: Api) -> None:
    await seed_framework(api)
    assert (await api.put("/v1/users/student-2", STUDENT)).status_code == 201
    # student-1: s-1 one result of 2 (not_yet, 2.0); s-2 one result of 4 (mastered, 4.0).
    await post(api, result(2, 1), result(4, 1, competency="s-2"))
    await _override(api, "student-1", "s-1", {"status": "mastered", "reason": "Oral exam"})
    await _override(api, "student-1", "s-2", {"level": 1, "reason": "Copied work"})
    cleared = await api.delete("/v1/students/student-1/mastery/s-2/override")
    assert cleared.status_code == 200, cleared.text
    # student-2 has no evidence: what the override replaced is the engine's no_evidence.
    await _override(api, "student-2", "s-1", {"status": "mastered", "reason": "Transfer record"})


def _rows(body: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            o["student_id"],
            o["competency_id"],
            o["framework_id"],
            o["reason"],
            o["state"],
            o["replaced_status"],
            o["replaced_score"],
        )
        for o in body["items"]
    ]


ORAL = ("student-1", "s-1", "fw-math", "Oral exam", "current", "not_yet", 2.0)
COPIED = ("student-1", "s-2", "fw-math", "Copied work", "removed", "mastered", 4.0)
TRANSFER = ("student-2", "s-1", "fw-math", "Transfer record", "current", "no_evidence", None)


async def test_every_override_of_the_district_is_listed_with_what_it_replaced(api: Api) -> None:
    await _seed(api)
    response = await api.get(URL)
    assert response.status_code == 200, response.text
    body = response.json()
    assert _rows(body) == [ORAL, COPIED, TRANSFER]
    assert body["next_cursor"] is None
    teacher = test_client_id(api.tenant)
    copied = body["items"][1]
    assert (copied["level"]["value"], copied["status"], copied["set_by"]) == (1.0, None, teacher)
    assert copied["cleared_by"] == teacher
    assert copied["cleared_at"] is not None
    assert body["items"][0]["cleared_at"] is None
    # Each item is what the list of its own decision says of it.
    for item in body["items"]:
        one = f"/v1/students/{item['student_id']}/mastery/{item['competency_id']}/overrides"
        [same] = (await api.get(one)).json()["items"]
        assert {k: item[k] for k in same} == same


async def test_the_list_narrows_by_class_competency_student_and_active(api: Api) -> None:
    await _seed(api)
    cases: list[tuple[dict[str, Any], list[tuple[Any, ...]]]] = [
        ({"active": "true"}, [ORAL, TRANSFER]),
        ({"active": "false"}, [COPIED]),
        ({"competency_id": "s-2"}, [COPIED]),
        ({"student_id": "student-2"}, [TRANSFER]),
        ({"class_id": "class-1"}, [ORAL, COPIED]),
        ({"class_id": "class-1", "active": "true", "competency_id": "s-1"}, [ORAL]),
        ({"student_id": "nobody"}, []),
    ]
    for params, expected in cases:
        response = await api.get(URL, params=params)
        assert response.status_code == 200, (params, response.text)
        assert _rows(response.json()) == expected, params


async def test_the_list_pages_with_a_cursor(api: Api) -> None:
    await _seed(api)
    first = (await api.get(URL, params={"limit": 2})).json()
    assert _rows(first) == [ORAL, COPIED]
    assert first["next_cursor"] is not None
    second = (await api.get(URL, params={"limit": 2, "cursor": first["next_cursor"]})).json()
    assert (_rows(second), second["next_cursor"]) == ([TRANSFER], None)
    exact = (await api.get(URL, params={"limit": 3})).json()
    assert (len(exact["items"]), exact["next_cursor"]) == (3, None)


async def test_bad_filters_are_refused(api: Api) -> None:
    await _seed(api)
    unknown = await api.get(URL, params={"class_id": "class-9"})
    assert unknown.status_code == 404
    assert unknown.headers["content-type"].startswith("application/problem+json")
    bad = await api.get(URL, params={"limit": 0, "active": "maybe"})
    assert bad.status_code == 422
    assert {tuple(e["loc"]) for e in bad.json()["errors"]} == {
        ("query", "limit"),
        ("query", "active"),
    }
    cursor = await api.get(URL, params={"cursor": "nope"})
    assert cursor.status_code == 422
    assert [tuple(e["loc"]) for e in cursor.json()["errors"]] == [("query", "cursor")]


async def test_the_list_exports_as_csv(api: Api) -> None:
    await _seed(api)
    response = await api.get(URL, params={"format": "csv", "active": "true", "limit": 1})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    # Every page (of one here) from the first to the end, in one document.
    assert [(r["student_id"], r["reason"], r["replaced_status"]) for r in rows] == [
        ("student-1", "Oral exam", "not_yet"),
        ("student-2", "Transfer record", "no_evidence"),
    ]


QUERY = """query ($active: Boolean, $first: Int, $after: String) {
  overrides(classId: "class-1", active: $active, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { studentId competencyId frameworkId
            override { reason state replacedStatus replacedScore } }
  }
}"""


def _nodes(found: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            n["studentId"],
            n["competencyId"],
            n["frameworkId"],
            n["override"]["reason"],
            n["override"]["state"],
            n["override"]["replacedStatus"],
            n["override"]["replacedScore"],
        )
        for n in found["nodes"]
    ]


async def test_graphql_lists_the_same_overrides_as_a_connection(api: Api) -> None:
    await _seed(api)
    first = (await data(api, QUERY, first=1))["overrides"]
    # class-1 has student-1 only: the Oral exam, then the Copied work.
    assert first["totalCount"] == 2
    assert _nodes(first) == [
        ("student-1", "s-1", "fw-math", "Oral exam", "CURRENT", "NOT_YET", 2.0)
    ]
    assert first["pageInfo"]["hasNextPage"] is True
    after = first["pageInfo"]["endCursor"]
    second = (await data(api, QUERY, first=1, after=after))["overrides"]
    assert _nodes(second) == [
        ("student-1", "s-2", "fw-math", "Copied work", "REMOVED", "MASTERED", 4.0)
    ]
    assert second["pageInfo"]["hasNextPage"] is False
    current = (await data(api, QUERY, active=True))["overrides"]
    assert (current["totalCount"], [n[3] for n in _nodes(current)]) == (1, ["Oral exam"])
