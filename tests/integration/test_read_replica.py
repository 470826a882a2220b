"""Reads on a streaming replica (issue #14): with MASTERY_READ_DATABASE_URL, GraphQL and the
reports read a real replica of the primary, started here from the PostgreSQL binaries; writes
and REST reads stay on the primary.

The proof that the replica answers: its replay is paused, a result is posted; the primary
(REST) has it and GraphQL does not; once replay resumes and catches up, GraphQL has it too.
Skipped with the reason where the server binaries are absent."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from app.adapters.db import migrate
from app.api.app import create_app
from app.bootstrap import build
from app.bootstrap_settings import ConfigurationError
from tests.api.graphql_data import data
from tests.api.mastery_data import post, result, seed_framework
from tests.conftest import Api, asyncpg_dsn, new_tenant, test_settings, token_for
from tests.integration.streaming_replica import MISSING, Pair, streaming_pair

needs_binaries = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")

QUERY = """{ student(id: "student-1") {
    mastery(frameworkId: "fw-math") { competencyId evidenceCount } } }"""


async def _caught_up(pair: Pair) -> None:
    """Waits until the replica has replayed everything the primary has written so far."""
    primary = await asyncpg.connect(asyncpg_dsn(pair.primary_url))
    replica = await asyncpg.connect(asyncpg_dsn(pair.replica_url))
    try:
        written = await primary.fetchval("SELECT pg_current_wal_lsn()")
        for _ in range(600):
            behind = await replica.fetchval(
                "SELECT pg_wal_lsn_diff($1, pg_last_wal_replay_lsn())", written
            )
            if behind <= 0:
                return
            await asyncio.sleep(0.05)
        raise AssertionError(f"the replica is still {behind} bytes behind after 30 s")
    finally:
        await primary.close()
        await replica.close()


async def _replay(pair: Pair, action: str) -> None:
    replica = await asyncpg.connect(asyncpg_dsn(pair.replica_url))
    try:
        await replica.execute(f"SELECT pg_wal_replay_{action}()")
    finally:
        await replica.close()


async def _counts(api: Api) -> tuple[dict[str, Any], dict[str, Any]]:
    """s-1's evidence count as REST (the primary) and GraphQL (the replica) see it."""
    rest = (await api.get("/v1/students/student-1/mastery/s-1")).json()
    graphql = {m["competencyId"]: m for m in (await data(api, QUERY))["student"]["mastery"]}
    return rest["evidence_count"], graphql["s-1"]["evidenceCount"]


@needs_binaries
async def test_graphql_reads_the_replica_and_rest_the_primary() -> None:
    with streaming_pair() as pair:
        await migrate.upgrade(pair.primary_url)
        container = build(test_settings(pair.primary_url, read_database_url=pair.replica_url))
        try:
            assert container.use_cases.reading is not None
            tenant = await new_tenant(container)
            app = create_app(use_cases=container.use_cases, public_base_url="http://test")
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                api = Api(http, tenant, token_for(container, tenant))
                await seed_framework(api)
                await post(api, result(2, 1))
                await _caught_up(pair)
                assert await _counts(api) == (1, 1)

                await _replay(pair, "pause")
                await post(api, result(3, 2))
                # The primary has the second result; the paused replica does not yet.
                assert await _counts(api) == (2, 1)

                await _replay(pair, "resume")
                await _caught_up(pair)
                assert await _counts(api) == (2, 2)
        finally:
            await container.close()


def test_a_replica_needs_a_postgresql_primary(tmp_path: Path) -> None:
    embedded = test_settings(
        f"sqlite+aiosqlite:///{tmp_path / 'one.db'}",
        read_database_url="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres",
    )
    with pytest.raises(ConfigurationError, match="needs a PostgreSQL primary"):
        build(embedded)
