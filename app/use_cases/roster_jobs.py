"""Roster imports as background jobs: a CSV set uploaded or named, checked enough to answer at
once, then imported while GET /v1/jobs/{id} shows its progress, counts and problems."""

from __future__ import annotations

from pathlib import Path

from app.domain.access import Scope, TenantId
from app.domain.jobs import Job
from app.ports.jobs import JobReport, Progress
from app.ports.roster_import import RosterSource
from app.ports.services import Services
from app.use_cases.roster_import import ImportRejected, import_roster, outline

IMPORT_JOB = "roster_import"


async def start_import_job(
    services: Services,
    tenant: TenantId,
    source: RosterSource,
    *,
    skip_invalid: bool,
    kind: str = IMPORT_JOB,
) -> Job:
    """Check that the set can be read (raising `Invalid` at once if not), then import it in
    the background; the source is closed when the job ends."""
    try:
        await outline(source)
    except Exception:
        await source.close()
        raise

    async def work(progress: Progress) -> JobReport:
        try:
            report = await import_roster(
                services, tenant, source, skip_invalid=skip_invalid, progress=progress
            )
        except ImportRejected as rejected:
            return JobReport(rejected.report.result(), rejected.report.errors(), failed=True)
        finally:
            await source.close()
        return JobReport(report.result(), report.errors())

    return await services.jobs.start(tenant, kind, Scope.ROSTER_WRITE, work)


async def start_file_import(
    services: Services, tenant: TenantId, path: Path, *, skip_invalid: bool, owned: bool
) -> Job:
    """Import the OneRoster CSV set at `path` (a folder or a zip) as a job."""
    source = services.roster_files.open(path, owned=owned)
    return await start_import_job(services, tenant, source, skip_invalid=skip_invalid)
