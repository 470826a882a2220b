"""The district's overrides as a connection on the root (`overrides(...)`): the REST list
`GET /v1/overrides` with the same filters, each node the decision's own override record with
whose decision it is."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql.context import GraphInfo
from app.api.graphql.limits import page_size
from app.api.graphql.types.mastery import OverrideRecord
from app.api.graphql.types.relay import Connection, after_key, connection
from app.domain.mastery.override_history import ListedOverride


@strawberry.type(description="One override in the district's list: whose decision it is.")
class DistrictOverride:
    student_id: strawberry.ID
    competency_id: strawberry.ID
    framework_id: strawberry.ID
    override: OverrideRecord

    @classmethod
    def of(cls, item: ListedOverride) -> DistrictOverride:
        return cls(
            student_id=strawberry.ID(item.student_id),
            competency_id=strawberry.ID(item.entry.recorded.competency_id),
            framework_id=strawberry.ID(item.framework_id),
            override=OverrideRecord.of(item.entry),
        )


async def district_overrides(
    info: GraphInfo,
    class_id: strawberry.ID | None = None,
    competency_id: strawberry.ID | None = None,
    student_id: strawberry.ID | None = None,
    active: Annotated[
        bool | None,
        strawberry.argument(description="true: in force now; false: removed or expired."),
    ] = None,
    first: int | None = None,
    after: str | None = None,
) -> Connection[DistrictOverride] | None:
    """Every override of every decision in the district, past and present, oldest first."""
    c = info.context
    uc = c.use_cases.overrides
    given = {"class_id": class_id, "competency_id": competency_id, "student_id": student_id}
    filters = {k: None if v is None else str(v) for k, v in given.items()}
    page = await uc.list_all_overrides(
        c.principal,
        **filters,
        active=active,
        after=after_key(after),
        limit=page_size(first, c.limits),
    )

    async def count() -> int:
        return await uc.count_all_overrides(c.principal, **filters, active=active)

    items = [DistrictOverride.of(i) for i in page.items]
    keys = [str(i.seq) for i in page.items]
    return connection(items, keys, page.last_key is not None, count)
