"""POST /v1/roster/imports: a OneRoster CSV set, uploaded as a zip, imported as a job."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Response, UploadFile, status
from starlette.concurrency import run_in_threadpool

from app.api.deps import RosterWriter, UseCasesDep
from app.api.problems import located, responses
from app.api.rest.jobs import JobRead

router = APIRouter(tags=["roster"])
IMPORTS_PATH = "/v1/roster/imports"
AllowMassRetire = Annotated[
    bool,
    Query(
        description="Confirm an import that retires more than the configured share of a kind "
        "of record (MASTERY_ROSTER_MAX_RETIRE_SHARE, default 0.3); the audit trail notes it."
    ),
]


def accepted(response: Response, job: Any) -> Any:
    """A 202 that points at the job."""
    response.status_code = status.HTTP_202_ACCEPTED
    response.headers["Location"] = f"/v1/jobs/{job.id}"
    return job


@router.post(
    IMPORTS_PATH,
    response_model=JobRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Import a OneRoster 1.1 or 1.2 CSV set (a zip)",
    description=(
        "The zip holds manifest.csv and the set's files (orgs, academicSessions, courses, "
        "classes, users, roles, enrollments, demographics). The answer is the import's job "
        "(also at the `Location` header); it shows progress, counts per file and every "
        "problem with its file and line. By default any problem rejects the whole set and "
        "nothing is written; with `skip_invalid` the rows with problems are left out. With "
        "`dry_run` the job reports what would be added, changed and retired per file, and "
        "writes nothing. An import that would retire more than the configured share of a "
        "kind of record (default 30%) fails unless `allow_mass_retire`."
    ),
    operation_id="import_roster",
    responses=responses(401, 403, 413, 422),
)
async def import_roster_set(
    file: Annotated[UploadFile, File(description="The OneRoster CSV set, zipped.")],
    use_cases: UseCasesDep,
    principal: RosterWriter,
    response: Response,
    skip_invalid_field: Annotated[bool, Form(alias="skip_invalid")] = False,
    skip_invalid: Annotated[
        bool, Query(description="Import every valid row and report the rest.")
    ] = False,
    dry_run: Annotated[
        bool, Query(description="Report what the import would change; write nothing.")
    ] = False,
    allow_mass_retire: AllowMassRetire = False,
) -> Any:
    path = await run_in_threadpool(use_cases.roster_imports.keep_upload, file.file)
    with located("body", "file"):
        job = await use_cases.roster_imports.start_file_import(
            principal.tenant_id,
            path,
            skip_invalid=skip_invalid or skip_invalid_field,
            upload=True,
            actor=principal.client_id,
            dry_run=dry_run,
            allow_mass_retire=allow_mass_retire,
        )
    return accepted(response, job)
