"""`mastery import ...`: a district's data from other systems' files (OneRoster CSV sets, CASE
packages)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.import_runs import AllowMassRetire, SkipInvalid, run_and_report
from app.cli.support import (
    JsonFlag,
    TenantOption,
    command_group,
    console,
    errors,
    fail,
    print_data,
    with_use_cases,
)
from app.domain.errors import Invalid, Problem

if TYPE_CHECKING:
    from app.domain.access import TenantId
    from app.ports.jobs import Progress
    from app.use_cases.catalog import UseCases
    from app.use_cases.import_report import ImportReport

import_cli = command_group("Import data from other systems.")


@import_cli.command("oneroster")
def import_oneroster(
    path: Annotated[Path, typer.Argument(help="A folder or zip holding the CSV set.")],
    tenant: TenantOption,
    skip_invalid: SkipInvalid = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would change; write nothing.")
    ] = False,
    allow_mass_retire: AllowMassRetire = False,
    as_json: JsonFlag = False,
) -> None:
    """Import a OneRoster 1.1 or 1.2 CSV set. Any problem rejects the whole set (nothing is
    written) unless --skip-invalid; every problem is listed with its file and line. A bulk
    file that would retire more than the configured share of its kind of record rejects the
    set unless --allow-mass-retire; --dry-run prints what would be added, changed and
    retired, and writes nothing."""

    async def work(use_cases: UseCases, tenant_id: TenantId, progress: Progress) -> ImportReport:
        return await use_cases.roster_imports.import_file(
            tenant_id,
            path,
            skip_invalid=skip_invalid,
            progress=progress,
            dry_run=dry_run,
            allow_mass_retire=allow_mass_retire,
        )

    run_and_report(tenant, work, "importing", as_json)


@import_cli.command("case")
def import_case(
    file: Annotated[Path, typer.Argument(help="A CFPackage JSON file.")],
    tenant: TenantOption,
    as_json: JsonFlag = False,
) -> None:
    """Import a CASE 1.0 package (re-importing a document updates it in place)."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        problem = Problem(("file",), f"{file}: {exc.strerror or 'cannot be read'}")
        fail(Invalid("The package cannot be read", [problem]), as_json)
    try:
        done = with_use_cases(
            lambda u: u.case_imports.import_case_file(tenant, raw), (Invalid,), as_json=as_json
        )
    except Invalid as exc:
        problems = [{"loc": list(p.loc), "msg": p.msg} for p in exc.problems]
        if as_json:
            body = {"error": exc.kind, "detail": exc.detail, "errors": problems}
            print(json.dumps(body, indent=2))
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
