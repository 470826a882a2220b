"""/graphql authenticates like REST (401 without a valid token), checks the scope of every
root and list field (FORBIDDEN), and shows a district nothing of another's."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.bootstrap import Container
from app.domain.access import Scope
from tests.api.graphql_data import codes, data, gql
from tests.api.mastery_data import post, result, seed_framework
from tests.conftest import Api, token_for

EVERY_ROOT = """{
  frameworks { totalCount nodes { id } }
  framework(id: "fw-math") { id }
  competency(id: "s-1") { id }
  orgs { totalCount nodes { id } }
  org(id: "school-1") { id }
  classes { totalCount nodes { id } }
  class(id: "class-1") { id }
  students { totalCount nodes { id } }
  student(id: "student-1") { id }
  masterySummary(frameworkId: "fw-math", groupBy: [SCHOOL]) { rows { students } }
  masteryTrend(frameworkId: "fw-math", groupBy: [], from: "2026-09-01T00:00:00Z") {
    points { rows { students } } }
}"""


async def test_no_token_answers_401_with_a_challenge(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"query": "{ viewer { tenant } }"})
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["type"] == "/problems/unauthorized"
    bad = await http.post(
        "/graphql",
        json={"query": "{ viewer { tenant } }"},
        headers={"Authorization": "Bearer forged"},
    )
    assert bad.status_code == 401
    assert 'error="invalid_token"' in bad.headers["www-authenticate"]
    by_get = await http.get("/graphql", params={"query": "{ viewer { tenant } }"})
    assert by_get.status_code == 401


async def test_graphiql_opens_without_a_token_and_edits_headers(http: httpx.AsyncClient) -> None:
    page = await http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    assert "<title>GraphiQL · Mastery Service</title>" in page.text
    assert '<script src="/static/graphiql-host.js"></script>' in page.text
    host = await http.get("/static/graphiql-host.js")
    assert "isHeadersEditorEnabled: true" in host.text


async def test_another_district_sees_nothing(api: Api, other_api: Api) -> None:
    await seed_framework(api)
    await post(api, result(3, 1))
    mine = await data(api, EVERY_ROOT)
    assert mine["student"] == {"id": "student-1"}
    assert mine["frameworks"]["totalCount"] == 1
    assert mine["students"]["totalCount"] == 1
    assert mine["masterySummary"]["rows"] != []
    theirs = await gql(other_api, EVERY_ROOT)
    assert theirs["data"] == {
        "frameworks": {"totalCount": 0, "nodes": []},
        "framework": None,
        "competency": None,
        "orgs": {"totalCount": 0, "nodes": []},
        "org": None,
        "classes": {"totalCount": 0, "nodes": []},
        "class": None,
        "students": {"totalCount": 0, "nodes": []},
        "student": None,
        "masterySummary": None,
        "masteryTrend": None,
    }
    # Exactly what ids that never existed answer.
    assert sorted(codes(theirs)) == ["NOT_FOUND"] * 7
    unknown = EVERY_ROOT.replace('"fw-math"', '"nope"').replace('"s-1"', '"nope"')
    unknown = unknown.replace('"school-1"', '"nope"').replace('"class-1"', '"nope"')
    unknown = unknown.replace('"student-1"', '"nope"')
    never = await gql(api, unknown)
    assert {k: v for k, v in never["data"].items() if v is None} == {
        k: v for k, v in theirs["data"].items() if v is None
    }

    def answers(body: dict[str, Any]) -> list[tuple[Any, ...]]:
        found = []
        for e in body["errors"]:
            message = e["message"]
            for real in ("fw-math", "s-1", "school-1", "class-1", "student-1"):
                message = message.replace(f"'{real}'", "'nope'")
            found.append((e["path"], e["extensions"]["code"], message))
        return sorted(found)

    assert answers(never) == answers(theirs)


@pytest.mark.parametrize(
    ("scope", "allowed", "forbidden"),
    [
        (
            Scope.ROSTER_READ,
            ["orgs", "org", "classes", "class", "students", "student"],
            ["frameworks", "framework", "competency", "masterySummary", "masteryTrend"],
        ),
        (
            Scope.FRAMEWORKS_READ,
            ["frameworks", "framework", "competency"],
            ["orgs", "students", "masterySummary"],
        ),
        (
            Scope.REPORTS_READ,
            ["masterySummary", "masteryTrend"],
            ["students", "frameworks", "class"],
        ),
    ],
)
async def test_each_root_field_needs_its_scope(
    api: Api, container: Container, scope: Scope, allowed: list[str], forbidden: list[str]
) -> None:
    await seed_framework(api)
    narrow = Api(api.http, api.tenant, token_for(container, api.tenant, frozenset({scope})))
    body = await gql(narrow, EVERY_ROOT)
    denied = {e["path"][0] for e in body["errors"]}
    for name in allowed:
        assert body["data"][name] is not None, name
    for name in forbidden:
        assert name in denied, name
        assert body["data"][name] is None
    assert set(codes(body)) == {"FORBIDDEN"}
    assert {e["extensions"]["status"] for e in body["errors"]} == {403}
    message = next(e["message"] for e in body["errors"])
    assert message.startswith("The token lacks the scope ")


async def test_nested_fields_need_their_scope(api: Api, container: Container) -> None:
    await seed_framework(api)
    await post(api, result(3, 1))
    roster_only = Api(
        api.http, api.tenant, token_for(container, api.tenant, frozenset({Scope.ROSTER_READ}))
    )
    body = await gql(
        roster_only,
        """{ student(id: "student-1") { givenName demographics { sex }
             mastery(frameworkId: "fw-math") { status } } }""",
    )
    # mastery is [Mastery!]!, so the refusal nulls the student, as GraphQL requires.
    assert body["data"] == {"student": None}
    assert codes(body) == ["FORBIDDEN"]
    assert body["errors"][0]["path"] == ["student", "mastery"]
    reports_only = Api(
        api.http, api.tenant, token_for(container, api.tenant, frozenset({Scope.REPORTS_READ}))
    )
    body = await gql(
        reports_only,
        """{ masterySummary(frameworkId: "fw-math", groupBy: [CLASS]) {
             rows { key { class { title students { id } } } } } }""",
    )
    # The class labels the row; its students need roster:read.
    assert codes(body) == ["FORBIDDEN"]
    assert body["errors"][0]["path"][-1] == "students"
    labels = await data(
        reports_only,
        """{ masterySummary(frameworkId: "fw-math", groupBy: [CLASS]) {
             rows { key { class { title school { name } } } } } }""",
    )
    assert labels["masterySummary"]["rows"][0]["key"]["class"] == {
        "title": "Math 4 - A",
        "school": {"name": "Test School"},
    }
