"""GET /v1/jobs and /v1/jobs/{id}: the progress and outcome of background work (imports,
syncs, recomputations), so that a job whose `Location` was lost can still be found."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Security
from pydantic import BaseModel, ConfigDict, Field

from app.api.deps import UseCasesDep, current_principal
from app.api.problems import responses
from app.api.rest.pagination import Cursor, Limit, ListPage, decode_cursor, encode_cursor
from app.domain.access import Principal
from app.domain.jobs import JobStatus

router = APIRouter(tags=["jobs"])


class JobRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    kind: str = Field(description="What the job does, e.g. `roster_import`.")
    status: JobStatus
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    done: int = Field(description="Units of work finished (rows, decisions).")
    total: int | None = Field(description="Units of work in all, when known.")
    result: dict[str, Any] = Field(description="Counts and outcome, filled in as the job runs.")
    errors: list[dict[str, Any]] = Field(description="Every problem found, as {loc, msg}.")


@router.get(
    "/v1/jobs/{id}",
    response_model=JobRead,
    summary="A background job's progress and outcome",
    description="How far an import, a SIS sync or a recompute has gone (`done` of `total`), "
    "its status (queued, running, succeeded, failed) and, once finished, its `result` counts and "
    "every problem in `errors`. The Location of a 202 points here. Visible to a client of the "
    "job's tenant holding the scope that started it; any other job is a 404.",
    operation_id="get_job",
    responses=responses(401, 404),
)
async def read_job(
    id: Annotated[str, Path(max_length=64)],
    use_cases: UseCasesDep,
    principal: Annotated[Principal, Security(current_principal)],
) -> Any:
    return await use_cases.jobs.get_job(principal, id)


@router.get(
    "/v1/jobs",
    response_model=ListPage[JobRead],
    summary="The tenant's background jobs, newest first",
    description="Imports, SIS syncs and recomputes, to find a job whose Location was lost or "
    "to watch a nightly sync. Only the jobs of the caller's tenant started under a scope the "
    "caller holds (as for GET /v1/jobs/{id}); `kind` and `status` narrow the list (repeat for "
    "several).",
    operation_id="list_jobs",
    responses=responses(401, 422),
)
async def list_jobs(
    use_cases: UseCasesDep,
    principal: Annotated[Principal, Security(current_principal)],
    kind: Annotated[
        list[str] | None,
        Query(max_length=20, description="Only jobs of these kinds, e.g. `roster_sync`."),
    ] = None,
    status: Annotated[list[JobStatus] | None, Query(description="Only jobs in these states.")] = (
        None
    ),
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Any:
    page = await use_cases.jobs.list_jobs(
        principal,
        limit=limit,
        after=decode_cursor(cursor),
        kinds=frozenset(kind or ()),
        statuses=frozenset(status or ()),
    )
    return {"items": page.items, "next_cursor": encode_cursor(page.last_key)}
