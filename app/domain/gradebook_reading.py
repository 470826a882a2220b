"""Reading a line item or result as a vendor sends it: liberal in spelling (`fully graded`,
`fullyGraded`), in dates (a date alone, or a date-time with or without a zone) and in the
shape of objective sets (the API hands over their groups as found); every problem is reported
at once by the standard's own field names."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.domain.errors import Location, ProblemList
from app.domain.gradebook import (
    DATE_ONLY_TIME,
    UNKNOWN_SOURCE,
    Category,
    LineItem,
    ObjectiveResults,
    ObjectiveScore,
    ObjectiveSet,
    Result,
    ScoreScale,
    ScoreScaleValue,
    ScoreStatus,
)
from app.domain.oneroster.values import parse_instant
from app.domain.roster import RecordStatus
from app.domain.scales import is_number


def _squashed(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


# Vendors write `fully graded`, `fullyGraded`, `FULLY_GRADED`: all the same word once squashed.
_SCORE_STATUSES = {_squashed(s.value): s for s in ScoreStatus}
_RECORD_STATUSES = {s.value: s for s in RecordStatus}
# The longest sourcedId kept (the roster's and evidence's ids are as long).
MAX_ID = 255


@dataclass(frozen=True)
class PutLineItem:
    """A line item as the vendor sent it: references reduced to their sourcedIds, dates and
    vocabulary still text. `sourced_id` is the path's; `body_sourced_id` the body's, if any."""

    sourced_id: str
    body_sourced_id: str | None = None
    status: str | None = None
    title: str | None = None
    description: str | None = None
    class_id: str | None = None
    school_id: str | None = None
    category_id: str | None = None
    score_scale_id: str | None = None
    assign_date: str | None = None
    due_date: str | None = None
    result_value_min: float | None = None
    result_value_max: float | None = None
    objective_sets: tuple[tuple[str | None, tuple[str, ...]], ...] = ()
    metadata: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class PutResult:
    """A result as the vendor sent it (see PutLineItem)."""

    sourced_id: str
    body_sourced_id: str | None = None
    status: str | None = None
    line_item_id: str | None = None
    student_id: str | None = None
    class_id: str | None = None
    score_scale_id: str | None = None
    score_status: str | None = None
    score: float | None = None
    text_score: str | None = None
    score_date: str | None = None
    comment: str | None = None
    objective_results: tuple[tuple[str | None, tuple[ObjectiveScore, ...]], ...] = ()
    in_progress: bool | None = None
    incomplete: bool | None = None
    late: bool | None = None
    missing: bool | None = None
    metadata: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class PutCategory:
    """A gradebook category as the vendor sent it (see PutLineItem)."""

    sourced_id: str
    body_sourced_id: str | None = None
    status: str | None = None
    title: str | None = None
    weight: float | None = None
    metadata: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class PutScoreScale:
    """A score scale as the vendor sent it (see PutLineItem); `values` are (itemValueLHS,
    itemValueRHS) pairs as sent."""

    sourced_id: str
    body_sourced_id: str | None = None
    status: str | None = None
    title: str | None = None
    type: str | None = None
    class_id: str | None = None
    course_id: str | None = None
    values: tuple[tuple[str | None, str | None], ...] | None = None
    metadata: Mapping[str, Any] | None = None


class _Reader:
    """Typed values out of a command, one problem per bad field, located under `root`."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.problems = ProblemList()

    def bad(self, loc: Location, msg: str) -> None:
        self.problems.add((self.root, *loc), msg)

    def sourced_id(self, path_id: str, body_id: str | None) -> None:
        if body_id is not None and body_id != path_id:
            self.bad(("sourcedId",), f"is {body_id!r}, but the path names {path_id!r}")

    def required(self, name: str, value: str | None) -> str:
        if value is None or not value.strip():
            self.bad((name,), "is required")
            return ""
        return value.strip()

    def reference(self, name: str, value: str | None, *, required: bool = False) -> str | None:
        """A reference's sourcedId, or None."""
        if value is None or not value.strip():
            if required:
                self.bad((name,), "is required")
            return None
        if len(value.strip()) > MAX_ID:
            self.bad((name,), f"must be a sourcedId of at most {MAX_ID} characters")
            return None
        return value.strip()

    def status(self, value: str | None) -> RecordStatus:
        if value is None:
            return RecordStatus.ACTIVE
        found = _RECORD_STATUSES.get(value.strip().lower())
        if found is None:
            self.bad(("status",), f"{value!r} is not one of active, tobedeleted")
            return RecordStatus.ACTIVE
        return found

    def instant(self, name: str, value: str | None) -> datetime | None:
        if value is None or not value.strip():
            return None
        try:
            return parse_instant(value.strip())
        except ValueError:
            self.bad((name,), f"{value!r} is not a date or date-time (ISO 8601)")
            return None

    def number(self, loc: Location, value: float | None) -> float | None:
        if value is not None and not is_number(value):
            self.bad(loc, "must be a finite number")
            return None
        return None if value is None else float(value)

    def raise_if_any(self, what: str) -> None:
        self.problems.raise_if_any(f"The {what} is not valid")


def read_line_item(
    command: PutLineItem, *, root: str = "lineItem", class_required: bool = True
) -> LineItem:
    """The line item a PUT describes; raises Invalid with every problem found (located under
    `root`: an assessment line item's, whose class is optional, under assessmentLineItem)."""
    r = _Reader(root)
    r.sourced_id(command.sourced_id, command.body_sourced_id)
    low = r.number(("resultValueMin",), command.result_value_min)
    high = r.number(("resultValueMax",), command.result_value_max)
    if high is not None and not high > (low or 0.0):
        r.bad(("resultValueMax",), f"must be above resultValueMin ({low or 0.0:g})")
    sets: list[ObjectiveSet] = []
    for i, (source, ids) in enumerate(command.objective_sets):
        for j, objective_id in enumerate(ids):
            if not objective_id.strip():
                r.bad(("learningObjectiveSet", i, "learningObjectiveIds", j), "is empty")
        sets.append(ObjectiveSet(_source(source), tuple(x.strip() for x in ids)))
    item = LineItem(
        id=command.sourced_id,
        title=r.required("title", command.title),
        class_id=r.reference("class", command.class_id, required=class_required) or "",
        status=r.status(command.status),
        description=command.description,
        school_id=r.reference("school", command.school_id),
        category_id=r.reference("category", command.category_id),
        score_scale_id=r.reference("scoreScale", command.score_scale_id),
        assign_date=r.instant("assignDate", command.assign_date),
        due_date=r.instant("dueDate", command.due_date),
        result_value_min=low,
        result_value_max=high,
        objective_sets=tuple(sets),
        metadata=command.metadata,
    )
    r.raise_if_any("line item")
    return item


def read_category(command: PutCategory) -> Category:
    """The category a PUT describes; raises Invalid with every problem found."""
    r = _Reader("category")
    r.sourced_id(command.sourced_id, command.body_sourced_id)
    weight = r.number(("weight",), command.weight)
    if weight is not None and weight < 0:
        r.bad(("weight",), "must not be negative")
    category = Category(
        id=command.sourced_id,
        title=r.required("title", command.title),
        status=r.status(command.status),
        weight=weight,
        metadata=command.metadata,
    )
    r.raise_if_any("category")
    return category


def read_score_scale(command: PutScoreScale) -> ScoreScale:
    """The score scale a PUT describes; raises Invalid with every problem found."""
    r = _Reader("scoreScale")
    r.sourced_id(command.sourced_id, command.body_sourced_id)
    if not command.values:
        r.bad(("scoreScaleValue",), "is required: at least one value")
    values = []
    for i, (left, right) in enumerate(command.values or ()):
        for side, text in (("itemValueLHS", left), ("itemValueRHS", right)):
            if text is None or not text.strip():
                r.bad(("scoreScaleValue", i, side), "is required")
        values.append(ScoreScaleValue((left or "").strip(), (right or "").strip()))
    scale = ScoreScale(
        id=command.sourced_id,
        title=r.required("title", command.title),
        type=r.required("type", command.type),
        class_id=r.reference("class", command.class_id, required=True) or "",
        values=tuple(values),
        status=r.status(command.status),
        course_id=r.reference("course", command.course_id),
        metadata=command.metadata,
    )
    r.raise_if_any("score scale")
    return scale


def read_result(command: PutResult, *, root: str = "result", line_item: str = "lineItem") -> Result:
    """The result a PUT describes; raises Invalid with every problem found (an assessment
    result's under assessmentResult, its line item named assessmentLineItem)."""
    r = _Reader(root)
    r.sourced_id(command.sourced_id, command.body_sourced_id)
    score_status = ScoreStatus.FULLY_GRADED
    if command.score_status is None or not command.score_status.strip():
        r.bad(("scoreStatus",), "is required")
    else:
        found = _SCORE_STATUSES.get(_squashed(command.score_status))
        if found is None:
            known = ", ".join(s.value for s in ScoreStatus)
            r.bad(("scoreStatus",), f"{command.score_status!r} is not one of {known}")
        else:
            score_status = found
    score_date, date_only = _score_date(r, command.score_date)
    groups: list[ObjectiveResults] = []
    seen: dict[str, Location] = {}
    for i, (source, scores) in enumerate(command.objective_results):
        for j, score in enumerate(scores):
            loc = ("learningObjectiveSet", i, "learningObjectiveResults", j)
            objective_id = score.objective_id.strip()
            if not objective_id:
                r.bad((*loc, "learningObjectiveId"), "is required")
            elif objective_id in seen:
                where = ".".join(map(str, seen[objective_id]))
                r.bad((*loc, "learningObjectiveId"), f"repeats {objective_id!r} of {where}")
            else:
                seen[objective_id] = loc
            r.number((*loc, "score"), score.score)
        groups.append(
            ObjectiveResults(
                _source(source),
                tuple(
                    ObjectiveScore(s.objective_id.strip(), s.score, s.text_score) for s in scores
                ),
            )
        )
    result = Result(
        id=command.sourced_id,
        line_item_id=r.reference(line_item, command.line_item_id, required=True) or "",
        student_id=r.reference("student", command.student_id, required=True) or "",
        score_status=score_status,
        score_date=score_date,
        date_only=date_only,
        status=r.status(command.status),
        class_id=r.reference("class", command.class_id),
        score_scale_id=r.reference("scoreScale", command.score_scale_id),
        score=r.number(("score",), command.score),
        text_score=command.text_score,
        comment=command.comment,
        objective_results=tuple(groups),
        in_progress=command.in_progress,
        incomplete=command.incomplete,
        late=command.late,
        missing=command.missing,
        metadata=command.metadata,
    )
    r.raise_if_any("result")
    return result


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _source(value: str | None) -> str:
    return value.strip() if value and value.strip() else UNKNOWN_SOURCE


def _score_date(r: _Reader, text: str | None) -> tuple[datetime, bool]:
    if text is None or not text.strip():
        r.bad(("scoreDate",), "is required")
        return _EPOCH, False
    text = text.strip()
    moment = r.instant("scoreDate", text)
    if moment is None:
        return _EPOCH, False
    if len(text) == 10:  # a date alone (the binding's own type for scoreDate)
        return datetime.combine(moment.date(), DATE_ONLY_TIME), True
    return moment, False
