"""Decisions as GraphQL shows them: what is shown, the engine's own, the override, the
explanation and the evidence behind it."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from app.api.graphql.context import GraphInfo
from app.api.graphql.limits import page_size
from app.api.graphql.types.frameworks import Competency, Level, of
from app.api.graphql.types.relay import Connection, after_key, connection
from app.domain import evidence as ev
from app.domain.errors import Invalid, Problem
from app.domain.mastery import decision as dec
from app.domain.mastery.explanation import Explanation as DomainExplanation
from app.use_cases.mastery import DecisionView

if TYPE_CHECKING:
    from app.api.graphql.types.roster import Student


@strawberry.enum
class MasteryStatus(Enum):
    NO_EVIDENCE = "no_evidence"
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"
    NOT_YET = "not_yet"
    MASTERED = "mastered"

    @classmethod
    def of(cls, status: dec.MasteryStatus) -> MasteryStatus:
        return cls(status.value)

    def domain(self) -> dec.MasteryStatus:
        return dec.MasteryStatus(self.value)


@strawberry.enum
class EvidenceKind(Enum):
    SUMMATIVE = "summative"
    FORMATIVE = "formative"


@strawberry.type(description="How the decision was computed: a method, or a rollup rule.")
class Method:
    name: str
    weight: float | None = None
    n: int | None = None
    rule: str | None = None
    k: int | None = None
    percent: float | None = None


@strawberry.type
class Override:
    level: Level | None
    status: MasteryStatus | None
    reason: str
    expires_at: datetime | None
    set_at: datetime
    set_by: str


@strawberry.type(description="The engine's own decision, shown beside an override.")
class Computed:
    status: MasteryStatus
    score: float | None
    level: Level | None


@strawberry.type
class Evidence:
    id: strawberry.ID
    score: float
    max_score: float | None
    observed_at: datetime
    source: str
    source_id: str
    kind: EvidenceKind
    comment: str | None
    voided_at: datetime | None

    @classmethod
    def of(cls, e: ev.Evidence) -> Evidence:
        return cls(
            id=strawberry.ID(e.id),
            score=e.score,
            max_score=e.max_score,
            observed_at=e.observed_at,
            source=e.source,
            source_id=e.source_id,
            kind=EvidenceKind(e.kind.value),
            comment=e.comment,
            voided_at=e.voided_at,
        )


@strawberry.type
class ExplanationLine:
    evidence_id: strawberry.ID
    score: float
    max_score: float | None
    normalized_score: float
    observed_at: datetime
    kind: EvidenceKind
    counted: bool
    not_counted_because: str | None
    weight: float | None


@strawberry.type
class ExplanationChild:
    competency_id: strawberry.ID
    code: str
    status: MasteryStatus
    score: float | None


@strawberry.type
class Explanation:
    summary: str
    evidence: list[ExplanationLine] = strawberry.field(metadata={"cost_size": 20})
    children: list[ExplanationChild] = strawberry.field(metadata={"cost_size": 10})

    @classmethod
    def of(cls, x: DomainExplanation) -> Explanation:
        return cls(
            summary=x.summary,
            evidence=[
                ExplanationLine(
                    evidence_id=strawberry.ID(line.id),
                    score=line.score,
                    max_score=line.max_score,
                    normalized_score=line.normalized_score,
                    observed_at=line.observed_at,
                    kind=EvidenceKind(line.kind.value),
                    counted=line.counted,
                    not_counted_because=line.not_counted_because.value
                    if line.not_counted_because
                    else None,
                    weight=line.weight,
                )
                for line in x.evidence
            ],
            children=[
                ExplanationChild(
                    competency_id=strawberry.ID(child.competency_id),
                    code=child.code,
                    status=MasteryStatus.of(child.status),
                    score=child.score,
                )
                for child in x.children
            ],
        )


@strawberry.type(description="A student's decision on one competency.")
class Mastery:
    view: strawberry.Private[DecisionView]
    as_of: strawberry.Private[datetime | None]

    @strawberry.field
    def student_id(self) -> strawberry.ID:
        return strawberry.ID(self.view.student_id)

    @strawberry.field
    def competency_id(self) -> strawberry.ID:
        return strawberry.ID(self.view.competency_id)

    @strawberry.field
    def framework_id(self) -> strawberry.ID:
        return strawberry.ID(self.view.framework_id)

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

    @strawberry.field(description="Shown: the override's while one is in force.")
    def status(self) -> MasteryStatus:
        return MasteryStatus.of(self.view.shown.status)

    @strawberry.field
    def score(self) -> float | None:
        return self.view.shown.score

    @strawberry.field
    def level(self) -> Level | None:
        return Level.of(self.view.shown.level)

    @strawberry.field
    def evidence_count(self) -> int:
        return self.view.shown.evidence_count

    @strawberry.field
    def method(self) -> Method:
        return Method(**self.view.computed.method_dict())  # type: ignore[arg-type]

    @strawberry.field
    def next_score_to_master(self) -> float | None:
        return self.view.next_score_to_master

    @strawberry.field
    def override(self) -> Override | None:
        o = self.view.shown.override
        if o is None:
            return None
        return Override(
            level=Level.of(o.level),
            status=MasteryStatus.of(o.status) if o.status else None,
            reason=o.reason,
            expires_at=o.expires_at,
            set_at=o.set_at,
            set_by=o.set_by,
        )

    @strawberry.field(description="The engine's own decision; null unless overridden.")
    def computed(self) -> Computed | None:
        if self.view.shown.override is None:
            return None
        c = self.view.computed
        return Computed(status=MasteryStatus.of(c.status), score=c.score, level=Level.of(c.level))

    @strawberry.field
    def updated_at(self) -> datetime | None:
        return self.view.updated_at

    @strawberry.field(description="Every result behind the decision, and one sentence.")
    async def explanation(self, info: GraphInfo) -> Explanation | None:
        key = (self.view.student_id, self.view.competency_id, self.as_of)
        found = await info.context.loaders.explanations.load(key)
        return Explanation.of(found) if found is not None else None

    @strawberry.field(description="Every result (voided too) in arrival order.")
    async def evidence(
        self, info: GraphInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Evidence]:
        size = page_size(first, info.context.limits)
        # A decision's results are few and loaded together: the cursor is an offset.
        offset = after_key(after) or "0"
        if not offset.isdigit():
            raise Invalid("The cursor is not valid", [Problem(("after",), "not a cursor")])
        start = int(offset)
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


@strawberry.type
class MasteryGridRow:
    student: Annotated[Student, strawberry.lazy("app.api.graphql.types.roster")]
    mastery: list[Mastery] = strawberry.field(metadata={"cost_size": 200})


@strawberry.type(description="Every enrolled student by every active competency.")
class MasteryGrid:
    framework_id: strawberry.ID
    competencies: list[Competency] = strawberry.field(metadata={"cost_size": 200})
    rows: list[MasteryGridRow] = strawberry.field(metadata={"cost_size": 50})
