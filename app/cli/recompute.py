"""`mastery recompute`: recompute every stored decision of a framework (or of all of a tenant's)
under its policy as it stands, so that decisions pick up a change of the engine (a method's
rounding, a fixed rule) without a policy change to set it off."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from app.cli.support import JsonFlag, TenantOption, console, errors, with_use_cases

if TYPE_CHECKING:
    from rich.progress import Progress as Bar
    from rich.progress import TaskID

    from app.domain.access import Principal
    from app.domain.jobs import Job
    from app.ports.jobs import JobReport
    from app.use_cases.catalog import UseCases

FrameworkOption = Annotated[
    str | None, typer.Option("--framework", help="One framework's id (default: every one).")
]


class _StepsProgress:
    """The recompute's steps shown as a Rich line on stderr (stdout stays clean for --json)."""

    def __init__(self, bar: Bar, task: TaskID) -> None:
        self._bar = bar
        self._task = task

    async def advance(self, done: int, total: int | None = None, **result: Any) -> None:
        self._bar.update(self._task, completed=done, steps=done)


def recompute(
    tenant: TenantOption, framework: FrameworkOption = None, as_json: JsonFlag = False
) -> None:
    """Recompute every decision of a framework (--framework) or of every framework of the
    tenant, as a policy change does: in steps, switched in at the end. With
    MASTERY_JOB_QUEUE=procrastinate it is queued for the workers (see GET /v1/jobs/{id});
    with in_process (the default) it runs here, with a progress line."""
    from app.config import Settings

    here = Settings().job_queue == "in_process"

    async def work(use_cases: UseCases) -> list[dict[str, Any]]:
        from app.domain.access import Principal, Scope

        found = await use_cases.access.tenant_by_slug(tenant)
        principal = Principal(
            "mastery-cli", found.id, found.slug, frozenset({Scope.FRAMEWORKS_WRITE})
        )
        ids = [framework] if framework else await _every_framework(use_cases, principal)
        done = []
        for framework_id in ids:
            if here:
                done.append(await _run_here(use_cases, principal, framework_id, as_json))
            else:
                job = await use_cases.frameworks.recompute(principal, framework_id)
                done.append(_queued(framework_id, job))
        return done

    results = with_use_cases(work, as_json=as_json)
    if as_json:
        print(json.dumps({"frameworks": results}, indent=2))
        return
    for result in results:
        if "job" in result:
            job = result["job"]
            console.print(f"{result['framework_id']}: queued as job {job['id']} ({job['href']})")
        else:
            changed = result["decisions_changed"]
            console.print(f"{result['framework_id']}: recomputed, {changed} decision(s) changed")


async def _every_framework(use_cases: UseCases, principal: Principal) -> list[str]:
    ids: list[str] = []
    after: str | None = None
    while True:
        page = await use_cases.frameworks.list_frameworks(principal, after, 100)
        ids += [f.id for f in page.items]
        if page.last_key is None:
            return ids
        after = page.last_key


async def _run_here(
    use_cases: UseCases, principal: Principal, framework_id: str, quiet: bool
) -> dict[str, Any]:
    from rich.progress import Progress as Bar
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    from app.ports.jobs import JobReport

    columns = (
        SpinnerColumn(),
        TextColumn(f"recomputing {framework_id}: {{task.fields[steps]}} step(s) staged"),
        TimeElapsedColumn(),
    )
    with Bar(*columns, console=errors.rich, transient=True, disable=quiet) as bar:
        progress = _StepsProgress(bar, bar.add_task("recomputing", total=None, steps=0))
        report = await use_cases.frameworks.recompute(principal, framework_id, progress)
    assert isinstance(report, JobReport)
    return {
        "framework_id": framework_id,
        "decisions_changed": report.result.get("decisions_changed", 0),
    }


def _queued(framework_id: str, job: Job | JobReport) -> dict[str, Any]:
    from app.domain.jobs import Job

    assert isinstance(job, Job), "queued: the job, not its report"
    href = f"/v1/jobs/{job.id}"
    found = {"id": job.id, "status": job.status.value, "href": href}
    return {"framework_id": framework_id, "job": found}
