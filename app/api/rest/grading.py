"""A framework's grade rules, their simulation, and a student's grade with its reason (issue
#16, "grade rules as data"; the language is app.domain.grade_rules.language's)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, status
from pydantic import BaseModel, Field

from app.api.deps import FrameworkReader, FrameworkWriter, MasteryReader, UseCasesDep
from app.api.problems import responses
from app.domain.grade_rules.evaluation import Grade
from app.domain.grade_rules.language import MAX_TEXT
from app.use_cases.grading import WrittenRules

router = APIRouter(tags=["grading"])

FrameworkId = Annotated[str, Path(max_length=255)]
RULES_EXAMPLE = (
    "A: share(level >= 4) > 0.5 and none(level < 3)\n"
    "B: mean(level) >= 3\n"
    "C: mean(level) >= 2\n"
    "otherwise: D\n"
)


class GradeRulesWrite(BaseModel):
    rules: str = Field(
        max_length=MAX_TEXT,
        description="One `GRADE: condition` per line, first match wins, then `otherwise: "
        "GRADE`. Conditions: share(P), count(P), mean/min/max(level|score) compared to a "
        "number; all(P), any(P), none(P); and, or, not, parentheses. P is `level OP n`, "
        "`score OP n`, `mastered`, `not_yet` or `insufficient_evidence`.",
        examples=[RULES_EXAMPLE],
    )


class RuleRead(BaseModel):
    line: int
    grade: str
    condition: str


class GradeRulesRead(BaseModel):
    framework_id: str
    rules: str = Field(description="As written.")
    parsed: list[RuleRead] = Field(description="The rules in the order they are tried.")
    default: str = Field(description="The grade when no rule holds.")
    updated_at: datetime


class GradeRead(BaseModel):
    grade: str
    reason: str = Field(description="The rule that gave it and why each rule above failed.")
    rule_line: int | None = Field(description="The rule's line; null for the default.")
    assessed: int = Field(description="Standards with a level, which the rules measure.")
    standards: int = Field(description="The framework's standards (leaf competencies).")


class StudentGradeRead(GradeRead):
    student_id: str
    framework_id: str
    session_id: str | None = Field(
        default=None, description="The term asked for (`session_id`); null: the live grade"
    )
    frozen_at: datetime | None = Field(
        default=None,
        description="When the term's snapshot the grade reads was frozen; null when it reads "
        "the live decisions (no term asked, or the term is still open)",
    )


class GradeSimulationWrite(GradeRulesWrite):
    class_id: str | None = Field(
        default=None, max_length=255, description="Only this class's students (default: all)."
    )
    changed_only: bool = Field(default=True, description="List only the grades that change.")


class SimulatedGradeRead(BaseModel):
    student_id: str
    current: GradeRead | None = Field(description="Under the stored rules (null without).")
    proposed: GradeRead
    changed: bool


class GradeSimulationRead(BaseModel):
    students: int
    changed: int
    proposed_counts: dict[str, int] = Field(description="Students per proposed grade.")
    items: list[SimulatedGradeRead]


def _rules(written: WrittenRules) -> GradeRulesRead:
    return GradeRulesRead(
        framework_id=written.framework_id,
        rules=written.rules.text,
        parsed=[
            RuleRead(line=r.line, grade=r.grade, condition=r.text) for r in written.rules.rules
        ],
        default=written.rules.default,
        updated_at=written.updated_at,
    )


def grade_read(found: Grade) -> GradeRead:
    return GradeRead(
        grade=found.grade,
        reason=found.reason,
        rule_line=found.rule_line,
        assessed=found.assessed,
        standards=found.standards,
    )


@router.put(
    "/v1/frameworks/{id}/grade-rules",
    response_model=GradeRulesRead,
    summary="Write a framework's grade rules",
    operation_id="put_grade_rules",
    responses=responses(401, 403, 404, 422),
)
async def put_grade_rules(
    id: FrameworkId,
    body: GradeRulesWrite,
    use_cases: UseCasesDep,
    principal: FrameworkWriter,
) -> Any:
    """Replaces the rules. A mistake answers 422 listing every one at `["rules", line]` with
    its column. Audited (`grade_rules.changed`)."""
    return _rules(await use_cases.grading.write(principal, id, body.rules))


@router.get(
    "/v1/frameworks/{id}/grade-rules",
    response_model=GradeRulesRead,
    summary="A framework's grade rules",
    operation_id="get_grade_rules",
    responses=responses(401, 403, 404),
)
async def get_grade_rules(
    id: FrameworkId, use_cases: UseCasesDep, principal: FrameworkReader
) -> Any:
    """The rules as written, and as read: each rule's line, grade and condition in the order
    they are tried, and the default. 404 when the framework has none."""
    return _rules(await use_cases.grading.read(principal, id))


@router.delete(
    "/v1/frameworks/{id}/grade-rules",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a framework's grade rules",
    operation_id="delete_grade_rules",
    responses=responses(401, 403, 404),
)
async def delete_grade_rules(
    id: FrameworkId, use_cases: UseCasesDep, principal: FrameworkWriter
) -> None:
    """After this, students' grades under the framework answer 404 until rules are written
    again. Audited (`grade_rules.changed`); 404 when the framework has none."""
    await use_cases.grading.remove(principal, id)


@router.post(
    "/v1/frameworks/{id}/grade-rules/simulate",
    response_model=GradeSimulationRead,
    summary="Who would change grade under these rules",
    operation_id="simulate_grade_rules",
    responses=responses(401, 403, 404, 422),
)
async def simulate_grade_rules(
    id: FrameworkId,
    body: GradeSimulationWrite,
    use_cases: UseCasesDep,
    principal: MasteryReader,
) -> Any:
    """Every student's grade under the stored rules and under these, nothing stored: what
    applying them would give, exactly. Scope `mastery:read`, since it shows students'
    grades (the rules in the body are not written)."""
    found = await use_cases.grading.simulate(principal, id, body.rules, class_id=body.class_id)
    counts: dict[str, int] = {}
    for item in found:
        counts[item.proposed.grade] = counts.get(item.proposed.grade, 0) + 1
    return GradeSimulationRead(
        students=len(found),
        changed=sum(1 for i in found if i.changed),
        proposed_counts=dict(sorted(counts.items())),
        items=[
            SimulatedGradeRead(
                student_id=i.student_id,
                current=grade_read(i.current) if i.current is not None else None,
                proposed=grade_read(i.proposed),
                changed=i.changed,
            )
            for i in found
            if i.changed or not body.changed_only
        ],
    )


@router.get(
    "/v1/students/{id}/grades",
    response_model=StudentGradeRead,
    summary="A student's grade under a framework's rules, with its reason",
    operation_id="get_student_grade",
    responses=responses(401, 403, 404, 422),
)
async def get_student_grade(
    id: Annotated[str, Path(max_length=255)],
    framework_id: Annotated[str, Query(max_length=255)],
    use_cases: UseCasesDep,
    principal: MasteryReader,
    session_id: Annotated[
        str | None,
        Query(
            max_length=255,
            description="A term or grading period: its grade, from its snapshot once it is closed, "
            "from the live decisions while it is open",
        ),
    ] = None,
) -> Any:
    """The first rule that holds on the student's standards as shown (overrides included)
    gives the grade; `reason` says why, and why not each rule above it. With `session_id`, the
    grade of that term, by the same rules."""
    if session_id is not None:
        found, close = await use_cases.grading_terms.term_grade(
            principal, id, framework_id, session_id
        )
        return StudentGradeRead(
            student_id=id,
            framework_id=framework_id,
            session_id=session_id,
            frozen_at=close.closed_at if close is not None else None,
            **grade_read(found).model_dump(),
        )
    live = await use_cases.grading.student_grade(principal, id, framework_id)
    return StudentGradeRead(
        student_id=live.student_id,
        framework_id=live.framework_id,
        **grade_read(live.grade).model_dump(),
    )
