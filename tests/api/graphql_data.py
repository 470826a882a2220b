"""Posting GraphQL queries as a tenant's client, and reading their answers."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api


async def gql(api: Api, query: str, **variables: Any) -> dict[str, Any]:
    """The whole answer ({"data", "errors"?}) of a query that must answer 200."""
    response = await api.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def data(api: Api, query: str, **variables: Any) -> dict[str, Any]:
    """The data of a query that must answer without errors."""
    body = await gql(api, query, **variables)
    assert "errors" not in body, body["errors"]
    found: dict[str, Any] = body["data"]
    return found


def codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors", [])]
