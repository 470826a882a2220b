"""Equity reports: a framework's decisions summarised by school, class, grade, competency and
subgroups, now or as they stood, and the trend of mastery over weeks or months.

"As of" means one thing everywhere (docs/decisions/0026-as-of-and-denominators.md): the
decisions given the results observed up to that instant; "known at" what the service had
recorded by then.

The database counts (app.ports.ReadModels); the domain (app.domain.reporting) turns counts
into cells and hides the small ones."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from app.domain.access import Principal
from app.domain.denominators import (
    Denominator,
    GroupCompetencies,
    class_competencies,
    grade_competencies,
    summed_over,
)
from app.domain.errors import Invalid, Problem
from app.domain.frameworks import Competency, Framework
from app.domain.mastery.habits import DecisionKind
from app.domain.report_scope import ReportFilter, check_grouping, competencies_in_scope
from app.domain.reporting import (
    Dimension,
    Interval,
    Period,
    SummaryCell,
    periods,
    protect,
    summary_cells,
)
from app.ports.clock import Clock
from app.ports.reports import ReadModelsFactory, ReportScope, StatusCounts
from app.use_cases.frameworks import Frameworks
from app.use_cases.overrides import Overrides

_INSTANT = timedelta(microseconds=1)


@dataclass(frozen=True)
class Summary:
    framework: Framework
    dimensions: tuple[Dimension, ...]
    cells: list[SummaryCell]
    # Cells counting fewer distinct students than this were suppressed.
    min_cell_size: int


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    cells: list[SummaryCell]


@dataclass(frozen=True)
class Trend:
    framework: Framework
    dimensions: tuple[Dimension, ...]
    points: list[TrendPoint]
    # Cells counting fewer distinct students than this were suppressed.
    min_cell_size: int


@dataclass(frozen=True, kw_only=True)
class Reports:
    """Equity summaries and trends of a framework's decisions, small cells suppressed."""

    reads: ReadModelsFactory
    clock: Clock
    frameworks: Frameworks
    overrides: Overrides
    # Report cells with fewer distinct students than this are suppressed.
    min_cell_size: int

    async def _prepare(
        self,
        principal: Principal,
        framework_id: str,
        group_by: Sequence[Dimension],
        given: ReportFilter,
        denominator: Denominator,
    ) -> tuple[Framework, ReportScope]:
        check_grouping(group_by)
        framework = await self.frameworks.get_framework(principal, framework_id)
        competencies = competencies_in_scope(framework, given)
        by_group = await self._group_competencies(principal, framework, competencies, denominator)
        dimensions = tuple(group_by)
        chosen = by_group.dimension if by_group is not None else None
        narrowed_to = {Dimension.GRADE: given.grade, Dimension.CLASS: given.class_id}
        if by_group is not None and chosen is not None and narrowed_to[chosen] is not None:
            # One grade (or class): its competencies are the scope.
            wanted = set(by_group.of(narrowed_to[chosen]))
            competencies = [c for c in competencies if c.id in wanted]
            by_group = None
        elif by_group is not None and chosen not in dimensions:
            # Groups that span grades (classes) are counted by grade (class), then summed
            # (_cells).
            dimensions += (by_group.dimension,)
        # Stored decisions keep the status shown when they were written: overrides that have
        # expired since must stop showing before the database counts them.
        await self.overrides.expire_overrides(principal)
        in_scope = {c.id for c in competencies}  # once, not once per competency
        scope = ReportScope(
            framework_id=framework.id,
            competency_ids=tuple(c.id for c in competencies),
            excluded_competency_ids=tuple(c.id for c in framework.ordered if c.id not in in_scope),
            dimensions=dimensions,
            school_id=given.school_id,
            class_id=given.class_id,
            grade=given.grade,
            subgroups=dict(given.subgroups),
            group_competencies=by_group,
        )
        return framework, scope

    def _cells(
        self,
        scope: ReportScope,
        population: Mapping[tuple[object, ...], int],
        found: StatusCounts,
        asked: Sequence[Dimension],
    ) -> list[SummaryCell]:
        by_group = scope.group_competencies
        of_group = (by_group.dimension, by_group.of) if by_group is not None else None
        cells = summary_cells(scope.dimensions, population, found, scope.competency_ids, of_group)
        published = protect(cells, self.min_cell_size)
        if by_group is None or len(scope.dimensions) == len(asked):
            return published
        return summed_over(published, scope.dimensions.index(by_group.dimension))

    async def _group_competencies(
        self,
        principal: Principal,
        framework: Framework,
        competencies: Sequence[Competency],
        denominator: Denominator,
    ) -> GroupCompetencies | None:
        """What each grade or class counts for under the rule; None: everyone, everything."""
        if denominator is not Denominator.CLASS_ALIGNED:
            return grade_competencies(framework, competencies, denominator)
        objectives = await self.reads(principal.tenant_id).line_item_objectives()
        return class_competencies(framework, competencies, objectives)

    async def mastery_summary(
        self,
        principal: Principal,
        framework_id: str,
        group_by: Sequence[Dimension],
        given: ReportFilter = ReportFilter(),
        *,
        as_of: datetime | None = None,
        known_at: datetime | None = None,
        denominator: Denominator = Denominator.GRADE_LEVEL,
        kind: DecisionKind = DecisionKind.ACADEMIC,
    ) -> Summary:
        """A framework's decisions counted per group: now from the stored decisions; `as_of` an
        instant, given the results observed up to it (as a student's own read is); `known_at`,
        from only what the service had recorded by then (an audit; `as_of` defaults to it).
        `denominator`: which competencies each student counts for (app.domain.denominators).
        `kind`: the academic decisions, or the habits-of-work ones (now only: they keep no
        history)."""
        if kind is DecisionKind.HABITS_OF_WORK and (as_of or known_at):
            raise Invalid(
                "Habits-of-work decisions are counted as they stand now",
                [Problem(("kind",), "habits_of_work takes neither as_of nor known_at")],
            )
        framework, scope = await self._prepare(
            principal, framework_id, group_by, given, denominator
        )
        scope = replace(scope, kind=kind)
        reads = self.reads(principal.tenant_id)
        if as_of is None and known_at is None:
            population, found = await asyncio.gather(
                reads.population(scope), reads.decision_counts(scope)
            )
        else:
            cut = (as_of or known_at or self.clock.now()) + _INSTANT
            population, (found,) = await asyncio.gather(
                reads.population(scope),
                reads.decision_counts_before(scope, [cut], _after(known_at)),
            )
        cells = self._cells(scope, population, found, group_by)
        return Summary(framework, tuple(group_by), cells, self.min_cell_size)

    async def mastery_trend(
        self,
        principal: Principal,
        framework_id: str,
        group_by: Sequence[Dimension],
        start: datetime,
        end: datetime | None,
        interval: Interval,
        given: ReportFilter = ReportFilter(),
        *,
        known_at: datetime | None = None,
        denominator: Denominator = Denominator.GRADE_LEVEL,
    ) -> Trend:
        """The summary at the end of each week or month from `start` to `end` (now if None), as
        `mastery_summary(as_of=...)` counts it, over today's students in scope."""
        spans = periods(start, end or self.clock.now(), interval)
        framework, scope = await self._prepare(
            principal, framework_id, group_by, given, denominator
        )
        reads = self.reads(principal.tenant_id)
        population, counts = await asyncio.gather(
            reads.population(scope),
            reads.decision_counts_before(scope, [p.end for p in spans], _after(known_at)),
        )
        points = [
            TrendPoint(span, self._cells(scope, population, found, group_by))
            for span, found in zip(spans, counts, strict=True)
        ]
        return Trend(framework, tuple(group_by), points, self.min_cell_size)


def _after(moment: datetime | None) -> datetime | None:
    # Recorded at or before `moment` is recorded strictly before the next instant.
    return None if moment is None else moment + _INSTANT
