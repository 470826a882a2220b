"""The committed contracts equal what the app serves (`make openapi` regenerates them)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from graphql import (
    GraphQLSchema,
    build_client_schema,
    build_schema,
    get_introspection_query,
    lexicographic_sort_schema,
    print_schema,
)

from app.cli.contracts import graphql_document
from tests.conftest import Api

ROOT = Path(__file__).resolve().parents[2]


async def test_openapi_json_is_what_the_app_serves(http: httpx.AsyncClient) -> None:
    committed = json.loads((ROOT / "openapi" / "openapi.json").read_text())
    served = (await http.get("/openapi.json")).json()
    assert committed == served, "openapi/openapi.json is stale: run `make openapi` and commit it"


def test_openapi_json_is_what_app_main_builds() -> None:
    from app.main import app

    committed = json.loads((ROOT / "openapi" / "openapi.json").read_text())
    assert committed == app.openapi(), "openapi/openapi.json is stale: run `make openapi`"


async def test_schema_graphql_is_what_the_app_serves(api: Api) -> None:
    committed = (ROOT / "openapi" / "schema.graphql").read_text()
    introspection = get_introspection_query(specified_by_url=True)
    answer = await api.post("/graphql", json={"query": introspection})
    served = build_client_schema(answer.json()["data"])

    def printed(schema: GraphQLSchema) -> str:
        return print_schema(lexicographic_sort_schema(schema))

    assert printed(served) == printed(build_schema(committed)), (
        "openapi/schema.graphql is stale: run `make openapi` and commit it"
    )
    assert committed == graphql_document(), "openapi/schema.graphql is stale: run `make openapi`"
