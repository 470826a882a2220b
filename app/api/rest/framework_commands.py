"""The authoring commands a request body makes: REST shapes (framework_schemas) in, the
domain's typed commands out."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from app.api.rest import framework_schemas as s
from app.domain import framework_commands as c
from app.domain.categories import EvidenceCategory

_T = TypeVar("_T")


def scale(body: s.ScaleSchema) -> c.ScaleSpec:
    levels = tuple(c.LevelSpec(level.value, level.label) for level in body.levels)
    bands = tuple(c.BandSpec(b.at_least, b.label, b.color, b.description) for b in body.bands or ())
    return c.ScaleSpec(levels, body.mastery_threshold, bands)


def calculation(body: s.CalculationSchema) -> c.CalculationSpec:
    return c.CalculationSpec(body.method, body.weight, body.n, body.tie)


def rollup(body: s.RollupSchema) -> c.RollupSpec:
    return c.RollupSpec(body.rule, body.k, body.percent, body.score)


def competency(body: s.CompetencyCreate) -> c.CompetencySpec:
    return c.CompetencySpec(
        code=body.code,
        statement=body.statement,
        id=body.id,
        kind=body.kind,
        status=body.status,
        calculation=None if body.calculation is None else calculation(body.calculation),
        rollup=None if body.rollup is None else rollup(body.rollup),
        weight=body.weight,
        min_evidence=body.min_evidence,
        scale=None if body.scale is None else scale(body.scale),
        mastery_threshold=body.mastery_threshold,
        children=tuple(competency(child) for child in body.children),
        position=body.position,
        parent_id=_given(body, "parent_id", body.parent_id),
        framework_id=body.framework_id,
    )


def create_framework(body: s.FrameworkCreate) -> c.CreateFramework:
    return c.CreateFramework(
        title=body.title,
        id=body.id,
        description=body.description,
        version=body.version,
        status=body.status,
        scale=None if body.scale is None else scale(body.scale),
        calculation=None if body.calculation is None else calculation(body.calculation),
        min_evidence=body.min_evidence,
        include_formative=body.include_formative,
        categories=tuple(
            EvidenceCategory(c.name, c.weight, c.counted, c.habits_of_work) for c in body.categories
        ),
        missing_level=body.missing_level,
        uncategorised_category=body.uncategorised_category,
        category_map=tuple(body.category_map.items()),
        competencies=tuple(competency(child) for child in body.competencies),
        rollup_score=body.rollup_score,
    )


def add_competency(body: s.CompetencyAdd) -> c.AddCompetency:
    return c.AddCompetency(competency(body), body.parent_id, body.position)


def _given(body: BaseModel, name: str, value: _T) -> _T | c.Unset:
    """The value of a field the body sent (null included), else UNSET."""
    return value if name in body.model_fields_set else c.UNSET


def update_competency(body: s.CompetencyCreate) -> c.UpdateCompetency:
    """A competency's every field as the body states it (a merge patch applied to its read);
    a rollup left out is the default one, a calculation left out the framework's."""
    return c.UpdateCompetency(
        code=body.code,
        statement=body.statement,
        kind=body.kind,
        status=body.status,
        calculation=None if body.calculation is None else calculation(body.calculation),
        rollup=c.RollupSpec() if body.rollup is None else rollup(body.rollup),
        weight=body.weight,
        min_evidence=body.min_evidence,
        scale=None if body.scale is None else scale(body.scale),
        mastery_threshold=body.mastery_threshold,
        position=body.position,
        parent_id=body.parent_id,
    )
