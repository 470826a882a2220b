"""`mastery import case` as an operator runs it, and the demo district's framework."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

from tests.case_packages import as_bytes, grade5
from tests.conftest import CLI_ON_EMBEDDED_DATABASE
from tests.e2e.launcher import mastery_run, prepare
from tests.e2e.test_cli_and_server import _env, _mastery

DEMO = files("app.use_cases.demo_data") / "riverside-math-3-8.case.json"


def test_a_package_file_is_imported_then_updated_in_place(
    empty_database: str, tmp_path: Path
) -> None:
    env = _env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "state")
    package = tmp_path / "grade5.json"
    package.write_bytes(as_bytes(grade5()))
    first = json.loads(
        _mastery(env, "import", "case", str(package), "--tenant", "state", "--json").stdout
    )
    assert first["created"] is True
    assert (first["added"], first["retired"]) == (10, 0)
    assert [w["kind"] for w in first["warnings"]] == ["order_by_code", "no_parent"]
    again = _mastery(env, "import", "case", str(package), "--tenant", "state")
    assert "created: False" in again.stdout
    assert "unchanged: 10" in again.stdout


def test_a_bad_package_file_lists_every_problem_and_imports_nothing(
    empty_database: str, tmp_path: Path
) -> None:
    env = _env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "state")
    data = grade5()
    data["CFItems"][0]["fullStatement"] = ""
    data["CFItems"][1]["identifier"] = None
    package = tmp_path / "bad.json"
    package.write_bytes(as_bytes(data))
    done = mastery_run(env, "import", "case", str(package), "--tenant", "state")
    assert done.returncode == 1
    assert "The CASE package is invalid; nothing was imported" in done.stderr
    assert "CFItems.0.fullStatement: is required" in done.stderr
    assert "CFItems.1.identifier: is required" in done.stderr


@CLI_ON_EMBEDDED_DATABASE
def test_the_demo_district_loads_its_framework_from_the_shipped_case_package(
    empty_database: str, tmp_path: Path
) -> None:
    env = _env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    _mastery(env, "demo", "load", "--tenant", "riverside")
    package = tmp_path / "demo.json"
    package.write_bytes(DEMO.read_bytes())
    again = json.loads(
        _mastery(env, "import", "case", str(package), "--tenant", "riverside", "--json").stdout
    )
    # The demo load imported this very package: importing it again finds it all in place.
    assert (again["created"], again["added"], again["unchanged"]) == (False, 0, 85)
    assert again["warnings"] == []
