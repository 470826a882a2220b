"""Line items and results as the OneRoster 1.2 JSON binding writes them: camelCase fields,
GUIDRefs with href, sourcedId and type, instants in UTC with a Z, booleans as "true"/"false"
(the binding's TrueFalse vocabulary), optional fields left out when they have no value."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

from app.api.standards.gradebook_schemas import REPORT_KEY
from app.domain.gradebook import Category, LineItem, Report, Result, ScoreScale

GRADEBOOK = "/ims/oneroster/gradebook/v1p2"
# The provider's gradebook (the service's own grades, read-only): a SIS client changes only
# its base URL, `https://host/provider` instead of `https://host` (decision 0051).
PROVIDER_GRADEBOOK = f"/provider{GRADEBOOK}"


def _places(gradebook: str) -> dict[str, str]:
    """Where each kind of reference is served: line items, categories and score scales by the
    gradebook they come from; classes, courses, sessions, orgs and users by the service's own
    roster API (a rostering path, which the service does not serve, answered 404 when a client
    followed it)."""
    return {
        "lineItem": f"{gradebook}/lineItems",
        "assessmentLineItem": f"{gradebook}/assessmentLineItems",
        "category": f"{gradebook}/categories",
        "scoreScale": f"{gradebook}/scoreScales",
        "class": "/v1/classes",
        "course": "/v1/courses",
        "academicSession": "/v1/academic-sessions",
        "org": "/v1/orgs",
        "user": "/v1/users",
    }


# What an AssessmentLineItem does not have of a LineItem.
_NOT_ASSESSED = ("assignDate", "dueDate", "school", "category")


def instant(moment: datetime) -> str:
    """An instant as the binding writes it: `2026-09-14T12:00:00.000Z`."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _flag(value: bool | None) -> str | None:
    return None if value is None else "true" if value else "false"


class Writer:
    """Writes records with references absolute to the service's base URL."""

    def __init__(self, base_url: str, gradebook: str = GRADEBOOK) -> None:
        self.base = base_url.rstrip("/")
        self.places = _places(gradebook)

    def ref(self, kind: str, sourced_id: str | None) -> dict[str, str] | None:
        if not sourced_id:  # none, or an assessment line item's class left out
            return None
        href = f"{self.base}{self.places[kind]}/{sourced_id}"
        return {"href": href, "sourcedId": sourced_id, "type": kind}

    def line_item(self, item: LineItem) -> dict[str, Any]:
        assert item.updated_at is not None
        body: dict[str, Any] = {
            "sourcedId": item.id,
            "status": item.status.value,
            "dateLastModified": instant(item.updated_at),
            "metadata": item.metadata,
            "title": item.title,
            "description": item.description,
            "assignDate": instant(item.assign_date) if item.assign_date else None,
            "dueDate": instant(item.due_date) if item.due_date else None,
            "class": self.ref("class", item.class_id),
            "school": self.ref("org", item.school_id),
            "category": self.ref("category", item.category_id),
            "scoreScale": self.ref("scoreScale", item.score_scale_id),
            "resultValueMin": item.result_value_min,
            "resultValueMax": item.result_value_max,
            "learningObjectiveSet": [
                {"source": s.source, "learningObjectiveIds": list(s.objective_ids)}
                for s in item.objective_sets
            ]
            or None,
        }
        return {k: v for k, v in body.items() if v is not None}

    def assessment_line_item(self, item: LineItem) -> dict[str, Any]:
        """A line item in OneRoster 1.2's AssessmentLineItem form: no dates, school, category."""
        body = self.line_item(item)
        return {k: v for k, v in body.items() if k not in _NOT_ASSESSED}

    def assessment_result(self, result: Result) -> dict[str, Any]:
        """A result in the AssessmentResult form: its assessmentLineItem, no class."""
        body = self.result(result)
        body["assessmentLineItem"] = self.ref("assessmentLineItem", result.line_item_id)
        return {k: v for k, v in body.items() if k not in ("lineItem", "class")}

    def category(self, category: Category) -> dict[str, Any]:
        assert category.updated_at is not None
        body: dict[str, Any] = {
            "sourcedId": category.id,
            "status": category.status.value,
            "dateLastModified": instant(category.updated_at),
            "metadata": category.metadata,
            "title": category.title,
            "weight": category.weight,
        }
        return {k: v for k, v in body.items() if v is not None}

    def score_scale(self, scale: ScoreScale) -> dict[str, Any]:
        assert scale.updated_at is not None
        body: dict[str, Any] = {
            "sourcedId": scale.id,
            "status": scale.status.value,
            "dateLastModified": instant(scale.updated_at),
            "metadata": scale.metadata,
            "title": scale.title,
            "type": scale.type,
            "class": self.ref("class", scale.class_id),
            "course": self.ref("course", scale.course_id),
            "scoreScaleValue": [
                {"itemValueLHS": v.left, "itemValueRHS": v.right} for v in scale.values
            ],
        }
        return {k: v for k, v in body.items() if v is not None}

    def result(self, result: Result) -> dict[str, Any]:
        assert result.updated_at is not None
        metadata = dict(result.metadata or {})
        if result.report is not None:
            metadata[REPORT_KEY] = report_json(result.report)
        body: dict[str, Any] = {
            "sourcedId": result.id,
            "status": result.status.value,
            "dateLastModified": instant(result.updated_at),
            "metadata": metadata or None,
            "lineItem": self.ref("lineItem", result.line_item_id),
            "student": self.ref("user", result.student_id),
            "class": self.ref("class", result.class_id),
            "scoreScale": self.ref("scoreScale", result.score_scale_id),
            "scoreStatus": result.score_status.value,
            "score": result.score,
            "textScore": result.text_score,
            # The binding's scoreDate is a date: a date given is answered as that date.
            "scoreDate": result.score_date.date().isoformat()
            if result.date_only
            else instant(result.score_date),
            "comment": result.comment,
            "learningObjectiveSet": [
                {
                    "source": group.source,
                    "learningObjectiveResults": [
                        {
                            k: v
                            for k, v in (
                                ("learningObjectiveId", s.objective_id),
                                ("score", s.score),
                                ("textScore", s.text_score),
                            )
                            if v is not None
                        }
                        for s in group.results
                    ],
                }
                for group in result.objective_results
            ]
            or None,
            "inProgress": _flag(result.in_progress),
            "incomplete": _flag(result.incomplete),
            "late": _flag(result.late),
            "missing": _flag(result.missing),
        }
        return {k: v for k, v in body.items() if v is not None}


def report_json(report: Report) -> dict[str, Any]:
    """What a result made of evidence, in the binding's camelCase."""
    out: dict[str, Any] = {
        "competencies": list(report.competency_ids),
        "ignored": [
            {"learningObjectiveId": i.objective_id, "reason": i.reason} for i in report.ignored
        ],
    }
    if report.not_counted is not None:
        out["notCounted"] = report.not_counted
    return out


def selected(record: dict[str, Any], fields: Collection[str] | None) -> dict[str, Any]:
    """Only the fields a `fields` query asks for; names the record does not have are ignored,
    and when none is known every field is given (the binding's rule for selection)."""
    if not fields:
        return record
    known = [f for f in fields if f in record]
    return {f: record[f] for f in known} if known else record
