"""Fuzzing GraphQL in `make test` (issue #11, What to build 16): queries generated from the
committed schema (hypothesis-graphql, NUL characters and any instant included) against the real
app on each database, with a token of every scope and a seeded district. No answer may be a 5xx
or hold an INTERNAL error (a bug), and every answer is GraphQL's shape."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graphql import StringValueNode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import queries

from tests.api.mastery_data import post, result, seed_framework
from tests.conftest import Api

SCHEMA = (Path(__file__).resolve().parents[2] / "openapi" / "schema.graphql").read_text()
# Any instant a client may write, the absurd ones too (the window is 1900-2199).
INSTANTS = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)).map(
    lambda moment: StringValueNode(value=moment.replace(tzinfo=UTC).isoformat())
)
# Codes a GraphQL answer may carry: every one but INTERNAL (a bug).
EXPECTED = {
    "NOT_FOUND",
    "INVALID",
    "INVALID_QUERY",
    "CONFLICT",
    "FORBIDDEN",
    "UNAUTHORIZED",
    "GRAPHQL_VALIDATION_FAILED",
    "BAD_USER_INPUT",
    "QUERY_TOO_COSTLY",
    "QUERY_TOO_LARGE",
    "TIME_BUDGET_EXCEEDED",
    None,
}


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(query=queries(SCHEMA, custom_scalars={"DateTime": INSTANTS}))
async def test_generated_queries_never_fail_the_server(api: Api, query: Any) -> None:
    if (await api.get("/v1/frameworks/fw-math")).status_code != 200:
        await seed_framework(api)
        await post(api, result(3, 1), result(4, 2, competency="s-2"))
    response = await api.post("/graphql", json={"query": query})
    assert response.status_code < 500, response.text
    body = response.json()
    assert set(body) <= {"data", "errors", "extensions"}, body
    for error in body.get("errors", []):
        code = (error.get("extensions") or {}).get("code")
        assert code != "INTERNAL", (query, error)
