"""Faults with real processes (issue #11, finding 8 and "What to build" 12): the server is
killed with SIGKILL during a recompute, an evidence batch and an import, then started again;
nothing is half-written, the job completes, and re-posting changes nothing. Each test runs on
SQLite and PostgreSQL (a database of its own)."""

from __future__ import annotations

import json
import threading
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from tests.api.mastery_data import result
from tests.e2e.faults import (
    STUDENTS,
    Server,
    bearer,
    district,
    environment,
    job_row,
    query,
    seed,
    start,
    wait_for,
)
from tests.e2e.test_cli_and_server import _env

DECISIONS = "SELECT student_id, competency_id, status, score FROM decisions ORDER BY 1, 2"
DEMO_SET = Path(__file__).parents[2] / "app" / "demo" / "oneroster"


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _methods(url: str, framework_id: str) -> Counter[str]:
    rows = query(url, "SELECT method FROM decisions WHERE framework_id = :f", f=framework_id)
    return Counter(_json(m)["name"] for (m,) in rows)


def _staged(url: str) -> int:
    return int(query(url, "SELECT count(*) FROM staged_decisions")[0][0])


def _job(server: Server, auth: dict[str, str], job_id: str) -> dict[str, Any]:
    found: dict[str, Any] = httpx.get(f"{server.base}/v1/jobs/{job_id}", headers=auth).json()
    return found


def test_a_recompute_killed_midway_shows_one_method_and_is_resumed(
    empty_database: str, tmp_path: Path
) -> None:
    # One student per committed step: 30 steps, so the kill lands between two of them.
    env = environment(
        _env(empty_database, tmp_path), recompute_inline_limit="0", recompute_step_students="1"
    )
    credentials = district(env)
    server = start(env)
    auth = bearer(server.base, credentials)
    seed(server.base, auth)
    framework = httpx.get(f"{server.base}/v1/frameworks", headers=auth).json()["items"][0]
    old = framework["calculation"]["method"]
    assert old == "standard_decaying_average"
    before = _methods(empty_database, framework["id"])
    assert before[old] == 2 * STUDENTS  # s-1 and s-2 (their domain's rollup has its own)

    changed = httpx.patch(
        f"{server.base}/v1/frameworks/{framework['id']}",
        json={"calculation": {"method": "highest"}},
        headers=auth,
    )
    assert changed.status_code == 202, changed.text
    job_id = changed.json()["recompute_job"]["id"]
    server.kill_when(lambda: _staged(empty_database) >= 2, 30, "two steps staged")

    # Killed midway: steps are staged, yet every decision and the framework are the old ones.
    assert 2 <= _staged(empty_database) < 3 * STUDENTS  # s-1, s-2 and their domain each
    assert _methods(empty_database, framework["id"]) == before
    (stored,) = query(
        empty_database, "SELECT calculation FROM frameworks WHERE id = :f", f=framework["id"]
    )[0]
    assert _json(stored)["method"] == old
    assert job_row(empty_database, job_id)[0] == "running"

    server = start(env)  # takes the job over
    try:
        wait_for(lambda: job_row(empty_database, job_id)[0] != "running", 60, "the job's end")
        done = _job(server, auth, job_id)
        assert (done["status"], done["result"]["switched"]) == ("succeeded", True)
        after = _methods(empty_database, framework["id"])
        assert after[old] == 0
        assert after["highest"] == before[old]
        now = httpx.get(f"{server.base}/v1/frameworks/{framework['id']}", headers=auth).json()
        assert now["calculation"] == {"method": "highest"}
        assert _staged(empty_database) == 0
    finally:
        server.stop()


def _batch(source: str) -> dict[str, Any]:
    """600 results for the seeded students, each with its own source id."""
    items = [
        {
            **result(1 + n % 4, 3 + k, student=f"student-{n}", competency=c),
            "source": source,
            "source_id": f"fault-{n}-{c}-{k}",
        }
        for n in range(1, STUDENTS + 1)
        for c in ("s-1", "s-2")
        for k in range(10)
    ]
    return {"items": items}


def _fault_results(url: str, source: str) -> int:
    return int(query(url, "SELECT count(*) FROM evidence WHERE source = :s", s=source)[0][0])


def _post_and_kill(
    server: Server, auth: dict[str, str], batch: dict[str, Any], after: float
) -> bool:
    """Post `batch` and SIGKILL the server `after` seconds later: whether the kill came before
    the answer (the server died under the request)."""
    failed: list[BaseException] = []

    def post() -> None:
        try:
            httpx.post(f"{server.base}/v1/evidence", json=batch, headers=auth, timeout=60)
        except httpx.TransportError as error:  # the server died under it
            failed.append(error)

    poster = threading.Thread(target=post)
    poster.start()
    time.sleep(after)
    if failed or poster.is_alive():
        server.kill()
    poster.join(timeout=60)
    return bool(failed)


def test_an_evidence_batch_killed_midway_is_all_or_nothing_and_idempotent(
    empty_database: str, tmp_path: Path
) -> None:
    env = _env(empty_database, tmp_path)
    credentials = district(env)
    server = start(env)
    auth = bearer(server.base, credentials)
    seed(server.base, auth)
    # The kill should land half-way through a batch: as long as the same batch takes from
    # another source, timed the second time (the first pays for the process's warm-up). The
    # machine's load can still make the next one quicker: then it is tried again, killed
    # sooner, from a source of its own (the answered one is whole, which proves nothing).
    for warm_up in ("warm-up-1", "warm-up-2"):
        started = time.monotonic()
        warm = httpx.post(
            f"{server.base}/v1/evidence", json=_batch(warm_up), headers=auth, timeout=60
        )
        assert warm.status_code == 200, warm.text
    takes = time.monotonic() - started
    for attempt, share in enumerate((0.5, 0.25, 0.1, 0.05)):
        source = f"fault-test-{attempt}"
        batch = _batch(source)
        assert len(batch["items"]) == 600
        if _post_and_kill(server, auth, batch, takes * share):
            break
        assert _fault_results(empty_database, source) == 600
    else:
        raise AssertionError("every batch was answered before the kill: nothing was tested")
    assert _fault_results(empty_database, source) in (0, 600)  # one transaction: all or nothing

    server = start(env)
    try:
        auth = bearer(server.base, credentials)
        first = httpx.post(f"{server.base}/v1/evidence", json=batch, headers=auth, timeout=60)
        assert first.status_code == 200, first.text
        assert len({i["outcome"] for i in first.json()["items"]}) == 1  # all created, or none
        decisions = query(
            empty_database,
            "SELECT student_id, competency_id, status, score FROM decisions ORDER BY 1, 2",
        )
        again = httpx.post(f"{server.base}/v1/evidence", json=batch, headers=auth, timeout=60)
        assert {i["outcome"] for i in again.json()["items"]} == {"unchanged"}
        assert _fault_results(empty_database, source) == 600
        assert (
            query(
                empty_database,
                "SELECT student_id, competency_id, status, score FROM decisions ORDER BY 1, 2",
            )
            == decisions
        )
    finally:
        server.stop()


def _zip(tmp_path: Path) -> bytes:
    path = tmp_path / "set.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for csv in sorted(DEMO_SET.glob("*.csv")):
            archive.write(csv, csv.name)
    return path.read_bytes()


def test_an_import_killed_is_run_again_and_its_upload_deleted(
    empty_database: str, tmp_path: Path
) -> None:
    env = environment(_env(empty_database, tmp_path))
    uploads = Path(env["MASTERY_STATE_DIR"]) / "uploads"
    credentials = district(env)
    server = start(env)
    auth = bearer(server.base, credentials)
    started = httpx.post(
        f"{server.base}/v1/roster/imports",
        files={"file": ("set.zip", _zip(tmp_path), "application/zip")},
        headers=auth,
        timeout=60,
    )
    assert started.status_code == 202, started.text
    job_id = started.json()["id"]
    server.kill()
    (status,) = query(empty_database, "SELECT status FROM jobs WHERE id = :j", j=job_id)[0]

    server = start(env)
    try:
        done = wait_for(
            lambda: (j := _job(server, auth, job_id))["status"] in ("succeeded", "failed") and j,
            90,
            f"the import (left {status})",
        )
        assert done["status"] == "succeeded", done
        assert done["result"]["written"] is True
        assert list(uploads.iterdir()) == []
    finally:
        server.stop()
