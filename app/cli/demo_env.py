"""The development server's sourceable file, `MASTERY_STATE_DIR/demo.env`: where the service
answers and the demo client's credentials, as shell exports, so that every command of the
README runs as written after `source .mastery/demo.env`. It holds a secret, so it is born
private to its owner (0600)."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

from app.adapters.security.keys import write_private

DEMO_ENV = "demo.env"
_KEYS = {
    "MASTERY_URL": "url",
    "CLIENT_ID": "client_id",
    "CLIENT_SECRET": "client_secret",
    "TOKEN": "access_token",
}


def write_demo_env(state_dir: Path, url: str, credentials: dict[str, Any]) -> Path:
    """Write the file (replacing the last run's) and say where it is."""
    values = {**credentials, "url": url}
    lines = ["# Written by `mastery dev` (make run): source it in a shell to run the README."]
    lines += [f"export {name}={shlex.quote(str(values[key]))}" for name, key in _KEYS.items()]
    path = state_dir / DEMO_ENV
    write_private(path, "\n".join(lines) + "\n", replace=True)
    return path


def read_demo_env(state_dir: Path) -> dict[str, str]:
    """The exports of the last run's file, or nothing if there is none."""
    path = state_dir / DEMO_ENV
    if not path.exists():
        return {}
    found: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if line.startswith("export ") and "=" in line:
            name, _, value = line.removeprefix("export ").partition("=")
            found[name] = "".join(shlex.split(value))
    return found if {"CLIENT_ID", "CLIENT_SECRET"} <= found.keys() else {}
