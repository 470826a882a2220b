"""Frameworks: the competency tree, its scale and calculation policy."""

from __future__ import annotations

import strawberry

from app.api.graphql.types.enums import RecordState
from app.domain import frameworks as d
from app.domain.prerequisites import prerequisites_of, unlocks_of
from app.domain.scales import Level as DomainLevel
from app.domain.scales import Scale as DomainScale


@strawberry.type
class Level:
    value: float
    label: str

    @classmethod
    def of(cls, level: DomainLevel | None) -> Level | None:
        return None if level is None else cls(value=level.value, label=level.label)


@strawberry.type(description="Words and colours for a range of scores (from atLeast up).")
class Band:
    at_least: float
    label: str
    color: str | None
    description: str | None


@strawberry.type
class Scale:
    levels: list[Level]
    mastery_threshold: float
    bands: list[Band] = strawberry.field(
        description="Performance bands, rising; empty: the level names read as bands."
    )

    @classmethod
    def of(cls, s: DomainScale) -> Scale:
        return cls(
            levels=[Level(value=v.value, label=v.label) for v in s.levels],
            mastery_threshold=s.mastery_threshold,
            bands=[
                Band(at_least=b.at_least, label=b.label, color=b.color, description=b.description)
                for b in s.bands
            ],
        )


@strawberry.type(description="A calculation method with its parameters.")
class Calculation:
    method: str = strawberry.field(
        description="Canvas's names: decaying_average is latest·w + mean(earlier)·(1-w), "
        "standard_decaying_average the recursive average."
    )
    weight: float | None
    n: int | None = strawberry.field(description="The last n results (mode: all when null).")
    tie: str | None = strawberry.field(
        description="mode: most_recent, highest or lowest of equally frequent levels."
    )

    @classmethod
    def of(cls, c: d.Calculation) -> Calculation:
        tie = None if c.tie is None else c.tie.value
        return cls(method=c.method.value, weight=c.weight, n=c.n, tie=tie)


@strawberry.type(description="How a parent is decided from its children.")
class Rollup:
    rule: str
    k: int | None
    percent: float | None
    score: str | None = strawberry.field(
        description="How the parent's score follows from its children's (mean, lowest, "
        "weighted, highest); null: the framework's rollupScore."
    )


@strawberry.type
class Competency:
    framework_: strawberry.Private[d.Framework]
    competency: strawberry.Private[d.Competency]
    # Plain fields, set when made: reports and grids label thousands of cells with them.
    id: strawberry.ID
    code: str
    statement: str
    kind: str | None
    status: RecordState
    position: int

    @classmethod
    def of(cls, framework: d.Framework, competency: d.Competency) -> Competency:
        return cls(
            framework_=framework,
            competency=competency,
            id=strawberry.ID(competency.id),
            code=competency.code,
            statement=competency.statement,
            kind=competency.kind,
            status=competency.status,
            position=competency.position,
        )

    @strawberry.field(description="Its own calculation; null when the framework's applies.")
    def calculation(self) -> Calculation | None:
        own = self.competency.calculation
        return Calculation.of(own) if own else None

    @strawberry.field
    def rollup(self) -> Rollup:
        r = self.competency.rollup
        return Rollup(
            rule=r.rule.value, k=r.k, percent=r.percent, score=r.score.value if r.score else None
        )

    @strawberry.field(description="Its weight in its parent's weighted rollup; null counts 1.")
    def weight(self) -> float | None:
        return self.competency.weight

    @strawberry.field(
        description="Its own minimum evidence; null: its nearest ancestor's, else the framework's."
    )
    def min_evidence(self) -> int | None:
        return self.competency.min_evidence

    @strawberry.field(
        description="The policy that decides it: its own calculation and minimum evidence, "
        "else its nearest ancestor's that sets them, else the framework's."
    )
    def effective_calculation(self) -> Calculation:
        return Calculation.of(self.framework_.policy_for(self.competency.id).calculation)

    @strawberry.field(description="The minimum evidence that applies to it (see minEvidence).")
    def effective_min_evidence(self) -> int:
        return self.framework_.policy_for(self.competency.id).min_evidence

    @strawberry.field(
        description="Its own scale (levels, threshold, bands); null: its nearest ancestor's, "
        "else the framework's."
    )
    def scale(self) -> Scale | None:
        own = self.competency.scale
        return Scale.of(own) if own else None

    @strawberry.field(description="Its own mastery threshold on the scale it has; null: that's.")
    def mastery_threshold(self) -> float | None:
        return self.competency.mastery_threshold

    @strawberry.field(
        description="The scale its decisions are made and shown on, with the threshold that "
        "applies (see scale and masteryThreshold)."
    )
    def effective_scale(self) -> Scale:
        return Scale.of(self.framework_.scale_for(self.competency.id))

    @strawberry.field
    def framework(self) -> Framework:
        return Framework.of(self.framework_)

    @strawberry.field
    def parent(self) -> Competency | None:
        parent = self.competency.parent_id
        return None if parent is None else of(self.framework_, parent)

    @strawberry.field(metadata={"cost_size": 10})
    def children(self) -> list[Competency]:
        return [
            Competency.of(self.framework_, c)
            for c in self.framework_.children_of(self.competency.id)
        ]

    @strawberry.field(
        description="The competencies that come before this one (CASE `precedes` edges).",
        metadata={"cost_size": 5},
    )
    def prerequisites(self) -> list[Competency]:
        found = prerequisites_of(self.framework_, self.competency.id)
        return [Competency.of(self.framework_, c) for c in found]

    @strawberry.field(
        description="The competencies this one comes before (it is their prerequisite).",
        metadata={"cost_size": 5},
    )
    def unlocks(self) -> list[Competency]:
        return [
            Competency.of(self.framework_, c)
            for c in unlocks_of(self.framework_, self.competency.id)
        ]


def of(framework: d.Framework, competency_id: str) -> Competency:
    return Competency.of(framework, framework.competency(competency_id))


@strawberry.type(description="A category of evidence and its weight among the categories.")
class EvidenceCategory:
    name: str
    weight: float
    counted: bool
    habits_of_work: bool = strawberry.field(description="Decided apart from academics.")


@strawberry.type
class Framework:
    framework: strawberry.Private[d.Framework]
    id: strawberry.ID
    title: str
    description: str | None
    version: str | None
    status: RecordState
    min_evidence: int
    include_formative: bool
    missing_level: float | None = strawberry.field(
        description="What a missing mark counts as; null: the scale's lowest level."
    )
    uncategorised_category: str | None = strawberry.field(
        description="The category results without one of the framework's count in; null: "
        "they do not count."
    )

    @classmethod
    def of(cls, f: d.Framework) -> Framework:
        return cls(
            framework=f,
            id=strawberry.ID(f.id),
            title=f.title,
            description=f.description,
            version=f.version,
            status=f.status,
            min_evidence=f.min_evidence,
            include_formative=f.include_formative,
            missing_level=f.missing_level,
            uncategorised_category=f.uncategorised_category,
        )

    @strawberry.field(description="The evidence categories the means weigh.")
    def categories(self) -> list[EvidenceCategory]:
        return [
            EvidenceCategory(
                name=c.name, weight=c.weight, counted=c.counted, habits_of_work=c.habits_of_work
            )
            for c in self.framework.categories
        ]

    @strawberry.field
    def scale(self) -> Scale:
        return Scale.of(self.framework.scale)

    @strawberry.field
    def calculation(self) -> Calculation:
        return Calculation.of(self.framework.calculation)

    @strawberry.field(
        description="How parents' scores follow from their children's unless their rollup says: "
        "mean, lowest, weighted or highest."
    )
    def rollup_score(self) -> str:
        return self.framework.rollup_score.value

    @strawberry.field(
        description="Every competency in framework order (depth-first, siblings by position).",
        metadata={"cost_size": 200},
    )
    def competencies(self) -> list[Competency]:
        f = self.framework
        return [Competency.of(f, c) for c in f.ordered]

    @strawberry.field(description="The top of the tree.", metadata={"cost_size": 10})
    def roots(self) -> list[Competency]:
        f = self.framework
        return [Competency.of(f, c) for c in f.children_of(None)]
