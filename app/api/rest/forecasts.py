"""Pacing forecasts (issue #16): a student's expected mastery dates and a class's students not
on track by a date. The rule is app.domain.mastery.forecast's."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from app.api.deps import MasteryReader, UseCasesDep
from app.api.problems import responses
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.forecast import REASON_WORDS, NoForecast
from app.use_cases.forecasts import CompetencyForecast

router = APIRouter(tags=["mastery"])
Id = Annotated[str, Path(min_length=1, max_length=255)]
FrameworkId = Annotated[str, Query(min_length=1, max_length=255)]


class CompetencyForecastRead(BaseModel):
    competency_id: str
    code: str
    status: MasteryStatus = Field(description="The decision as shown now (never mastered here)")
    expected_mastery_at: date | None = Field(
        description="The day the trend of the counted results reaches the mastery threshold; "
        "null when there is not enough evidence to claim one (see `reason`)"
    )
    earliest: date | None = Field(description="The 80 % interval's earlier end")
    latest: date | None = Field(description="The 80 % interval's later end")
    reason: NoForecast | None = Field(description="Why no date is given (null with a date)")
    reason_text: str | None = Field(description="The reason in words")
    results: int = Field(description="How many counted results the trend was fitted to")
    slope_per_week: float | None = Field(description="The trend's rise in scale points a week")

    @classmethod
    def of(cls, item: CompetencyForecast) -> CompetencyForecastRead:
        f = item.forecast
        return cls(
            competency_id=item.competency.id,
            code=item.competency.code,
            status=item.status,
            expected_mastery_at=f.expected,
            earliest=f.earliest,
            latest=f.latest,
            reason=f.reason,
            reason_text=REASON_WORDS[f.reason] if f.reason is not None else None,
            results=f.results,
            slope_per_week=f.slope_per_week,
        )


class StudentForecastRead(BaseModel):
    student_id: str
    framework_id: str
    items: list[CompetencyForecastRead]


class NotOnTrackRead(CompetencyForecastRead):
    student_id: str
    given_name: str
    family_name: str


class ClassForecastRead(BaseModel):
    class_id: str
    framework_id: str
    by: date = Field(description="The date the students are to master by")
    session_id: str | None = Field(description="The term whose end `by` is, when not given")
    students: int = Field(description="How many students the class has")
    not_on_track: list[NotOnTrackRead] = Field(
        description="Per student and competency not yet mastered: no date, or one after `by`"
    )


@router.get(
    "/v1/students/{id}/forecast",
    response_model=StudentForecastRead,
    summary="When a student should master each competency not yet mastered, at the current rate",
    operation_id="student_forecast",
    responses=responses(401, 403, 404, 422),
)
async def student_forecast(
    id: Id, framework_id: FrameworkId, use_cases: UseCasesDep, principal: MasteryReader
) -> Any:
    """Per active competency of the framework not yet mastered (as shown, overrides included):
    the day the straight-line trend of the latest counted results (up to 10, scores on the
    scale) reaches the mastery threshold, with its 80 % interval; or null with the reason when
    there is not enough evidence to claim a date (fewer than 3 results, all on one day, not
    clearly rising, beyond two years, rolled up, overridden)."""
    items = await use_cases.forecasts.student_forecast(principal, id, framework_id)
    return StudentForecastRead(
        student_id=id,
        framework_id=framework_id,
        items=[CompetencyForecastRead.of(i) for i in items],
    )


@router.get(
    "/v1/classes/{id}/forecast",
    response_model=ClassForecastRead,
    summary="The students of a class not on track to master by a date (default: end of term)",
    operation_id="class_forecast",
    responses=responses(401, 403, 404, 422),
)
async def class_forecast(
    id: Id,
    framework_id: FrameworkId,
    use_cases: UseCasesDep,
    principal: MasteryReader,
    by: Annotated[
        date | None,
        Query(
            description="The date to be on track by (default: the end of the class's term "
            "running today; 422 when none is)"
        ),
    ] = None,
) -> Any:
    """Each enrolled student and active competency not yet mastered whose forecast gives no
    date, or a date after `by`, with the reason; in student then framework order."""
    found = await use_cases.forecasts.class_forecast(principal, id, framework_id, by)
    return ClassForecastRead(
        class_id=found.class_id,
        framework_id=found.framework.id,
        by=found.by,
        session_id=found.session.id if found.session is not None else None,
        students=found.students,
        not_on_track=[
            NotOnTrackRead(
                **CompetencyForecastRead.of(n.item).model_dump(),
                student_id=n.student.id,
                given_name=n.student.given_name,
                family_name=n.student.family_name,
            )
            for n in found.not_on_track
        ],
    )
