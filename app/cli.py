"""`mastery`: run the service, migrate, and manage tenants, clients and the demo district."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import uvicorn

import app.cli_case  # noqa: F401  (registers `mastery import case`)
from app.adapters.db import migrate
from app.adapters.oneroster.csv_writer import write_set
from app.bootstrap import create_web_app
from app.cli_roster import import_cli, roster_cli
from app.cli_support import JsonFlag, console, print_data, with_use_cases
from app.config import Settings
from app.domain.access import ALL_SCOPES, format_scopes
from app.domain.errors import DomainError
from app.use_cases import demo
from app.use_cases.access import Access
from app.use_cases.catalog import UseCases

T = TypeVar("T")

cli = typer.Typer(
    help="Mastery Service: decide, explain and report competency mastery.", no_args_is_help=True
)
db_cli = typer.Typer(help="Schema migrations.", no_args_is_help=True)
tenants_cli = typer.Typer(help="Tenants (districts).", no_args_is_help=True)
clients_cli = typer.Typer(help="API clients of a tenant.", no_args_is_help=True)
demo_cli = typer.Typer(help="The demo district.", no_args_is_help=True)
contracts_cli = typer.Typer(help="The committed API contracts in openapi/.", no_args_is_help=True)
for name, sub in (
    ("db", db_cli),
    ("tenants", tenants_cli),
    ("clients", clients_cli),
    ("demo", demo_cli),
    ("contracts", contracts_cli),
    ("import", import_cli),
    ("roster", roster_cli),
):
    cli.add_typer(sub, name=name)


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind (MASTERY_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (MASTERY_PORT).")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (MASTERY_WORKERS).")] = None,
) -> None:
    """Serve the API (no set-up: run `mastery db upgrade` first)."""
    settings = Settings()
    count = workers or settings.workers
    options: dict[str, Any] = {
        "host": host or settings.host,
        "port": port or settings.port,
        "log_config": None,
        "proxy_headers": True,
    }
    if count > 1:
        uvicorn.run("app.main:app", workers=count, **options)
    else:
        uvicorn.run(create_web_app(settings), **options)


@cli.command()
def dev(
    host: Annotated[str | None, typer.Option(help="Interface to bind (MASTERY_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (MASTERY_PORT).")] = None,
) -> None:
    """Set up and serve for development: migrate, load the demo district into an empty
    database, print a client id, secret and token, then serve (what `make run` does)."""
    settings = Settings()
    asyncio.run(migrate.upgrade(settings.database_url))

    async def prepare(use_cases: UseCases) -> dict[str, Any] | None:
        if not await use_cases.access.list_tenants():
            console.print("Empty database: loading the demo district…")
            await use_cases.demo.load_demo_district()
        try:
            await use_cases.access.tenant_by_slug(demo.DEMO_SLUG)
        except DomainError:
            return None
        return await _dev_credentials(use_cases.access, settings)

    credentials = with_use_cases(prepare)
    where = f"http://{host or settings.host}:{port or settings.port}"
    if credentials:
        console.print(
            f"\n[bold green]Mastery Service[/bold green] at {where}  (docs: {where}/docs)"
        )
        for key in ("tenant", "client_id", "client_secret"):
            print(f"  {key}: {credentials[key]}")
        print(f"\n  export TOKEN={credentials['access_token']}")
        print(f'  curl -H "Authorization: Bearer $TOKEN" {where}/v1/orgs\n', flush=True)
    serve(host=host, port=port, workers=1)


async def _dev_credentials(access: Access, settings: Settings) -> dict[str, Any]:
    """The demo tenant's development client, with a fresh secret each run and a token."""
    path = Path(settings.state_dir) / "dev-client-id"
    credentials = None
    if path.exists():
        try:
            credentials = await access.rotate_client_secret(client_id=path.read_text().strip())
        except DomainError:
            credentials = None
    if credentials is None:
        credentials = await access.create_client(
            tenant_slug=demo.DEMO_SLUG,
            scopes=format_scopes(ALL_SCOPES),
            name="make run (development)",
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(credentials.client_id)
    token = await access.issue_token(
        client_id=credentials.client_id,
        client_secret=credentials.client_secret,
        scope=None,
    )
    return {
        "tenant": credentials.tenant,
        "client_id": credentials.client_id,
        "client_secret": credentials.client_secret,
        "access_token": token.access_token,
    }


@db_cli.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Migrate the database up to REVISION (default: the newest)."""
    asyncio.run(migrate.upgrade(Settings().database_url, revision))
    console.print(f"database at {revision}")


@db_cli.command("downgrade")
def db_downgrade(revision: str) -> None:
    """Migrate the database down to REVISION."""
    asyncio.run(migrate.downgrade(Settings().database_url, revision))
    console.print(f"database at {revision}")


@db_cli.command("current")
def db_current() -> None:
    """Print the revision the database is at."""
    console.print(asyncio.run(migrate.current_revision(Settings().database_url)) or "(empty)")


@tenants_cli.command("create")
def tenants_create(
    slug: str,
    name: Annotated[str | None, typer.Option(help="The district's name.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Create a tenant (a district)."""
    tenant = with_use_cases(lambda u: u.access.create_tenant(slug=slug, name=name))
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
    tenants = with_use_cases(lambda u: u.access.list_tenants())
    rows = [{"id": t.id, "slug": t.slug, "name": t.name} for t in tenants]
    if as_json:
        print(json.dumps(rows, indent=2))
    else:
        for row in rows:
            console.print(f"{row['slug']}\t{row['name']}")


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
    print_data(
        {
            "client_id": created.client_id,
            "client_secret": created.client_secret,
            "tenant": created.tenant,
            "scopes": format_scopes(created.scopes),
        },
        as_json,
    )


@clients_cli.command("rotate")
def clients_rotate(client_id: str, as_json: JsonFlag = False) -> None:
    """Give a client a new secret (printed once); the old secret stops working."""
    rotated = with_use_cases(lambda u: u.access.rotate_client_secret(client_id=client_id))
    print_data(
        {
            "client_id": rotated.client_id,
            "client_secret": rotated.client_secret,
            "tenant": rotated.tenant,
            "scopes": format_scopes(rotated.scopes),
        },
        as_json,
    )


@demo_cli.command("load")
def demo_load(
    tenant: Annotated[str, typer.Option(help="The demo tenant's slug.")] = demo.DEMO_SLUG,
) -> None:
    """Load the demo district (created if missing; loading again changes nothing)."""
    loaded = with_use_cases(lambda u: u.demo.load_demo_district(tenant))
    console.print(f"demo district loaded into tenant {loaded.slug!r}")


@demo_cli.command("write-oneroster")
def demo_write_oneroster(
    folder: Annotated[Path, typer.Argument(help="Where to write the CSV set.")] = demo.DEMO_SET,
) -> None:
    """Regenerate the demo district's OneRoster 1.2 CSV set (the same files every time)."""
    for path in write_set(demo.demo_roster(), folder):
        console.print(f"wrote {path}")


def openapi_document() -> str:
    app = create_web_app(Settings())
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"


def graphql_document() -> str:
    from app.api.graphql.schema import SCHEMA

    return SCHEMA.as_str() + "\n"


CONTRACTS = {
    Path("openapi/openapi.json"): openapi_document,
    Path("openapi/schema.graphql"): graphql_document,
}


@contracts_cli.command("write")
def contracts_write() -> None:
    """Regenerate openapi/openapi.json and openapi/schema.graphql."""
    for path, render in CONTRACTS.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render())
        console.print(f"wrote {path}")


def main() -> None:
    cli()
