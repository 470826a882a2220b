"""The real `mastery` for a district's administrator (issue #12, item 9): tenants listed and
shown; an import previewed with --dry-run (nothing written); a mass retirement refused until
confirmed with --allow-mass-retire."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.api.test_roster_import_safety import EXTRA, REFUSAL
from tests.e2e.launcher import prepare
from tests.e2e.test_cli_and_server import MASTERY, _env, _mastery
from tests.integration import oneroster_sets as sets


def test_tenants_are_listed_and_shown(tmp_path: Path) -> None:
    env = _env(f"sqlite+aiosqlite:///{tmp_path / 'admin.db'}", tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "lakeside", "--name", "Lakeside USD")
    prepare(env, "tenants", "create", "hillview")
    prepare(env, "clients", "create", "--tenant", "lakeside", "--scope", "roster:read")
    listed = json.loads(_mastery(env, "tenants", "list", "--json").stdout)
    assert [(t["slug"], t["name"]) for t in listed] == [  # by slug
        ("hillview", "hillview"),
        ("lakeside", "Lakeside USD"),
    ]
    shown = json.loads(_mastery(env, "tenants", "show", "lakeside", "--json").stdout)
    lakeside = next(t for t in listed if t["slug"] == "lakeside")
    assert {k: v for k, v in shown.items() if k != "created_at"} == {
        "id": lakeside["id"],
        "slug": "lakeside",
        "name": "Lakeside USD",
        "clients": 1,
        "disabled_clients": 0,
    }


def test_a_dry_run_writes_nothing_and_a_mass_retirement_needs_confirming(
    tmp_path: Path,
) -> None:
    env = _env(f"sqlite+aiosqlite:///{tmp_path / 'admin.db'}", tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "lakeside")
    large = sets.write_set(
        tmp_path / "large", dict(sets.BULK_1_1, **{"users.csv": sets.USERS_1_1 + EXTRA})
    )
    small = sets.write_set(tmp_path / "small", sets.BULK_1_1)
    command = ("import", "oneroster", "--tenant", "lakeside")
    _mastery(env, *command, str(large))

    # The same preview twice: the first wrote nothing, so the second counts the same.
    for _ in range(2):
        preview = _mastery(env, *command, str(small), "--dry-run", "--allow-mass-retire")
        assert "users.csv (bulk): would add 0, change 0, retire 10, delete 0; 3 unchanged, " \
            "0 stale, 0 skipped" in " ".join(preview.stdout.split())  # fmt: skip
        assert preview.stdout.splitlines()[-1] == "dry run, nothing written; 0 problem(s)"

    refused = subprocess.run(
        [MASTERY, *command, str(small), "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 1
    assert json.loads(refused.stdout) == {
        "error": "invalid",
        "detail": "The import would retire too much of the roster; nothing was written",
        "errors": [{"loc": ["users.csv"], "msg": REFUSAL}],
        "problems": 1,
    }
    done = _mastery(env, *command, str(small), "--allow-mass-retire", "--json")
    assert json.loads(done.stdout)["result"]["files"]["users.csv"]["retired"] == 10
