"""The service's standards grades and course grades as a read-only OneRoster 1.2 gradebook
(the provider side, decision 0051): derived from the decisions each time they are read, so a
SIS reads what the teachers see. The rules of what is served are the domain's
(app.domain.gradebook_provider); filters, sorting and paging are the binding's
(app.domain.oneroster.matching over the fields the consumer's SQL filters on).

Which decisions a class reports for a session is one method, `term_decisions`: live decisions
today; a closed grading term's frozen snapshot can be answered there without touching the rest."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.domain.access import Principal
from app.domain.case.identifiers import item_identifier
from app.domain.errors import NotFound
from app.domain.grade_rules.language import parse
from app.domain.gradebook import (
    CATEGORY_FIELDS,
    LINE_ITEM_FIELDS,
    RESULT_FIELDS,
    SCORE_SCALE_FIELDS,
)
from app.domain.gradebook_fields import (
    ASSESSMENT_LINE_ITEM_FIELDS,
    ASSESSMENT_LINE_ITEM_GETTERS,
    ASSESSMENT_RESULT_FIELDS,
    ASSESSMENT_RESULT_GETTERS,
    CATEGORY_GETTERS,
    LINE_ITEM_GETTERS,
    RESULT_GETTERS,
    SCORE_SCALE_GETTERS,
)
from app.domain.gradebook_provider import (
    FrameworkGrading,
    Gradebook,
    derive_class_term,
    reporting_sessions,
)
from app.domain.mastery.view import DecisionView
from app.domain.oneroster.matching import Getter, page
from app.domain.oneroster.query import CollectionQuery, FieldKind
from app.domain.roster import AcademicSession, EnrollmentRole, RosterKind, SchoolClass
from app.ports.paging import Counted
from app.ports.roster import RosterQuery
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.grading_terms import GradingTerms
from app.use_cases.lookups import users_where
from app.use_cases.mastery import MasteryReads

STUDENTS_PER_READ = 500


class Provided(StrEnum):
    """The provider's collections, by the binding's names."""

    CATEGORIES = "categories"
    LINE_ITEMS = "lineItems"
    RESULTS = "results"
    SCORE_SCALES = "scoreScales"
    # The standards' and course grades' line items and results again, in the assessment forms.
    ASSESSMENT_LINE_ITEMS = "assessmentLineItems"
    ASSESSMENT_RESULTS = "assessmentResults"


FIELDS: dict[Provided, tuple[dict[str, FieldKind], dict[str, Getter]]] = {
    Provided.CATEGORIES: (CATEGORY_FIELDS, CATEGORY_GETTERS),
    Provided.LINE_ITEMS: (LINE_ITEM_FIELDS, LINE_ITEM_GETTERS),
    Provided.RESULTS: (RESULT_FIELDS, RESULT_GETTERS),
    Provided.SCORE_SCALES: (SCORE_SCALE_FIELDS, SCORE_SCALE_GETTERS),
    Provided.ASSESSMENT_LINE_ITEMS: (ASSESSMENT_LINE_ITEM_FIELDS, ASSESSMENT_LINE_ITEM_GETTERS),
    Provided.ASSESSMENT_RESULTS: (ASSESSMENT_RESULT_FIELDS, ASSESSMENT_RESULT_GETTERS),
}
_NAMES = {
    Provided.CATEGORIES: "category",
    Provided.LINE_ITEMS: "line item",
    Provided.RESULTS: "result",
    Provided.SCORE_SCALES: "score scale",
    Provided.ASSESSMENT_LINE_ITEMS: "assessment line item",
    Provided.ASSESSMENT_RESULTS: "assessment result",
}


@dataclass(frozen=True)
class ProvidedPage:
    """A page of one collection, and the academic session of each line item on it."""

    items: Counted[Any]
    session_of: dict[str, str]


def records_of(gradebook: Gradebook, kind: Provided) -> Sequence[Any]:
    match kind:
        case Provided.CATEGORIES:
            return gradebook.categories
        case Provided.LINE_ITEMS | Provided.ASSESSMENT_LINE_ITEMS:
            return gradebook.line_items
        case Provided.RESULTS | Provided.ASSESSMENT_RESULTS:
            return gradebook.results
        case Provided.SCORE_SCALES:
            return list(gradebook.score_scales.values())


async def _classes(uow: UnitOfWork, ids: Collection[str] | None) -> list[SchoolClass]:
    """The active classes with these ids (every active class: None), 500 at a time."""
    repository = uow.roster(RosterKind.CLASS)
    if ids is not None:
        found = await repository.get_many(ids)
        active = await repository.active_ids(ids)
        return [c for i, c in sorted(found.items()) if i in active and isinstance(c, SchoolClass)]
    classes: list[SchoolClass] = []
    after = None
    while True:
        batch = await repository.list(RosterQuery(after=after, limit=500))
        classes += [c for c in batch.items if isinstance(c, SchoolClass)]
        if batch.last_key is None:
            return classes
        after = batch.last_key


@dataclass(frozen=True, kw_only=True)
class GradebookProvider:
    uow: UnitOfWorkFactory
    mastery: MasteryReads
    # A closed term reports its frozen snapshot (docs/decisions/0050).
    terms: GradingTerms

    async def term_decisions(
        self,
        principal: Principal,
        school_class: SchoolClass,
        sessions: Sequence[AcademicSession],
        student_ids: Sequence[str],
    ) -> dict[str, dict[str, list[DecisionView]]]:
        """The decisions a class reports in each of these sessions, by session id then student
        (every framework's): a closed term's frozen snapshot, else the live decisions (read
        once for every open session, 500 students at a time)."""
        if not sessions:
            return {}
        found: dict[str, dict[str, list[DecisionView]]] = {}
        for session in sessions:
            frozen = await self.terms.frozen_views(principal, session.id, student_ids)
            if frozen is not None:
                found[session.id] = frozen
        if len(found) == len(sessions):
            return found
        live: dict[str, list[DecisionView]] = {}
        for start in range(0, len(student_ids), STUDENTS_PER_READ):
            chunk = student_ids[start : start + STUDENTS_PER_READ]
            live.update(await self.mastery.students_mastery(principal, chunk))
        return {session.id: found.get(session.id, live) for session in sessions}

    async def gradebook(
        self, principal: Principal, class_ids: Collection[str] | None = None
    ) -> Gradebook:
        """What the provider serves for these classes (every class: None)."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            classes = await _classes(uow, class_ids)
            session_ids = {s for c in classes for s in c.session_ids}
            sessions = {
                i: s
                for i, s in (
                    await uow.roster(RosterKind.ACADEMIC_SESSION).get_many(session_ids)
                ).items()
                if isinstance(s, AcademicSession)
            }
            students = {
                c.id: [
                    u.id
                    for u in await users_where(
                        uow, {"class_id": c.id, "enrollment_role": EnrollmentRole.STUDENT.value}
                    )
                ]
                for c in classes
            }
        terms = []
        for school_class in classes:
            reporting = reporting_sessions(school_class, sessions)
            decided = await self.term_decisions(
                principal, school_class, reporting, students[school_class.id]
            )
            terms += [(school_class, session, decided[session.id]) for session in reporting]
        gradings = await self._gradings(
            principal, {v.framework_id for _, _, vs in terms for s in vs.values() for v in s}
        )
        out = Gradebook()
        for school_class, session, views in terms:
            linked = sorted({v.framework_id for s in views.values() for v in s} & gradings.keys())
            for framework_id in linked:
                derive_class_term(
                    out, school_class, session, gradings[framework_id], views, item_identifier
                )
        return out

    async def _gradings(
        self, principal: Principal, framework_ids: Collection[str]
    ) -> dict[str, FrameworkGrading]:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            frameworks = await uow.frameworks.get_many(framework_ids)
            found = {}
            for fid, framework in frameworks.items():
                stored = await uow.frameworks.grade_rules(fid)
                found[fid] = FrameworkGrading(
                    framework,
                    parse(stored[0]) if stored is not None else None,
                    stored[1] if stored is not None else None,
                )
            return found

    async def collection(
        self,
        principal: Principal,
        kind: Provided,
        query: CollectionQuery,
        *,
        class_id: str | None = None,
    ) -> ProvidedPage:
        """A page of a collection (of one class, which must exist, when given)."""
        if class_id is not None:
            async with self.uow(principal.tenant_id, writes=False) as uow:
                if not await uow.roster(RosterKind.CLASS).active_ids([class_id]):
                    raise NotFound(f"No class {class_id!r}")
        gradebook = await self.gradebook(principal, None if class_id is None else [class_id])
        items, total = page(records_of(gradebook, kind), query, FIELDS[kind][1])
        return ProvidedPage(Counted(items, total), gradebook.session_of)

    async def one(self, principal: Principal, kind: Provided, id: str) -> ProvidedPage:
        """One record by sourcedId, or not found. Only the classes its sourcedId can belong to
        (`<class>:…`) are derived; a category's are all."""
        candidates = None
        if kind is not Provided.CATEGORIES:
            candidates = [id[:i] for i, c in enumerate(id) if c == ":"]
        gradebook = await self.gradebook(principal, candidates)
        found = [r for r in records_of(gradebook, kind) if r.id == id]
        if not found:
            raise NotFound(f"No {_NAMES[kind]} {id!r}")
        return ProvidedPage(Counted(found, 1), gradebook.session_of)
