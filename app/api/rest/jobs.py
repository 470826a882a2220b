"""GET /v1/jobs/{id}: the progress and outcome of background work (imports, recomputations)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Security
from pydantic import BaseModel, ConfigDict, Field

from app.api.deps import UseCasesDep, current_principal
from app.api.problems import responses
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
    description="Visible to a client of the job's tenant holding the scope that started it.",
    operation_id="get_job",
    responses=responses(401, 404),
)
async def read_job(
    id: Annotated[str, Path(max_length=64)],
    use_cases: UseCasesDep,
    principal: Annotated[Principal, Security(current_principal)],
) -> Any:
    return await use_cases.jobs.get_job(principal, id)
