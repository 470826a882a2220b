"""`mastery import oneroster` as an operator runs it: exit codes, the JSON report, problems."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import CLI_ON_EMBEDDED_DATABASE
from tests.e2e.launcher import prepare
from tests.e2e.test_cli_and_server import MASTERY, _env, _free_port, _mastery
from tests.integration import oneroster_sets as sets


def test_import_oneroster_reports_counts_and_rejects_a_bad_set(
    empty_database: str, tmp_path: Path
) -> None:
    env = _env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "lakeside")
    good = sets.write_set(tmp_path / "good", sets.BULK_1_1)
    done = _mastery(env, "import", "oneroster", str(good), "--tenant", "lakeside", "--json")
    report = json.loads(done.stdout)
    assert report["errors"] == []
    assert report["result"]["files"]["enrollments.csv"]["created"] == 3

    files = dict(sets.BULK_1_1)
    files["users.csv"] = sets.USERS_1_1.replace("u2,active", "u2,retired")
    bad = sets.write_set(tmp_path / "bad", files)
    command = [MASTERY, "import", "oneroster", str(bad), "--tenant", "lakeside"]
    rejected = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert rejected.returncode == 1
    assert "users.csv:3: status 'retired' is not one of active, tobedeleted" in rejected.stderr
    assert "rejected, nothing written; 1 problem(s)" in rejected.stdout

    skipped = subprocess.run(
        [*command, "--skip-invalid"], env=env, capture_output=True, text=True, timeout=120
    )
    assert skipped.returncode == 0, skipped.stderr
    assert "users.csv (bulk): 3 rows, 2 imported, 1 skipped" in skipped.stdout


@CLI_ON_EMBEDDED_DATABASE
def test_roster_connect_then_show_never_prints_the_secret(
    empty_database: str, tmp_path: Path
) -> None:
    env = _env(empty_database, tmp_path) | {"MASTERY_SIS_CLIENT_SECRET": "do-not-print-me"}
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "lakeside")
    _mastery(
        env, "roster", "connect", "--tenant", "lakeside", "--base-url", "https://sis.example",
        "--client-id", "mastery", "--version", "1.1", "--auth", "oauth1",
    )  # fmt: skip
    output = _mastery(env, "roster", "show", "--tenant", "lakeside", "--json").stdout
    assert "do-not-print-me" not in output
    assert json.loads(output) == {
        "base_url": "https://sis.example",
        "oneroster_version": "1.1",
        "auth": "oauth1",
        "token_url": None,
        "client_id": "mastery",
        "scopes": "",
        "synced_through": None,
    }


@CLI_ON_EMBEDDED_DATABASE
def test_roster_sync_names_why_the_sis_cannot_be_reached_without_a_traceback(
    empty_database: str, tmp_path: Path
) -> None:
    env = _env(empty_database, tmp_path) | {"MASTERY_SIS_CLIENT_SECRET": "s3cret"}
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "lakeside")
    port = _free_port()  # nothing listens there
    _mastery(
        env, "roster", "connect", "--tenant", "lakeside", "--base-url", f"https://127.0.0.1:{port}",
        "--token-url", f"https://127.0.0.1:{port}/token", "--client-id", "mastery",
        "--version", "1.2", "--auth", "oauth2",
    )  # fmt: skip
    sync = [MASTERY, "roster", "sync", "--tenant", "lakeside"]
    refused = subprocess.run(sync, env=env, capture_output=True, text=True, timeout=120)
    allowed = subprocess.run(
        sync,
        env=env | {"MASTERY_OUTBOUND_ALLOWED_HOSTS": "127.0.0.1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (refused.returncode, allowed.returncode) == (1, 1)
    assert " ".join(refused.stderr.split()) == (
        "error: The SIS connection points where the service does not send requests "
        f"(token_url: 127.0.0.1:{port}: it is a loopback address, which the service calls "
        "only when MASTERY_OUTBOUND_ALLOWED_HOSTS names it)"
    )
    assert " ".join(allowed.stderr.split()) == (
        "error: The SIS cannot be reached "
        f"(token_url: cannot reach 127.0.0.1:{port}: connection refused)"
    )


def test_import_of_a_windows_1252_set_says_so_without_a_traceback(
    empty_database: str, tmp_path: Path
) -> None:
    env = _env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "lakeside")
    folder = sets.write_set(tmp_path / "cp1252", sets.BULK_1_1)
    users = sets.USERS_1_1.replace("Sam,Study", "Zoë,Muñoz").replace("\n", "\r\n")
    (folder / "users.csv").write_bytes(users.encode("cp1252"))
    command = [MASTERY, "import", "oneroster", str(folder), "--tenant", "lakeside"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "note: users.csv: not UTF-8: read as Windows-1252" in done.stdout
    assert "users.csv (bulk): 3 rows, 3 imported, 0 skipped" in done.stdout
