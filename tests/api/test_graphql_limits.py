"""Depth, cost, page-size and size limits answer GraphQL errors that say which limit; nothing
a client sends gives a 500 or hangs, and unexpected errors show no internals."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from graphql import parse

from app.api.app import create_app
from app.api.graphql.limits import Limits, query_cost
from app.api.graphql.schema import build_schema
from app.bootstrap import Container
from app.domain.access import Tenant
from app.use_cases import roster as roster_use
from tests.api.graphql_data import codes, data, gql
from tests.api.mastery_data import seed_framework
from tests.conftest import Api, token_for

SMALL = Limits(max_depth=4, max_cost=60, max_page_size=5)


@pytest.fixture
async def limited(container: Container, tenant: Tenant) -> AsyncIterator[Api]:
    app = create_app(use_cases=container.use_cases, graphql_limits=SMALL)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        yield Api(client, tenant, token_for(container, tenant))


async def test_a_query_deeper_than_the_limit_is_refused(limited: Api) -> None:
    await seed_framework(limited)
    # Depth counts nesting below the root field: here `name` is at depth 4.
    ok = '{ class(id: "class-1") { school { parent { parent { name } } } } }'
    assert (await data(limited, ok))["class"]["school"]["parent"] == {"parent": None}
    deep = '{ class(id: "class-1") { school { parent { parent { parent { name } } } } } }'
    body = await gql(limited, deep)
    assert body["data"] is None
    assert codes(body) == ["QUERY_TOO_DEEP"]
    assert "maximum operation depth of 4" in body["errors"][0]["message"]


async def test_a_query_costlier_than_the_limit_is_refused(limited: Api) -> None:
    await seed_framework(limited)
    # 1 connection + 5 students x (1 + 10 classes (its hint) x (1 + school 1)) = 106 > 60
    costly = "{ students { nodes { classes { school { name } } } } }"
    body = await gql(limited, costly)
    assert body["data"] is None
    assert codes(body) == ["QUERY_TOO_COSTLY"]
    assert body["errors"][0]["extensions"]["cost"] == 106
    assert "over the limit of 60" in body["errors"][0]["message"]
    # The same through a variable and a fragment: 1 + n x 21, so 2 fit and 3 do not (64).
    cheap = """query($n: Int) { students(first: $n) { nodes { ...S } } }
               fragment S on Student { classes { school { name } } }"""
    found = await data(limited, cheap, n=2)
    assert found["students"]["nodes"][0]["classes"][0]["school"] == {"name": "Test School"}
    assert codes(await gql(limited, cheap, n=3)) == ["QUERY_TOO_COSTLY"]


async def test_a_page_out_of_range_is_refused_before_anything_runs(limited: Api) -> None:
    await seed_framework(limited)
    for first in (6, 0, -1, -2_000_000_000):
        body = await gql(limited, f"{{ students(first: {first}) {{ totalCount }} }}")
        assert body["data"] is None  # refused before execution: no field resolved
        assert codes(body) == ["INVALID"]
        assert body["errors"][0]["extensions"]["problems"] == [
            {"loc": ["students", "first"], "msg": "must be between 1 and 5"}
        ]
    # The same through a variable.
    body = await gql(limited, "query($n: Int) { students(first: $n) { totalCount } }", n=-3)
    assert body["data"] is None
    assert codes(body) == ["INVALID"]


async def test_a_negative_page_cannot_pay_for_costly_aliases(limited: Api) -> None:
    """The finding: `students(first: -2000000000)` subtracted from the cost estimate, so that
    aliased costly selections beside it ran (16.8 s, 7.3 MB)."""
    await seed_framework(limited)
    costly = " ".join(
        f"g{i}: students {{ nodes {{ classes {{ school {{ name }} }} }} }}" for i in range(30)
    )
    body = await gql(
        limited, f"{{ cheap: students(first: -2000000000) {{ totalCount }} {costly} }}"
    )
    assert body["data"] is None
    assert codes(body) == ["INVALID"]
    # And the estimate itself never goes below what the costly selections cost: 30 x 106.
    schema = build_schema(SMALL)._schema
    document = parse(f"{{ cheap: students(first: -2000000000) {{ totalCount }} {costly} }}")
    assert query_cost(schema, document, None, None, SMALL.max_page_size) == 1 + 30 * 106


async def test_malformed_and_huge_queries_answer_errors_quickly(api: Api) -> None:
    started = time.perf_counter()
    body = await gql(api, "{ students { ")
    assert codes(body) == ["GRAPHQL_PARSE_FAILED"]
    body = await gql(api, "{ students { nope } }")
    assert codes(body) == ["GRAPHQL_VALIDATION_FAILED"]
    huge = "{ " + " ".join(f"a{i}: viewer {{ tenant }}" for i in range(3000)) + " }"
    body = await gql(api, huge)
    assert codes(body) == ["QUERY_TOO_LARGE"]
    nested = "{ " + "a { " * 20_000 + "}" * 20_000 + " }"
    response = await api.post("/graphql", json={"query": nested})
    assert response.status_code == 200
    assert codes(response.json()) == ["QUERY_TOO_DEEP"]  # the parser stops nesting early
    assert time.perf_counter() - started < 10
    assert (await api.post("/graphql", content=b"{not json")).status_code == 400


async def test_an_unexpected_error_is_masked_and_logged(
    api: Api, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    await seed_framework(api)

    async def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("secret connection string postgres://x")

    monkeypatch.setattr(roster_use.Roster, "get_record", broken)
    body = await gql(api, '{ org(id: "school-1") { name } viewer { tenant } }')
    assert body["data"] == {"org": None, "viewer": {"tenant": api.tenant.slug}}
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "INTERNAL"
    assert error["message"].startswith("An unexpected error occurred")
    assert "secret" not in str(body)
    # Logged with its traceback and class; its message is withheld (messages may quote data).
    assert any("RuntimeError: [message withheld]" in (r.exc_text or "") for r in caplog.records)
