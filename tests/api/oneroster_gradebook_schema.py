"""OneRoster 1.2 Gradebook Service records as JSON Schemas, hand-written from the 1EdTech
specification (its information model and REST/JSON binding), as no 1EdTech OpenAPI file is
available here (docs/decisions/0051-gradebook-provider.md). Required fields and vocabularies
are the spec's; unknown fields are allowed, as the binding allows extensions."""

from __future__ import annotations

from typing import Any

import jsonschema_rs

_INSTANT = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$"
_DATE_OR_INSTANT = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z)?$"
_TEXT = {"type": "string", "minLength": 1}
_GUID_REF = {
    "type": "object",
    "required": ["href", "sourcedId", "type"],
    "properties": {
        "href": {"type": "string", "pattern": "^https?://"},
        "sourcedId": _TEXT,
        "type": {
            "enum": [
                "academicSession",
                "assessmentLineItem",
                "assessmentResult",
                "category",
                "class",
                "course",
                "lineItem",
                "org",
                "result",
                "scoreScale",
                "student",
                "teacher",
                "user",
            ]
        },
    },
}
_BASE = {
    "sourcedId": _TEXT,
    "status": {"enum": ["active", "tobedeleted"]},
    "dateLastModified": {"type": "string", "pattern": _INSTANT},
    "metadata": {"type": "object"},
}
_BASE_REQUIRED = ["sourcedId", "status", "dateLastModified"]
_TRUE_FALSE = {"enum": ["true", "false"]}

CATEGORY = {
    "type": "object",
    "required": [*_BASE_REQUIRED, "title"],
    "properties": {**_BASE, "title": _TEXT, "weight": {"type": "number"}},
}
SCORE_SCALE = {
    "type": "object",
    "required": [*_BASE_REQUIRED, "title", "type", "class", "scoreScaleValue"],
    "properties": {
        **_BASE,
        "title": _TEXT,
        "type": _TEXT,
        "class": _GUID_REF,
        "course": _GUID_REF,
        "scoreScaleValue": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["itemValueLHS", "itemValueRHS"],
                "properties": {"itemValueLHS": _TEXT, "itemValueRHS": _TEXT},
            },
        },
    },
}
LINE_ITEM = {
    "type": "object",
    "required": [
        *_BASE_REQUIRED,
        "title",
        "assignDate",
        "dueDate",
        "class",
        "school",
        "category",
    ],
    "properties": {
        **_BASE,
        "title": _TEXT,
        "description": {"type": "string"},
        "assignDate": {"type": "string", "pattern": _INSTANT},
        "dueDate": {"type": "string", "pattern": _INSTANT},
        "class": _GUID_REF,
        "school": _GUID_REF,
        "category": _GUID_REF,
        "academicSession": _GUID_REF,
        "scoreScale": _GUID_REF,
        "resultValueMin": {"type": "number"},
        "resultValueMax": {"type": "number"},
        "learningObjectiveSet": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["source", "learningObjectiveIds"],
                "properties": {
                    "source": _TEXT,
                    "learningObjectiveIds": {"type": "array", "items": _TEXT},
                },
            },
        },
    },
}
_DATED = ("assignDate", "dueDate", "school", "category", "academicSession")
RESULT = {
    "type": "object",
    "required": [*_BASE_REQUIRED, "lineItem", "student", "scoreStatus", "scoreDate"],
    "properties": {
        **_BASE,
        "lineItem": _GUID_REF,
        "student": _GUID_REF,
        "class": _GUID_REF,
        "scoreScale": _GUID_REF,
        "scoreStatus": {
            "enum": [
                "exempt",
                "fully graded",
                "not submitted",
                "partially graded",
                "submitted",
            ]
        },
        "score": {"type": "number"},
        "textScore": {"type": "string"},
        "scoreDate": {"type": "string", "pattern": _DATE_OR_INSTANT},
        "comment": {"type": "string"},
        "learningObjectiveSet": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["source", "learningObjectiveResults"],
                "properties": {
                    "source": _TEXT,
                    "learningObjectiveResults": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["learningObjectiveId"],
                            "properties": {
                                "learningObjectiveId": _TEXT,
                                "score": {"type": "number"},
                                "textScore": {"type": "string"},
                            },
                        },
                    },
                },
            },
        },
        "inProgress": _TRUE_FALSE,
        "incomplete": _TRUE_FALSE,
        "late": _TRUE_FALSE,
        "missing": _TRUE_FALSE,
    },
}

# AssessmentLineItem: a line item without dates, school or category (class optional), which
# may name its parentAssessmentLineItem.
ASSESSMENT_LINE_ITEM = {
    "type": "object",
    "required": [*_BASE_REQUIRED, "title"],
    "properties": {
        **{k: v for k, v in LINE_ITEM["properties"].items() if k not in _DATED},
        "parentAssessmentLineItem": _GUID_REF,
    },
    "not": {"anyOf": [{"required": [name]} for name in _DATED]},
}
# AssessmentResult: a result naming its assessmentLineItem instead of a lineItem.
ASSESSMENT_RESULT = {
    "type": "object",
    "required": [
        *_BASE_REQUIRED,
        "assessmentLineItem",
        "student",
        "scoreStatus",
        "scoreDate",
    ],
    "properties": {
        **{k: v for k, v in RESULT["properties"].items() if k not in ("lineItem", "class")},
        "assessmentLineItem": _GUID_REF,
    },
    "not": {"required": ["lineItem"]},
}

# Each collection's key, its single record's key and the record's schema.
RECORDS: dict[str, tuple[str, dict[str, Any]]] = {
    "categories": ("category", CATEGORY),
    "scoreScales": ("scoreScale", SCORE_SCALE),
    "lineItems": ("lineItem", LINE_ITEM),
    "results": ("result", RESULT),
    "assessmentLineItems": ("assessmentLineItem", ASSESSMENT_LINE_ITEM),
    "assessmentResults": ("assessmentResult", ASSESSMENT_RESULT),
}


def _wrapped(key: str, schema: dict[str, Any], many: bool) -> dict[str, Any]:
    inner = {"type": "array", "items": schema} if many else schema
    return {"type": "object", "required": [key], "properties": {key: inner}}


def validate(collection: str, body: Any, *, many: bool) -> None:
    """Raise unless `body` is a collection (`many`) or a single record of this collection."""
    one, schema = RECORDS[collection]
    wrapped = _wrapped(collection if many else one, schema, many)
    errors = [str(e) for e in jsonschema_rs.Draft202012Validator(wrapped).iter_errors(body)]
    assert not errors, errors
