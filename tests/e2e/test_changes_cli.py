"""`mastery changes sweep`: the operator's retention sweep of a tenant's change feed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CLI_ON_EMBEDDED_DATABASE
from tests.e2e.launcher import prepare
from tests.e2e.test_cli_and_server import _env, _mastery


@CLI_ON_EMBEDDED_DATABASE
def test_the_sweep_of_a_fresh_tenant_forgets_nothing_and_says_so(
    empty_database: str, tmp_path: Path
) -> None:
    env = _env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "riverside")
    done = _mastery(env, "changes", "sweep", "--tenant", "riverside", "--json")
    assert json.loads(done.stdout) == {"forgotten": 0}
    plain = _mastery(env, "changes", "sweep", "--tenant", "riverside")
    assert "0 change event(s) older than the retention forgotten" in plain.stdout
