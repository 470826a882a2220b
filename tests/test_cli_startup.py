"""`mastery` starts without loading the service: a command imports bootstrap (and with it the
web framework, the ORM and the adapters) only when it runs, so `mastery --help` is quick."""

from __future__ import annotations

import subprocess
import sys

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
