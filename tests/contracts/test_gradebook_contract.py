"""The OneRoster gradebook repositories' contract (collection queries included), on the fakes,
SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.access import TenantId
from app.domain.gradebook import (
    CATEGORY_FIELDS,
    LINE_ITEM_FIELDS,
    RESULT_FIELDS,
    Ignored,
    LineItem,
    ObjectiveResults,
    ObjectiveScore,
    ObjectiveSet,
    Report,
    Result,
    ScoreStatus,
)
from app.domain.oneroster.query import CollectionQuery, collection_query
from app.domain.roster import RecordStatus
from tests.contracts.conftest import Backend
from tests.contracts.records import day
from tests.fakes.gradebook import CATEGORY_VALUES, LINE_ITEM_VALUES, RESULT_VALUES


def item(id_: str, title: str, **fields: object) -> LineItem:
    values: dict[str, object] = {"class_id": "class-1", "updated_at": day(1), **fields}
    return LineItem(id=id_, title=title, **values)  # type: ignore[arg-type]


ITEMS = [
    item(
        "li-1",
        "Quiz 1",
        description="Fractions",
        school_id="org-s1",
        due_date=day(3),
        result_value_max=10,
        objective_sets=(ObjectiveSet("case", ("m1a", "m1b")),),
        metadata={"vendor": {"week": 3}},
    ),
    item("li-2", "quiz 2", due_date=day(1), result_value_max=20, class_id="class-2"),
    item("li-3", "Essay", result_value_max=10),
    item("li-4", "Old quiz", status=RecordStatus.TOBEDELETED, due_date=day(2)),
]


async def _store_items(backend: Backend, tenant: TenantId) -> None:
    async with backend.uow(tenant) as uow:
        for i in ITEMS:
            await uow.line_items.save(i)
        await uow.commit()


def test_the_fakes_read_every_field_a_query_names() -> None:
    assert set(LINE_ITEM_VALUES) == set(LINE_ITEM_FIELDS)
    assert set(RESULT_VALUES) == set(RESULT_FIELDS)
    assert set(CATEGORY_VALUES) == set(CATEGORY_FIELDS)


async def test_a_line_item_comes_back_as_saved(backend: Backend, tenant: TenantId) -> None:
    await _store_items(backend, tenant)
    changed = replace(ITEMS[0], title="Quiz one", updated_at=day(2))
    async with backend.uow(tenant) as uow:
        await uow.line_items.save(changed)
        await uow.commit()
    async with backend.uow(tenant) as uow:
        assert await uow.line_items.get("li-1") == changed
        assert await uow.line_items.get("li-4", shared=True) == ITEMS[3]  # whatever its status
        assert await uow.line_items.get("li-9") is None


async def _ids(
    backend: Backend, tenant: TenantId, query: CollectionQuery, deleted: bool = False
) -> tuple[list[str], int]:
    async with backend.uow(tenant) as uow:
        page = await uow.line_items.list(query, include_deleted=deleted)
    return [i.id for i in page.items], page.total


def _query(
    filter_text: str | None = None,
    sort: str | None = None,
    order_by: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> CollectionQuery:
    return collection_query(
        filter_text=filter_text,
        sort=sort,
        order_by=order_by,
        offset=offset,
        limit=limit,
        fields=LINE_ITEM_FIELDS,
    )


@pytest.mark.parametrize(
    ("filter_text", "expected"),
    [
        ("title='Essay'", ["li-3"]),
        ("title~'QUIZ'", ["li-1", "li-2"]),  # contains, ignoring case
        ("title!='Essay'", ["li-1", "li-2"]),
        ("resultValueMax>='20'", ["li-2"]),
        ("resultValueMax<'20'", ["li-1", "li-3"]),
        ("dueDate>'2025-09-03'", ["li-1"]),  # a date: its midnight, compared as an instant
        ("dueDate<='2025-09-02T08:00:00Z'", ["li-2"]),
        # A missing value compares with nothing: neither equal nor different.
        ("description!='Fractions'", []),
        ("school.sourcedId='org-s1' OR class.sourcedId='class-2'", ["li-1", "li-2"]),
        ("class.sourcedId='class-1' AND resultValueMax='10'", ["li-1", "li-3"]),
        ("status='active'", ["li-1", "li-2", "li-3"]),
    ],
)
async def test_line_items_are_filtered(
    backend: Backend, tenant: TenantId, filter_text: str, expected: list[str]
) -> None:
    await _store_items(backend, tenant)
    assert await _ids(backend, tenant, _query(filter_text)) == (expected, len(expected))


async def test_line_items_are_sorted_missing_values_last(
    backend: Backend, tenant: TenantId
) -> None:
    await _store_items(backend, tenant)
    assert await _ids(backend, tenant, _query(sort="dueDate")) == (["li-2", "li-1", "li-3"], 3)
    by_due_desc = _query(sort="dueDate", order_by="desc")
    assert await _ids(backend, tenant, by_due_desc, deleted=True) == (
        ["li-1", "li-4", "li-2", "li-3"],
        4,
    )
    # Ties in sourcedId order, whichever the direction.
    by_max_desc = _query(sort="resultValueMax", order_by="desc")
    assert await _ids(backend, tenant, by_max_desc) == (["li-2", "li-1", "li-3"], 3)
    # Case matters in the sort of text (binary order: upper case first).
    assert await _ids(backend, tenant, _query(sort="title")) == (["li-3", "li-1", "li-2"], 3)
    # An offset page, with the total of the whole collection.
    assert await _ids(backend, tenant, _query(sort="title", offset=1, limit=1)) == (["li-1"], 3)


def result(id_: str, line_item: str, student: str, **fields: object) -> Result:
    values: dict[str, object] = {
        "score_status": ScoreStatus.FULLY_GRADED,
        "score_date": day(2),
        "class_id": "class-1",
        "updated_at": day(2),
        **fields,
    }
    return Result(id=id_, line_item_id=line_item, student_id=student, **values)  # type: ignore[arg-type]


RESULTS = [
    result(
        "r-1",
        "li-1",
        "s-1",
        score=8,
        comment="Good",
        objective_results=(ObjectiveResults("case", (ObjectiveScore("m1a", 3.0),)),),
        report=Report(("m1a",), (Ignored("m1b", "no score"),), None),
        late=True,
        metadata={"attempt": 2},
    ),
    result("r-2", "li-1", "s-2", score=5, score_status=ScoreStatus.PARTIALLY_GRADED),
    result("r-3", "li-2", "s-1", score=None, class_id="class-2", date_only=True),
    result("r-4", "li-1", "s-3", score=9, status=RecordStatus.TOBEDELETED),
]


async def test_results_come_back_with_their_reports(backend: Backend, tenant: TenantId) -> None:
    await _store_items(backend, tenant)
    async with backend.uow(tenant) as uow:
        await uow.gradebook_results.save_many(RESULTS)
        await uow.commit()
    async with backend.uow(tenant) as uow:
        results = uow.gradebook_results
        stored = await results.get("r-1")
        assert stored == RESULTS[0]
        assert stored is not None
        assert stored.report == RESULTS[0].report  # not part of equality: checked apart
        assert await results.get("r-9") is None
        # Deleted ones too, in sourcedId order.
        assert [r.id for r in await results.for_line_item("li-1")] == ["r-1", "r-2", "r-4"]
        page = await results.list(
            collection_query(
                filter_text="score>'4'",
                sort="score",
                order_by="desc",
                offset=0,
                limit=10,
                fields=RESULT_FIELDS,
            ),
            include_deleted=True,
        )
        assert ([r.id for r in page.items], page.total) == (["r-4", "r-1", "r-2"], 3)
        of_class = await results.list(CollectionQuery(), include_deleted=False, class_id="class-2")
        assert ([r.id for r in of_class.items], of_class.total) == (["r-3"], 1)
        graded = await results.list(
            collection_query(
                filter_text="scoreStatus='fully graded'",
                sort=None,
                order_by=None,
                offset=0,
                limit=10,
                fields=RESULT_FIELDS,
            ),
            include_deleted=False,
        )
        assert [r.id for r in graded.items] == ["r-1", "r-3"]


async def test_the_gradebook_is_the_tenants_own(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    await _store_items(backend, tenant)
    async with backend.uow(tenant) as uow:
        await uow.gradebook_results.save_many(RESULTS[:1])
        await uow.commit()
    async with backend.uow(other_tenant) as uow:
        assert await uow.line_items.get("li-1") is None
        assert (await uow.line_items.list(CollectionQuery(), include_deleted=True)).total == 0
        assert await uow.gradebook_results.get("r-1") is None
        assert await uow.gradebook_results.for_line_item("li-1") == []
        assert (
            await uow.gradebook_results.list(CollectionQuery(), include_deleted=True)
        ).total == 0
    async with backend.uow(tenant) as uow:
        await uow.line_items.save(item("li-5", "Uncommitted"))
    assert await _ids(backend, tenant, _query("title='Uncommitted'")) == ([], 0)
