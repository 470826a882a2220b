"""`mastery contracts write`: the committed API contracts in openapi/ (`make openapi`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from app.cli.support import command_group, console

contracts_cli = command_group("The committed API contracts in openapi/.")


def openapi_document() -> str:
    from app.bootstrap import create_web_app
    from app.config import Settings

    app = create_web_app(Settings())
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"


def graphql_document() -> str:
    from app.api.graphql.schema import SCHEMA

    return SCHEMA.as_str() + "\n"


CONTRACTS: dict[Path, Callable[[], str]] = {
    Path("openapi/openapi.json"): openapi_document,
    Path("openapi/schema.graphql"): graphql_document,
}


@contracts_cli.command("write")
def contracts_write() -> None:
    """Regenerate openapi/openapi.json and openapi/schema.graphql."""
    for path, render in CONTRACTS.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render())
        console.print(f"wrote {path}")
