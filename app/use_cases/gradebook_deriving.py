"""What a gradebook result counts for, derived again and recorded: shared by the line item,
result and category commands (a change of any of them can change a result's evidence)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.access import Principal
from app.domain.categories import mapped_category
from app.domain.errors import Invalid, Location, Problem, ProblemList
from app.domain.evidence_acceptance import EvidenceInput
from app.domain.gradebook import LineItem, Result
from app.domain.gradebook_evidence import (
    ASSESSMENT_SOURCE,
    SOURCE,
    Derived,
    EvidenceDraft,
    derive_evidence,
    problem_in_result,
)
from app.domain.roster import RecordStatus
from app.ports.clock import IdGenerator
from app.ports.gradebook import GradebookResultRepository, LineItemRepository
from app.ports.unit_of_work import UnitOfWork
from app.use_cases.evidence import sync_evidence


@dataclass(frozen=True)
class Book:
    """Which records a gradebook command works on: line items and results, or assessment line
    items and assessment results (the binding's names locate problems; the evidence source
    keeps the two namespaces of sourcedIds apart)."""

    line_item: str
    result: str
    source: str
    items: Callable[[UnitOfWork], LineItemRepository]
    results: Callable[[UnitOfWork], GradebookResultRepository]
    class_required: bool = True


LINE_ITEMS = Book(
    "lineItem", "result", SOURCE, lambda u: u.line_items, lambda u: u.gradebook_results
)
ASSESSMENTS = Book(
    "assessmentLineItem",
    "assessmentResult",
    ASSESSMENT_SOURCE,
    lambda u: u.assessments.line_items,
    lambda u: u.assessments.results,
    class_required=False,
)


async def derive_again(
    uow: UnitOfWork,
    ids: IdGenerator,
    principal: Principal,
    item: LineItem,
    now: datetime,
    book: Book = LINE_ITEMS,
) -> None:
    results = await book.results(uow).for_line_item(item.id)
    if not results:
        return
    objectives = {s.objective_id for r in results for _, s in r.objective_scores}
    competencies = await competencies_of(uow, objectives | set(item.aligned))
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
    await sync(
        uow,
        ids,
        principal,
        item,
        derived,
        [r.id for r in results],
        now,
        lock=[r.student_id for r in results],
        where=lambda r: ("results", r.id),
        source=book.source,
    )
    changed = [replace(r, report=d.report) for r, d in derived if r.report != d.report]
    await book.results(uow).save_many(changed)


async def competencies_of(uow: UnitOfWork, ids: Collection[str]) -> dict[str, bool]:
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


async def _categories(
    uow: UnitOfWork, line_item: LineItem | None, derived: Sequence[tuple[Result, Derived]]
) -> dict[str, str]:
    """The framework category a line item's results take on each competency they reach (by
    its framework's category_map, of the gradebook category's sourcedId or title, else the
    framework category named as that title); competencies whose framework maps it onto none
    are left out (their results stay uncategorised)."""
    if line_item is None or line_item.category_id is None:
        return {}
    competency_ids = {draft.competency_id for _, d in derived for draft in d.drafts}
    if not competency_ids:
        return {}
    framework_of, frameworks = await uow.frameworks.of_competencies(competency_ids)
    # The category's title, when the gradebook has PUT the category (and not deleted it): a map
    # may name it, or a framework category may carry the same name.
    category = await uow.gradebook_categories.get(line_item.category_id)
    title = (
        None if category is None or category.status is not RecordStatus.ACTIVE else category.title
    )
    found: dict[str, str] = {}
    for cid, fid in framework_of.items():
        framework = frameworks[fid]
        name = mapped_category(
            framework.category_map, framework.categories, line_item.category_id, title
        )
        if name is not None:
            found[cid] = name
    return found


async def sync(
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
    source: str = SOURCE,
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
                    source=source,
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
            source=source,
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
