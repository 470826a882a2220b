"""Pacing forecasts (issue #16): when a student should master each competency not yet mastered,
at the current rate (the rule is app.domain.mastery.forecast's)."""

from __future__ import annotations

from datetime import date

import strawberry

from app.api.graphql.types.enums import MasteryStatus
from app.domain.mastery.forecast import REASON_WORDS
from app.use_cases.forecasts import CompetencyForecast


@strawberry.type(description="A competency not yet mastered and the day mastery is expected.")
class Forecast:
    competency_id: strawberry.ID
    code: str
    status: MasteryStatus
    expected_mastery_at: date | None = strawberry.field(
        description="The day the trend of the counted results reaches the mastery threshold; "
        "null when there is not enough evidence to claim one (see reason)."
    )
    earliest: date | None = strawberry.field(description="The 80 % interval's earlier end.")
    latest: date | None = strawberry.field(description="The 80 % interval's later end.")
    reason: str | None = strawberry.field(
        description="Why no date: not_enough_results, all_results_on_one_day, "
        "trend_not_rising, beyond_horizon, rolled_up or overridden."
    )
    reason_text: str | None = strawberry.field(description="The reason in words.")
    results: int = strawberry.field(description="How many counted results were fitted.")
    slope_per_week: float | None = strawberry.field(
        description="The trend's rise in scale points a week."
    )

    @classmethod
    def of(cls, item: CompetencyForecast) -> Forecast:
        f = item.forecast
        return cls(
            competency_id=strawberry.ID(item.competency.id),
            code=item.competency.code,
            status=item.status,
            expected_mastery_at=f.expected,
            earliest=f.earliest,
            latest=f.latest,
            reason=f.reason.value if f.reason is not None else None,
            reason_text=REASON_WORDS[f.reason] if f.reason is not None else None,
            results=f.results,
            slope_per_week=f.slope_per_week,
        )
