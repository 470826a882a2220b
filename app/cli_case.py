"""`mastery import case`: a CASE 1.0 package from a file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from app.cli_roster import import_cli
from app.cli_support import JsonFlag, console, errors, print_data, with_use_cases
from app.domain.errors import Invalid


@import_cli.command("case")
def import_case(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A CFPackage JSON")],
    tenant: Annotated[str, typer.Option(help="The tenant's slug.")],
    as_json: JsonFlag = False,
) -> None:
    """Import a CASE 1.0 package (re-importing a document updates it in place)."""
    raw = file.read_bytes()
    try:
        done = with_use_cases(lambda u: u.case_imports.import_case_file(tenant, raw), (Invalid,))
    except Invalid as exc:
        problems = [{"loc": list(p.loc), "msg": p.msg} for p in exc.problems]
        if as_json:
            print(json.dumps({"detail": exc.detail, "errors": problems}, indent=2))
        else:
            errors.print(f"[red]error:[/red] {exc.detail}; nothing was imported")
            for p in problems:
                errors.print(f"  {'.'.join(map(str, p['loc'])) or '(package)'}: {p['msg']}")
        raise typer.Exit(1) from None
    plan = done.plan
    report = {
        "framework_id": plan.framework.id,
        "title": plan.framework.title,
        "created": plan.created,
        "added": len(plan.added),
        "changed": len(plan.changed),
        "reordered": len(plan.reordered),
        "retired": len(plan.retired),
        "unchanged": plan.unchanged,
    }
    if as_json:
        warnings = [{"kind": w.kind, "message": w.message, "count": w.count} for w in done.warnings]
        print(json.dumps({**report, "warnings": warnings}, indent=2))
        return
    print_data(report, False)
    for w in done.warnings:
        console.print(f"[yellow]warning[/yellow] {w.message} ({w.count} times)")
