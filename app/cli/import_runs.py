"""Running a roster import (`mastery import oneroster`, `mastery roster sync`) with a progress
line, and printing its report."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from app.cli.support import console, errors, with_use_cases

if TYPE_CHECKING:
    from rich.progress import Progress as Bar
    from rich.progress import TaskID

    from app.domain.access import TenantId
    from app.ports.jobs import Progress
    from app.use_cases.catalog import UseCases
    from app.use_cases.import_report import ImportReport
    from app.use_cases.roster_import import ImportRejected

    ImportWork = Callable[[UseCases, TenantId, Progress], Awaitable[ImportReport]]

SkipInvalid = Annotated[
    bool, typer.Option("--skip-invalid", help="Import every valid row; report the rest.")
]
AllowMassRetire = Annotated[
    bool,
    typer.Option(
        "--allow-mass-retire",
        help="Confirm an import that retires more than MASTERY_ROSTER_MAX_RETIRE_SHARE "
        "(default 0.3) of a kind of record.",
    ),
]


class _BarProgress:
    """Job progress shown as a Rich line on stderr (stdout stays clean for --json)."""

    def __init__(self, bar: Bar, task: TaskID) -> None:
        self._bar = bar
        self._task = task

    async def advance(self, done: int, total: int | None = None, **result: Any) -> None:
        self._bar.update(self._task, completed=done, total=total, rows=done)


def show_report(report: ImportReport, as_json: bool) -> None:
    """The counts per file of a set that was imported, and every problem skipped, as text or
    JSON."""
    if as_json:
        print(json.dumps({"result": report.result(), "errors": report.errors()}, indent=2))
        return
    for name, f in report.files.items():
        if report.dry_run:
            console.print(
                f"[bold]{name}[/bold] ({f.mode}): would add {f.created}, change {f.updated}, "
                f"retire {f.retired}, delete {f.deleted}; {f.unchanged} unchanged, "
                f"{f.stale} stale, {f.skipped} skipped",
                soft_wrap=True,
            )
            continue
        console.print(
            f"[bold]{name}[/bold] ({f.mode}): {f.rows} rows, {f.imported} imported, "
            f"{f.skipped} skipped; created {f.created}, updated {f.updated}, unchanged "
            f"{f.unchanged}, stale {f.stale}, deleted {f.deleted}, retired {f.retired}",
            soft_wrap=True,
        )
    for name in report.not_used:
        console.print(f"{name}: not used")
    _notes_and_problems(report)
    verdict = "dry run, nothing written" if report.dry_run else "imported"
    console.print(f"{verdict}; {report.problem_count} problem(s)")


def show_rejection(rejected: ImportRejected, as_json: bool) -> None:
    """A set rejected as a whole: what was wrong with it and nothing else (no counts of
    rows that were read but, in the end, not written)."""
    report = rejected.report
    if as_json:
        body = {"error": rejected.kind, "detail": rejected.detail, "errors": report.errors()}
        print(json.dumps({**body, "problems": report.problem_count}, indent=2))
        return
    _notes_and_problems(report)
    console.print(f"rejected, nothing written; {report.problem_count} problem(s)")


def _notes_and_problems(report: ImportReport) -> None:
    for note in report.notes:
        console.print(f"note: {note}")
    for p in report.listed_problems():
        where = ":".join(str(part) for part in p.loc[:2])
        line = f"{where}: {p.msg}" if where else p.msg
        errors.print(line, markup=False, highlight=False, soft_wrap=True)


def run_and_report(tenant_slug: str, work: ImportWork, label: str, as_json: bool) -> None:
    """Run an import with a progress line, print its report; exit 1 when it was rejected."""
    from app.use_cases.roster_import import ImportRejected

    report = with_use_cases(
        lambda use_cases: run_with_bar(use_cases, tenant_slug, work, label), as_json=as_json
    )
    if isinstance(report, ImportRejected):
        show_rejection(report, as_json)
        raise typer.Exit(1)
    show_report(report, as_json)


async def run_with_bar(
    use_cases: UseCases, tenant_slug: str, work: ImportWork, label: str
) -> ImportReport | ImportRejected:
    """Run an import with a progress line: its report, or why the set was rejected."""
    from rich.progress import Progress as Bar
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    from app.use_cases.roster_import import ImportRejected

    tenant = await use_cases.access.tenant_by_slug(tenant_slug)
    columns = (
        SpinnerColumn(),
        TextColumn(label + " {task.fields[rows]} rows"),
        TimeElapsedColumn(),
    )
    with Bar(*columns, console=errors.rich, transient=True) as bar:
        progress = _BarProgress(bar, bar.add_task(label, total=None, rows=0))
        try:
            return await work(use_cases, tenant.id, progress)
        except ImportRejected as rejected:
            return rejected
