"""`mastery clients ...`: a district's API clients and their secrets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.support import JsonFlag, print_data, with_use_cases
from app.domain.access import format_scopes

if TYPE_CHECKING:
    from app.use_cases.access import ClientCredentials

clients_cli = typer.Typer(help="API clients of a tenant.", no_args_is_help=True)


def _print_credentials(credentials: ClientCredentials, as_json: bool) -> None:
    print_data(
        {
            "client_id": credentials.client_id,
            "client_secret": credentials.client_secret,
            "tenant": credentials.tenant,
            "scopes": format_scopes(credentials.scopes),
        },
        as_json,
    )


@clients_cli.command("create")
def clients_create(
    tenant: Annotated[str, typer.Option(help="The tenant's slug.")],
    scope: Annotated[str, typer.Option(help='Space-separated scopes, e.g. "roster:read".')],
    name: Annotated[str | None, typer.Option(help="What the client is.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Create an API client; its secret is printed once and stored only as a hash."""
    created = with_use_cases(
        lambda u: u.access.create_client(tenant_slug=tenant, scopes=scope, name=name)
    )
    _print_credentials(created, as_json)


@clients_cli.command("rotate")
def clients_rotate(client_id: str, as_json: JsonFlag = False) -> None:
    """Give a client a new secret (printed once); the old secret stops working."""
    rotated = with_use_cases(lambda u: u.access.rotate_client_secret(client_id=client_id))
    _print_credentials(rotated, as_json)
