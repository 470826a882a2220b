"""The OneRoster 1.2 gradebook, consumer side: line items and results PUT by an LMS or an
assessment vendor are stored as sent and become evidence, in one unit of work per call.

The rules of what a result counts for are the domain's (app.domain.gradebook_evidence); the
evidence is recorded through the same use case as /v1/evidence, so decisions follow alike."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from app.domain.access import Principal
from app.domain.errors import Invalid, NotFound, Problem
from app.domain.gradebook import LineItem, Report, Result
from app.domain.gradebook_evidence import counts_differently, derive_evidence
from app.domain.gradebook_reading import PutLineItem, PutResult, read_line_item, read_result
from app.domain.oneroster.query import CollectionQuery
from app.domain.roster import RecordStatus, Reference, RosterKind, UserRole
from app.ports.paging import Counted
from app.ports.unit_of_work import UnitOfWork
from app.use_cases.gradebook_deriving import (
    LINE_ITEMS,
    Book,
    competencies_of,
    derive_again,
    sync,
)
from app.use_cases.gradebook_scales import GradebookScales
from app.use_cases.roster import missing_references

T = TypeVar("T")


@dataclass(frozen=True)
class Saved(Generic[T]):
    """The stored record and whether this call created it."""

    record: T
    created: bool


async def _unknown(
    uow: UnitOfWork,
    line_item: LineItem | None,
    line_item_id: str | None,
    student_id: str | None,
    class_id: str | None,
    book: Book = LINE_ITEMS,
) -> list[Problem]:
    """What a result names that does not exist (None: not named, or not readable): its line
    item (`line_item`, found by `line_item_id`), student and class."""
    problems = []
    root = book.result
    if line_item_id is not None and (
        line_item is None or line_item.status is RecordStatus.TOBEDELETED
    ):
        problems.append(
            Problem((root, book.line_item), f"line item {line_item_id!r} does not exist")
        )
    if student_id is not None:
        students = await uow.roster(RosterKind.USER).active_ids(
            [student_id], role=UserRole.STUDENT.value
        )
        if student_id not in students:
            problems.append(Problem((root, "student"), f"student {student_id!r} does not exist"))
    if class_id is not None:
        problems += await missing_references(
            uow, [Reference((root, "class"), RosterKind.CLASS, class_id)]
        )
    return problems


@dataclass(frozen=True, kw_only=True)
class Gradebook(GradebookScales):
    """Line items, results and categories an LMS or assessment vendor puts, and the evidence
    they make; with `book` ASSESSMENTS, its assessment line items and assessment results."""

    book: Book = LINE_ITEMS

    async def put_line_item(self, principal: Principal, command: PutLineItem) -> Saved[LineItem]:
        """Create or replace a line item; when its range, alignment or status changes, the evidence
        of its results is derived again (and the change refused if a result no longer fits)."""
        book = self.book
        item = read_line_item(command, root=book.line_item, class_required=book.class_required)
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            named = [Reference((book.line_item, "class"), RosterKind.CLASS, item.class_id)]
            problems = await missing_references(uow, named if item.class_id else [])
            if problems:
                raise Invalid("The line item is not valid", problems)
            stored = await book.items(uow).get(item.id)
            if stored is not None and stored.same_content(item):
                return Saved(stored, created=False)
            fresh = replace(item, updated_at=now)
            await book.items(uow).save(fresh)
            if stored is not None and counts_differently(stored, fresh):
                await derive_again(uow, self.ids, principal, fresh, now, book)
            await uow.commit()
        return Saved(fresh, created=stored is None)

    async def unknown_references(
        self,
        principal: Principal,
        *,
        line_item_class: str | None = None,
        result_line_item: str | None = None,
        result_student: str | None = None,
        result_class: str | None = None,
    ) -> list[Problem]:
        """What a line item or result the request could not read names that does not exist,
        located as a PUT locates them: checked beside its type errors, writing nothing."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            problems = []
            book = self.book
            if line_item_class is not None:
                where = (book.line_item, "class")
                problems += await missing_references(
                    uow, [Reference(where, RosterKind.CLASS, line_item_class)]
                )
            line_item = None
            if result_line_item is not None:
                line_item = await book.items(uow).get(result_line_item)
            return problems + await _unknown(
                uow, line_item, result_line_item, result_student, result_class, book
            )

    async def get_line_item(self, principal: Principal, id: str) -> LineItem:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            item = await self.book.items(uow).get(id)
        if item is None or item.status is RecordStatus.TOBEDELETED:
            raise NotFound(f"No line item {id!r}")
        return item

    async def list_line_items(
        self, principal: Principal, query: CollectionQuery
    ) -> Counted[LineItem]:
        """A page of line items; deleted ones only when the filter asks about status."""
        deleted = query.filter is not None and query.filter.mentions("status")
        async with self.uow(principal.tenant_id, writes=False) as uow:
            return await self.book.items(uow).list(query, include_deleted=deleted)

    async def put_result(self, principal: Principal, command: PutResult) -> Saved[Result]:
        """Create or replace a result and make its evidence exactly what it now counts for."""
        book = self.book
        result = read_result(command, root=book.result, line_item=book.line_item)
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            # Held until commit: a change of the line item waits, then derives this result again.
            line_item = await book.items(uow).get(result.line_item_id, shared=True)
            problems = await _unknown(
                uow, line_item, result.line_item_id, result.student_id, result.class_id, book
            )
            derived = None
            if line_item is not None:
                # Its scores are checked against the line item's range even beside missing
                # references: every problem in one answer.
                objectives = {s.objective_id for _, s in result.objective_scores} | set(
                    line_item.aligned
                )
                competencies = await competencies_of(uow, objectives)
                try:
                    derived = derive_evidence(result, line_item, competencies, received_at=now)
                except Invalid as error:  # located under "result": under the book's name
                    problems += [Problem((book.result, *p.loc[1:]), p.msg) for p in error.problems]
            if problems or line_item is None or derived is None:
                raise Invalid("The result is not valid", problems)
            # A result names its class, or is in its line item's: GET /classes/{id}/results
            # finds it.
            result = replace(result, class_id=result.class_id or line_item.class_id or None)
            stored = await book.results(uow).get(result.id)
            await sync(
                uow,
                self.ids,
                principal,
                line_item,
                [(result, derived)],
                [result.id],
                now,
                lock=[stored.student_id] if stored else [],
                where=lambda r: (book.result,),
                source=book.source,
            )
            result = replace(result, report=derived.report)
            if (
                stored is not None
                and stored.same_content(result)
                and stored.report == result.report
            ):
                result = stored  # nothing new: its dateLastModified stays
            else:
                result = replace(result, updated_at=now)
                await book.results(uow).save_many([result])
            await uow.commit()
        return Saved(result, created=stored is None)

    async def get_result(self, principal: Principal, id: str) -> Result:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            result = await self.book.results(uow).get(id)
        if result is None or result.status is RecordStatus.TOBEDELETED:
            raise NotFound(f"No result {id!r}")
        return result

    async def list_results(
        self,
        principal: Principal,
        query: CollectionQuery,
        *,
        class_id: str | None = None,
    ) -> Counted[Result]:
        """A page of results (of one class: which must exist); deleted ones only when the filter
        asks about status."""
        deleted = query.filter is not None and query.filter.mentions("status")
        async with self.uow(principal.tenant_id, writes=False) as uow:
            if class_id is not None and not await uow.roster(RosterKind.CLASS).active_ids(
                [class_id]
            ):
                raise NotFound(f"No class {class_id!r}")
            return await self.book.results(uow).list(
                query, include_deleted=deleted, class_id=class_id
            )

    async def delete_result(self, principal: Principal, id: str) -> None:
        """Mark a result tobedeleted and void the evidence it made (kept, no longer counted)."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            stored = await self.book.results(uow).get(id)
            if stored is None or stored.status is RecordStatus.TOBEDELETED:
                raise NotFound(f"No result {id!r}")
            await sync(
                uow,
                self.ids,
                principal,
                None,
                [],
                [id],
                now,
                lock=[stored.student_id],
                where=lambda r: (),
                source=self.book.source,
            )
            deleted = replace(
                stored,
                status=RecordStatus.TOBEDELETED,
                updated_at=now,
                report=Report(not_counted="the result is deleted"),
            )
            await self.book.results(uow).save_many([deleted])
            await uow.commit()
