"""What every `mastery` command shares: running against the configured database, printing.

The service itself (bootstrap: settings, FastAPI, SQLAlchemy, the adapters), and even asyncio
and Rich's console, are imported when a command runs, never when `mastery` starts: `mastery
--help` answers without loading them."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from app.domain.errors import DomainError
    from app.use_cases.catalog import UseCases

T = TypeVar("T")


class _Console:
    """A Rich console made on first use (importing Rich's console costs tenths of a second)."""

    def __init__(self, stderr: bool) -> None:
        self._stderr = stderr

    @cached_property
    def rich(self) -> Console:
        from rich.console import Console

        return Console(stderr=self._stderr)

    def print(self, *objects: Any, **options: Any) -> None:
        self.rich.print(*objects, **options)


console = _Console(stderr=False)
errors = _Console(stderr=True)


def command_group(help: str) -> typer.Typer:
    """A group of commands. Its help is Click's plain text, not Rich's panels: rendering
    those imports Rich's console and Markdown, which doubled `mastery --help`'s start-up."""
    return typer.Typer(help=help, no_args_is_help=True, rich_markup_mode=None)


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
TenantOption = Annotated[str, typer.Option(help="The tenant's slug.")]


def with_use_cases(
    work: Callable[[UseCases], Awaitable[T]],
    passed: tuple[type[DomainError], ...] = (),
    *,
    as_json: bool = False,
) -> T:
    """Run one command against the configured database, reporting the failures an operator
    can meet (domain errors, settings that cannot run the service) plainly, as JSON on stdout
    with `as_json`, and exiting 1; never with a traceback. Errors `passed` on are the
    command's to report."""
    import asyncio

    from pydantic import ValidationError

    from app.adapters.garbage_collection import space_out_collections
    from app.bootstrap import build
    from app.bootstrap_settings import ConfigurationError
    from app.config import Settings
    from app.domain.errors import DomainError, Problem

    async def run() -> T:
        container = build(Settings())
        space_out_collections()  # an import or a demo load allocates millions of objects
        try:
            return await work(container.use_cases)
        finally:
            await container.close()

    try:
        return asyncio.run(run())
    except passed:
        raise
    except DomainError as exc:
        fail(exc, as_json)
    except ConfigurationError as exc:
        fail(DomainError(str(exc), kind="configuration"), as_json)
    except ValidationError as exc:  # a MASTERY_ setting that is not valid
        problems = [Problem(tuple(e["loc"]), e["msg"]) for e in exc.errors()]
        fail(DomainError("The settings are not valid", problems, "configuration"), as_json)


def fail(error: DomainError, as_json: bool) -> NoReturn:
    """Report why a command failed (every problem, located) and exit 1: as JSON on stdout
    with `as_json` (a script reads one document whatever happened), else on stderr."""
    from rich.markup import escape

    if as_json:
        problems = [{"loc": list(p.loc), "msg": p.msg} for p in error.problems]
        body = {"error": error.kind, "detail": error.detail, "errors": problems}
        print(json.dumps(body, indent=2))
    else:
        listed = "; ".join(
            f"{'.'.join(map(str, p.loc))}: {p.msg}" if p.loc else p.msg for p in error.problems
        )
        said = f"{error.detail} ({listed})" if listed else error.detail
        errors.print(f"[red]error:[/red] {escape(said)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def print_data(data: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(data, indent=2, default=str))
    else:
        for key, value in data.items():
            console.print(f"[bold]{key}[/bold]: {value}")
