"""Prerequisites in use: what a student is ready to learn next."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from app.api.deps import MasteryReader, UseCasesDep
from app.api.problems import responses
from app.api.rest.case_schemas import ReadyList, ReadyRead

router = APIRouter(tags=["mastery"])
Id = Annotated[str, Path(min_length=1, max_length=255)]


@router.get(
    "/v1/students/{id}/ready",
    response_model=ReadyList,
    summary="What a student is ready to learn: not mastered, every prerequisite mastered",
    description=(
        "Prerequisites are the framework's `precedes` associations (a prerequisite of a domain "
        "is one of every standard in it). Lists the competencies without children the student "
        "has not mastered whose prerequisites they have all mastered, in framework order; "
        "decisions as shown, teachers' overrides included."
    ),
    operation_id="student_ready",
    responses=responses(401, 403, 404, 422),
)
async def ready(
    id: Id,
    use_cases: UseCasesDep,
    principal: MasteryReader,
    framework_id: Annotated[str, Query(min_length=1, max_length=255)],
) -> Any:
    found = await use_cases.prerequisites.student_ready(principal, id, framework_id)
    return {"items": [ReadyRead.of(r) for r in found]}
