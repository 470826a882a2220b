"""The OneRoster 1.2 gradebook, consumer side: line items and results PUT by an LMS or an
assessment vendor are stored as sent and become evidence, in one unit of work per call.

The rules of what a result counts for are the domain's (app.domain.gradebook_evidence); the
evidence is recorded through the same use case as /v1/evidence, so decisions follow alike."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Generic, TypeVar

from app.domain.access import Principal
from app.domain.categories import mapped_category
from app.domain.errors import Invalid, Location, NotFound, Problem, ProblemList
from app.domain.evidence_acceptance import EvidenceInput
from app.domain.gradebook import LineItem, Report, Result
from app.domain.gradebook_evidence import (
    SOURCE,
    Derived,
    EvidenceDraft,
    counts_differently,
    derive_evidence,
    problem_in_result,
)
from app.domain.gradebook_reading import PutLineItem, PutResult, read_line_item, read_result
from app.domain.oneroster.query import CollectionQuery
from app.domain.roster import RecordStatus, Reference, RosterKind, UserRole
from app.ports.clock import Clock, IdGenerator
from app.ports.paging import Counted
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.evidence import sync_evidence
from app.use_cases.roster import missing_references

T = TypeVar("T")


@dataclass(frozen=True)
class Saved(Generic[T]):
    """The stored record and whether this call created it."""

    record: T
    created: bool


async def _derive_again(
    uow: UnitOfWork, ids: IdGenerator, principal: Principal, item: LineItem, now: datetime
) -> None:
    results = await uow.gradebook_results.for_line_item(item.id)
    if not results:
        return
    objectives = {s.objective_id for r in results for _, s in r.objective_scores}
    competencies = await _competencies(uow, objectives | set(item.aligned))
    problems = ProblemList()
    derived: list[tuple[Result, Derived]] = []
    for result in results:
        try:
            derived.append((result, derive_evidence(result, item, competencies, received_at=now)))
        except Invalid as error:
            # Located under "result" for a PUT of the result; here under the result's id.
            problems.extend(
                (Problem(p.loc[1:], p.msg) for p in error.problems), ("results", result.id)
            )
    problems.raise_if_any("Results of this line item would no longer fit it; nothing was changed")
    await _sync(
        uow,
        ids,
        principal,
        item,
        derived,
        [r.id for r in results],
        now,
        lock=[r.student_id for r in results],
        where=lambda r: ("results", r.id),
    )
    changed = [replace(r, report=d.report) for r, d in derived if r.report != d.report]
    await uow.gradebook_results.save_many(changed)


async def _competencies(uow: UnitOfWork, ids: Collection[str]) -> dict[str, bool]:
    """Which of these objective ids are competencies, each with whether it takes evidence. An
    objective may also name a competency by the CFItem identifier served for it (vendors align
    to those); recording the evidence resolves it the same way."""
    framework_of, frameworks = await uow.frameworks.of_competencies(ids)
    named: dict[str, str] = {cid: cid for cid in framework_of}
    missing = set(ids) - framework_of.keys()
    if missing:
        for identifier, (fid, cid) in (await uow.case.competency_owners(missing)).items():
            framework_of[cid] = fid
            named[identifier] = cid
        frameworks = {**frameworks, **await uow.frameworks.get_many(set(framework_of.values()))}
    return {
        objective: frameworks[framework_of[cid]].takes_evidence(cid)
        for objective, cid in named.items()
    }


async def _unknown(
    uow: UnitOfWork,
    line_item: LineItem | None,
    line_item_id: str | None,
    student_id: str | None,
    class_id: str | None,
) -> list[Problem]:
    """What a result names that does not exist (None: not named, or not readable): its line
    item (`line_item`, found by `line_item_id`), student and class."""
    problems = []
    if line_item_id is not None and (
        line_item is None or line_item.status is RecordStatus.TOBEDELETED
    ):
        problems.append(
            Problem(("result", "lineItem"), f"line item {line_item_id!r} does not exist")
        )
    if student_id is not None:
        students = await uow.roster(RosterKind.USER).active_ids(
            [student_id], role=UserRole.STUDENT.value
        )
        if student_id not in students:
            problems.append(
                Problem(("result", "student"), f"student {student_id!r} does not exist")
            )
    if class_id is not None:
        problems += await missing_references(
            uow, [Reference(("result", "class"), RosterKind.CLASS, class_id)]
        )
    return problems


async def _categories(
    uow: UnitOfWork, line_item: LineItem | None, derived: Sequence[tuple[Result, Derived]]
) -> dict[str, str]:
    """The framework category a line item's results take on each competency they reach (by
    its framework's category_map); competencies whose framework maps it onto none are left
    out (their results stay uncategorised)."""
    if line_item is None or line_item.category_id is None:
        return {}
    competency_ids = {draft.competency_id for _, d in derived for draft in d.drafts}
    if not competency_ids:
        return {}
    framework_of, frameworks = await uow.frameworks.of_competencies(competency_ids)
    found: dict[str, str] = {}
    for cid, fid in framework_of.items():
        framework = frameworks[fid]
        name = mapped_category(framework.category_map, framework.categories, line_item.category_id)
        if name is not None:
            found[cid] = name
    return found


async def _sync(
    uow: UnitOfWork,
    ids: IdGenerator,
    principal: Principal,
    line_item: LineItem | None,
    derived: Sequence[tuple[Result, Derived]],
    source_ids: list[str],
    now: datetime,
    *,
    lock: Collection[str],
    where: Callable[[Result], Location],
) -> None:
    """Record what these results now count for, and void what they counted for before."""
    items: list[EvidenceInput] = []
    origins: list[tuple[Result, EvidenceDraft]] = []
    category_of = await _categories(uow, line_item, derived)
    for result, d in derived:
        for draft in d.drafts:
            items.append(
                EvidenceInput(
                    student_id=result.student_id,
                    competency_id=draft.competency_id,
                    score=draft.score,
                    max_score=draft.max_score,
                    observed_at=d.observed_at,
                    source=SOURCE,
                    source_id=result.id,
                    comment=result.comment,
                    mark=None if draft.mark is None else draft.mark.value,
                    category=category_of.get(draft.competency_id),
                    uncategorised_allowed=True,
                )
            )
            origins.append((result, draft))
    try:
        await sync_evidence(
            uow,
            ids,
            principal,
            source=SOURCE,
            source_ids=source_ids,
            items=items,
            now=now,
            lock=lock,
        )
    except Invalid as error:
        located = []
        for p in error.problems:
            result, draft = origins[int(p.loc[1])]
            located.append(problem_in_result(p, draft, where(result)))
        raise Invalid("The result's evidence is not valid; nothing was written", located) from None


@dataclass(frozen=True, kw_only=True)
class Gradebook:
    """Line items and results an LMS or assessment vendor puts, and the evidence they make."""

    uow: UnitOfWorkFactory
    clock: Clock
    ids: IdGenerator

    async def put_line_item(self, principal: Principal, command: PutLineItem) -> Saved[LineItem]:
        """Create or replace a line item; when its range, alignment or status changes, the evidence
        of its results is derived again (and the change refused if a result no longer fits)."""
        item = read_line_item(command)
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            problems = await missing_references(
                uow, [Reference(("lineItem", "class"), RosterKind.CLASS, item.class_id)]
            )
            if problems:
                raise Invalid("The line item is not valid", problems)
            stored = await uow.line_items.get(item.id)
            if stored is not None and stored.same_content(item):
                return Saved(stored, created=False)
            fresh = replace(item, updated_at=now)
            await uow.line_items.save(fresh)
            if stored is not None and counts_differently(stored, fresh):
                await _derive_again(uow, self.ids, principal, fresh, now)
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
            if line_item_class is not None:
                problems += await missing_references(
                    uow, [Reference(("lineItem", "class"), RosterKind.CLASS, line_item_class)]
                )
            line_item = None
            if result_line_item is not None:
                line_item = await uow.line_items.get(result_line_item)
            return problems + await _unknown(
                uow, line_item, result_line_item, result_student, result_class
            )

    async def get_line_item(self, principal: Principal, id: str) -> LineItem:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            item = await uow.line_items.get(id)
        if item is None or item.status is RecordStatus.TOBEDELETED:
            raise NotFound(f"No line item {id!r}")
        return item

    async def list_line_items(
        self, principal: Principal, query: CollectionQuery
    ) -> Counted[LineItem]:
        """A page of line items; deleted ones only when the filter asks about status."""
        deleted = query.filter is not None and query.filter.mentions("status")
        async with self.uow(principal.tenant_id, writes=False) as uow:
            return await uow.line_items.list(query, include_deleted=deleted)

    async def put_result(self, principal: Principal, command: PutResult) -> Saved[Result]:
        """Create or replace a result and make its evidence exactly what it now counts for."""
        result = read_result(command)
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            # Held until commit: a change of the line item waits, then derives this result again.
            line_item = await uow.line_items.get(result.line_item_id, shared=True)
            problems = await _unknown(
                uow, line_item, result.line_item_id, result.student_id, result.class_id
            )
            derived = None
            if line_item is not None:
                # Its scores are checked against the line item's range even beside missing
                # references: every problem in one answer.
                objectives = {s.objective_id for _, s in result.objective_scores} | set(
                    line_item.aligned
                )
                competencies = await _competencies(uow, objectives)
                try:
                    derived = derive_evidence(result, line_item, competencies, received_at=now)
                except Invalid as error:
                    problems += error.problems
            if problems or line_item is None or derived is None:
                raise Invalid("The result is not valid", problems)
            # A result names its class, or is in its line item's: GET /classes/{id}/results
            # finds it.
            result = replace(result, class_id=result.class_id or line_item.class_id)
            stored = await uow.gradebook_results.get(result.id)
            await _sync(
                uow,
                self.ids,
                principal,
                line_item,
                [(result, derived)],
                [result.id],
                now,
                lock=[stored.student_id] if stored else [],
                where=lambda r: ("result",),
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
                await uow.gradebook_results.save_many([result])
            await uow.commit()
        return Saved(result, created=stored is None)

    async def get_result(self, principal: Principal, id: str) -> Result:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            result = await uow.gradebook_results.get(id)
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
            return await uow.gradebook_results.list(
                query, include_deleted=deleted, class_id=class_id
            )

    async def delete_result(self, principal: Principal, id: str) -> None:
        """Mark a result tobedeleted and void the evidence it made (kept, no longer counted)."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            stored = await uow.gradebook_results.get(id)
            if stored is None or stored.status is RecordStatus.TOBEDELETED:
                raise NotFound(f"No result {id!r}")
            await _sync(
                uow,
                self.ids,
                principal,
                None,
                [],
                [id],
                now,
                lock=[stored.student_id],
                where=lambda r: (),
            )
            deleted = replace(
                stored,
                status=RecordStatus.TOBEDELETED,
                updated_at=now,
                report=Report(not_counted="the result is deleted"),
            )
            await uow.gradebook_results.save_many([deleted])
            await uow.commit()
