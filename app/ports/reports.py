"""Read models: set-based reads for reports and GraphQL's batches."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from app.domain.access import TenantId
from app.domain.denominators import GroupCompetencies
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.habits import DecisionKind
from app.domain.reporting import Dimension, Key


@dataclass(frozen=True)
class ReportScope:
    """Whose decisions a report counts: the active students matching the filters (school,
    class, grade, and subgroup values by dimension), on these competencies of one framework,
    grouped by `dimensions` in that order."""

    framework_id: str
    competency_ids: tuple[str, ...]
    dimensions: tuple[Dimension, ...] = ()
    school_id: str | None = None
    class_id: str | None = None
    grade: str | None = None
    subgroups: Mapping[Dimension, str | bool] = field(default_factory=dict)
    # The framework's other competencies (retired, filtered out): a short list to exclude
    # is cheaper for the database than a long one to include.
    excluded_competency_ids: tuple[str, ...] = ()
    # With its dimension (the grade or the class) among the dimensions: the competencies the
    # students of each of its values count for (app.domain.denominators); decisions on others
    # are not counted.
    group_competencies: GroupCompetencies | None = None
    # Academic decisions, or the habits-of-work ones (stored apart, counted apart).
    kind: DecisionKind = DecisionKind.ACADEMIC


StatusCounts = dict[Key, dict[MasteryStatus, int]]


class ReadModels(Protocol):
    """Set-based reads for reports and GraphQL's batches; each call opens its own short-lived
    session, so concurrent resolvers never share one."""

    async def members(self, class_ids: Collection[str], role: str) -> dict[str, list[str]]:
        """The active users enrolled with `role` in each of these active classes, by id."""
        ...

    async def classes_of(self, user_ids: Collection[str], role: str) -> dict[str, list[str]]:
        """The active classes each of these users is enrolled in with `role`, by id."""
        ...

    async def population(self, scope: ReportScope) -> dict[Key, int]:
        """Distinct students per group (keyed by the dimensions other than competency)."""
        ...

    async def decision_counts(self, scope: ReportScope) -> StatusCounts:
        """Stored decisions (their shown status) per group and status."""
        ...

    async def decision_counts_before(
        self, scope: ReportScope, cuts: Sequence[datetime], known_before: datetime | None = None
    ) -> list[StatusCounts]:
        """For each cut, the decisions per group and status as they stood strictly before it in
        the school's time: each decision's last history entry (in the order recorded) whose
        valid time, carried forward over the entries before it, is before the cut. With
        `known_before`, only the entries recorded before that instant (what the service knew
        then)."""
        ...

    async def line_item_objectives(self) -> dict[str, frozenset[str]]:
        """The learning objectives (as named: competency ids or CFItem identifiers) of each
        active class's active gradebook line items, by class id; classes without any are
        left out."""
        ...


ReadModelsFactory = Callable[[TenantId], ReadModels]
# Brings a tenant's read models kept on write (the summary counts) up to date with what it has
# committed: an erasure calls it, so that nothing of the student waits in them for the keeper.
CountsUpkeep = Callable[[TenantId], Awaitable[object]]
"""The read models of one tenant."""
