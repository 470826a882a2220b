"""Decisions: a student's, one with its explanation and history, overrides, a class's grid."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request

from app.api.bounded import Instant
from app.api.deps import MasteryOverrider, MasteryReader, UseCasesDep
from app.api.exports.negotiation import CSV, wants_csv
from app.api.problems import located, responses
from app.api.rest import mastery_schemas as s
from app.api.rest.grid_csv import grid_csv
from app.api.rest.json_bytes import json_response
from app.api.rest.pagination import Cursor, Limit, decode_cursor, encode_cursor
from app.api.utc import aware
from app.domain.errors import Invalid, Problem
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.habits import DecisionKind, decides_habits

router = APIRouter(tags=["mastery"])
Id = Annotated[str, Path(min_length=1, max_length=255)]
GRID_CSV = (
    "One row per student (student_id, given_name, family_name), then for each competency by "
    "code its status, its score and its performance band in words: `CODE status`, `CODE score`, "
    "`CODE band`"
)
FORMAT = "csv for the grid as CSV (as Accept: text/csv); json (the default)"
AsOf = Annotated[
    Instant | None,
    Query(description="Decide from the evidence and overrides of this instant (ISO 8601)"),
]


KIND = (
    "academic (default), or habits_of_work: the student's habits-of-work decisions (those with "
    "evidence), decided apart from the academic ones from the framework's habits-of-work "
    "categories, as they stand now"
)
_AS_OF = Problem(("query", "as_of"), "habits_of_work decisions are read now only, without as_of")


@router.get(
    "/v1/students/{id}/mastery",
    response_model=s.DecisionList,
    summary="A student's decisions (every competency of a framework, with framework_id)",
    operation_id="student_mastery",
    responses=responses(401, 403, 404, 422),
)
async def student_mastery(
    id: Id,
    use_cases: UseCasesDep,
    principal: MasteryReader,
    framework_id: str | None = None,
    status: MasteryStatus | None = None,
    as_of: AsOf = None,
    kind: Annotated[DecisionKind, Query(description=KIND)] = DecisionKind.ACADEMIC,
) -> Any:
    """The student's decision for every competency of every framework (or of `framework_id`): status
    (mastered, not_yet, insufficient_evidence, no_evidence), score, level, the method that
    decided it and any teacher's override. `status` narrows the list; `as_of` answers the
    decisions as they stood at that instant, given the results observed up to it. Also as CSV or
    Parquet. A student of another district is a 404."""
    if kind is DecisionKind.HABITS_OF_WORK:
        if as_of is not None:
            raise Invalid("Habits-of-work decisions are read as they stand now", [_AS_OF])
        views = await use_cases.mastery.student_habits(
            principal, id, framework_id=framework_id, status=status
        )
        return {"items": [s.DecisionRead.of(v) for v in views], "next_cursor": None}
    views = await use_cases.mastery.student_mastery(
        principal, id, framework_id=framework_id, status=status, as_of=aware(as_of)
    )
    return {"items": [s.DecisionRead.of(v) for v in views], "next_cursor": None}


@router.get(
    "/v1/students/{id}/mastery/{competency_id}",
    response_model=s.DecisionDetailRead,
    summary="One decision with its explanation and the next score to master",
    operation_id="student_decision",
    responses=responses(401, 403, 404, 422),
)
async def decision(
    id: Id, competency_id: Id, use_cases: UseCasesDep, principal: MasteryReader, as_of: AsOf = None
) -> Any:
    """One decision with its explanation in words: each result, whether it counted and with what
    weight, the children a rollup read, and the score the next result needs for mastery
    (`next_score_to_master`). `as_of` explains the decision as it stood then. For a teacher or a
    family asking why."""
    detail = await use_cases.mastery.decision_detail(
        principal, id, competency_id, as_of=aware(as_of)
    )
    return s.DecisionDetailRead(
        **s.DecisionRead.of(detail.view).model_dump(),
        explanation=s.ExplanationRead.model_validate(detail.explanation.as_dict()),
    )


@router.get(
    "/v1/students/{id}/mastery/{competency_id}/history",
    response_model=s.DecisionHistory,
    summary="Every change of a decision's status or level, oldest first",
    operation_id="decision_history",
    responses=responses(401, 403, 404),
)
async def history(
    id: Id, competency_id: Id, use_cases: UseCasesDep, principal: MasteryReader
) -> Any:
    """Every change of one decision's status or level, oldest first, with its cause (new evidence, a
    voided result, a policy change, an override) and the engine's own decision beside any
    override. Also as CSV or Parquet."""
    changes = await use_cases.mastery.decision_history(principal, id, competency_id)
    return {"items": changes, "next_cursor": None}


@router.get(
    "/v1/students/{id}/mastery/{competency_id}/overrides",
    response_model=s.OverrideHistory,
    summary="Every override of a decision, past and present, oldest first",
    description="Who set each, why, when, until when, what the engine said when it was set "
    "(`replaced_status`, `replaced_score`), and whether it is current, removed or expired.",
    operation_id="list_overrides",
    responses=responses(401, 403, 404),
)
async def list_overrides(
    id: Id, competency_id: Id, use_cases: UseCasesDep, principal: MasteryReader
) -> Any:
    entries = await use_cases.overrides.list_overrides(principal, id, competency_id)
    return {"items": [s.OverrideHistoryItem.of(e) for e in entries]}


@router.get(
    "/v1/overrides",
    response_model=s.OverrideList,
    summary="The district's overrides, past and present, in the order set",
    operation_id="list_all_overrides",
    responses=responses(401, 403, 404, 422),
)
async def list_all_overrides(
    use_cases: UseCasesDep,
    principal: MasteryReader,
    class_id: Annotated[str | None, Query(description="Of this class's students")] = None,
    competency_id: str | None = None,
    student_id: str | None = None,
    active: Annotated[
        bool | None, Query(description="true: in force now; false: removed or expired")
    ] = None,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Any:
    """Every teacher's override of a decision across the district, oldest first: whose decision
    (student, competency, framework), the level or status set, who set it, why, when and until
    when, who removed it and when, and the engine's decision it replaced (`replaced_status`,
    `replaced_score`). Narrowed to a class's students, a competency, a student, or to those in
    force now; paged with `limit` and `cursor`. A class the district does not have is a 404."""
    page = await use_cases.overrides.list_all_overrides(
        principal,
        class_id=class_id,
        competency_id=competency_id,
        student_id=student_id,
        active=active,
        after=decode_cursor(cursor),
        limit=limit,
    )
    return {
        "items": [s.OverrideListItem.listed(i) for i in page.items],
        "next_cursor": encode_cursor(page.last_key),
    }


@router.put(
    "/v1/students/{id}/mastery/{competency_id}/override",
    response_model=s.DecisionRead,
    summary="Set a teacher's override of a decision (level or status, with a reason)",
    operation_id="set_override",
    responses=responses(401, 403, 404, 422),
)
async def set_override(
    id: Id,
    competency_id: Id,
    body: s.OverrideWrite,
    use_cases: UseCasesDep,
    principal: MasteryOverrider,
) -> Any:
    """A teacher's judgement in place of the engine's: a `level` on the framework's scale or a
    `status`, with a `reason` and optionally `expires_at`. The engine's own decision is kept
    beside it (`computed`) and shows again when the override is cleared or expires. Audited."""
    with located("body"):
        view = await use_cases.overrides.put_override(
            principal,
            id,
            competency_id,
            level=body.level,
            status=body.status,
            reason=body.reason,
            expires_at=aware(body.expires_at),
        )
    return s.DecisionRead.of(view)


@router.delete(
    "/v1/students/{id}/mastery/{competency_id}/override",
    response_model=s.DecisionRead,
    summary="Clear the override; the engine's decision shows again",
    operation_id="clear_override",
    responses=responses(401, 403, 404),
)
async def remove_override(
    id: Id, competency_id: Id, use_cases: UseCasesDep, principal: MasteryOverrider
) -> Any:
    """Clears the teacher's override; the engine's decision shows again. Answers the decision as it
    now stands; 404 when there is no override. Audited."""
    return s.DecisionRead.of(await use_cases.overrides.clear_override(principal, id, competency_id))


@router.get(
    "/v1/classes/{id}/mastery",
    response_model=s.ClassGridRead,
    summary="The class grid: every enrolled student by every competency of a framework",
    operation_id="class_mastery",
    responses={
        200: {"content": {CSV: {"schema": {"type": "string", "description": GRID_CSV}}}},
        **responses(401, 403, 404, 422),
    },
)
async def class_mastery(
    id: Id,
    framework_id: Annotated[str, Query()],
    use_cases: UseCasesDep,
    principal: MasteryReader,
    request: Request,
    format: Annotated[Literal["json", "csv"] | None, Query(description=FORMAT)] = None,
) -> Any:
    """Every student enrolled in the class by every competency of `framework_id`: the grid a teacher
    reads on screen, one row of decisions per student in the framework's order. As CSV (`Accept:
    text/csv` or `format=csv`) it has one row per student with each competency's status and
    score. A class of another district is a 404."""
    grid = await use_cases.mastery.class_grid(principal, id, framework_id)
    competencies = grid.competencies
    # Answered as bytes: a grid is students x competencies decisions, and a model per cell
    # validated twice costs more than reading them (same shape as ClassGridRead).
    body = {
        "class_id": grid.class_id,
        "framework_id": grid.framework.id,
        "competencies": [
            {"id": c.id, "code": c.code, "statement": c.statement, "parent_id": c.parent_id}
            for c in competencies
        ],
        "students": [
            {
                "student_id": student.id,
                "given_name": student.given_name,
                "family_name": student.family_name,
                "decisions": [
                    s.decision_json(grid.decisions[(student.id, c.id)]) for c in competencies
                ],
            }
            for student in grid.students
        ],
        "habits_of_work": [
            s.habits_json(h)
            for student in grid.students
            for c in competencies
            if (h := grid.habits.get((student.id, c.id))) is not None
        ],
    }
    if wants_csv([("format", format)] if format else [], request.headers.get("accept")):
        return grid_csv(body, habits=decides_habits(grid.framework))
    return json_response(body)
