"""Faults with real worker processes on the job queue (MASTERY_JOB_QUEUE=procrastinate, issue
#11 items 7 and 12): a server and a `mastery worker` on PostgreSQL; the worker is killed with
SIGKILL during a recompute and during an import; a new worker takes the job over once the
dead one's heartbeat is stale and runs it to completion: nothing half-written, the attempt
counted on the job's row, and the work idempotent when done again."""

from __future__ import annotations

import csv
import os
import subprocess
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import _postgres_admin_url, create_postgres_database, drop_postgres_database
from tests.e2e.faults import (
    STUDENTS,
    bearer,
    district,
    environment,
    query,
    seed,
    start,
    start_worker,
    wait_for,
)
from tests.e2e.test_cli_and_server import MASTERY, _env
from tests.e2e.test_faults import DEMO_SET, _job, _methods, _staged, _zip


@pytest.fixture
async def postgres(tmp_path: Path) -> AsyncIterator[dict[str, str]]:
    """A PostgreSQL database of this test alone, and a queue whose workers are taken for dead
    after 2 s of silence and look for such jobs every 0.2 s."""
    admin = _postgres_admin_url()
    assert admin is not None
    url = await create_postgres_database(admin)
    try:
        yield environment(
            _env(url, tmp_path),
            job_queue="procrastinate",
            worker_stalled_seconds="2",
            worker_recover_seconds="0.2",
        )
    finally:
        await drop_postgres_database(admin, url)


def _attempts(url: str, job_id: str) -> tuple[str, int]:
    status, attempts = query(url, "SELECT status, attempts FROM jobs WHERE id = :j", j=job_id)[0]
    return str(status), int(attempts)


@pytest.mark.postgres
def test_a_worker_killed_midway_through_a_recompute_is_replaced_and_the_job_ends(
    postgres: dict[str, str],
) -> None:
    # One student per committed step: 30 steps, so the kill lands between two of them.
    env = environment(postgres, recompute_inline_limit="0", recompute_step_students="1")
    url = env["MASTERY_DATABASE_URL"]
    credentials = district(env)
    server = start(env)
    worker = start_worker(env)
    try:
        auth = bearer(server.base, credentials)
        seed(server.base, auth)
        framework = httpx.get(f"{server.base}/v1/frameworks", headers=auth).json()["items"][0]
        before = _methods(url, framework["id"])
        assert before["standard_decaying_average"] == 2 * STUDENTS
        changed = httpx.patch(
            f"{server.base}/v1/frameworks/{framework['id']}",
            json={"calculation": {"method": "highest"}},
            headers=auth,
        )
        assert changed.status_code == 202, changed.text
        job_id = changed.json()["recompute_job"]["id"]
        worker.kill_when(lambda: _staged(url) >= 2, 30, "two steps staged")

        # The server answers on; the decisions and the framework are all the old ones.
        assert 2 <= _staged(url) < 3 * STUDENTS
        assert _methods(url, framework["id"]) == before
        assert _attempts(url, job_id) == ("running", 1)
        shown = httpx.get(f"{server.base}/v1/frameworks/{framework['id']}", headers=auth)
        assert shown.json()["calculation"]["method"] == "standard_decaying_average"

        worker = start_worker(env)  # takes the job over once the dead one is stale
        wait_for(lambda: _attempts(url, job_id)[0] != "running", 60, "the job's end")
        done = _job(server, auth, job_id)
        assert (done["status"], done["result"]["switched"]) == ("succeeded", True)
        assert _attempts(url, job_id) == ("succeeded", 2)
        after = _methods(url, framework["id"])
        assert after["standard_decaying_average"] == 0
        assert after["highest"] == before["standard_decaying_average"]
        assert _staged(url) == 0
        decisions = query(url, "SELECT student_id, competency_id, status, score FROM decisions")

        # Asked again, the same change recomputes nothing and changes no decision.
        again = httpx.patch(
            f"{server.base}/v1/frameworks/{framework['id']}",
            json={"calculation": {"method": "highest"}},
            headers=auth,
        )
        assert again.status_code in (200, 202), again.text
        if again.status_code == 202:
            rerun = again.json()["recompute_job"]["id"]
            wait_for(lambda: _attempts(url, rerun)[0] == "succeeded", 60, "the second job")
        assert (
            query(url, "SELECT student_id, competency_id, status, score FROM decisions")
            == decisions
        )
    finally:
        worker.stop()
        server.stop()


def _demo_users() -> int:
    with (DEMO_SET / "users.csv").open(newline="") as file:
        return sum(1 for _ in csv.DictReader(file))


@pytest.mark.postgres
def test_a_worker_killed_during_an_import_is_replaced_and_the_import_written_once(
    postgres: dict[str, str], tmp_path: Path
) -> None:
    env = postgres
    url = env["MASTERY_DATABASE_URL"]
    uploads = Path(env["MASTERY_STATE_DIR"]) / "uploads"
    credentials = district(env)
    server = start(env)
    worker = start_worker(env)
    try:
        auth = bearer(server.base, credentials)

        def users() -> int:
            return int(query(url, "SELECT count(*) FROM users")[0][0])

        started = httpx.post(
            f"{server.base}/v1/roster/imports",
            files={"file": ("set.zip", _zip(tmp_path), "application/zip")},
            headers=auth,
            timeout=60,
        )
        assert started.status_code == 202, started.text
        job_id = started.json()["id"]
        worker.kill_when(
            lambda: _attempts(url, job_id)[0] == "running" and users() == 0,
            30,
            "the import begun, not yet written",
        )
        assert users() == 0  # one transaction, killed before its commit: nothing written
        assert _attempts(url, job_id) == ("running", 1)
        assert len(list(uploads.iterdir())) == 1  # kept for the job's next attempt

        # A file no job names, left two days ago by a process killed before its job's row.
        stale = uploads / "orphan.zip"
        stale.write_bytes(b"students' names")
        two_days_ago = time.time() - 2 * 86_400
        os.utime(stale, (two_days_ago, two_days_ago))

        worker = start_worker(env)
        assert not stale.exists()  # swept as the worker started
        done = wait_for(
            lambda: (j := _job(server, auth, job_id))["status"] in ("succeeded", "failed") and j,
            60,
            "the import's end",
        )
        assert (done["status"], done["result"]["written"]) == ("succeeded", True), done
        assert _attempts(url, job_id) == ("succeeded", 2)
        assert users() == _demo_users()
        assert list(uploads.iterdir()) == []
        roster = query(url, "SELECT id, given_name, family_name FROM users ORDER BY id")

        # The same set imported again writes the same rows, no more.
        again = httpx.post(
            f"{server.base}/v1/roster/imports",
            files={"file": ("set.zip", _zip(tmp_path), "application/zip")},
            headers=auth,
            timeout=60,
        )
        assert again.status_code == 202, again.text
        wait_for(lambda: _attempts(url, again.json()["id"])[0] == "succeeded", 60, "the re-import")
        assert query(url, "SELECT id, given_name, family_name FROM users ORDER BY id") == roster
        assert list(uploads.iterdir()) == []
    finally:
        worker.stop()
        server.stop()


def _refused(env: dict[str, str]) -> str:
    """What `mastery worker` says as it refuses to start (exit 1), on one line."""
    done = subprocess.run(
        [MASTERY, "worker"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 1, done
    return " ".join(done.stderr.split())


def test_a_worker_needs_the_queue_and_postgresql(tmp_path: Path) -> None:
    sqlite = _env(f"sqlite+aiosqlite:///{tmp_path / 'w.db'}", tmp_path)
    assert "set MASTERY_JOB_QUEUE=procrastinate" in _refused(sqlite)
    on_sqlite = environment(sqlite, job_queue="procrastinate")
    assert "MASTERY_JOB_QUEUE=procrastinate needs a PostgreSQL database" in _refused(on_sqlite)
