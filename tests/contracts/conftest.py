"""The repository contract suite: the same tests against the fakes, SQLite and PostgreSQL, so
that the fakes the use-case unit tests run on cannot drift from the real adapters. Where they
disagree, the SQL adapters are the reference.

Each backend is opened once per test session (a migrated database of its own for the SQL
ones); each test gets new tenants, which isolate it as they isolate districts."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.adapters.db import migrate
from app.adapters.db.engine import create_engine, session_factory
from app.adapters.db.frameworks import FrameworkCache
from app.adapters.db.queries import SqlReadModels
from app.adapters.db.uow import SqlAccessUnitOfWork, SqlUnitOfWork
from app.adapters.lti.launch_records import SqlLaunchRecords
from app.adapters.lti.registry import SqlLtiRegistry
from app.domain.access import TenantId
from app.ports.reports import ReadModels, ReadModelsFactory
from app.ports.unit_of_work import (
    AccessUnitOfWork,
    AccessUnitOfWorkFactory,
    UnitOfWork,
    UnitOfWorkFactory,
)
from tests.conftest import (
    _postgres_admin_url,
    create_postgres_database,
    drop_postgres_database,
)
from tests.fakes.lti import FakeLtiRegistry, MemoryLaunchRecords
from tests.fakes.unit_of_work import FakeDatabase

NOW = datetime(2025, 10, 1, 12, 0, tzinfo=UTC)


@dataclass
class Backend:
    """One implementation of the ports: its units of work, directory and read models."""

    name: str
    uow: UnitOfWorkFactory
    directory: AccessUnitOfWorkFactory
    reads: ReadModelsFactory
    # The LTI registry (platforms, login state, users) and launch records.
    lti: Any = None
    launches: Any = None

    async def new_tenant(self) -> TenantId:
        async with self.directory() as directory:
            tenant = await directory.tenants.add(f"c-{uuid.uuid4().hex[:12]}", "Contract", NOW)
            await directory.commit()
        return tenant.id


BACKENDS = ["fake", "sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _fake() -> Backend:
    database = FakeDatabase()
    return Backend(
        "fake",
        database.uow,
        database.directory,
        database.reads,
        FakeLtiRegistry(),
        MemoryLaunchRecords(),
    )


async def _sql(name: str, url: str) -> AsyncIterator[Backend]:
    await migrate.upgrade(url)
    engine = create_engine(url)
    sessions = session_factory(engine)
    cache = FrameworkCache()

    def uow(tenant: TenantId, /, *, writes: bool = True, few_rows: bool = False) -> UnitOfWork:
        return SqlUnitOfWork(sessions, cache, tenant, writes=writes, few_rows=few_rows)

    def directory(*, writes: bool = True) -> AccessUnitOfWork:
        return SqlAccessUnitOfWork(sessions, writes=writes)

    def reads(tenant: TenantId) -> ReadModels:
        return SqlReadModels(sessions, tenant)

    try:
        yield Backend(
            name, uow, directory, reads, SqlLtiRegistry(sessions), SqlLaunchRecords(sessions)
        )
    finally:
        await engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
async def backend(request: pytest.FixtureRequest, tmp_dir: Path) -> AsyncIterator[Backend]:
    if request.param == "fake":
        yield _fake()
        return
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_dir / f'contracts-{uuid.uuid4().hex[:8]}.db'}"
        async for found in _sql("sqlite", url):
            yield found
        return
    admin = _postgres_admin_url()
    assert admin is not None
    url = await create_postgres_database(admin)
    try:
        async for found in _sql("postgresql", url):
            yield found
    finally:
        await drop_postgres_database(admin, url)


@pytest.fixture
async def tenant(backend: Backend) -> TenantId:
    """A new tenant for this test alone."""
    return await backend.new_tenant()


@pytest.fixture
async def other_tenant(backend: Backend) -> TenantId:
    """A second district, to show that one sees nothing of the other."""
    return await backend.new_tenant()
