"""A query's shape is bounded before it is validated, and its run by a time budget: neither a
document built to make validation quadratic nor a slow query can hold the event loop or a
worker for long (#11 finding 4)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from app.api.app import create_app
from app.api.graphql import limits as limits_module
from app.api.graphql.document_limits import MAX_ALIASES, MAX_FIELDS, MAX_REPEATS
from app.api.graphql.limits import Limits
from app.bootstrap import Container
from app.domain.access import Tenant
from app.use_cases import roster as roster_use
from tests.api.graphql_data import codes, data, gql
from tests.api.mastery_data import seed_framework
from tests.conftest import Api, token_for


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every document graphql-core's validation is asked to check."""
    seen: list[object] = []
    real = limits_module.validate_document

    def counting(schema: Any, document: Any, rules: Any) -> Any:
        seen.append(document)
        return real(schema, document, rules)

    monkeypatch.setattr(limits_module, "validate_document", counting)
    limits_module._validated.cache_clear()
    return seen


async def test_a_field_repeated_thousands_of_times_is_refused_unvalidated(
    api: Api, validations: list[object]
) -> None:
    # The finding: 2,450 repetitions, under the token limit, no scope needed: 4.8 s of
    # validation on the event loop.
    repeated = "{ " + " ".join("viewer { tenant }" for _ in range(2450)) + " }"
    body = await gql(api, repeated)
    assert body["data"] is None
    # Every problem is listed: 2 x 2,450 fields, and one name repeated 2,450 times.
    assert codes(body) == ["QUERY_TOO_LARGE", "QUERY_TOO_LARGE"]
    assert [e["message"] for e in body["errors"]] == [
        f"The query selects 4900 fields; at most {MAX_FIELDS} are read",
        f"'viewer' is selected 2450 times in one selection set; at most {MAX_REPEATS} times "
        "are read",
    ]
    assert validations == []
    # A few repetitions are legal GraphQL and still answered (and validated once).
    few = "{ " + " ".join("viewer { tenant }" for _ in range(MAX_REPEATS)) + " }"
    assert await data(api, few) == {"viewer": {"tenant": api.tenant.slug}}
    assert len(validations) == 1


async def test_too_many_aliases_or_fields_are_refused_unvalidated(
    api: Api, validations: list[object]
) -> None:
    aliased = "{ " + " ".join(f"a{i}: viewer {{ tenant }}" for i in range(MAX_ALIASES + 1)) + " }"
    body = await gql(api, aliased)
    assert codes(body) == ["QUERY_TOO_LARGE"]
    assert body["errors"][0]["message"] == (
        f"The query has {MAX_ALIASES + 1} aliases; at most {MAX_ALIASES} are read"
    )
    # Fields spread over fragments, no aliases, no repeats: 120 fragments of 9 fields each.
    inline = " ".join("... on Viewer { tenant scopes }" for _ in range(4))
    fragments = " ".join(f"fragment F{i} on Viewer {{ tenant {inline} }}" for i in range(120))
    spreads = " ".join(f"...F{i}" for i in range(120))
    body = await gql(api, f"{{ viewer {{ {spreads} }} }} {fragments}")
    fields = 1 + 120 * (1 + 4 * 2)
    assert fields > MAX_FIELDS
    assert codes(body) == ["QUERY_TOO_LARGE"]
    assert body["errors"][0]["message"] == (
        f"The query selects {fields} fields; at most {MAX_FIELDS} are read"
    )
    assert validations == []


@pytest.fixture
async def hurried(container: Container, tenant: Tenant) -> AsyncIterator[Api]:
    app = create_app(use_cases=container.use_cases, graphql_limits=Limits(time_budget_seconds=0.2))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        yield Api(client, tenant, token_for(container, tenant))


async def test_a_query_over_its_time_budget_is_stopped(
    hurried: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    await seed_framework(hurried)
    stopped: list[bool] = []

    async def slow(*_: Any, **__: Any) -> Any:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            stopped.append(True)
            raise

    monkeypatch.setattr(roster_use.Roster, "get_record", slow)
    body = await gql(hurried, '{ org(id: "school-1") { name } }')
    assert body["data"] is None
    assert codes(body) == ["TIME_BUDGET_EXCEEDED"]
    assert "time budget of 0.2 s" in body["errors"][0]["message"]
    assert stopped == [True]  # the resolver was cancelled, not left running
    monkeypatch.undo()
    assert await data(hurried, "{ viewer { tenant } }") == {
        "viewer": {"tenant": hurried.tenant.slug}
    }
