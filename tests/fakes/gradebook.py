"""In-memory OneRoster gradebook repositories (app.ports.gradebook), with collection queries
evaluated in Python as the SQL adapter's WHERE and ORDER BY evaluate them: a comparison with a
missing (null) value holds for no operator, `~` contains ignoring case, sorted values come
before missing ones in either direction, ties in sourcedId order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from operator import attrgetter
from typing import Any, TypeVar

from app.domain.gradebook import Category, LineItem, Result, ScoreScale
from app.domain.gradebook_fields import SCORE_SCALE_GETTERS
from app.domain.oneroster import matching
from app.domain.oneroster.query import CollectionQuery, Op, Predicate
from app.domain.roster import RecordStatus
from app.ports.paging import Counted
from tests.fakes.state import TenantTables

R = TypeVar("R", LineItem, Result, Category)
Value = str | float | datetime | None

# The attribute holding each field of the binding (LINE_ITEM_FIELDS and RESULT_FIELDS name the
# same fields; the contract suite holds them equal).
LINE_ITEM_VALUES: dict[str, Callable[[LineItem], Any]] = {
    "sourcedId": attrgetter("id"),
    "status": attrgetter("status"),
    "dateLastModified": attrgetter("updated_at"),
    "title": attrgetter("title"),
    "description": attrgetter("description"),
    "assignDate": attrgetter("assign_date"),
    "dueDate": attrgetter("due_date"),
    "resultValueMin": attrgetter("result_value_min"),
    "resultValueMax": attrgetter("result_value_max"),
    "class.sourcedId": attrgetter("class_id"),
    "school.sourcedId": attrgetter("school_id"),
    "category.sourcedId": attrgetter("category_id"),
}
RESULT_VALUES: dict[str, Callable[[Result], Any]] = {
    "sourcedId": attrgetter("id"),
    "status": attrgetter("status"),
    "dateLastModified": attrgetter("updated_at"),
    "scoreStatus": attrgetter("score_status"),
    "score": attrgetter("score"),
    "textScore": attrgetter("text_score"),
    "scoreDate": attrgetter("score_date"),
    "comment": attrgetter("comment"),
    "lineItem.sourcedId": attrgetter("line_item_id"),
    "student.sourcedId": attrgetter("student_id"),
    "class.sourcedId": attrgetter("class_id"),
}
CATEGORY_VALUES: dict[str, Callable[[Category], Any]] = {
    "sourcedId": attrgetter("id"),
    "status": attrgetter("status"),
    "dateLastModified": attrgetter("updated_at"),
    "title": attrgetter("title"),
    "weight": attrgetter("weight"),
}

_COMPARE: dict[Op, Callable[[Any, Any], bool]] = {
    Op.EQ: lambda a, b: a == b,
    Op.NE: lambda a, b: a != b,
    Op.GT: lambda a, b: a > b,
    Op.GE: lambda a, b: a >= b,
    Op.LT: lambda a, b: a < b,
    Op.LE: lambda a, b: a <= b,
    Op.CONTAINS: lambda a, b: str(b).lower() in str(a).lower(),
}


def _holds(value: Any, predicate: Predicate) -> bool:
    if value is None:  # SQL: any comparison with NULL is unknown, so the row is left out
        return False
    return _COMPARE[predicate.op](value, predicate.value)


def _page(
    records: Iterable[R], values: Mapping[str, Callable[[R], Any]], query: CollectionQuery
) -> tuple[list[R], int]:
    found = list(records)
    if query.filter is not None:
        test = any if query.filter.any_of else all
        preds = query.filter.predicates
        found = [r for r in found if test(_holds(values[p.field](r), p) for p in preds)]
    found.sort(key=lambda r: r.id)
    if query.sort:
        value = values[query.sort]
        present = [r for r in found if value(r) is not None]
        # Python's sort is stable, in reverse too: ties stay in sourcedId order.
        present.sort(key=value, reverse=query.descending)
        found = present + [r for r in found if value(r) is None]
    return found[query.offset : query.offset + query.limit], len(found)


def _statuses(include_deleted: bool) -> set[RecordStatus]:
    return (
        {RecordStatus.ACTIVE, RecordStatus.TOBEDELETED}
        if include_deleted
        else {RecordStatus.ACTIVE}
    )


# An assessment result's filter names its line item assessmentLineItem.
_ASSESSED_RESULT_VALUES = {
    **RESULT_VALUES,
    "assessmentLineItem.sourcedId": RESULT_VALUES["lineItem.sourcedId"],
}


class FakeLineItemRepository:
    def __init__(self, tables: TenantTables, items: dict[str, LineItem] | None = None) -> None:
        self._items = tables.line_items if items is None else items

    async def get(self, id: str, *, shared: bool = False) -> LineItem | None:
        return self._items.get(id)

    async def save(self, item: LineItem) -> None:
        assert item.updated_at is not None, "a stored line item has its dateLastModified"
        self._items[item.id] = item

    async def in_category(self, category_id: str) -> list[LineItem]:
        found = (
            i
            for i in self._items.values()
            if i.category_id == category_id and i.status is RecordStatus.ACTIVE
        )
        return sorted(found, key=lambda i: i.id)

    async def list(self, query: CollectionQuery, *, include_deleted: bool) -> Counted[LineItem]:
        statuses = _statuses(include_deleted)
        items = (i for i in self._items.values() if i.status in statuses)
        page, total = _page(items, LINE_ITEM_VALUES, query)
        return Counted(page, total)


class FakeGradebookCategoryRepository:
    def __init__(self, tables: TenantTables) -> None:
        self._tables = tables

    async def get(self, id: str) -> Category | None:
        return self._tables.gradebook_categories.get(id)

    async def save(self, category: Category) -> None:
        assert category.updated_at is not None, "a stored category has its dateLastModified"
        self._tables.gradebook_categories[category.id] = category

    async def list(self, query: CollectionQuery, *, include_deleted: bool) -> Counted[Category]:
        statuses = _statuses(include_deleted)
        found = (c for c in self._tables.gradebook_categories.values() if c.status in statuses)
        page, total = _page(found, CATEGORY_VALUES, query)
        return Counted(page, total)


class FakeGradebookResultRepository:
    def __init__(
        self,
        tables: TenantTables,
        results: dict[str, Result] | None = None,
        items: dict[str, LineItem] | None = None,
    ) -> None:
        self._results = tables.gradebook_results if results is None else results
        self._items = tables.line_items if items is None else items

    async def get(self, id: str) -> Result | None:
        return self._results.get(id)

    async def save_many(self, results: Sequence[Result]) -> None:
        for result in results:
            assert result.updated_at is not None, "a stored result has its dateLastModified"
            # A result belongs to a stored line item (a foreign key in SQL).
            assert result.line_item_id in self._items, result.line_item_id
            self._results[result.id] = result

    async def for_line_item(self, line_item_id: str) -> list[Result]:
        found = (r for r in self._results.values() if r.line_item_id == line_item_id)
        return sorted(found, key=lambda r: r.id)

    async def list(
        self, query: CollectionQuery, *, include_deleted: bool, class_id: str | None = None
    ) -> Counted[Result]:
        statuses = _statuses(include_deleted)
        results = (
            r
            for r in self._results.values()
            if r.status in statuses and (class_id is None or r.class_id == class_id)
        )
        page, total = _page(results, _ASSESSED_RESULT_VALUES, query)
        return Counted(page, total)


class FakeGradebookScoreScaleRepository:
    """Score scales in memory, queried by the domain's own in-memory reading of a collection
    query (the provider's: app.domain.oneroster.matching)."""

    def __init__(self, tables: TenantTables) -> None:
        self._tables = tables

    async def get(self, id: str) -> ScoreScale | None:
        return self._tables.gradebook_score_scales.get(id)

    async def save(self, scale: ScoreScale) -> None:
        assert scale.updated_at is not None, "a stored score scale has its dateLastModified"
        self._tables.gradebook_score_scales[scale.id] = scale

    async def list(
        self, query: CollectionQuery, *, include_deleted: bool, class_id: str | None = None
    ) -> Counted[ScoreScale]:
        statuses = _statuses(include_deleted)
        found = [
            s
            for s in self._tables.gradebook_score_scales.values()
            if s.status in statuses and class_id in (None, s.class_id)
        ]
        page, total = matching.page(found, query, SCORE_SCALE_GETTERS)
        return Counted(page, total)


class FakeAssessments:
    """Assessment line items and results: the line items' and results' fakes on tables of
    their own."""

    def __init__(self, tables: TenantTables) -> None:
        items = tables.assessment_line_items
        self.line_items = FakeLineItemRepository(tables, items)
        self.results = FakeGradebookResultRepository(tables, tables.assessment_results, items)
