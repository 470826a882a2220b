"""PostgreSQL restarted under traffic (issue #11, "What to build" 12), on a private instance
of this test alone (never the shared server): while it is down, /readyz and requests answer
503 problem+json with Retry-After, each within seconds; once it is back the same server
process answers again, with no restart."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.e2e.faults import bearer, district, start
from tests.e2e.test_cli_and_server import _env, _free_port


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


class PrivatePostgres:
    """initdb into a folder of its own and pg_ctl on a free loopback port, as the current user
    (or as `postgres` when running as root, which PostgreSQL refuses)."""

    def __init__(self, bin_dir: Path, folder: Path) -> None:
        self.bin = bin_dir
        self.data = folder / "data"
        self.port = _free_port()
        self.folder = folder
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self._as:
            shutil.chown(folder, "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self._as, str(self.bin / tool), *args],
            check=True,
            capture_output=True,
            timeout=120,
            cwd=self.folder,
        )

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        """As a crash or failover looks to clients: every connection dropped at once."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")


@pytest.fixture
def private_postgres() -> Iterator[PrivatePostgres]:
    bin_dir = _binaries()
    if bin_dir is None:
        if os.environ.get("MASTERY_TEST_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL's binaries (/usr/lib/postgresql/*/bin) are required here")
        pytest.skip("PostgreSQL's binaries (/usr/lib/postgresql/*/bin) are not installed")
    # Not under pytest's tmp_path: its parents are closed to the `postgres` user.
    folder = Path(tempfile.mkdtemp(prefix="mastery-pg-"))
    folder.chmod(0o755)
    server = PrivatePostgres(bin_dir, folder)
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):  # stopped already
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _timed(method: str, url: str, **kw: object) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = httpx.request(method, url, timeout=30, **kw)  # type: ignore[arg-type]
    return response, time.monotonic() - started


def test_a_postgres_restart_under_traffic_answers_503_then_recovers(
    private_postgres: PrivatePostgres, tmp_path: Path
) -> None:
    env = _env(private_postgres.url, tmp_path)
    credentials = district(env)
    server = start(env)
    try:
        auth = bearer(server.base, credentials)
        frameworks = f"{server.base}/v1/frameworks"
        assert httpx.get(f"{server.base}/readyz").status_code == 200
        for _ in range(5):  # the pool holds connections that the restart will break
            assert httpx.get(frameworks, headers=auth).status_code == 200

        private_postgres.stop()
        ready, took = _timed("GET", f"{server.base}/readyz")
        assert (ready.status_code, ready.headers["retry-after"]) == (503, "5")
        assert took < 6
        for _ in range(3):
            down, took = _timed("GET", frameworks, headers=auth)
            assert down.status_code == 503, down.text
            assert down.headers["content-type"] == "application/problem+json"
            assert down.headers["retry-after"] == "5"
            assert took < 12

        private_postgres.start()
        deadline = time.monotonic() + 30
        answers: list[int] = []
        while time.monotonic() < deadline:
            answers.append(httpx.get(frameworks, headers=auth, timeout=30).status_code)
            if answers[-1] == 200:
                break
            time.sleep(0.2)
        # Back without a restart; anything before that was a 503, never a 500.
        assert answers[-1] == 200, answers
        assert set(answers) <= {200, 503}, answers
        assert httpx.get(f"{server.base}/readyz").status_code == 200
    finally:
        server.stop()
