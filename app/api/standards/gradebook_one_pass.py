"""A line item or result PUT whose body has type errors answers them with the references it
names that do not exist (its class; a result's line item, student and class), in one 400:
a vendor fixes every problem in one round trip (issue 12, finding 5). Ranges are checked
once the scores can be read (docs/decisions/0030-one-pass-validation.md)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from app.api.deps import AUTHENTICATED
from app.api.standards.imsx import ImsxRoute
from app.domain.access import Principal
from app.domain.errors import Problem


def _ref(record: Any, field: str) -> str | None:
    """A GUIDRef's sourcedId or a bare sourcedId, when it is readable text."""
    value = record.get(field) if isinstance(record, dict) else None
    if isinstance(value, dict):
        value = value.get("sourcedId")
    return value if isinstance(value, str) and 1 <= len(value) <= 255 else None


# Per PUT route: the body's key, the record's key for its line item, and whether it is the
# assessment book's (its own line items, and its problems under its own names).
_PUTS = {
    "put_line_item": ("lineItem", None, False),
    "put_result": ("result", "lineItem", False),
    "put_assessment_line_item": ("assessmentLineItem", None, True),
    "put_assessment_result": ("assessmentResult", "assessmentLineItem", True),
}


class GradebookRoute(ImsxRoute):
    """The gradebook's routes: PUTs list their unknown references beside their type errors."""

    async def readable_problems(self, request: Request) -> list[Problem]:
        principal = getattr(request.state, AUTHENTICATED, None)
        put = _PUTS.get(self.name)
        if put is None or not isinstance(principal, Principal):
            return []
        try:
            body = json.loads(await request.body())
        except ValueError:
            return []
        key, item_key, assessed = put
        use_cases = request.app.state.use_cases
        gradebook = use_cases.assessment_gradebook if assessed else use_cases.gradebook
        record = body.get(key) if isinstance(body, dict) else None
        if item_key is None:
            class_id = _ref(record, "class")
            if class_id is None:
                return []
            found: list[Problem] = await gradebook.unknown_references(
                principal, line_item_class=class_id
            )
            return found
        found = await gradebook.unknown_references(
            principal,
            result_line_item=_ref(record, item_key),
            result_student=_ref(record, "student"),
            result_class=_ref(record, "class"),
        )
        return found
