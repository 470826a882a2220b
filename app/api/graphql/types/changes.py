"""The change feed in GraphQL: `changes(after:, limit:, types:)`, the same page as REST's
GET /v1/changes (scope mastery:read)."""

from __future__ import annotations

from datetime import datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON

from app.api.graphql.context import GraphInfo, needs
from app.domain.access import Scope
from app.domain.errors import Invalid, Problem


@strawberry.type(description="One change: ids and the new status, level or score.")
class ChangeEvent:
    id: strawberry.ID
    type: str
    occurred_at: datetime
    data: JSON


@strawberry.type(description="A page of the change feed; an empty page gives back `after`.")
class ChangePage:
    items: list[ChangeEvent]
    next_cursor: str


@strawberry.type
class ChangesQuery:
    @strawberry.field(
        permission_classes=needs(Scope.MASTERY_READ),
        description="Changes of decisions, evidence and the roster after the cursor, oldest "
        "first; pass `nextCursor` as `after` to continue.",
    )
    async def changes(
        self,
        info: GraphInfo,
        after: str | None = None,
        limit: int | None = None,
        types: list[str] | None = None,
    ) -> ChangePage:
        c = info.context
        most = c.limits.max_page_size
        if limit is not None and not 1 <= limit <= most:
            raise Invalid("The page size is out of range", [Problem(("limit",), f"1 to {most}")])
        page = await c.use_cases.changes.page(
            c.principal.tenant_id,
            after,
            limit or most,
            ",".join(types) if types is not None else None,
        )
        return ChangePage(
            items=[
                ChangeEvent(
                    id=strawberry.ID(str(i.id)),
                    type=i.type,
                    occurred_at=i.occurred_at,
                    data=cast(JSON, dict(i.data)),
                )
                for i in page.items
            ],
            next_cursor=page.next_cursor,
        )
