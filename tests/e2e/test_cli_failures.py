"""Issue #12, finding 6: the real `mastery` fails the way an operator (or a script) can read.
No traceback for an expected failure; with --json, one JSON document on stdout, errors too,
and a non-zero exit; an empty or unrecognised set is an error; a rejected import says only
what was rejected."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.launcher import prepare
from tests.e2e.test_cli_and_server import MASTERY, _env
from tests.integration import oneroster_sets as sets

READ_FILES = (
    "orgs.csv, academicSessions.csv, courses.csv, classes.csv, roles.csv, users.csv, "
    "enrollments.csv, demographics.csv"
)
NOTHING_TO_READ = {
    "error": "invalid",
    "detail": "The roster set cannot be read; nothing was written",
    "errors": [
        {"loc": [], "msg": f"the set holds no OneRoster file this service reads ({READ_FILES})"}
    ],
}


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A migrated SQLite database with the tenant `lakeside` (what the CLI prints does not
    depend on the database; the imports themselves are tested on both)."""
    env = _env(f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}", tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "lakeside")
    return env


def _failing(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([MASTERY, *args], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    return done


def _json_failure(env: dict[str, str], *args: str) -> Any:
    done = _failing(env, *args, "--json")
    return json.loads(done.stdout)


def test_json_failures_are_one_document_on_stdout(env: dict[str, str], tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    nope, no_json = tmp_path / "nope", tmp_path / "no.json"
    assert _json_failure(env, "import", "oneroster", str(nope), "--tenant", "lakeside") == {
        "error": "invalid",
        "detail": "No OneRoster set there",
        "errors": [{"loc": ["path"], "msg": f"{nope} is neither a folder nor a zip"}],
    }
    assert _json_failure(env, "import", "oneroster", str(empty), "--tenant", "nobody") == {
        "error": "not_found",
        "detail": "No tenant 'nobody'",
        "errors": [{"loc": ["tenant"], "msg": "no such tenant"}],
    }
    assert _json_failure(env, "clients", "list", "--tenant", "nobody") == {
        "error": "not_found",
        "detail": "No tenant 'nobody'",
        "errors": [{"loc": ["tenant"], "msg": "no such tenant"}],
    }
    assert _json_failure(env, "import", "case", str(no_json), "--tenant", "lakeside") == {
        "error": "invalid",
        "detail": "The package cannot be read",
        "errors": [{"loc": ["file"], "msg": f"{no_json}: No such file or directory"}],
    }


def test_settings_that_cannot_run_the_service_are_reported_not_raised(
    env: dict[str, str],
) -> None:
    broken = env | {"MASTERY_TOKEN_TTL_SECONDS": "5"}
    assert _json_failure(broken, "tenants", "list") == {
        "error": "configuration",
        "detail": "The settings are not valid",
        "errors": [
            {"loc": ["token_ttl_seconds"], "msg": "Input should be greater than or equal to 60"}
        ],
    }
    said = _failing(broken, "tenants", "list").stderr
    assert " ".join(said.split()) == (
        "error: The settings are not valid "
        "(token_ttl_seconds: Input should be greater than or equal to 60)"
    )


def test_an_empty_or_unrecognised_set_is_an_error(env: dict[str, str], tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    other = sets.write_set(tmp_path / "other", {"grades.csv": "student,grade\nu1,4\n"})
    for folder in (empty, other):
        assert _json_failure(env, "import", "oneroster", str(folder), "--tenant", "lakeside") == (
            NOTHING_TO_READ
        )
    said = _failing(env, "import", "oneroster", str(other), "--tenant", "lakeside").stderr
    assert " ".join(said.split()) == (
        "error: The roster set cannot be read; nothing was written "
        f"(the set holds no OneRoster file this service reads ({READ_FILES}))"
    )


def test_a_rejected_import_reports_only_what_was_rejected(
    env: dict[str, str], tmp_path: Path
) -> None:
    files = dict(sets.BULK_1_1)
    files["users.csv"] = sets.USERS_1_1.replace("u2,active", "u2,retired")
    bad = sets.write_set(tmp_path / "bad", files)
    command = ("import", "oneroster", str(bad), "--tenant", "lakeside")
    text = _failing(env, *command)
    # No line of counts: the other files' rows were read, and none was written.
    assert text.stdout.splitlines() == ["rejected, nothing written; 3 problem(s)"]
    # (The progress line, gone once the import ends, leaves a blank line on stderr.)
    assert [line for line in text.stderr.splitlines() if line] == [
        "users.csv:3: status 'retired' is not one of active, tobedeleted",
        "enrollments.csv:3: userSourcedId 'u2' is not imported: its row users.csv:3 has a problem",
        "demographics.csv:2: sourcedId 'u2' is not imported: its row users.csv:3 has a problem",
    ]
    unimported = "'u2' is not imported: its row users.csv:3 has a problem"
    assert _json_failure(env, *command) == {
        "error": "invalid",
        "detail": "3 problem(s) in the roster set; nothing was written",
        "errors": [
            {
                "loc": ["users.csv", 3, "status"],
                "msg": "status 'retired' is not one of active, tobedeleted",
            },
            {"loc": ["enrollments.csv", 3, "userSourcedId"], "msg": f"userSourcedId {unimported}"},
            {"loc": ["demographics.csv", 2, "sourcedId"], "msg": f"sourcedId {unimported}"},
        ],
        "problems": 3,
    }
