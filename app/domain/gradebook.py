"""OneRoster 1.2 gradebook records: line items (assessed activities of a class, aligned to
learning objectives) and the results students get on them, as this service keeps them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from enum import StrEnum
from typing import Any

from app.domain.errors import Location
from app.domain.oneroster.query import FieldKind
from app.domain.roster import RecordStatus

# The source a line item's objectives name when the vendor leaves it out.
UNKNOWN_SOURCE = "unknown"
# A date without a time means noon UTC of that date: the same calendar day everywhere from
# UTC-11 to UTC+11, where midnight UTC would be the evening before across the Americas.
DATE_ONLY_TIME = time(12, 0, tzinfo=UTC)


class ScoreStatus(StrEnum):
    """OneRoster 1.2's score status vocabulary; only `fully graded` results are evidence."""

    EXEMPT = "exempt"
    FULLY_GRADED = "fully graded"
    NOT_SUBMITTED = "not submitted"
    PARTIALLY_GRADED = "partially graded"
    SUBMITTED = "submitted"


@dataclass(frozen=True)
class ObjectiveSet:
    """A line item's alignment: learning objectives (CASE identifiers) of one source."""

    source: str
    objective_ids: tuple[str, ...]


@dataclass(frozen=True)
class ObjectiveScore:
    """A result's score on one learning objective."""

    objective_id: str
    score: float | None = None
    text_score: str | None = None


@dataclass(frozen=True)
class ObjectiveResults:
    """A result's scores on the learning objectives of one source."""

    source: str
    results: tuple[ObjectiveScore, ...]


@dataclass(frozen=True)
class LineItem:
    """An assessed activity of a class: its score range and the objectives it assesses."""

    id: str
    title: str
    class_id: str
    status: RecordStatus = RecordStatus.ACTIVE
    description: str | None = None
    school_id: str | None = None
    category_id: str | None = None
    score_scale_id: str | None = None
    assign_date: datetime | None = None
    due_date: datetime | None = None
    result_value_min: float | None = None
    result_value_max: float | None = None
    objective_sets: tuple[ObjectiveSet, ...] = ()
    metadata: Mapping[str, Any] | None = None
    updated_at: datetime | None = None  # dateLastModified: when this service last changed it

    @property
    def aligned(self) -> tuple[str, ...]:
        """The objective ids it is aligned to, each once, in the order given."""
        return tuple(dict.fromkeys(i for s in self.objective_sets for i in s.objective_ids))

    @property
    def score_range(self) -> tuple[float, float] | None:
        """(resultValueMin, resultValueMax) when a maximum is given (the minimum defaults to 0);
        None puts scores on each competency's own scale."""
        if self.result_value_max is None:
            return None
        return (self.result_value_min or 0.0, self.result_value_max)

    def same_content(self, other: LineItem) -> bool:
        """Equal in what the vendor says (not in when it was stored)."""
        return _content(self) == _content(other)


@dataclass(frozen=True)
class Result:
    """One student's result on a line item."""

    id: str
    line_item_id: str
    student_id: str
    score_status: ScoreStatus
    score_date: datetime
    # The vendor gave a date alone: scoreDate answers as a date, the instant is noon UTC.
    date_only: bool = False
    status: RecordStatus = RecordStatus.ACTIVE
    class_id: str | None = None
    score_scale_id: str | None = None
    score: float | None = None
    text_score: str | None = None
    comment: str | None = None
    objective_results: tuple[ObjectiveResults, ...] = ()
    in_progress: bool | None = None
    incomplete: bool | None = None
    late: bool | None = None
    missing: bool | None = None
    metadata: Mapping[str, Any] | None = None
    updated_at: datetime | None = None
    # What the result made of evidence, kept with it and shown on every read (see Report).
    report: Report | None = field(default=None, compare=False)

    @property
    def objective_scores(self) -> tuple[tuple[Location, ObjectiveScore], ...]:
        """Every per-objective score with where it sits in learningObjectiveSet."""
        return tuple(
            (("learningObjectiveSet", i, "learningObjectiveResults", j), score)
            for i, group in enumerate(self.objective_results)
            for j, score in enumerate(group.results)
        )

    def same_content(self, other: Result) -> bool:
        """Equal in what the vendor says (not in when it was stored)."""
        return _content(self) == _content(other)


@dataclass(frozen=True)
class Ignored:
    """A learning objective of a result that made no evidence, and why."""

    objective_id: str
    reason: str


@dataclass(frozen=True)
class Report:
    """What a result made of evidence: the competencies it counts for, the objectives it names
    that made none, and, when the whole result counts for nothing, why."""

    competency_ids: tuple[str, ...] = ()
    ignored: tuple[Ignored, ...] = ()
    not_counted: str | None = None


@dataclass(frozen=True)
class Category:
    """A gradebook category (OneRoster 1.2 `Category`: e.g. "Homework", "Tests") that line
    items name; a framework's category_map, or its title, puts their results in one of the
    framework's evidence categories. Its weight is the vendor's, kept and served as sent (the
    framework's own category weights are what decisions use)."""

    id: str
    title: str
    status: RecordStatus = RecordStatus.ACTIVE
    weight: float | None = None
    metadata: Mapping[str, Any] | None = None
    updated_at: datetime | None = None

    def same_content(self, other: Category) -> bool:
        """Equal in what the vendor says (not in when it was stored)."""
        return _content(self) == _content(other)


@dataclass(frozen=True)
class ScoreScaleValue:
    """One value of a score scale: OneRoster's itemValueLHS (what is shown, "Proficient",
    "A") and itemValueRHS (what it stands for, "3", "mean(level) >= 3")."""

    left: str
    right: str


@dataclass(frozen=True)
class ScoreScale:
    """A gradebook score scale (OneRoster 1.2 `ScoreScale`) of a class: the values its line
    items' and results' scores take. Kept and served as sent; decisions use the frameworks'
    own scales."""

    id: str
    title: str
    type: str
    class_id: str
    values: tuple[ScoreScaleValue, ...]
    status: RecordStatus = RecordStatus.ACTIVE
    course_id: str | None = None
    metadata: Mapping[str, Any] | None = None
    updated_at: datetime | None = None

    def same_content(self, other: ScoreScale) -> bool:
        """Equal in what the vendor says (not in when it was stored)."""
        return _content(self) == _content(other)


def _content(record: LineItem | Result | Category | ScoreScale) -> dict[str, Any]:
    values = dict(vars(record))
    for name in ("updated_at", "report"):
        values.pop(name, None)
    return values


# The fields a collection can be filtered and sorted on, by the binding's names; references
# by their sourcedId (`class.sourcedId`), which vendors use to ask for one class's items.
LINE_ITEM_FIELDS: dict[str, FieldKind] = {
    "sourcedId": FieldKind.TEXT,
    "status": FieldKind.TEXT,
    "dateLastModified": FieldKind.INSTANT,
    "title": FieldKind.TEXT,
    "description": FieldKind.TEXT,
    "assignDate": FieldKind.INSTANT,
    "dueDate": FieldKind.INSTANT,
    "resultValueMin": FieldKind.NUMBER,
    "resultValueMax": FieldKind.NUMBER,
    "class.sourcedId": FieldKind.TEXT,
    "school.sourcedId": FieldKind.TEXT,
    "category.sourcedId": FieldKind.TEXT,
}
RESULT_FIELDS: dict[str, FieldKind] = {
    "sourcedId": FieldKind.TEXT,
    "status": FieldKind.TEXT,
    "dateLastModified": FieldKind.INSTANT,
    "scoreStatus": FieldKind.TEXT,
    "score": FieldKind.NUMBER,
    "textScore": FieldKind.TEXT,
    "scoreDate": FieldKind.INSTANT,
    "comment": FieldKind.TEXT,
    "lineItem.sourcedId": FieldKind.TEXT,
    "student.sourcedId": FieldKind.TEXT,
    "class.sourcedId": FieldKind.TEXT,
}
CATEGORY_FIELDS: dict[str, FieldKind] = {
    "sourcedId": FieldKind.TEXT,
    "status": FieldKind.TEXT,
    "dateLastModified": FieldKind.INSTANT,
    "title": FieldKind.TEXT,
    "weight": FieldKind.NUMBER,
}
SCORE_SCALE_FIELDS: dict[str, FieldKind] = {
    "sourcedId": FieldKind.TEXT,
    "status": FieldKind.TEXT,
    "dateLastModified": FieldKind.INSTANT,
    "title": FieldKind.TEXT,
    "type": FieldKind.TEXT,
    "class.sourcedId": FieldKind.TEXT,
    "course.sourcedId": FieldKind.TEXT,
}
