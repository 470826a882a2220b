"""`mastery serve` and `mastery dev`: the API, in production or set up for development."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from app.cli.support import console, errors, with_use_cases
from app.demo import DEMO_SLUG

if TYPE_CHECKING:
    from app.use_cases.access import Access
    from app.use_cases.catalog import UseCases

Host = Annotated[str | None, typer.Option(help="Interface to bind (MASTERY_HOST).")]
Port = Annotated[int | None, typer.Option(help="Port (MASTERY_PORT).")]


def serve(
    host: Host = None,
    port: Port = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (MASTERY_WORKERS).")] = None,
) -> None:
    """Serve the API (no set-up: run `mastery db upgrade` first)."""
    import uvicorn

    from app.bootstrap import create_web_app
    from app.config import Settings

    # The address given here is the one settings (and the default public base URL, which
    # served URIs and links start with) read, in this process and in every worker.
    if host:
        os.environ["MASTERY_HOST"] = host
    if port:
        os.environ["MASTERY_PORT"] = str(port)
    settings = Settings()
    count = workers or settings.workers
    options: dict[str, Any] = {
        "host": host or settings.host,
        "port": port or settings.port,
        "log_config": None,
        "proxy_headers": True,
        "timeout_graceful_shutdown": round(settings.shutdown_grace_seconds),
    }
    if count > 1 and settings.job_queue == "in_process":
        errors.print(
            "[yellow]warning:[/yellow] jobs run inside each of the server's processes, which "
            "may begin the same job twice: set MASTERY_JOB_QUEUE=procrastinate and run "
            "`mastery worker`"
        )
    if count > 1:
        uvicorn.run("app.main:app", workers=count, **options)
    else:
        uvicorn.run(create_web_app(settings), **options)


def dev(host: Host = None, port: Port = None) -> None:
    """Set up and serve for development: migrate, load the demo district into an empty
    database, print a client id, secret and token, then serve (what `make run` does)."""
    import asyncio

    from app.adapters.db import migrate
    from app.cli.demo_env import write_demo_env
    from app.config import Settings
    from app.domain.errors import DomainError

    settings = Settings()
    asyncio.run(migrate.upgrade(settings.database_url))
    state = Path(settings.state_dir)

    async def prepare(use_cases: UseCases) -> dict[str, Any] | None:
        if not await use_cases.access.list_tenants():
            console.print("Empty database: loading the demo district…")
            await use_cases.demo.load_demo_district()
        try:
            await use_cases.access.tenant_by_slug(DEMO_SLUG)
        except DomainError:
            return None
        return await _dev_credentials(use_cases.access, state)

    credentials = with_use_cases(prepare)
    where = f"http://{host or settings.host}:{port or settings.port}"
    if credentials:
        env_file = write_demo_env(state, where, credentials)
        console.print(
            f"\n[bold green]Mastery Service[/bold green] at {where}  (docs: {where}/docs)"
        )
        for key in ("tenant", "client_id", "client_secret"):
            print(f"  {key}: {credentials[key]}")
        print(f"\n  export TOKEN={credentials['access_token']}")
        print(f"\n  source {env_file}   # MASTERY_URL, CLIENT_ID, CLIENT_SECRET and TOKEN")
        print('  curl -H "Authorization: Bearer $TOKEN" $MASTERY_URL/v1/orgs\n', flush=True)
    serve(host=host, port=port, workers=1)


async def _dev_credentials(access: Access, state_dir: Path) -> dict[str, Any]:
    """The demo tenant's development client and a token. Its secret stays the same from run to
    run (kept in the state folder's demo.env, which is private to its owner), so that a shell
    that sourced it keeps working; a secret that no longer works (rotated or disabled since) is
    replaced."""
    from app.cli.demo_env import read_demo_env
    from app.domain.access import ALL_SCOPES, format_scopes
    from app.domain.errors import DomainError

    kept = read_demo_env(state_dir)
    credentials = None
    if kept:
        try:
            token = await access.issue_token(
                client_id=kept["CLIENT_ID"], client_secret=kept["CLIENT_SECRET"], scope=None
            )
            return {
                "tenant": DEMO_SLUG,
                "client_id": kept["CLIENT_ID"],
                "client_secret": kept["CLIENT_SECRET"],
                "access_token": token.access_token,
            }
        except DomainError:
            with contextlib.suppress(DomainError):
                credentials = await access.rotate_client_secret(client_id=kept["CLIENT_ID"])
    if credentials is None:
        credentials = await access.create_client(
            tenant_slug=DEMO_SLUG,
            scopes=format_scopes(ALL_SCOPES),
            name="make run (development)",
        )
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
