"""What every `mastery` command shares: running against the configured database, printing.

The service itself (bootstrap: settings, FastAPI, SQLAlchemy, the adapters) is imported when a
command runs, never when `mastery` starts: `mastery --help` answers without loading it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from app.domain.errors import DomainError

if TYPE_CHECKING:
    from app.use_cases.catalog import UseCases

T = TypeVar("T")

console = Console()
errors = Console(stderr=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
TenantOption = Annotated[str, typer.Option(help="The tenant's slug.")]


def with_use_cases(
    work: Callable[[UseCases], Awaitable[T]], passed: tuple[type[DomainError], ...] = ()
) -> T:
    """Run one command against the configured database, reporting domain errors plainly
    (except those `passed` on, which the command reports its own way)."""
    from app.bootstrap import ConfigurationError, build
    from app.config import Settings

    async def run() -> T:
        container = build(Settings())
        try:
            return await work(container.use_cases)
        finally:
            await container.close()

    try:
        return asyncio.run(run())
    except passed:
        raise
    except (DomainError, ConfigurationError) as exc:
        errors.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None


def print_data(data: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(data, indent=2, default=str))
    else:
        for key, value in data.items():
            console.print(f"[bold]{key}[/bold]: {value}")
