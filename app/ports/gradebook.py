"""The OneRoster 1.2 gradebook: line items and results."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from app.domain.gradebook import Category, LineItem, Result, ScoreScale
from app.domain.oneroster.query import CollectionQuery
from app.ports.paging import Counted


class LineItemRepository(Protocol):
    async def get(self, id: str, *, shared: bool = False) -> LineItem | None:
        """One line item by sourcedId, whatever its status; `shared`: it cannot change until
        this transaction ends (a result is being derived from it)."""
        ...

    async def save(self, item: LineItem) -> None:
        """Create or replace the line item with this sourcedId."""
        ...

    async def in_category(self, category_id: str) -> list[LineItem]:
        """Every active line item naming this category."""
        ...

    async def list(self, query: CollectionQuery, *, include_deleted: bool) -> Counted[LineItem]:
        """A page of line items as the query asks (the filter's fields are LINE_ITEM_FIELDS)."""
        ...


class GradebookCategoryRepository(Protocol):
    async def get(self, id: str) -> Category | None:
        """One category by sourcedId, whatever its status."""
        ...

    async def save(self, category: Category) -> None:
        """Create or replace the category with this sourcedId."""
        ...

    async def list(self, query: CollectionQuery, *, include_deleted: bool) -> Counted[Category]:
        """A page of categories as the query asks (the filter's fields are CATEGORY_FIELDS)."""
        ...


class GradebookResultRepository(Protocol):
    async def get(self, id: str) -> Result | None:
        """One result by sourcedId, whatever its status, with its report."""
        ...

    async def save_many(self, results: Sequence[Result]) -> None:
        """Create or replace results (with their reports), one statement per table."""
        ...

    async def for_line_item(self, line_item_id: str) -> list[Result]:
        """Every result (deleted too) on a line item."""
        ...

    async def list(
        self, query: CollectionQuery, *, include_deleted: bool, class_id: str | None = None
    ) -> Counted[Result]:
        """A page of results (of one class, when given); the filter's fields are RESULT_FIELDS."""
        ...


class GradebookScoreScaleRepository(Protocol):
    async def get(self, id: str) -> ScoreScale | None:
        """One score scale by sourcedId, whatever its status."""
        ...

    async def save(self, scale: ScoreScale) -> None:
        """Create or replace the score scale with this sourcedId."""
        ...

    async def list(
        self, query: CollectionQuery, *, include_deleted: bool, class_id: str | None = None
    ) -> Counted[ScoreScale]:
        """A page of score scales (of one class, when given); the filter's fields are
        SCORE_SCALE_FIELDS."""
        ...


class AssessmentRecords(Protocol):
    """Assessment line items and assessment results (OneRoster 1.2), kept as line items and
    results are, in a namespace of sourcedIds of their own."""

    @property
    def line_items(self) -> LineItemRepository: ...

    @property
    def results(self) -> GradebookResultRepository: ...
