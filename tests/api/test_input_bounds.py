"""No input answers 5xx (issue #11, finding 9): NUL characters, out-of-range integers and
instants, foreign cursors and over-deep JSON answer 4xx problem+json listing every problem, on
SQLite and PostgreSQL (where a NUL in a text parameter used to fail the statement)."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from tests.api.graphql_data import codes, gql
from tests.api.mastery_data import result, seed_framework
from tests.api.roster_data import STUDENT
from tests.conftest import Api


def _validation(response: httpx.Response, status: int = 422) -> list[tuple[Any, ...]]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return [tuple(e["loc"]) for e in response.json()["errors"]]


@pytest.mark.parametrize(
    "path",
    [
        "/v1/users/a%00b",
        "/v1/evidence/e%00",
        "/v1/students/s%001/mastery",
        "/ims/case/v1p0/CFItems/x%00y",
    ],
)
async def test_a_nul_in_a_path_id_is_refused(api: Api, path: str) -> None:
    assert _validation(await api.get(path)) == [("path",)]


async def test_a_nul_in_a_gradebook_path_is_refused_as_oneroster_says(api: Api) -> None:
    response = await api.get("/ims/oneroster/gradebook/v1p2/results/r%00")
    assert response.status_code == 400
    body = response.json()
    assert body["imsx_description"] == (
        "The request is not valid (path: must not contain a NUL character (\\u0000))"
    )
    assert body["imsx_CodeMinor"]["imsx_codeMinorField"] == [
        {"imsx_codeMinorFieldName": "path", "imsx_codeMinorFieldValue": "invaliddata"}
    ]


async def test_every_query_parameter_with_a_nul_is_listed(api: Api) -> None:
    response = await api.get("/v1/users?org_id=a%00&grade=04&class_id=%00c&cursor=k%00")
    listed = [("query", "org_id"), ("query", "class_id"), ("query", "cursor")]
    assert _validation(response) == listed


async def test_a_nul_in_a_roster_record_is_refused_with_its_field(api: Api) -> None:
    body = {**STUDENT, "given_name": "Sa\x00m", "family_name": "St\x00udy"}
    response = await api.put("/v1/users/student-9", body)
    assert _validation(response) == [("body", "given_name"), ("body", "family_name")]
    assert (await api.get("/v1/users/student-9")).status_code == 404


async def test_a_nul_in_evidence_is_refused_by_index(api: Api) -> None:
    await seed_framework(api)
    items = [result(3, 1), result(2, 2, ref="a\x00b"), result(4, 3, comment="ok\x00")]
    response = await api.post("/v1/evidence", json={"items": items})
    assert _validation(response) == [
        ("body", "items", 1, "source_id"),
        ("body", "items", 2, "comment"),
    ]


async def test_a_nul_in_the_token_request_is_refused(http: httpx.AsyncClient) -> None:
    form = {"grant_type": "client_credentials", "client_id": "c\x00", "client_secret": "s"}
    response = await http.post("/oauth/token", data=form)
    assert _validation(response) == [("body", "client_id")]
    basic = base64.b64encode(b"c\x00lient:secret").decode()
    response = await http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


async def test_json_nested_100000_deep_is_refused_before_parsing(api: Api) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    response = await api.post(
        "/v1/evidence", content=deep, headers={"Content-Type": "application/json"}
    )
    assert _validation(response) == [("body",)]
    assert response.json()["errors"][0]["msg"] == "nests deeper than 64 levels"
    response = await api.post(
        "/graphql",
        content=b'{"query": "{ viewer { tenant } }", "variables": ' + deep + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert _validation(response) == [("body",)]


async def test_json_64_deep_is_read(api: Api) -> None:
    # Brackets inside strings do not count; 64 levels is the limit itself.
    body = b'{"items": ' + b"[" * 63 + b'"[[[{{{"' + b"]" * 63 + b"}"
    response = await api.post(
        "/v1/evidence", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert ("body",) not in _validation(response)


async def test_a_nul_in_a_graphql_literal_or_variable_is_a_graphql_error(api: Api) -> None:
    query = '{ students(filter: {search: "a\\u0000b"}) { edges { node { id } } } }'
    body = await gql(api, query)
    assert body["data"] is None
    assert codes(body) == ["INVALID"]
    assert body["errors"][0]["locations"] == [{"line": 1, "column": 29}]
    query = "query($f: StudentFilter) { students(filter: $f) { edges { node { id } } } }"
    body = await gql(api, query, f={"search": "x", "grade": "0\x004"})
    assert body["data"] is None
    assert [e["message"] for e in body["errors"]] == [
        "Variable $f.grade must not contain a NUL character (\\u0000)"
    ]


async def test_a_clean_graphql_search_still_answers(api: Api) -> None:
    await seed_framework(api)
    query = '{ students(filter: {search: "Sam"}) { edges { node { id } } } }'
    body = await gql(api, query)
    assert "errors" not in body, body
    assert [e["node"]["id"] for e in body["data"]["students"]["edges"]] == ["student-1"]


@pytest.mark.parametrize(
    ("url", "loc"),
    [
        ("/v1/users?updated_since=0001-01-01T00:00:00", ("query", "updated_since")),
        ("/v1/orgs?updated_since=9999-12-31T23:59:59-05:00", ("query", "updated_since")),
        ("/v1/evidence?since=0001-01-01T00:00:00%2B05:00", ("query", "since")),
        ("/v1/students/student-1/mastery?as_of=9999-12-31T23:59:59", ("query", "as_of")),
        ("/v1/students/student-1/mastery/s-1?as_of=0001-01-01", ("query", "as_of")),
    ],
)
async def test_an_instant_outside_the_window_is_refused(
    api: Api, url: str, loc: tuple[str, ...]
) -> None:
    response = await api.get(url)
    assert _validation(response) == [loc]
    assert response.json()["errors"][0]["msg"] == (
        "Value error, must be between 1900-01-01 and 2199-12-31"
    )


async def test_instants_at_the_window_edges_are_read(api: Api) -> None:
    response = await api.get("/v1/users?updated_since=1900-01-01T00:00:00%2B14:00")
    # 1899-12-31 in UTC: outside once shifted (and the shift itself cannot overflow).
    assert _validation(response) == [("query", "updated_since")]
    response = await api.get("/v1/users?updated_since=2199-12-31T23:59:59Z")
    assert response.status_code == 200
    assert response.json()["items"] == []


async def test_evidence_observed_in_year_1_is_refused_by_index(api: Api) -> None:
    await seed_framework(api)
    items = [result(3, 1), {**result(2, 2), "observed_at": "0001-01-01T00:00:00Z"}]
    response = await api.post("/v1/evidence", json={"items": items})
    assert _validation(response) == [("body", "items", 1, "observed_at")]


async def test_min_evidence_beyond_a_stored_integer_is_refused(api: Api) -> None:
    await seed_framework(api)
    response = await api.patch("/v1/frameworks/fw-math", {"min_evidence": 17431297588183})
    assert _validation(response) == [("body", "min_evidence")]
    response = await api.patch("/v1/frameworks/fw-math", {"min_evidence": 2**31 - 1})
    assert response.status_code == 200, response.text
    assert response.json()["min_evidence"] == 2**31 - 1


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize("key", ["k1:²", "k1:99999999999999999999999", "k1:-1", "k1:٣"])
async def test_an_evidence_cursor_we_did_not_make_is_refused(api: Api, key: str) -> None:
    response = await api.get("/v1/evidence", params={"cursor": _cursor(key)})
    assert _validation(response) == [("query", "cursor")]


async def test_graphql_instants_outside_the_window_are_errors(api: Api) -> None:
    await seed_framework(api)
    query = (
        'query($from: DateTime!) { masteryTrend(frameworkId: "fw-math", groupBy: [GRADE], '
        "from: $from) { minCellSize } }"
    )
    for moment in ("0001-01-01T00:00:00", "9999-12-31T23:59:59-05:00"):
        body = await gql(api, query, **{"from": moment})
        assert body["data"] is None
        [error] = body["errors"]
        assert "must be between 1900-01-01 and 2199-12-31" in error["message"]
    body = await gql(api, query, **{"from": "2026-09-01T00:00:00"})
    assert "errors" not in body, body
