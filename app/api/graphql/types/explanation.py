"""What lies behind a decision as GraphQL shows it: the engine's own decision, every result,
and the explanation that counts them."""

from __future__ import annotations

from datetime import datetime

import strawberry

from app.api.graphql.types.enums import EvidenceKind, EvidenceMark, MasteryStatus
from app.api.graphql.types.frameworks import Level
from app.domain import evidence as ev
from app.domain.mastery.explanation import Explanation as DomainExplanation


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
    category: str | None = strawberry.field(description="One of the framework's categories.")
    weight: float | None = strawberry.field(
        description="Its weight within its category (null: 1), for the means."
    )
    mark: EvidenceMark | None

    @classmethod
    def of(cls, e: ev.Evidence) -> Evidence:
        return cls(
            id=strawberry.ID(e.id),
            score=e.score,
            max_score=e.max_score,
            observed_at=e.observed_at,
            source=e.source,
            source_id=e.source_id,
            kind=e.kind,
            comment=e.comment,
            voided_at=e.voided_at,
            category=e.category,
            weight=e.weight,
            mark=e.mark,
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
    weight: float | None = strawberry.field(
        description="Its share of the score (category weight share x its own weight); null "
        "when the score is not a weighted sum."
    )
    category: str | None
    mark: EvidenceMark | None
    crosswalk: str | None = strawberry.field(
        default=None,
        description="For a result counted from another framework's exact match (exactMatchOf): "
        "where it comes from.",
    )


@strawberry.type
class ExplanationChild:
    competency_id: strawberry.ID
    code: str
    status: MasteryStatus
    score: float | None
    overridden: bool = strawberry.field(
        description="Whether the parent counted a teacher's override here."
    )


@strawberry.type
class Explanation:
    summary: str
    evidence: list[ExplanationLine] = strawberry.field(metadata={"cost_size": 20})
    children: list[ExplanationChild] = strawberry.field(metadata={"cost_size": 10})
    habits_of_work: Computed | None = strawberry.field(
        description="The habits-of-work decision, made apart from the academic one; null "
        "without a habits-of-work category."
    )

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
                    kind=line.kind,
                    counted=line.counted,
                    not_counted_because=line.not_counted_because.value
                    if line.not_counted_because
                    else None,
                    weight=line.weight,
                    category=line.category,
                    mark=line.mark,
                    crosswalk=line.crosswalk,
                )
                for line in x.evidence
            ],
            children=[
                ExplanationChild(
                    competency_id=strawberry.ID(child.competency_id),
                    code=child.code,
                    status=child.status,
                    score=child.score,
                    overridden=child.override is not None,
                )
                for child in x.children
            ],
            habits_of_work=None
            if (h := x.habits_of_work) is None
            else Computed(status=h.status, score=h.score, level=Level.of(h.level)),
        )
