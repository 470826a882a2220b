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


class GradebookRoute(ImsxRoute):
    """The gradebook's routes: PUTs list their unknown references beside their type errors."""

    async def readable_problems(self, request: Request) -> list[Problem]:
        principal = getattr(request.state, AUTHENTICATED, None)
        if self.name not in ("put_line_item", "put_result") or not isinstance(principal, Principal):
            return []
        try:
            body = json.loads(await request.body())
        except ValueError:
            return []
        gradebook = request.app.state.use_cases.gradebook
        if self.name == "put_line_item":
            item = body.get("lineItem") if isinstance(body, dict) else None
            class_id = _ref(item, "class")
            if class_id is None:
                return []
            found: list[Problem] = await gradebook.unknown_references(
                principal, line_item_class=class_id
            )
            return found
        result = body.get("result") if isinstance(body, dict) else None
        found = await gradebook.unknown_references(
            principal,
            result_line_item=_ref(result, "lineItem"),
            result_student=_ref(result, "student"),
            result_class=_ref(result, "class"),
        )
        return found
