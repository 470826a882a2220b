"""REST shapes of frameworks and competencies (snake_case JSON): one shape per resource.

What GET answers can be sent back as it is: POST and PUT take the read (its derived fields,
`competency_count`, `framework_id`, `parent_id`, `position`, are accepted and checked against
the nesting), PATCH takes any part of it as a JSON Merge Patch, and simulate takes the same
patch as a candidate policy. A calculation names its method `method` everywhere (REST,
GraphQL, the audit trail); `name`, which reads gave before, is still read as `method`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.api.bounded import PositiveCount, StoredInt
from app.api.rest.framework_descriptions import (
    BANDS,
    CATEGORIES,
    CATEGORY_MAP,
    METHOD_DESCRIPTION,
    MIN_EVIDENCE,
    MISSING_LEVEL,
    SCALE,
    THRESHOLD,
    UNCATEGORISED,
    WEIGHT,
)
from app.domain.frameworks import (
    Calculation,
    CalculationMethod,
    Competency,
    Framework,
    ModeTie,
    RollupKind,
    RollupScore,
    Status,
)
from app.domain.jobs import JobStatus


class RequestModel(BaseModel):
    """A request body: a field it does not know is refused, not ignored."""

    model_config = ConfigDict(extra="forbid")


class LevelSchema(BaseModel):
    value: float
    label: str


class BandSchema(RequestModel):
    at_least: float = Field(description="Scores at or above this (up to the next band)")
    label: str = Field(examples=["Well Below Mastery"])
    color: str | None = Field(default=None, examples=["#d73027"], description="#rrggbb")
    description: str | None = None


class ScaleSchema(RequestModel):
    levels: list[LevelSchema] = Field(min_length=1)
    mastery_threshold: float
    bands: list[BandSchema] | None = Field(default=None, description=BANDS)


def _method_named(data: Any) -> Any:
    """`name` (the key reads gave before) read as `method`; both, when they differ, refused."""
    if isinstance(data, dict) and "name" in data:
        data = dict(data)
        name = data.pop("name")
        if data.setdefault("method", name) != name:
            raise ValueError("`name` is the old spelling of `method`: send one of them")
    return data


class CalculationSchema(RequestModel):
    method: CalculationMethod = Field(description=METHOD_DESCRIPTION)
    weight: float | None = Field(
        default=None,
        description="decaying averages: w in (0, 1); Canvas's calculation_int 65 is 0.65",
    )
    n: StoredInt | None = Field(
        default=None,
        description="n_mastery, most_recent_average (default 3); mode: the last n results "
        "(all when left out)",
    )
    tie: ModeTie | None = Field(
        default=None, description="mode: which of equally frequent levels (default most_recent)"
    )

    _named = model_validator(mode="before")(_method_named)


class RollupSchema(RequestModel):
    rule: RollupKind = RollupKind.ALL
    k: StoredInt | None = Field(default=None, description="at_least: how many children")
    percent: float | None = Field(default=None, description="percent: share of children")
    score: RollupScore | None = Field(
        default=None,
        description="How the parent's score follows from its children's: mean, lowest, "
        "weighted (by each child's weight) or highest; null: the framework's rollup_score",
    )


class CompetencyCreate(RequestModel):
    id: str | None = Field(default=None, max_length=255, description="Yours (e.g. a CASE GUID)")
    code: str
    statement: str
    kind: str | None = Field(default=None, examples=["standard"])
    status: Status | None = None
    calculation: CalculationSchema | None = None
    rollup: RollupSchema | None = None
    weight: float | None = Field(default=None, gt=0, description=WEIGHT)
    min_evidence: PositiveCount | None = Field(default=None, description=MIN_EVIDENCE)
    scale: ScaleSchema | None = Field(default=None, description=SCALE)
    mastery_threshold: float | None = Field(default=None, description=THRESHOLD)
    children: list[CompetencyCreate] = []
    position: StoredInt | None = Field(
        default=None, description="Order among its siblings; its index in the list if left out"
    )
    parent_id: str | None = Field(
        default=None, description="As read; must name the competency it is nested in"
    )
    framework_id: str | None = Field(default=None, description="As read; must be this framework")


class CompetencyAdd(CompetencyCreate):
    parent_id: str | None = Field(default=None, description="null adds a root competency")
    position: StoredInt | None = Field(
        default=None, description="Place among siblings; last if null"
    )


class CategorySchema(RequestModel):
    """One category of evidence (formative, practice, summative, work habits, ...)."""

    name: str = Field(min_length=1, max_length=255)
    weight: float = Field(
        description="Its weight among the categories with evidence (renormalised over them); "
        "above 0 when counted"
    )
    counted: bool = Field(default=True, description="false: listed, never deciding")
    habits_of_work: bool = Field(
        default=False,
        description="Decided apart from academics: its results count only in the habits-of-"
        "work decision, the others only in the academic one",
    )


class FrameworkCreate(RequestModel):
    """A whole framework: what POST creates and PUT replaces, and what GET answers."""

    id: str | None = Field(default=None, max_length=255)
    title: str
    description: str | None = None
    version: str | None = None
    status: Status | None = None
    scale: ScaleSchema | None = None
    calculation: CalculationSchema | None = None
    min_evidence: PositiveCount | None = None
    include_formative: bool = False
    rollup_score: RollupScore | None = Field(
        default=None, description="How parents' scores roll up unless their rule says; mean"
    )
    categories: list[CategorySchema] = Field(default=[], description=CATEGORIES)
    missing_level: float | None = Field(default=None, description=MISSING_LEVEL)
    uncategorised_category: str | None = Field(
        default=None, max_length=255, description=UNCATEGORISED
    )
    category_map: dict[str, str] = Field(default={}, description=CATEGORY_MAP)
    competencies: list[CompetencyCreate] = []
    competency_count: int | None = Field(default=None, description="As read; not read back")
    recompute_job: dict[str, Any] | None = Field(
        default=None, description="As a change answers it; not read back"
    )


class ScalePatch(RequestModel):
    levels: list[LevelSchema] | None = Field(default=None, min_length=1)
    mastery_threshold: float | None = None
    bands: list[BandSchema] | None = Field(default=None, description=BANDS)


class CalculationPatch(RequestModel):
    method: CalculationMethod | None = Field(
        default=None,
        description="Another method starts from its own parameters. " + METHOD_DESCRIPTION,
    )
    weight: float | None = None
    n: StoredInt | None = None
    tie: ModeTie | None = None

    _named = model_validator(mode="before")(_method_named)


class RollupPatch(RequestModel):
    rule: RollupKind | None = Field(
        default=None, description="Another rule starts from its own parameters"
    )
    k: StoredInt | None = None
    percent: float | None = None
    score: RollupScore | None = None


class FrameworkPatch(RequestModel):
    """Any part of a framework as GET answers it, as a JSON Merge Patch (RFC 7396): a member
    left out stays, null removes it (its default applies), an object merges into the one it
    names, an array (`competencies`, `levels`) replaces the whole."""

    id: str | None = None
    title: str | None = None
    description: str | None = None
    version: str | None = None
    status: Status | None = None
    scale: ScalePatch | None = None
    calculation: CalculationPatch | None = None
    min_evidence: PositiveCount | None = None
    include_formative: bool | None = None
    rollup_score: RollupScore | None = None
    categories: list[CategorySchema] | None = None
    missing_level: float | None = None
    uncategorised_category: str | None = Field(default=None, max_length=255)
    category_map: dict[str, str | None] | None = None
    competencies: list[CompetencyCreate] | None = None
    competency_count: int | None = None
    recompute_job: dict[str, Any] | None = None


class SimulationRequest(FrameworkPatch):
    """The candidate: the framework as GET answers it, or any part of it as a merge patch.
    Only its policy (scale, calculation, min_evidence, include_formative) may differ."""

    mastery_threshold: float | None = Field(
        default=None,
        deprecated=True,
        description="The old spelling of scale.mastery_threshold, still read",
    )


class CompetencyPatch(RequestModel):
    """Any part of a competency as GET answers it, as a JSON Merge Patch: `parent_id` and
    `position` move it; `calculation: null` gives it the framework's again."""

    id: str | None = None
    framework_id: str | None = None
    code: str | None = None
    statement: str | None = None
    kind: str | None = None
    status: Status | None = None
    calculation: CalculationPatch | None = Field(
        default=None, description="null: the framework's calculation applies"
    )
    rollup: RollupPatch | None = None
    weight: float | None = Field(default=None, gt=0, description=WEIGHT)
    min_evidence: PositiveCount | None = Field(default=None, description=MIN_EVIDENCE)
    scale: ScalePatch | None = Field(default=None, description=SCALE)
    mastery_threshold: float | None = Field(default=None, description=THRESHOLD)
    position: StoredInt | None = None
    parent_id: str | None = None
    children: list[dict[str, Any]] | None = Field(
        default=None, description="As read; changed through each child's own PATCH"
    )


def calculation_json(calculation: Calculation) -> dict[str, Any]:
    """{"method", "weight"?, "n"?, "tie"?}: the parameters the method takes, defaults filled
    in (a decision's method JSON, with `method` for `name`)."""
    params = {k: v for k, v in calculation.as_dict().items() if k != "name"}
    return {"method": calculation.method.value, **params}


class CompetencyRead(BaseModel):
    id: str
    framework_id: str
    code: str
    statement: str
    kind: str | None
    parent_id: str | None
    position: int
    status: Status
    calculation: dict[str, Any] | None = Field(
        description='Own calculation, if any: {"method", "weight"?, "n"?}'
    )
    rollup: dict[str, Any] = Field(description='{"rule", "k"?, "percent"?, "score"?}')
    weight: float | None = Field(description=WEIGHT)
    min_evidence: int | None = Field(description=MIN_EVIDENCE)
    scale: dict[str, Any] | None = Field(description=SCALE)
    mastery_threshold: float | None = Field(description=THRESHOLD)
    children: list[CompetencyRead] = []

    @classmethod
    def tree(
        cls, framework: Framework, competency: Competency, *, deep: bool = True
    ) -> CompetencyRead:
        own = competency.calculation
        return cls(
            id=competency.id,
            framework_id=framework.id,
            code=competency.code,
            statement=competency.statement,
            kind=competency.kind,
            parent_id=competency.parent_id,
            position=competency.position,
            status=competency.status,
            calculation=calculation_json(own) if own else None,
            rollup=competency.rollup.as_dict(),
            weight=competency.weight,
            min_evidence=competency.min_evidence,
            scale=None if competency.scale is None else competency.scale.as_dict(),
            mastery_threshold=competency.mastery_threshold,
            children=[cls.tree(framework, c) for c in framework.children_of(competency.id)]
            if deep
            else [],
        )


class FrameworkSummary(BaseModel):
    id: str
    title: str
    description: str | None
    version: str | None
    status: Status
    scale: dict[str, Any]
    calculation: dict[str, Any] = Field(description='{"method", "weight"?, "n"?}')
    min_evidence: int
    include_formative: bool
    rollup_score: RollupScore
    categories: list[CategorySchema] = Field(description=CATEGORIES)
    missing_level: float | None = Field(description=MISSING_LEVEL)
    uncategorised_category: str | None = Field(description=UNCATEGORISED)
    category_map: dict[str, str] = Field(description=CATEGORY_MAP)
    competency_count: int

    @classmethod
    def of(cls, f: Framework) -> dict[str, Any]:
        return {
            "id": f.id,
            "title": f.title,
            "description": f.description,
            "version": f.version,
            "status": f.status,
            "scale": f.scale.as_dict(),
            "calculation": calculation_json(f.calculation),
            "min_evidence": f.min_evidence,
            "include_formative": f.include_formative,
            "rollup_score": f.rollup_score,
            "categories": [c.as_dict() for c in f.categories],
            "missing_level": f.missing_level,
            "uncategorised_category": f.uncategorised_category,
            "category_map": dict(f.category_map),
            "competency_count": len(f.competencies),
        }


class FrameworkRead(FrameworkSummary):
    competencies: list[CompetencyRead]

    @classmethod
    def of_tree(cls, f: Framework) -> FrameworkRead:
        return cls(
            **FrameworkSummary.of(f),
            competencies=[CompetencyRead.tree(f, c) for c in f.children_of(None)],
        )


class JobLink(BaseModel):
    id: str
    status: JobStatus
    href: str


class FrameworkUpdated(FrameworkRead):
    recompute_job: JobLink | None = Field(
        default=None, description="Set (with 202) when decisions are recomputed in the background"
    )
