"""Real server processes for the fault tests: started, killed with SIGKILL, started again; a
district loaded through the real CLI; the database read directly (as an operator would)
while no server runs."""

from __future__ import annotations

import asyncio
import subprocess
import time
from collections.abc import Callable
from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from app.adapters.db import migrate
from app.adapters.db.row_security import ALL_TENANTS_SETTING
from app.bootstrap import build
from app.config import Settings
from app.domain.access import ALL_SCOPES
from tests.api.mastery_data import FRAMEWORK, result
from tests.api.roster_data import ROSTER, STUDENT
from tests.e2e.launcher import MASTERY, Server, bearer, launch

__all__ = ["Server", "bearer", "start"]


def start(env: dict[str, str]) -> Server:
    """`mastery serve` on a free port, once it answers /healthz."""
    return launch(env, seconds=30)


def district(env: dict[str, str], slug: str = "riverside") -> dict[str, str]:
    """A district: its database migrated, the tenant, and a client with every scope (its
    credentials). Set up in this process (the CLI's own tests run these commands for real;
    three more processes would cost each fault test 20 s on a busy machine)."""

    async def create() -> dict[str, str]:
        await migrate.upgrade(env["MASTERY_DATABASE_URL"])
        container = build(Settings(_env_file=None, **_settings(env)))  # type: ignore[arg-type]
        try:
            access = container.use_cases.access
            await access.create_tenant(slug=slug)
            scopes = " ".join(sorted(ALL_SCOPES))
            created = await access.create_client(tenant_slug=slug, scopes=scopes)
        finally:
            await container.close()
        return {"client_id": created.client_id, "client_secret": created.client_secret}

    return asyncio.run(create())


def _settings(env: dict[str, str]) -> dict[str, str]:
    return {
        k.removeprefix("MASTERY_").lower(): v for k, v in env.items() if k.startswith("MASTERY_")
    }


STUDENTS = 30


def seed(base: str, auth: dict[str, str]) -> None:
    """The API tests' school and framework, with STUDENTS students who each have two results
    on each of its two standards (decaying average: 4 then 2 gives 2.7, not yet)."""
    with httpx.Client(base_url=base, headers=auth, timeout=60) as http:
        for path, body in ROSTER:
            assert http.put(path, json=body).status_code == 201, path
        for n in range(2, STUDENTS + 1):
            assert http.put(f"/v1/users/student-{n}", json=STUDENT).status_code == 201
        assert http.post("/v1/frameworks", json=FRAMEWORK).status_code == 201
        items = [
            result(score, when, student=f"student-{n}", competency=c)
            for n in range(1, STUDENTS + 1)
            for c in ("s-1", "s-2")
            for score, when in ((4, 1), (2, 2))
        ]
        assert http.post("/v1/evidence", json={"items": items}).status_code == 200


def wait_for(check: Callable[[], Any], seconds: float, what: str) -> Any:
    """Poll `check` until it returns something truthy."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.02)
    raise AssertionError(f"{what} did not happen within {seconds} s")


def query(database_url: str, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """Rows of `sql` read straight from the database, every tenant's."""

    async def run() -> list[tuple[Any, ...]]:
        engine = create_async_engine(database_url)
        try:
            async with engine.begin() as conn:
                if engine.dialect.name == "postgresql":
                    await conn.execute(
                        sa.text(f"SELECT set_config('{ALL_TENANTS_SETTING}', 'on', true)")
                    )
                return [tuple(r) for r in (await conn.execute(sa.text(sql), params)).all()]
        finally:
            await engine.dispose()

    return asyncio.run(run())


def environment(base_env: dict[str, str], **settings: str) -> dict[str, str]:
    return {**base_env, **{f"MASTERY_{k.upper()}": v for k, v in settings.items()}}


def job_row(database_url: str, job_id: str) -> tuple[str, int]:
    """A job's status and progress read from its row (a reader that never waits on SQLite's
    write lock, which the job holds for each step)."""
    status, done = query(database_url, "SELECT status, done FROM jobs WHERE id = :j", j=job_id)[0]
    return str(status), int(done)


def start_worker(env: dict[str, str]) -> Server:
    """`mastery worker` (MASTERY_JOB_QUEUE=procrastinate in `env`), once it says it has
    started; a Server without an address, so that it is killed and stopped the same way."""
    process = subprocess.Popen(
        [MASTERY, "worker"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    seen = []
    for line in process.stdout:  # ends (EOF) if the worker exits
        seen.append(line)
        if "worker started" in line:
            return Server(process, base="", port=0)
    process.wait(timeout=10)
    raise AssertionError(f"the worker did not start: {''.join(seen)}")
