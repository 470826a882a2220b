"""`mastery`: run the service, migrate, and manage tenants, clients, imports and the demo
district. One module per command group; each command imports the service only when it runs."""

from __future__ import annotations

from app.cli.audit import audit_cli
from app.cli.changes import changes_cli
from app.cli.clients import clients_cli
from app.cli.contracts import contracts_cli
from app.cli.credentials import credentials_cli
from app.cli.db import db_cli
from app.cli.demo import demo_cli
from app.cli.imports import import_cli
from app.cli.lti import lti_cli
from app.cli.recompute import recompute
from app.cli.roster import roster_cli
from app.cli.serve import dev, serve
from app.cli.support import command_group
from app.cli.tenants import tenants_cli
from app.cli.webhooks import webhooks_cli
from app.cli.worker import worker

cli = command_group("Mastery Service: decide, explain and report competency mastery.")
cli.command()(serve)
cli.command()(dev)
cli.command()(worker)
cli.command()(recompute)
for name, group in (
    ("db", db_cli),
    ("tenants", tenants_cli),
    ("clients", clients_cli),
    ("audit", audit_cli),
    ("changes", changes_cli),
    ("webhooks", webhooks_cli),
    ("demo", demo_cli),
    ("contracts", contracts_cli),
    ("import", import_cli),
    ("roster", roster_cli),
    ("lti", lti_cli),
    ("credentials", credentials_cli),
):
    cli.add_typer(group, name=name)


@cli.callback()
def _before_any_command() -> None:
    # A command imports the service (a few million objects, all kept to the end): with the
    # collector's default thresholds it walks them again and again while they are made
    # (decision 0074). Not for `mastery --help`, which loads nothing.
    from app.adapters.garbage_collection import space_out_collections

    space_out_collections()


def main() -> None:
    cli()
