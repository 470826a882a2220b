"""SQL repositories of the OneRoster gradebook. Collection queries (filter, sort, offset, total)
run in the database, on the columns that hold each field of the binding. The line items' and
results' repositories serve assessment line items and results too (`table`: the same columns)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.gradebook_tables import (
    GradebookCategoryRow,
    GradebookResultRow,
    LineItemRow,
)
from app.adapters.db.rows import StoredRow
from app.adapters.db.tables import table_of
from app.adapters.db.upsert import upsert
from app.domain.access import TenantId
from app.domain.gradebook import (
    Category,
    Ignored,
    LineItem,
    ObjectiveResults,
    ObjectiveScore,
    ObjectiveSet,
    Report,
    Result,
    ScoreStatus,
)
from app.domain.oneroster.query import CollectionQuery, Op, Predicate
from app.domain.roster import RecordStatus
from app.ports.paging import Counted

_items = table_of(LineItemRow)
_results = table_of(GradebookResultRow)
_categories = table_of(GradebookCategoryRow)

# The column of each field a collection is filtered and sorted on (LINE_ITEM_FIELDS and
# RESULT_FIELDS name the same fields; a test keeps them equal), in any table of those columns.
_LINE_ITEM_COLUMN_NAMES = {
    "sourcedId": "id",
    "status": "status",
    "dateLastModified": "updated_at",
    "title": "title",
    "description": "description",
    "assignDate": "assign_date",
    "dueDate": "due_date",
    "resultValueMin": "result_value_min",
    "resultValueMax": "result_value_max",
    "class.sourcedId": "class_id",
    "school.sourcedId": "school_id",
    "category.sourcedId": "category_id",
}
_RESULT_COLUMN_NAMES = {
    "sourcedId": "id",
    "status": "status",
    "dateLastModified": "updated_at",
    "scoreStatus": "score_status",
    "score": "score",
    "textScore": "text_score",
    "scoreDate": "score_date",
    "comment": "comment",
    "lineItem.sourcedId": "line_item_id",
    "assessmentLineItem.sourcedId": "line_item_id",  # how an assessment result names it
    "student.sourcedId": "student_id",
    "class.sourcedId": "class_id",
}


def _columns(table: sa.Table, names: Mapping[str, str]) -> dict[str, sa.Column[Any]]:
    return {field: table.c[column] for field, column in names.items()}


LINE_ITEM_COLUMNS = _columns(_items, _LINE_ITEM_COLUMN_NAMES)
RESULT_COLUMNS = _columns(_results, _RESULT_COLUMN_NAMES)
CATEGORY_COLUMNS: dict[str, sa.Column[Any]] = {
    "sourcedId": _categories.c.id,
    "status": _categories.c.status,
    "dateLastModified": _categories.c.updated_at,
    "title": _categories.c.title,
    "weight": _categories.c.weight,
}


def _condition(column: sa.Column[Any], predicate: Predicate) -> sa.ColumnElement[bool]:
    value = predicate.value
    match predicate.op:
        case Op.EQ:
            return column == value
        case Op.NE:
            return column != value
        case Op.GT:
            return column > value
        case Op.GE:
            return column >= value
        case Op.LT:
            return column < value
        case Op.LE:
            return column <= value
        case Op.CONTAINS:
            return column.icontains(str(value), autoescape=True)


async def page_of(
    session: AsyncSession,
    table: sa.Table,
    columns: Mapping[str, sa.Column[Any]],
    where: list[sa.ColumnElement[bool]],
    query: CollectionQuery,
) -> tuple[list[Any], int]:
    if query.filter is not None:
        conditions = [_condition(columns[p.field], p) for p in query.filter.predicates]
        where.append(sa.or_(*conditions) if query.filter.any_of else sa.and_(*conditions))
    total = (
        await session.execute(sa.select(sa.func.count()).select_from(table).where(*where))
    ).scalar_one()
    sort = columns[query.sort] if query.sort else table.c.id
    order = (sort.desc() if query.descending else sort.asc()).nulls_last()
    stmt = (
        sa.select(table)
        .where(*where)
        .order_by(order, table.c.id)
        .offset(query.offset)
        .limit(query.limit)
    )
    return list((await session.execute(stmt)).mappings()), int(total)


def statuses(include_deleted: bool) -> list[str]:
    statuses = [RecordStatus.ACTIVE.value]
    return [*statuses, RecordStatus.TOBEDELETED.value] if include_deleted else statuses


class SqlLineItemRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId, table: sa.Table = _items) -> None:
        self._session = session
        self._tenant = tenant
        self._table = table
        self._columns = _columns(table, _LINE_ITEM_COLUMN_NAMES)

    async def get(self, id: str, *, shared: bool = False) -> LineItem | None:
        stmt = sa.select(self._table).where(
            self._table.c.tenant_id == self._tenant, self._table.c.id == id
        )
        if shared:  # FOR SHARE on PostgreSQL; SQLite's BEGIN IMMEDIATE serialises writers
            stmt = stmt.with_for_update(read=True)
        row = (await self._session.execute(stmt)).mappings().first()
        return _line_item(row) if row else None

    async def save(self, item: LineItem) -> None:
        await upsert(
            self._session, self._table, [_line_item_row(item, self._tenant)], ("tenant_id", "id")
        )

    async def in_category(self, category_id: str) -> list[LineItem]:
        stmt = (
            sa.select(self._table)
            .where(
                self._table.c.tenant_id == self._tenant,
                self._table.c.category_id == category_id,
                self._table.c.status == RecordStatus.ACTIVE.value,
            )
            .order_by(self._table.c.id)
        )
        return [_line_item(r) for r in (await self._session.execute(stmt)).mappings()]

    async def list(self, query: CollectionQuery, *, include_deleted: bool) -> Counted[LineItem]:
        where = [
            self._table.c.tenant_id == self._tenant,
            self._table.c.status.in_(statuses(include_deleted)),
        ]
        rows, total = await page_of(self._session, self._table, self._columns, where, query)
        return Counted([_line_item(r) for r in rows], total)


class SqlGradebookCategoryRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    async def get(self, id: str) -> Category | None:
        stmt = sa.select(_categories).where(
            _categories.c.tenant_id == self._tenant, _categories.c.id == id
        )
        row = (await self._session.execute(stmt)).mappings().first()
        return _category(row) if row else None

    async def save(self, category: Category) -> None:
        assert category.updated_at is not None, "a stored category has its dateLastModified"
        row = {
            "tenant_id": self._tenant,
            "id": category.id,
            "status": category.status.value,
            "title": category.title,
            "weight": category.weight,
            "vendor_metadata": category.metadata,
            "updated_at": category.updated_at,
        }
        await upsert(self._session, _categories, [row], ("tenant_id", "id"))

    async def list(self, query: CollectionQuery, *, include_deleted: bool) -> Counted[Category]:
        where = [
            _categories.c.tenant_id == self._tenant,
            _categories.c.status.in_(statuses(include_deleted)),
        ]
        rows, total = await page_of(self._session, _categories, CATEGORY_COLUMNS, where, query)
        return Counted([_category(r) for r in rows], total)


def _category(row: StoredRow) -> Category:
    return Category(
        id=row["id"],
        title=row["title"],
        status=RecordStatus(row["status"]),
        weight=row["weight"],
        metadata=row["vendor_metadata"],
        updated_at=row["updated_at"],
    )


class SqlGradebookResultRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId, table: sa.Table = _results) -> None:
        self._session = session
        self._tenant = tenant
        self._table = table
        self._columns = _columns(table, _RESULT_COLUMN_NAMES)

    async def get(self, id: str) -> Result | None:
        stmt = sa.select(self._table).where(
            self._table.c.tenant_id == self._tenant, self._table.c.id == id
        )
        row = (await self._session.execute(stmt)).mappings().first()
        return _result(row) if row else None

    async def save_many(self, results: Sequence[Result]) -> None:
        rows = [_result_row(r, self._tenant) for r in results]
        await upsert(self._session, self._table, rows, ("tenant_id", "id"))

    async def for_line_item(self, line_item_id: str) -> list[Result]:
        stmt = (
            sa.select(self._table)
            .where(
                self._table.c.tenant_id == self._tenant, self._table.c.line_item_id == line_item_id
            )
            .order_by(self._table.c.id)
        )
        return [_result(r) for r in (await self._session.execute(stmt)).mappings()]

    async def list(
        self, query: CollectionQuery, *, include_deleted: bool, class_id: str | None = None
    ) -> Counted[Result]:
        where = [
            self._table.c.tenant_id == self._tenant,
            self._table.c.status.in_(statuses(include_deleted)),
        ]
        if class_id is not None:
            where.append(self._table.c.class_id == class_id)
        rows, total = await page_of(self._session, self._table, self._columns, where, query)
        return Counted([_result(r) for r in rows], total)


# --- Mapping records to rows and back -------------------------------------------------------


def _line_item_row(item: LineItem, tenant: TenantId) -> dict[str, Any]:
    assert item.updated_at is not None, "a stored line item has its dateLastModified"
    return {
        "tenant_id": tenant,
        "id": item.id,
        "status": item.status.value,
        "title": item.title,
        "description": item.description,
        "class_id": item.class_id,
        "school_id": item.school_id,
        "category_id": item.category_id,
        "score_scale_id": item.score_scale_id,
        "assign_date": item.assign_date,
        "due_date": item.due_date,
        "result_value_min": item.result_value_min,
        "result_value_max": item.result_value_max,
        "objective_sets": [
            {"source": s.source, "objective_ids": list(s.objective_ids)}
            for s in item.objective_sets
        ],
        "vendor_metadata": item.metadata,
        "updated_at": item.updated_at,
    }


def _line_item(row: StoredRow) -> LineItem:
    return LineItem(
        id=row["id"],
        title=row["title"],
        class_id=row["class_id"],
        status=RecordStatus(row["status"]),
        description=row["description"],
        school_id=row["school_id"],
        category_id=row["category_id"],
        score_scale_id=row["score_scale_id"],
        assign_date=row["assign_date"],
        due_date=row["due_date"],
        result_value_min=row["result_value_min"],
        result_value_max=row["result_value_max"],
        objective_sets=tuple(
            ObjectiveSet(s["source"], tuple(s["objective_ids"])) for s in row["objective_sets"]
        ),
        metadata=row["vendor_metadata"],
        updated_at=row["updated_at"],
    )


def _result_row(result: Result, tenant: TenantId) -> dict[str, Any]:
    assert result.updated_at is not None, "a stored result has its dateLastModified"
    report = result.report
    return {
        "tenant_id": tenant,
        "id": result.id,
        "status": result.status.value,
        "line_item_id": result.line_item_id,
        "student_id": result.student_id,
        "class_id": result.class_id,
        "score_scale_id": result.score_scale_id,
        "score_status": result.score_status.value,
        "score": result.score,
        "text_score": result.text_score,
        "score_date": result.score_date,
        "date_only": result.date_only,
        "comment": result.comment,
        "objective_results": [
            {
                "source": group.source,
                "results": [
                    {"objective_id": s.objective_id, "score": s.score, "text_score": s.text_score}
                    for s in group.results
                ],
            }
            for group in result.objective_results
        ],
        "in_progress": result.in_progress,
        "incomplete": result.incomplete,
        "late": result.late,
        "missing": result.missing,
        "vendor_metadata": result.metadata,
        "report": None
        if report is None
        else {
            "competency_ids": list(report.competency_ids),
            "ignored": [
                {"objective_id": i.objective_id, "reason": i.reason} for i in report.ignored
            ],
            "not_counted": report.not_counted,
        },
        "updated_at": result.updated_at,
    }


def _result(row: StoredRow) -> Result:
    report = row["report"]
    return Result(
        id=row["id"],
        line_item_id=row["line_item_id"],
        student_id=row["student_id"],
        score_status=ScoreStatus(row["score_status"]),
        score_date=row["score_date"],
        date_only=row["date_only"],
        status=RecordStatus(row["status"]),
        class_id=row["class_id"],
        score_scale_id=row["score_scale_id"],
        score=row["score"],
        text_score=row["text_score"],
        comment=row["comment"],
        objective_results=tuple(
            ObjectiveResults(
                g["source"],
                tuple(
                    ObjectiveScore(s["objective_id"], s["score"], s["text_score"])
                    for s in g["results"]
                ),
            )
            for g in row["objective_results"]
        ),
        in_progress=row["in_progress"],
        incomplete=row["incomplete"],
        late=row["late"],
        missing=row["missing"],
        metadata=row["vendor_metadata"],
        updated_at=row["updated_at"],
        report=None
        if report is None
        else Report(
            tuple(report["competency_ids"]),
            tuple(Ignored(i["objective_id"], i["reason"]) for i in report["ignored"]),
            report["not_counted"],
        ),
    )
