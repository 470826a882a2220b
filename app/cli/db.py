"""`mastery db ...`: schema migrations."""

from __future__ import annotations

from typing import Annotated

import typer

from app.cli.support import command_group, console

db_cli = command_group("Schema migrations.")


def _database_url() -> str:
    from app.config import Settings

    return Settings().database_url


@db_cli.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Migrate the database up to REVISION (default: the newest)."""
    import asyncio

    from app.adapters.db import migrate

    asyncio.run(migrate.upgrade(_database_url(), revision))
    console.print(f"database at {revision}")


@db_cli.command("downgrade")
def db_downgrade(revision: str) -> None:
    """Migrate the database down to REVISION."""
    import asyncio

    from app.adapters.db import migrate

    asyncio.run(migrate.downgrade(_database_url(), revision))
    console.print(f"database at {revision}")


@db_cli.command("current")
def db_current() -> None:
    """Print the revision the database is at."""
    import asyncio

    from app.adapters.db import migrate

    console.print(asyncio.run(migrate.current_revision(_database_url())) or "(empty)")
