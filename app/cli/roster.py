"""`mastery roster ...`: a district's SIS connection, and roster syncs through it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.import_runs import AllowMassRetire, SkipInvalid, run_and_report
from app.cli.support import (
    JsonFlag,
    TenantOption,
    command_group,
    console,
    print_data,
    with_use_cases,
)
from app.domain.oneroster.connection import OneRosterVersion, ProviderAuth, RosterConnection

if TYPE_CHECKING:
    from app.domain.access import TenantId
    from app.ports.jobs import Progress
    from app.use_cases.catalog import UseCases
    from app.use_cases.import_report import ImportReport

roster_cli = command_group("The roster's SIS connection and syncs.")


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
    from app.use_cases.roster_sync import ConnectionSettings

    settings = ConnectionSettings(
        base_url=base_url,
        version=version,
        auth=auth,
        client_id=client_id,
        client_secret=client_secret or None,
        token_url=token_url,
        scopes=tuple(scope or ()),
    )

    async def work(use_cases: UseCases) -> RosterConnection:
        found = await use_cases.access.tenant_by_slug(tenant)
        return (await use_cases.roster_sync.put_connection(found.id, settings))[0]

    connection = with_use_cases(work)
    console.print(f"connected to {connection.base_url} (OneRoster {connection.version.value})")


@roster_cli.command("sync")
def roster_sync(
    tenant: TenantOption,
    skip_invalid: SkipInvalid = False,
    allow_mass_retire: AllowMassRetire = False,
    as_json: JsonFlag = False,
) -> None:
    """Sync the roster from the SIS's OneRoster REST provider (only changes after the first)."""

    async def work(use_cases: UseCases, tenant_id: TenantId, progress: Progress) -> ImportReport:
        return await use_cases.roster_sync.sync_roster(
            tenant_id,
            skip_invalid=skip_invalid,
            progress=progress,
            allow_mass_retire=allow_mass_retire,
        )

    run_and_report(tenant, work, "syncing", as_json)


@roster_cli.command("show")
def roster_show(tenant: TenantOption, as_json: JsonFlag = False) -> None:
    """Show the tenant's SIS connection (never its secret) and how far it has synced."""

    async def work(use_cases: UseCases) -> RosterConnection:
        found = await use_cases.access.tenant_by_slug(tenant)
        return await use_cases.roster_sync.get_connection(found.id)

    connection = with_use_cases(work, as_json=as_json)
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
