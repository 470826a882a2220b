"""The SIS connection through REST (admin), its secret never read back, and a sync as a job."""

from __future__ import annotations

from dataclasses import replace

import httpx
from fastapi import FastAPI

from app.adapters.oneroster.rest_client import HttpRosterProviders
from app.api.app import create_app
from app.bootstrap import Container, wire
from app.domain.access import Scope
from tests.api.outbound import jobs_run_by
from tests.conftest import Api, token_for
from tests.fakes.oneroster_provider import FakeProvider
from tests.integration.test_oneroster_sync import SIS, _roster_1_1, sis_through

CONNECTION = {
    "base_url": SIS,
    "oneroster_version": "1.1",
    "auth": "oauth1",
    "client_id": "sis-client",
    "client_secret": "sis-secret",
}


async def test_a_connection_is_set_read_without_its_secret_and_removed(api: Api) -> None:
    created = await api.put("/v1/roster/connection", CONNECTION)
    assert created.status_code == 201
    body = created.json()
    assert "client_secret" not in body
    assert "sis-secret" not in created.text
    assert (body["has_client_secret"], body["synced_through"], body["scopes"]) == (True, None, [])
    assert (await api.get("/v1/roster/connection")).json() == body
    kept = await api.put(
        "/v1/roster/connection", {k: v for k, v in CONNECTION.items() if k != "client_secret"}
    )
    assert kept.status_code == 200
    assert (await api.delete("/v1/roster/connection")).status_code == 204
    assert (await api.get("/v1/roster/connection")).status_code == 404


async def test_a_connection_that_cannot_work_is_refused_with_every_problem(api: Api) -> None:
    response = await api.put(
        "/v1/roster/connection",
        {**CONNECTION, "auth": "oauth2", "base_url": "sis.example", "client_secret": None},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"loc": ["body", "client_secret"], "msg": "is required for a new connection"}
    ]
    response = await api.put(
        "/v1/roster/connection", {**CONNECTION, "auth": "oauth2", "base_url": "sis.example"}
    )
    assert response.json()["errors"] == [
        {"loc": ["body", "base_url"], "msg": "must be an http or https URL"},
        {"loc": ["body", "token_url"], "msg": "is required with OAuth 2.0 client credentials"},
    ]


async def test_the_connection_needs_the_admin_scope(api: Api, container: Container) -> None:
    writer = token_for(container, api.tenant, frozenset({Scope.ROSTER_WRITE}))
    response = await api.http.get(
        "/v1/roster/connection", headers={"Authorization": f"Bearer {writer}"}
    )
    assert response.status_code == 403


async def test_a_sync_without_a_connection_is_not_found(api: Api) -> None:
    response = await api.post("/v1/roster/sync")
    assert response.status_code == 404
    assert response.json()["detail"] == "No SIS connection is set for this district"


async def test_a_sync_runs_as_a_job_against_the_provider(api: Api, container: Container) -> None:
    provider = FakeProvider(records=_roster_1_1())
    providers = HttpRosterProviders(sis_through(httpx.ASGITransport(app=provider.app)))
    use_cases = wire(replace(container.adapters, roster_providers=providers), container.policy)
    # The runner runs a job by its kind: here, with the use cases that reach this provider.
    async with jobs_run_by(container, use_cases):
        await _sync_through(create_app(use_cases=use_cases), api, container)


async def _sync_through(app: FastAPI, api: Api, container: Container) -> None:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test", headers=api.auth
    ) as client:
        assert (await client.put("/v1/roster/connection", json=CONNECTION)).status_code == 201
        started = await client.post("/v1/roster/sync")
        assert started.status_code == 202
        await container.jobs.wait()
        job = (await client.get(started.headers["location"])).json()
        assert (job["kind"], job["status"], job["errors"]) == ("roster_sync", "succeeded", [])
        assert job["result"]["files"]["users.csv"]["created"] == 5
        read = (await client.get("/v1/roster/connection")).json()
        assert read["synced_through"] == "2026-08-01T00:00:00Z"
