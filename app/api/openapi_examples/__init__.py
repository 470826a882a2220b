"""Examples and scope notes in the OpenAPI document, added to what FastAPI builds.

The examples are data, kept beside the routes' code rather than in it: one JSON file per area
of the API (admin, roster, frameworks, mastery, standards), each with

- `schemas`: an example per component schema (`"OrgRead": {...}`), used for every request or
  success answer whose content is that schema, wherever it appears;
- `operations`: per operationId, `requests` (a list of `{"summary", "value"}`: several where a
  body can take more than one form), `response` (one `{"summary", "value"}`, the success
  answer's) and `parameters` (`{name: value}`), for what a schema's example cannot say (a list
  page, an inline schema, a particular answer).

They are the demo district's records (`mastery demo load`), mostly answers the service gave, so
an example can be tried as it stands against `make run`.

An operation's own example wins over its schema's. A new route needs an entry in one of these
(tests/api/test_openapi_examples.py names every operation that has none); an example is checked
against its schema there, so it cannot drift from the model. Lists' CSV answers get an example
made from the JSON example's items by the exporter's own columns (app/api/exports), so the two
cannot disagree.

Every operation's description also ends with the scope it needs and the scopes that grant it,
read from its security requirement, so the text cannot disagree with what is enforced."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI

from app.api.exports.columns import list_operations, values_of
from app.api.exports.csv_document import csv_lines
from app.api.exports.negotiation import CSV
from app.api.openapi_answers import Schema, amend_openapi
from app.api.openapi_examples.shapes import Example, OperationExamples, read_areas
from app.api.rest.grid_csv import grid_header, grid_rows
from app.api.rest.report_card_csv import report_card_rows
from app.domain.access import Scope, granting

__all__ = ["OPERATIONS", "SCHEMAS", "Example", "OperationExamples", "state_examples"]

SCHEMAS, OPERATIONS = read_areas(
    ("admin", "roster", "frameworks", "mastery", "standards", "credentials", "forecasts", "terms")
)
_METHODS = ("get", "put", "post", "patch", "delete")


def _grid_csv(grid: dict[str, Any]) -> str:
    rows = [grid_header(grid["competencies"]), *grid_rows(grid["students"])]
    return csv_lines(rows).decode()


def _report_cards_csv(found: dict[str, Any]) -> str:
    cards = found["cards"]
    codes = [s["code"] for s in cards[0]["standards"]] if cards else []
    return csv_lines(report_card_rows(codes, cards)).decode()


# CSV answers that are not a list's: made from the JSON example by the route's own writer.
_CSV_OF = {"class_mastery": _grid_csv, "academic_session_report_cards": _report_cards_csv}


def state_examples(app: FastAPI) -> None:
    """Add the examples and scope notes to the document. Installed last, so that it sees the
    answers the other amendments declare (the lists' CSV)."""
    amend_openapi(app, add_examples)


def add_examples(schema: Schema) -> None:
    exports = list_operations(schema)
    for path, methods in schema["paths"].items():
        for method in _METHODS:
            operation = methods.get(method)
            if operation is None:
                continue
            own = OPERATIONS.get(operation.get("operationId", ""), OperationExamples())
            _note_scope(operation)
            _parameters(operation, own.parameters)
            _request(operation, own.requests)
            listed = exports.get(path) if method == "get" else None
            _responses(operation, own.response, listed)


def _note_scope(operation: Schema) -> None:
    needed = [
        s for requirement in operation.get("security", []) for s in requirement.get("OAuth2", [])
    ]
    if not needed:
        return
    notes = []
    for name in needed:
        others = sorted(s.value for s in granting(Scope(name)) if s.value != name)
        also = f" (or {', '.join(f'`{s}`' for s in others)})" if others else ""
        notes.append(f"`{name}`{also}")
    text = operation.get("description", "").rstrip()
    operation["description"] = f"{text}\n\nScope: {'; '.join(notes)}.".lstrip()


def _parameters(operation: Schema, examples: Mapping[str, Any]) -> None:
    for parameter in operation.get("parameters", []):
        name = parameter["name"]
        if name in examples and "example" not in parameter:
            parameter["example"] = examples[name]


def _ref_name(content: Schema) -> str:
    return str(content.get("schema", {}).get("$ref", "")).rsplit("/", 1)[-1]


def _named(examples: tuple[Example, ...]) -> dict[str, Any]:
    named = {}
    for e in examples:
        described = {"description": e.description} if e.description else {}
        named[_slug(e.summary)] = {"summary": e.summary, **described, "value": e.value}
    return named


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def _request(operation: Schema, own: tuple[Example, ...]) -> None:
    for media_type, content in operation.get("requestBody", {}).get("content", {}).items():
        if "examples" in content or "example" in content:
            continue
        if own:
            content["examples"] = _named(own)
        elif _is_json(media_type) and _ref_name(content) in SCHEMAS:
            content["example"] = SCHEMAS[_ref_name(content)]


def _responses(operation: Schema, own: Example | None, listed: list[Any] | None) -> None:
    for status, answer in operation.get("responses", {}).items():
        if not status.startswith("2"):
            continue
        contents = answer.get("content", {})
        json_example: Any = None
        for media_type, content in contents.items():
            if not _is_json(media_type):
                continue
            if own is not None:
                content["examples"] = _named((own,))
                json_example = own.value
            elif _ref_name(content) in SCHEMAS:
                json_example = content["example"] = SCHEMAS[_ref_name(content)]
        if CSV not in contents or not isinstance(json_example, dict):
            continue
        writer = _CSV_OF.get(operation.get("operationId", ""))
        if writer is not None:
            contents[CSV]["example"] = writer(json_example)
        elif listed is not None:
            contents[CSV]["example"] = _csv(json_example.get("items", []), listed)


def _csv(items: list[dict[str, Any]], columns: list[Any]) -> str:
    rows = [[c.name for c in columns], *values_of(items, columns)]
    return csv_lines(rows).decode()
