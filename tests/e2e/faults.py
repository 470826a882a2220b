"""Real server processes for the fault tests: started, killed with SIGKILL, started again; a
district loaded through the real CLI; the database read directly (as an operator would)
while no server runs."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from app.adapters.db.row_security import ALL_TENANTS_SETTING
from app.domain.access import ALL_SCOPES
from tests.api.mastery_data import FRAMEWORK, result
from tests.api.roster_data import ROSTER, STUDENT
from tests.e2e.test_cli_and_server import MASTERY, _free_port, _mastery


@dataclass
class Server:
    process: subprocess.Popen[str]
    base: str

    def kill(self) -> None:
        """SIGKILL: no shutdown hook runs, nothing is flushed or waited for."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def kill_when(self, seen: Callable[[], bool], seconds: float, what: str) -> None:
        """SIGKILL the server at a moment when `seen()` holds: it is frozen (SIGSTOP) while
        the database is looked at, so what was seen is exactly what it leaves behind."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.process.send_signal(signal.SIGSTOP)
            if seen():
                self.kill()
                return
            self.process.send_signal(signal.SIGCONT)
            time.sleep(0.005)
        raise AssertionError(f"never saw {what} within {seconds} s")

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        output = self.process.communicate(timeout=20)[0]
        assert "Traceback" not in output, output
        return output


def start(env: dict[str, str]) -> Server:
    """`mastery serve` on a free port, once it answers /healthz."""
    port = _free_port()
    process = subprocess.Popen(
        [MASTERY, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return Server(process, base)
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    raise AssertionError(f"the server did not start: {process.communicate()[0]}")


def district(env: dict[str, str], slug: str = "riverside") -> dict[str, str]:
    """A district through the CLI: its database, the tenant, and a client with every scope
    (its credentials)."""
    _mastery(env, "db", "upgrade")
    _mastery(env, "tenants", "create", slug)
    scopes = " ".join(sorted(ALL_SCOPES))
    created = _mastery(env, "clients", "create", "--tenant", slug, "--scope", scopes, "--json")
    credentials: dict[str, str] = json.loads(created.stdout)
    return credentials


STUDENTS = 60


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


def bearer(base: str, credentials: dict[str, str]) -> dict[str, str]:
    token = httpx.post(
        f"{base}/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(credentials["client_id"], credentials["client_secret"]),
        timeout=30,
    )
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


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
