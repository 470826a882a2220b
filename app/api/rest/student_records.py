"""A student's data rights, for the tenant's administrators (scope `admin`): everything held
about a student as JSON, and erasure on the district's request (confirmed by repeating the id).
Both are recorded in the audit trail; the erasure's entry keeps counts, not the student."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from app.api.deps import Admin, UseCasesDep
from app.api.problems import responses

router = APIRouter(tags=["student data rights"])

StudentId = Annotated[str, Path(max_length=255)]


@router.get(
    "/v1/students/{id}/export",
    summary="Everything held about one student, as JSON",
    description="For a family's or a student's request to see their data: the roster "
    "record, enrollments, demographics, evidence and its earlier "
    "versions, decisions and their history, overrides, gradebook results, and the audit "
    "entries about the student.",
    operation_id="export_student",
    responses=responses(401, 403, 404),
)
async def export_student(id: StudentId, use_cases: UseCasesDep, principal: Admin) -> Any:
    return await use_cases.student_data.export_student(principal, id)


@router.delete(
    "/v1/students/{id}",
    summary="Erase everything held about one student",
    description="Deletes every row the export shows and takes the student's id and facts out "
    "of the audit trail; answers how many rows went, by section. Erase the student in the SIS "
    "first, or the next roster import or sync brings the roster record back.",
    operation_id="erase_student",
    responses=responses(401, 403, 404, 422),
)
async def erase_student(
    id: StudentId,
    use_cases: UseCasesDep,
    principal: Admin,
    confirm: Annotated[
        str | None, Query(max_length=255, description="The student's id again, to confirm.")
    ] = None,
) -> dict[str, int]:
    return await use_cases.student_data.erase_student(principal, id, confirm=confirm)
