"""`mastery` starts without loading the service: a command imports bootstrap (and with it the
web framework, the ORM and the adapters) only when it runs, so `mastery --help` is quick."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.adapters.garbage_collection import MIDDLE_THRESHOLD, YOUNG_THRESHOLD

# What `import app.cli` must not load; each costs tenths of a second or more at start-up.
HEAVY = (
    "app.bootstrap",
    "app.config",
    "app.adapters",
    "app.api",
    "app.use_cases.catalog",
    "fastapi",
    "starlette",
    "strawberry",
    "sqlalchemy",
    "sqlmodel",
    "uvicorn",
    "pydantic",
    "alembic",
)


def test_the_cli_loads_no_heavy_module_until_a_command_runs() -> None:
    probe = (
        "import sys, app.cli\n"
        f"heavy = {HEAVY!r}\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == []


def test_help_is_rendered_without_rich_or_asyncio() -> None:
    # Rich's panels (its console and Markdown) and asyncio were most of what remained of the
    # start-up once the service loaded lazily; `--help` is Click's plain text now.
    probe = (
        "import sys\n"
        "sys.argv = ['mastery', '--help']\n"
        "from app.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"heavy = {(*HEAVY, 'rich', 'asyncio', 'markdown_it')!r}\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "print(' '.join(loaded), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert "Usage: mastery [OPTIONS] COMMAND [ARGS]..." in done.stdout
    assert done.stderr.split() == []


def test_a_command_and_the_server_space_collections_out_before_loading_the_service(
    tmp_path: Path,
) -> None:
    # Loading the service makes a few million objects that live as long as the process; with
    # CPython's default thresholds (700, 10) the collector walked them again and again while
    # they were made (decision 0074). So the thresholds are set before the first of them.
    probe = (
        "import builtins, gc, sys\n"
        "seen = []\n"
        "real_import = builtins.__import__\n"
        "def spy(name, *args, **kwargs):\n"
        "    if name.startswith('sqlalchemy') and not seen:\n"
        "        seen.append(gc.get_threshold()[:2])\n"
        "    return real_import(name, *args, **kwargs)\n"
        "builtins.__import__ = spy\n"
        "{start}\n"
        "print(*seen[0])\n"
    )
    command = (
        "sys.argv = ['mastery', 'db', 'current']\n"
        "from app.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass"
    )
    env = {
        **os.environ,
        "MASTERY_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'probe.db'}",
        "MASTERY_STATE_DIR": str(tmp_path / "state"),
    }
    for start in (command, "import app.main"):
        done = subprocess.run(
            [sys.executable, "-c", probe.replace("{start}", start)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=env,
        )
        assert done.stdout.split()[-2:] == [str(YOUNG_THRESHOLD), str(MIDDLE_THRESHOLD)], (
            start,
            done.stdout,
            done.stderr[-2000:],
        )
