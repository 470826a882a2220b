"""OneRoster 1.2 gradebook categories PUT by an LMS or assessment vendor ("Homework", "Tests").
A framework puts a line item's results in one of its evidence categories by its category_map
(the category's sourcedId or title) or by the title alone (a framework category of that name),
so a change of title, or the category's deletion, derives the results of its line items again."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.access import Principal
from app.domain.errors import NotFound
from app.domain.gradebook import Category
from app.domain.gradebook_reading import PutCategory, read_category
from app.domain.oneroster.query import CollectionQuery
from app.domain.roster import RecordStatus
from app.ports.clock import Clock, IdGenerator
from app.ports.paging import Counted
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.gradebook_deriving import derive_again


def _title_read(category: Category | None) -> str | None:
    """The title a framework's mapping reads from this category (none when deleted)."""
    if category is None or category.status is not RecordStatus.ACTIVE:
        return None
    return category.title


@dataclass(frozen=True, kw_only=True)
class GradebookCategories:
    """The categories of a district's gradebook, kept as sent and read by the mapping."""

    uow: UnitOfWorkFactory
    clock: Clock
    ids: IdGenerator

    async def put_category(
        self, principal: Principal, command: PutCategory
    ) -> tuple[Category, bool]:
        """Create or replace a category; (the stored category, whether this call created it)."""
        category = read_category(command)
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            stored = await uow.gradebook_categories.get(category.id)
            if stored is not None and stored.same_content(category):
                return stored, False
            fresh = replace(category, updated_at=now)
            await self._save(uow, principal, stored, fresh, now)
            await uow.commit()
        return fresh, stored is None

    async def get_category(self, principal: Principal, id: str) -> Category:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            category = await uow.gradebook_categories.get(id)
        if category is None or category.status is RecordStatus.TOBEDELETED:
            raise NotFound(f"No category {id!r}")
        return category

    async def list_categories(
        self, principal: Principal, query: CollectionQuery
    ) -> Counted[Category]:
        """A page of categories; deleted ones only when the filter asks about status."""
        deleted = query.filter is not None and query.filter.mentions("status")
        async with self.uow(principal.tenant_id, writes=False) as uow:
            return await uow.gradebook_categories.list(query, include_deleted=deleted)

    async def delete_category(self, principal: Principal, id: str) -> None:
        """Mark a category tobedeleted: its line items' results lose what its title mapped."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            stored = await uow.gradebook_categories.get(id)
            if stored is None or stored.status is RecordStatus.TOBEDELETED:
                raise NotFound(f"No category {id!r}")
            deleted = replace(stored, status=RecordStatus.TOBEDELETED, updated_at=now)
            await self._save(uow, principal, stored, deleted, now)
            await uow.commit()

    async def _save(
        self,
        uow: UnitOfWork,
        principal: Principal,
        stored: Category | None,
        fresh: Category,
        now: datetime,
    ) -> None:
        """Store the category; when the title a mapping reads changes, the results of its line
        items are derived again (their evidence categories, hence the decisions, follow)."""
        await uow.gradebook_categories.save(fresh)
        if _title_read(stored) == _title_read(fresh):
            return
        for item in await uow.line_items.in_category(fresh.id):
            await derive_again(uow, self.ids, principal, item, now)
