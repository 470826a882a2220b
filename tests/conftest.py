"""Test fixtures: every persistence and API test runs on SQLite and on PostgreSQL.

Each test run creates its own databases (a temporary SQLite file; a fresh PostgreSQL database
named mastery_test_<random>) and drops them at the end. Tests are isolated by tenant: every test
gets a new tenant, which is also how the service isolates districts."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from hypothesis import settings
from sqlalchemy.engine import make_url

from app.adapters.db import migrate
from app.adapters.garbage_collection import space_out_collections
from app.bootstrap import Container, build
from app.config import Settings
from app.domain.access import ALL_SCOPES, Client, Principal, Scope, Tenant
from tests.apps import app_over

# The test processes collect garbage as the service's processes do (app/main.py, app/cli): with
# CPython's default thresholds a worker walked the service's few million long-lived objects
# again and again, test after test.
space_out_collections()

# Hypothesis' per-example deadline (200 ms by default) is a timing assertion: on a loaded
# machine a property test failed on it in a fresh-clone run. Speed is measured by the
# benches, never by tests; what a property test checks is its property.
settings.register_profile("mastery", deadline=None)
settings.load_profile("mastery")

POSTGRES_ENV = "MASTERY_TEST_POSTGRES_URL"
TEST_SECRET = "test-secret-key-of-sufficient-length-0123456789"


def _postgres_admin_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("MASTERY_TEST_REQUIRE_POSTGRES"):
            pytest.fail(f"{POSTGRES_ENV} is required here (MASTERY_TEST_REQUIRE_POSTGRES is set)")
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}; not set, so skipped")
    return url


def asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def create_postgres_database(admin_url: str) -> str:
    """A new, empty database on the server of `admin_url`, owned by a new role of the same name
    with neither SUPERUSER nor BYPASSRLS, as the service should run in production: so every
    PostgreSQL test runs under row-level security (a superuser would bypass it). Returns the
    database's SQLAlchemy URL as that role."""
    name = f"mastery_test_{uuid.uuid4().hex[:12]}"
    try:
        conn = await asyncpg.connect(asyncpg_dsn(admin_url), timeout=10)
    except (OSError, asyncpg.PostgresError) as exc:
        if os.environ.get("MASTERY_TEST_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL at {admin_url} is unreachable: {exc}")
        pytest.skip(f"PostgreSQL at {admin_url} is unreachable: {exc}")
    try:
        await conn.execute(f'CREATE ROLE "{name}" LOGIN NOSUPERUSER NOBYPASSRLS')
        await conn.execute(f'CREATE DATABASE "{name}" OWNER "{name}"')
    finally:
        await conn.close()
    return (
        make_url(admin_url)
        .set(database=name, username=name, password=None)
        .render_as_string(hide_password=False)
    )


def as_admin(admin_url: str, url: str) -> str:
    """The URL of `url`'s database as the administrator (who bypasses row-level security)."""
    database = make_url(url).database
    return make_url(admin_url).set(database=database).render_as_string(hide_password=False)


async def drop_postgres_database(admin_url: str, url: str) -> None:
    name = make_url(url).database
    conn = await asyncpg.connect(asyncpg_dsn(admin_url), timeout=10)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'DROP ROLE IF EXISTS "{name}"')
    finally:
        await conn.close()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
# For an end-to-end test of what the CLI prints and asks, whose database work the API and
# contract tests already run on both backends: the embedded database alone, since each CLI call
# is a process of its own (seconds each) and `make test` has a budget of 20 minutes.
CLI_ON_EMBEDDED_DATABASE = pytest.mark.parametrize("empty_database", ["sqlite"], indirect=True)


@pytest.fixture(scope="session")
def tmp_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="mastery-test-") as path:
        yield Path(path)


@pytest.fixture(scope="session", params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_dir: Path) -> AsyncIterator[str]:
    """A migrated database of this test run, on each backend in turn."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_dir / f'test-{uuid.uuid4().hex[:8]}.db'}"
        await migrate.upgrade(url)
        yield url
        return
    admin = _postgres_admin_url()
    assert admin is not None
    url = await create_postgres_database(admin)
    try:
        await migrate.upgrade(url)
        yield url
    finally:
        await drop_postgres_database(admin, url)


@pytest.fixture(params=BACKENDS)
async def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A database of this test alone, not migrated, on each backend in turn."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
        return
    admin = _postgres_admin_url()
    assert admin is not None
    url = await create_postgres_database(admin)
    try:
        yield url
    finally:
        await drop_postgres_database(admin, url)


def test_settings(database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "secret_key": TEST_SECRET,
        # Argon2 at its cheapest: the tests check the protocol, not the hash's cost.
        "secret_hash_time_cost": 1,
        "secret_hash_memory_kib": 64,
        "state_dir": Path(tempfile.gettempdir()) / "mastery-test-state",
        # Where the tests' client reaches the app (its base_url below).
        "public_base_url": "http://test",
    }
    values.update(overrides)
    return Settings(**values)


test_settings.__test__ = False  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
async def container(database_url: str) -> AsyncIterator[Container]:
    built = build(test_settings(database_url))
    yield built
    await built.close()


@pytest.fixture
async def own_container(empty_database: str) -> AsyncIterator[Container]:
    """The service on a migrated database of this test alone: for a test whose work spans every
    tenant (a refresh of all of them), which on the run's shared database would also do the
    work of every tenant the tests before it left (25 s where its own takes well under one)."""
    await migrate.upgrade(empty_database)
    built = build(test_settings(empty_database))
    yield built
    await built.close()


async def new_tenant(container: Container, prefix: str = "t") -> Tenant:
    """A new tenant with its test client (`test_client_id`), whose tokens `token_for` signs:
    a token is honoured only while its client exists, active, at the token's version."""
    tenant = await container.use_cases.access.create_tenant(
        slug=f"{prefix}-{uuid.uuid4().hex[:12]}"
    )
    client = Client(
        client_id=test_client_id(tenant),
        tenant_id=tenant.id,
        name="test client",
        scopes=ALL_SCOPES,
        secret_hash="not a hash: tokens are signed directly",
        created_at=container.adapters.clock.now(),
    )
    async with container.adapters.directory() as directory:
        await directory.clients.add(client)
        await directory.commit()
    return tenant


def test_client_id(tenant: Tenant) -> str:
    return f"test-client-{tenant.id}"


test_client_id.__test__ = False  # type: ignore[attr-defined]


@pytest.fixture
async def tenant(container: Container) -> Tenant:
    """A new tenant for this test alone."""
    return await new_tenant(container)


def token_for(container: Container, tenant: Tenant, scopes: frozenset[Scope] = ALL_SCOPES) -> str:
    """A token of the tenant's test client (the tenant must come from `new_tenant`)."""
    principal = Principal(test_client_id(tenant), tenant.id, tenant.slug, scopes)
    return container.adapters.tokens.issue(principal, container.adapters.clock.now(), 3600)


async def _no_server_errors(response: httpx.Response) -> None:
    # A 500 is always a bug: any test whose request produces one fails here. 502 (another
    # system we depend on failed) and 503 (not ready) are answers, not bugs.
    if response.status_code >= 500 and response.status_code not in (502, 503):
        await response.aread()
        raise AssertionError(f"server error {response.status_code}: {response.text}")


@pytest.fixture
async def http(container: Container) -> AsyncIterator[httpx.AsyncClient]:
    """The real ASGI app over the test database, through httpx (an app reused from test to
    test: tests/apps.py)."""
    with app_over(
        container.use_cases,
        max_body_bytes=container.settings.max_body_bytes,
        public_base_url=container.settings.public_url,
    ) as app:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://test",
            event_hooks={"response": [_no_server_errors]},
        ) as client:
            yield client


@dataclass
class Api:
    """An HTTP client acting as one tenant's client with every scope."""

    http: httpx.AsyncClient
    tenant: Tenant
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    async def request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        headers = {**self.auth, **kw.pop("headers", {})}
        return await self.http.request(method, url, headers=headers, **kw)

    async def get(self, url: str, **kw: Any) -> httpx.Response:
        return await self.request("GET", url, **kw)

    async def put(self, url: str, json: Any, **kw: Any) -> httpx.Response:
        return await self.request("PUT", url, json=json, **kw)

    async def post(self, url: str, **kw: Any) -> httpx.Response:
        return await self.request("POST", url, **kw)

    async def patch(self, url: str, json: Any, **kw: Any) -> httpx.Response:
        return await self.request("PATCH", url, json=json, **kw)

    async def delete(self, url: str, **kw: Any) -> httpx.Response:
        return await self.request("DELETE", url, **kw)


@pytest.fixture
def api(http: httpx.AsyncClient, container: Container, tenant: Tenant) -> Api:
    return Api(http, tenant, token_for(container, tenant))


@pytest.fixture
async def other_api(http: httpx.AsyncClient, container: Container) -> Api:
    """A second district's client, for proving that tenants cannot see each other."""
    other = await new_tenant(container, "o")
    return Api(http, other, token_for(container, other))
