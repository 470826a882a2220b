"""Decisions as GraphQL shows them: what is shown, the engine's own, the override, the
explanation and the evidence behind it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types.base import get_object_definition
from strawberry.types.private import is_private

from app.api.graphql.context import GraphInfo
from app.api.graphql.limits import page_size
from app.api.graphql.types.enums import MasteryStatus, OverrideState
from app.api.graphql.types.explanation import Computed, Evidence, Explanation
from app.api.graphql.types.frameworks import Competency, Level, of
from app.api.graphql.types.relay import Connection, after_key, connection
from app.domain.errors import Invalid, Problem
from app.domain.frameworks import Calculation, RollupRule
from app.domain.input_bounds import sequence_number
from app.domain.mastery.decision import method_dict
from app.domain.mastery.habits import HabitsDecision
from app.domain.mastery.override import Override as DomainOverride
from app.domain.mastery.override_history import OverrideEntry
from app.domain.mastery.view import DecisionView
from app.domain.scales import Level as DomainLevel

if TYPE_CHECKING:
    from app.api.graphql.types.roster import Student


@strawberry.type(description="How the decision was computed: a method, or a rollup rule.")
class Method:
    name: str
    weight: float | None = None
    n: int | None = None
    rule: str | None = None
    k: int | None = None
    percent: float | None = None
    score: str | None = strawberry.field(
        default=None, description="A rollup's score kind: mean, lowest, weighted or highest."
    )


@strawberry.type
class Override:
    level: Level | None
    status: MasteryStatus | None
    reason: str
    expires_at: datetime | None
    set_at: datetime
    set_by: str

    @classmethod
    def of(cls, o: DomainOverride) -> Override:
        return cls(**_override_fields(o))


def _override_fields(o: DomainOverride) -> dict[str, Any]:
    """An override's own fields, shared by `Override` and `OverrideRecord`."""
    return {
        "level": Level.of(o.level),
        "status": o.status,
        "reason": o.reason,
        "expires_at": o.expires_at,
        "set_at": o.set_at,
        "set_by": o.set_by,
    }


@strawberry.type(
    name="DecisionBand",
    description="A decision's performance band: words (and a colour) for its score.",
)
class BandRead:
    label: str
    color: str | None
    description: str | None


@strawberry.type(description="One override of a decision, past or present.")
class OverrideRecord:
    level: Level | None
    status: MasteryStatus | None
    reason: str
    expires_at: datetime | None
    set_at: datetime
    set_by: str
    state: OverrideState
    cleared_at: datetime | None = strawberry.field(description="When it was removed, if it was.")
    cleared_by: str | None = strawberry.field(
        description="Who removed it (or set the one replacing it)."
    )
    replaced_status: MasteryStatus | None = strawberry.field(
        description="The engine's status when it was set: what the teacher replaced."
    )
    replaced_score: float | None = strawberry.field(
        description="The engine's score when it was set."
    )

    @classmethod
    def of(cls, entry: OverrideEntry) -> OverrideRecord:
        recorded, o = entry.recorded, entry.recorded.override
        return cls(
            **_override_fields(o),
            state=entry.state,
            cleared_at=recorded.cleared_at,
            cleared_by=recorded.cleared_by,
            replaced_status=entry.replaced_status,
            replaced_score=entry.replaced_score,
        )


@lru_cache(maxsize=1024)
def _method(calculation: Calculation | None, rollup: RollupRule | None) -> Method:
    # By the domain's (frozen, hashable) rules: a page's decisions share a handful of methods,
    # and building the method's dict for each was a fifth of making a Mastery.
    return Method(**method_dict(calculation, rollup))  # type: ignore[arg-type]


@lru_cache(maxsize=1024)
def _level(level: DomainLevel | None) -> Level | None:
    # Plain objects, only ever read: one per level of a scale serves every decision.
    return Level.of(level)


@strawberry.type(description="A student's decision on one competency.")
class Mastery:
    view: strawberry.Private[DecisionView]
    as_of: strawberry.Private[datetime | None]
    # Plain fields (a field without a resolver costs a fraction of one with), read from the
    # decision when asked: see `Mastery.of`.
    student_id: strawberry.ID
    competency_id: strawberry.ID
    framework_id: strawberry.ID
    status: MasteryStatus = strawberry.field(
        description="Shown: the override's while one is in force."
    )
    score: float | None
    level: Level | None
    evidence_count: int
    method: Method
    next_score_to_master: float | None
    override: Override | None
    computed: Computed | None = strawberry.field(
        description="The engine's own decision; null unless overridden."
    )
    updated_at: datetime | None

    @classmethod
    def of(cls, view: DecisionView, as_of: datetime | None = None) -> Mastery:
        """The decision as GraphQL shows it. Its plain fields are read from the view when
        asked: a page of 100 students x 200 decisions asks for four of the twelve, and making
        all twelve for each decision was 2 us of its 12 (issue #14)."""
        return _ReadWhenAsked(view, as_of)

    @strawberry.field(
        description="The performance band the shown score reads as (the level's name when the "
        "scale sets none); null without a score."
    )
    def band(self) -> BandRead | None:
        b = self.view.band
        return (
            None if b is None else BandRead(label=b.label, color=b.color, description=b.description)
        )

    @strawberry.field
    async def student(
        self, info: GraphInfo
    ) -> Annotated[Student, strawberry.lazy("app.api.graphql.types.roster")] | None:
        from app.api.graphql.types.roster import Student

        user = await info.context.loaders.users.load(self.view.student_id)
        return Student.of(user) if user is not None else None

    @strawberry.field
    async def competency(self, info: GraphInfo) -> Competency | None:
        framework = await info.context.loaders.frameworks.load(self.view.framework_id)
        if framework is None or self.view.competency_id not in framework:
            return None
        return of(framework, self.view.competency_id)

    @strawberry.field(description="Every result behind the decision, and one sentence.")
    async def explanation(self, info: GraphInfo) -> Explanation | None:
        key = (self.view.student_id, self.view.competency_id, self.as_of)
        found = await info.context.loaders.explanations.load(key)
        return Explanation.of(found) if found is not None else None

    @strawberry.field(
        description="Every override of this decision, past and present, oldest first.",
        metadata={"cost_size": 5},
    )
    async def overrides(self, info: GraphInfo) -> list[OverrideRecord]:
        context = info.context
        entries = await context.use_cases.overrides.list_overrides(
            context.principal, self.view.student_id, self.view.competency_id
        )
        return [OverrideRecord.of(e) for e in entries]

    @strawberry.field(description="Every result (voided too) in arrival order.")
    async def evidence(
        self, info: GraphInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Evidence]:
        size = page_size(first, info.context.limits)
        # A decision's results are few and loaded together: the cursor is an offset.
        start = sequence_number(after_key(after) or "0")
        if start is None:
            raise Invalid("The cursor is not valid", [Problem(("after",), "not a cursor")])
        found = await info.context.loaders.evidence.load(
            (self.view.student_id, self.view.competency_id)
        )
        page = found[start : start + size]

        async def count() -> int:
            return len(found)

        return connection(
            [Evidence.of(e) for e in page],
            [str(start + i + 1) for i in range(len(page))],
            start + size < len(found),
            count,
        )


def _override(m: Mastery) -> Override | None:
    o = m.view.shown.override
    return None if o is None else Override.of(o)


def _computed(m: Mastery) -> Computed | None:
    if m.view.shown.override is None:
        return None
    c = m.view.computed
    return Computed(status=c.status, score=c.score, level=Level.of(c.level))


# What each plain field of a Mastery reads from its decision. The IDs are the domain's strings
# (strawberry.ID is a NewType of str); attrgetter reads a path without a Python call.
_READS: dict[str, Callable[[Mastery], object]] = {
    "student_id": attrgetter("view.student_id"),
    "competency_id": attrgetter("view.competency_id"),
    "framework_id": attrgetter("view.framework_id"),
    "status": attrgetter("view.shown.status"),
    "score": attrgetter("view.shown.score"),
    "level": lambda m: _level(m.view.shown.level),
    "evidence_count": attrgetter("view.shown.evidence_count"),
    "method": lambda m: _method(m.view.computed.calculation, m.view.computed.rollup),
    "next_score_to_master": attrgetter("view.next_score_to_master"),
    "override": _override,
    "computed": _computed,
    "updated_at": attrgetter("view.updated_at"),
}


class _ReadWhenAsked(Mastery):
    """A Mastery whose plain fields are properties over its decision (`_READS`): GraphQL reads
    each with getattr, as it would a stored value."""

    def __init__(self, view: DecisionView, as_of: datetime | None) -> None:
        self.view = view
        self.as_of = as_of


def _read_when_asked() -> None:
    plain = {
        f.python_name
        for f in get_object_definition(Mastery, strict=True).fields
        if f.base_resolver is None and not is_private(f.type)
    }
    if plain != set(_READS):
        # A plain field without a read would be missing from every Mastery: refuse to start.
        raise TypeError(
            f"Mastery's plain fields without a read: {sorted(plain - set(_READS))}; "
            f"reads of no field: {sorted(set(_READS) - plain)}"
        )
    for name, read in _READS.items():
        setattr(_ReadWhenAsked, name, property(read))


_read_when_asked()


@strawberry.type
class MasteryGridRow:
    student: Annotated[Student, strawberry.lazy("app.api.graphql.types.roster")]
    mastery: list[Mastery] = strawberry.field(metadata={"cost_size": 200})
    habits_of_work: list[Computed | None] = strawberry.field(
        default_factory=list,
        description="The habits-of-work decision on each competency, in the order of mastery "
        "(null: no habits-of-work result), decided apart from the academic one; empty when the "
        "framework has no habits-of-work category.",
        metadata={"cost_size": 200},
    )


def habits_cell(decision: HabitsDecision | None) -> Computed | None:
    """A stored habits-of-work decision as a grid cell."""
    if decision is None:
        return None
    c = decision.computed
    return Computed(status=c.status, score=c.score, level=Level.of(c.level))


@strawberry.type(description="Every enrolled student by every active competency.")
class MasteryGrid:
    framework_id: strawberry.ID
    competencies: list[Competency] = strawberry.field(metadata={"cost_size": 200})
    rows: list[MasteryGridRow] = strawberry.field(metadata={"cost_size": 50})
