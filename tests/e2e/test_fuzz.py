"""Fuzzing in `make test` (issue #11, What to build 16): a bounded schemathesis run of the
whole REST surface (its examples, coverage, fuzzing and stateful phases) against a real server
on each database, with a real token and the demo district loaded. Any 5xx, or an answer that
breaks the OpenAPI document, fails it. The run is bounded by time (MASTERY_FUZZ_SECONDS,
default 30 per database) and seeded, so a failure reproduces with `st run --seed`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.e2e.launcher import bearer, prepare
from tests.e2e.test_cli_and_server import _env, _mastery
from tests.e2e.test_logs_e2e import serving_to_file

SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))
# A generated value's run of one character (a 2,000-character URL of zeros once filled the
# whole message, and the failure's heading was lost).
_LONG_RUN = re.compile(r"(.)\1{39,}")


def _readable(output: str) -> str:
    """The run's report with long runs of one character shortened, so that the failures'
    headings fit the assertion's message."""
    return _LONG_RUN.sub(lambda m: f"{m.group(1)}[x{len(m.group(0))}]", output)


SECONDS = os.environ.get("MASTERY_FUZZ_SECONDS", "30")


def test_rest_fuzzing_finds_no_server_error(empty_database: str, tmp_path: Path) -> None:
    env = _env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "lakeside")
    _mastery(env, "demo", "load", "--tenant", "lakeside")
    client = json.loads(
        prepare(
            env, "clients", "create", "--tenant", "lakeside", "--scope", "admin", "--json"
        ).stdout
    )
    with serving_to_file(env, tmp_path / "server.log") as (base, _output):
        auth = bearer(base, client)
        run = subprocess.run(
            [
                SCHEMATHESIS,
                "run",
                f"{base}/openapi.json",
                "--header",
                f"Authorization: {auth['Authorization']}",
                "--checks",
                "not_a_server_error,response_schema_conformance,content_type_conformance",
                "--max-examples",
                "5",
                "--max-time",
                SECONDS,
                "--seed",
                "20261203",
                "--workers",
                "1",
                "--no-color",
                # Clients are told every request needs its token: the one we send is real.
                "--generation-with-security-parameters",
                "false",
            ],
            env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
            capture_output=True,
            text=True,
            # A harness bound, not the fuzz's: --max-time bounds each phase of each operation,
            # and the whole run (97 operations, four phases, jobs the fuzz starts) took 30 s on
            # a quiet machine and over 180 s beside the rest of `make test` on 2 cores.
            timeout=int(SECONDS) * 12 + 60,
            cwd=tmp_path,
        )
    assert run.returncode == 0, _readable(run.stdout)[-8000:] + _readable(run.stderr)[-2000:]
    assert "passed" in run.stdout
