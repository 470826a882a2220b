"""`mastery tenants ...`: the districts the service holds."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from app.cli.support import JsonFlag, command_group, console, print_data, with_use_cases

if TYPE_CHECKING:
    from app.use_cases.catalog import UseCases

tenants_cli = command_group("Tenants (districts).")


@tenants_cli.command("create")
def tenants_create(
    slug: str,
    name: Annotated[str | None, typer.Option(help="The district's name.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Create a tenant (a district)."""
    tenant = with_use_cases(lambda u: u.access.create_tenant(slug=slug, name=name), as_json=as_json)
    print_data(
        {
            "id": tenant.id,
            "slug": tenant.slug,
            "name": tenant.name,
            "created_at": tenant.created_at.isoformat(),
        },
        as_json,
    )


@tenants_cli.command("list")
def tenants_list(as_json: JsonFlag = False) -> None:
    """List the tenants."""
    tenants = with_use_cases(lambda u: u.access.list_tenants(), as_json=as_json)
    rows = [{"id": t.id, "slug": t.slug, "name": t.name} for t in tenants]
    if as_json:
        print(json.dumps(rows, indent=2))
    else:
        for row in rows:
            console.print(f"{row['slug']}\t{row['name']}")


@tenants_cli.command("show")
def tenants_show(slug: str, as_json: JsonFlag = False) -> None:
    """Show a tenant: its id, name, when it was created, and its API clients (active and
    disabled)."""

    async def shown(u: UseCases) -> dict[str, Any]:
        tenant = await u.access.tenant_by_slug(slug)
        clients = await u.access.list_clients(tenant=tenant.id)
        disabled = sum(1 for c in clients if c.revoked_at is not None)
        return {
            "id": tenant.id,
            "slug": tenant.slug,
            "name": tenant.name,
            "created_at": tenant.created_at.isoformat(),
            "clients": len(clients) - disabled,
            "disabled_clients": disabled,
        }

    print_data(with_use_cases(shown, as_json=as_json), as_json)
