"""`mastery demo ...`: the demo district."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from app.cli.support import command_group, console, with_use_cases
from app.demo import DEMO_SET, DEMO_SLUG

demo_cli = command_group("The demo district.")


@demo_cli.command("load")
def demo_load(
    tenant: Annotated[str, typer.Option(help="The demo tenant's slug.")] = DEMO_SLUG,
) -> None:
    """Load the demo district (created if missing; loading again changes nothing)."""
    loaded = with_use_cases(lambda u: u.demo.load_demo_district(tenant))
    console.print(f"demo district loaded into tenant {loaded.slug!r}")


@demo_cli.command("write-oneroster")
def demo_write_oneroster(
    folder: Annotated[Path, typer.Argument(help="Where to write the CSV set.")] = DEMO_SET,
) -> None:
    """Regenerate the demo district's OneRoster 1.2 CSV set (the same files every time)."""
    from app.adapters.oneroster.csv_writer import write_set
    from app.use_cases.demo import demo_roster

    for path in write_set(demo_roster(), folder):
        console.print(f"wrote {path}")
