"""`mastery import oneroster` and `mastery roster ...`: a district's roster from its SIS."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress as Bar
from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

from app.cli_support import JsonFlag, console, errors, print_data, with_use_cases
from app.domain.oneroster.connection import OneRosterVersion, ProviderAuth
from app.use_cases import roster_sync as sync
from app.use_cases.catalog import UseCases
from app.use_cases.import_report import ImportReport
from app.use_cases.roster_import import ImportRejected

import_cli = typer.Typer(help="Import data from other systems.", no_args_is_help=True)
roster_cli = typer.Typer(help="The roster's SIS connection and syncs.", no_args_is_help=True)

TenantOption = Annotated[str, typer.Option(help="The tenant's slug.")]
SkipInvalid = Annotated[
    bool, typer.Option("--skip-invalid", help="Import every valid row; report the rest.")
]


class _BarProgress:
    """Job progress shown as a Rich line on stderr (stdout stays clean for --json)."""

    def __init__(self, bar: Bar, task: Any) -> None:
        self._bar = bar
        self._task = task

    async def advance(self, done: int, total: int | None = None, **result: Any) -> None:
        self._bar.update(self._task, completed=done, total=total, rows=done)


def show_report(report: ImportReport, as_json: bool) -> None:
    """The counts per file and every problem, as text or JSON."""
    if as_json:
        print(json.dumps({"result": report.result(), "errors": report.errors()}, indent=2))
        return
    for name, f in report.files.items():
        console.print(
            f"[bold]{name}[/bold] ({f.mode}): {f.rows} rows, {f.imported} imported, "
            f"{f.skipped} skipped; created {f.created}, updated {f.updated}, unchanged "
            f"{f.unchanged}, stale {f.stale}, deleted {f.deleted}, retired {f.retired}",
            soft_wrap=True,
        )
    for name in report.not_used:
        console.print(f"{name}: not used")
    for note in report.notes:
        console.print(f"note: {note}")
    for p in report.listed_problems():
        where = ":".join(str(part) for part in p.loc[:2])
        line = f"{where}: {p.msg}" if where else p.msg
        errors.print(line, markup=False, highlight=False, soft_wrap=True)
    verdict = "imported" if report.written else "rejected, nothing written"
    console.print(f"{verdict}; {report.problem_count} problem(s)")


def run_and_report(tenant_slug: str, work: Any, label: str, as_json: bool) -> None:
    """Run an import with a progress line, print its report; exit 1 when it was rejected."""
    report, rejected = with_use_cases(
        lambda use_cases: run_with_bar(use_cases, tenant_slug, work, label)
    )
    show_report(report, as_json)
    if rejected:
        raise typer.Exit(1)


async def run_with_bar(
    use_cases: UseCases, tenant_slug: str, work: Any, label: str
) -> tuple[ImportReport, bool]:
    """Run an import with a progress line; the report, and whether it was rejected."""
    tenant = await use_cases.access.tenant_by_slug(tenant_slug)
    columns = (
        SpinnerColumn(),
        TextColumn(label + " {task.fields[rows]} rows"),
        TimeElapsedColumn(),
    )
    with Bar(*columns, console=errors, transient=True) as bar:
        progress = _BarProgress(bar, bar.add_task(label, total=None, rows=0))
        try:
            return await work(use_cases, tenant.id, progress), False
        except ImportRejected as rejected:
            return rejected.report, True


@import_cli.command("oneroster")
def import_oneroster(
    path: Annotated[Path, typer.Argument(help="A folder or zip holding the CSV set.")],
    tenant: TenantOption,
    skip_invalid: SkipInvalid = False,
    as_json: JsonFlag = False,
) -> None:
    """Import a OneRoster 1.1 or 1.2 CSV set. Any problem rejects the whole set (nothing is
    written) unless --skip-invalid; every problem is listed with its file and line."""

    async def work(use_cases: UseCases, tenant_id: Any, progress: Any) -> ImportReport:
        return await use_cases.roster_imports.import_file(
            tenant_id, path, skip_invalid=skip_invalid, progress=progress
        )

    run_and_report(tenant, work, "importing", as_json)


@roster_cli.command("connect")
def roster_connect(
    tenant: TenantOption,
    base_url: Annotated[str, typer.Option(help="The provider's root URL.")],
    client_id: Annotated[str, typer.Option(help="The client id the SIS issued.")],
    version: Annotated[OneRosterVersion, typer.Option(help="OneRoster version.")] = (
        OneRosterVersion.V1_2
    ),
    auth: Annotated[ProviderAuth, typer.Option(help="oauth2 or oauth1 (HMAC-SHA256).")] = (
        ProviderAuth.OAUTH2
    ),
    token_url: Annotated[str | None, typer.Option(help="OAuth 2.0 token URL.")] = None,
    scope: Annotated[list[str] | None, typer.Option(help="A scope to ask for (repeat).")] = None,
    client_secret: Annotated[
        str,
        typer.Option(prompt=True, hide_input=True, envvar="MASTERY_SIS_CLIENT_SECRET"),
    ] = "",
) -> None:
    """Set the tenant's SIS connection (the secret is stored encrypted)."""
    settings = sync.ConnectionSettings(
        base_url=base_url,
        version=version,
        auth=auth,
        client_id=client_id,
        client_secret=client_secret or None,
        token_url=token_url,
        scopes=tuple(scope or ()),
    )

    async def work(use_cases: UseCases) -> Any:
        found = await use_cases.access.tenant_by_slug(tenant)
        return (await use_cases.roster_sync.put_connection(found.id, settings))[0]

    connection = with_use_cases(work)
    console.print(f"connected to {connection.base_url} (OneRoster {connection.version.value})")


@roster_cli.command("sync")
def roster_sync(
    tenant: TenantOption,
    skip_invalid: SkipInvalid = False,
    as_json: JsonFlag = False,
) -> None:
    """Sync the roster from the SIS's OneRoster REST provider (only changes after the first)."""

    async def work(use_cases: UseCases, tenant_id: Any, progress: Any) -> ImportReport:
        return await use_cases.roster_sync.sync_roster(
            tenant_id, skip_invalid=skip_invalid, progress=progress
        )

    run_and_report(tenant, work, "syncing", as_json)


@roster_cli.command("show")
def roster_show(tenant: TenantOption, as_json: JsonFlag = False) -> None:
    """Show the tenant's SIS connection (never its secret) and how far it has synced."""

    async def work(use_cases: UseCases) -> Any:
        found = await use_cases.access.tenant_by_slug(tenant)
        return await use_cases.roster_sync.get_connection(found.id)

    connection = with_use_cases(work)
    print_data(
        {
            "base_url": connection.base_url,
            "oneroster_version": connection.version.value,
            "auth": connection.auth.value,
            "token_url": connection.token_url,
            "client_id": connection.client_id,
            "scopes": " ".join(connection.scopes),
            "synced_through": connection.synced_through,
        },
        as_json,
    )
