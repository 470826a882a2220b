"""Each filterable field of the gradebook's records (LINE_ITEM_FIELDS, RESULT_FIELDS,
CATEGORY_FIELDS, SCORE_SCALE_FIELDS) read off a record held in memory, by the binding's name:
how the provider filters and sorts what it derives (app.domain.oneroster.matching)."""

from __future__ import annotations

from app.domain.gradebook import LINE_ITEM_FIELDS, RESULT_FIELDS
from app.domain.oneroster.matching import Getter
from app.domain.oneroster.query import FieldKind


def _common() -> dict[str, Getter]:
    return {
        "sourcedId": lambda r: r.id,
        "status": lambda r: r.status.value,
        "dateLastModified": lambda r: r.updated_at,
    }


LINE_ITEM_GETTERS: dict[str, Getter] = {
    **_common(),
    "title": lambda r: r.title,
    "description": lambda r: r.description,
    "assignDate": lambda r: r.assign_date,
    "dueDate": lambda r: r.due_date,
    "resultValueMin": lambda r: r.result_value_min,
    "resultValueMax": lambda r: r.result_value_max,
    "class.sourcedId": lambda r: r.class_id,
    "school.sourcedId": lambda r: r.school_id,
    "category.sourcedId": lambda r: r.category_id,
}
RESULT_GETTERS: dict[str, Getter] = {
    **_common(),
    "scoreStatus": lambda r: r.score_status.value,
    "score": lambda r: r.score,
    "textScore": lambda r: r.text_score,
    "scoreDate": lambda r: r.score_date,
    "comment": lambda r: r.comment,
    "lineItem.sourcedId": lambda r: r.line_item_id,
    "student.sourcedId": lambda r: r.student_id,
    "class.sourcedId": lambda r: r.class_id,
}
CATEGORY_GETTERS: dict[str, Getter] = {
    **_common(),
    "title": lambda r: r.title,
    "weight": lambda r: r.weight,
}
SCORE_SCALE_GETTERS: dict[str, Getter] = {
    **_common(),
    "title": lambda r: r.title,
    "type": lambda r: r.type,
    "class.sourcedId": lambda r: r.class_id,
    "course.sourcedId": lambda r: r.course_id,
}

# The assessment forms (OneRoster 1.2's AssessmentLineItem and AssessmentResult, which Infinite
# Campus's 1.2 API reads): a line item without dates, school or category, and a result naming
# its assessmentLineItem.
_DATED = ("assignDate", "dueDate", "school.sourcedId", "category.sourcedId")
ASSESSMENT_LINE_ITEM_FIELDS: dict[str, FieldKind] = {
    k: v for k, v in LINE_ITEM_FIELDS.items() if k not in _DATED
}
ASSESSMENT_LINE_ITEM_GETTERS: dict[str, Getter] = {
    k: v for k, v in LINE_ITEM_GETTERS.items() if k not in _DATED
}
ASSESSMENT_RESULT_FIELDS: dict[str, FieldKind] = {
    ("assessmentLineItem.sourcedId" if k == "lineItem.sourcedId" else k): v
    for k, v in RESULT_FIELDS.items()
}
ASSESSMENT_RESULT_GETTERS: dict[str, Getter] = {
    ("assessmentLineItem.sourcedId" if k == "lineItem.sourcedId" else k): v
    for k, v in RESULT_GETTERS.items()
}
