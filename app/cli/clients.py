"""`mastery clients ...`: a district's API clients and their secrets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from app.cli.support import (
    JsonFlag,
    TenantOption,
    command_group,
    console,
    print_data,
    with_use_cases,
)

if TYPE_CHECKING:
    from app.domain.access import Client
    from app.use_cases.access import ClientCredentials

clients_cli = command_group("API clients of a tenant.")


def _print_credentials(credentials: ClientCredentials, as_json: bool) -> None:
    from app.domain.access import format_scopes

    print_data(
        {
            "client_id": credentials.client_id,
            "client_secret": credentials.client_secret,
            "tenant": credentials.tenant,
            "scopes": format_scopes(credentials.scopes),
        },
        as_json,
    )


def _client(client: Client) -> dict[str, Any]:
    from app.domain.access import format_scopes

    return {
        "client_id": client.client_id,
        "name": client.name,
        "scopes": format_scopes(client.scopes),
        "created_at": client.created_at.isoformat(),
        "disabled_at": client.revoked_at.isoformat() if client.revoked_at else None,
    }


@clients_cli.command("create")
def clients_create(
    tenant: TenantOption,
    scope: Annotated[str, typer.Option(help='Space-separated scopes, e.g. "roster:read".')],
    name: Annotated[str | None, typer.Option(help="What the client is.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Create an API client; its secret is printed once and stored only as a hash."""
    created = with_use_cases(
        lambda u: u.access.create_client(tenant_slug=tenant, scopes=scope, name=name),
        as_json=as_json,
    )
    _print_credentials(created, as_json)


@clients_cli.command("list")
def clients_list(tenant: TenantOption, as_json: JsonFlag = False) -> None:
    """A tenant's clients, oldest first (never their secrets)."""

    async def listed(u: Any) -> list[Client]:
        found = await u.access.tenant_by_slug(tenant)
        clients: list[Client] = await u.access.list_clients(tenant=found.id)
        return clients

    rows = [_client(c) for c in with_use_cases(listed, as_json=as_json)]
    if as_json:
        print_data({"clients": rows}, as_json)
        return
    for row in rows:
        state = f"disabled {row['disabled_at']}" if row["disabled_at"] else "active"
        console.print(f"{row['client_id']}  {row['name']}  [{row['scopes']}]  {state}")


@clients_cli.command("rotate")
def clients_rotate(client_id: str, as_json: JsonFlag = False) -> None:
    """Give a client a new secret (printed once); the old secret and its tokens stop working."""
    rotated = with_use_cases(
        lambda u: u.access.rotate_client_secret(client_id=client_id), as_json=as_json
    )
    _print_credentials(rotated, as_json)


@clients_cli.command("disable")
def clients_disable(client_id: str, as_json: JsonFlag = False) -> None:
    """Disable a client: it gets no new tokens, and the tokens it holds stop working."""
    disabled = with_use_cases(
        lambda u: u.access.disable_client(client_id=client_id), as_json=as_json
    )
    print_data(_client(disabled), as_json)


@clients_cli.command("delete")
def clients_delete(
    client_id: str,
    yes: Annotated[bool, typer.Option("--yes", help="Delete without asking.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Delete a client; the tokens it holds stop working."""
    if not yes:
        typer.confirm(f"Delete client {client_id}?", abort=True)
    with_use_cases(lambda u: u.access.delete_client(client_id=client_id), as_json=as_json)
    print_data({"deleted": client_id}, as_json)
