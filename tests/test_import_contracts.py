"""The import contracts bite: in a copy of the source tree, each forbidden import that a
contract exists to stop breaks that contract (and only the ones it should), while the untouched
copy keeps every contract."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))

LAYERS = "The hexagon's layers point inward"
ADAPTERS = "Driven adapters implement ports: they import neither the use cases nor the API"
CONFIG = "Settings are read only where the service is put together (bootstrap, CLI, main)"
STDLIB = "The domain, ports and use cases import only the standard library"
INDEPENDENT = "Driving and driven adapters are independent"
OUTBOUND = "Outbound calls through one door: only app.adapters.http opens HTTP connections"
CONTRACTS = {LAYERS, ADAPTERS, CONFIG, STDLIB, INDEPENDENT, OUTBOUND}
# "NAME KEPT", or with the imports a contract lists as allowed: "NAME KEPT (1 ignored import)".
_VERDICT = re.compile(r"^(?P<name>.+) (?P<verdict>KEPT|BROKEN)(?: \(\d+ ignored imports?\))?$")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of what lint-imports reads: the package, the contract types and the config."""
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "app", tmp_path / "app", ignore=ignore)
    shutil.copytree(ROOT / "tools", tmp_path / "tools", ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def verdicts(tree: Path) -> dict[str, str]:
    """Each contract's name and verdict (KEPT or BROKEN) for the copy at `tree`."""
    # lint-imports puts its working directory first on the import path: the copy's `app` is
    # analysed, not the installed one.
    done = subprocess.run(
        [LINT_IMPORTS, "--no-cache"], cwd=tree, capture_output=True, text=True, timeout=120
    )
    found = {}
    for line in done.stdout.splitlines():
        if said := _VERDICT.match(line):
            found[said["name"]] = said["verdict"]
    assert set(found) == CONTRACTS, done.stdout + done.stderr
    assert done.returncode == (1 if "BROKEN" in found.values() else 0), done.stderr
    return found


def add_import(module: Path, statement: str) -> None:
    """Add `statement` after the module's `from __future__` line."""
    text = module.read_text()
    head, future, rest = text.partition("from __future__ import annotations\n")
    assert future, f"{module} has no __future__ import to add after"
    module.write_text(f"{head}{future}{statement}\n{rest}")


def test_the_untouched_tree_keeps_every_contract(tree: Path) -> None:
    assert verdicts(tree) == dict.fromkeys(CONTRACTS, "KEPT")


@pytest.mark.parametrize(
    ("module", "statement", "broken"),
    [
        # The domain and the ports: the standard library only (an allow-list: orjson and
        # pydantic are named by no contract).
        ("app/domain/evidence.py", "import orjson  # noqa", {STDLIB}),
        ("app/ports/clock.py", "import pydantic  # noqa", {STDLIB}),
        ("app/use_cases/jobs.py", "import rich  # noqa", {STDLIB}),
        # A driven adapter reaching for a use case: the layers allow it (adapters sit higher),
        # the forbidden contract does not.
        ("app/adapters/db/uow.py", "from app.use_cases import deciding  # noqa", {ADAPTERS}),
        # ...or for the driving side (siblings in one layer are independent, too).
        (
            "app/adapters/jobs/in_process.py",
            "import app.api.problems  # noqa",
            {LAYERS, ADAPTERS, INDEPENDENT},
        ),
        # The API may use the one recognition of a database outage, and no other adapter.
        ("app/api/middleware.py", "import app.adapters.db.uow  # noqa", {LAYERS, INDEPENDENT}),
        # HTTP opened anywhere but the one guarded client.
        ("app/adapters/db/uow.py", "import httpx  # noqa", {OUTBOUND}),
        # Settings read in a use case.
        ("app/use_cases/evidence.py", "from app.config import Settings  # noqa", {LAYERS, CONFIG}),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    tree: Path, module: str, statement: str, broken: set[str]
) -> None:
    add_import(tree / module, statement)
    found = verdicts(tree)
    assert {name for name, verdict in found.items() if verdict == "BROKEN"} == broken
