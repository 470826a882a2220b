"""`mastery tenants ...`: the districts the service holds."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from app.cli.support import JsonFlag, console, print_data, with_use_cases

tenants_cli = typer.Typer(help="Tenants (districts).", no_args_is_help=True)


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
