"""The read models' line_item_objectives (what class-aligned denominators align classes to), on
the fakes, SQLite and PostgreSQL, worked out by hand: active line items of active classes only,
each objective once per class, another tenant's never."""

from __future__ import annotations

from dataclasses import replace

from app.domain.access import TenantId
from app.domain.gradebook import LineItem, ObjectiveSet
from app.domain.roster import RecordStatus
from tests.contracts.conftest import NOW, Backend
from tests.contracts.records import (
    CLASS,
    CLASS_2,
    COURSE,
    DISTRICT,
    OTHER_SCHOOL,
    SCHOOL,
    YEAR,
    retired,
    store,
)

DELETED = RecordStatus.TOBEDELETED


def _item(id: str, class_id: str, *sets: tuple[str, ...], **extra: object) -> LineItem:
    objective_sets = tuple(ObjectiveSet("case", ids) for ids in sets)
    item = LineItem(id, id, class_id, objective_sets=objective_sets, updated_at=NOW)
    return replace(item, **extra)  # type: ignore[arg-type]


async def test_the_objectives_of_each_active_class(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    class_3 = retired(replace(CLASS, id="class-3"))
    classes = [DISTRICT, SCHOOL, OTHER_SCHOOL, YEAR, COURSE, CLASS, CLASS_2, class_3]
    items = [
        _item("li-1", "class-1", ("m1a",), ("m1a", "cf-item-m1b")),  # m1a twice, two sources
        _item("li-2", "class-1", ("m2",)),
        _item("li-3", "class-2", ("m2",), status=DELETED),  # deleted: class-2 names nothing
        _item("li-4", "class-3", ("m1a",)),  # a retired class
        _item("li-5", "class-1"),  # aligned to nothing
    ]
    async with backend.uow(tenant) as uow:
        await store(uow, *classes)
    async with backend.uow(tenant) as uow:
        for item in items:
            await uow.line_items.save(item)
        await uow.commit()
    async with backend.uow(other_tenant) as uow:
        await store(uow, *classes)
    async with backend.uow(other_tenant) as uow:
        await uow.line_items.save(_item("li-9", "class-2", ("m1b",)))
        await uow.commit()
    assert await backend.reads(tenant).line_item_objectives() == {
        "class-1": frozenset({"m1a", "cf-item-m1b", "m2"})
    }
    assert await backend.reads(other_tenant).line_item_objectives() == {
        "class-2": frozenset({"m1b"})
    }
