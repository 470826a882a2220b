"""The authoring commands a request body makes: REST shapes (mastery_schemas,
simulation_schemas) in, the domain's typed commands out. A field a PATCH leaves out is UNSET;
one it sends as null is None."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from app.api.rest import mastery_schemas as s
from app.api.rest.simulation_schemas import SimulationRequest
from app.domain import framework_commands as c

_T = TypeVar("_T")


def scale(body: s.ScaleSchema) -> c.ScaleSpec:
    levels = tuple(c.LevelSpec(level.value, level.label) for level in body.levels)
    return c.ScaleSpec(levels, body.mastery_threshold)


def calculation(body: s.CalculationSchema) -> c.CalculationSpec:
    return c.CalculationSpec(body.method, body.weight, body.n)


def rollup(body: s.RollupSchema) -> c.RollupSpec:
    return c.RollupSpec(body.rule, body.k, body.percent)


def competency(body: s.CompetencyCreate) -> c.CompetencySpec:
    return c.CompetencySpec(
        code=body.code,
        statement=body.statement,
        id=body.id,
        kind=body.kind,
        status=body.status,
        calculation=None if body.calculation is None else calculation(body.calculation),
        rollup=None if body.rollup is None else rollup(body.rollup),
        children=tuple(competency(child) for child in body.children),
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
        competencies=tuple(competency(child) for child in body.competencies),
    )


def add_competency(body: s.CompetencyAdd) -> c.AddCompetency:
    return c.AddCompetency(competency(body), body.parent_id, body.position)


def _given(body: BaseModel, name: str, value: _T) -> _T | c.Unset:
    """The value of a field the body sent (null included), else UNSET."""
    return value if name in body.model_fields_set else c.UNSET


def update_framework(body: s.FrameworkUpdate) -> c.UpdateFramework:
    return c.UpdateFramework(
        title=_given(body, "title", body.title),
        description=_given(body, "description", body.description),
        version=_given(body, "version", body.version),
        status=_given(body, "status", body.status),
        scale=_given(body, "scale", None if body.scale is None else scale(body.scale)),
        calculation=_given(
            body,
            "calculation",
            None if body.calculation is None else calculation(body.calculation),
        ),
        min_evidence=_given(body, "min_evidence", body.min_evidence),
        include_formative=_given(body, "include_formative", body.include_formative),
    )


def update_competency(body: s.CompetencyUpdate) -> c.UpdateCompetency:
    return c.UpdateCompetency(
        code=_given(body, "code", body.code),
        statement=_given(body, "statement", body.statement),
        kind=_given(body, "kind", body.kind),
        status=_given(body, "status", body.status),
        calculation=_given(
            body,
            "calculation",
            None if body.calculation is None else calculation(body.calculation),
        ),
        rollup=_given(body, "rollup", None if body.rollup is None else rollup(body.rollup)),
        position=_given(body, "position", body.position),
        parent_id=_given(body, "parent_id", body.parent_id),
    )


def candidate_policy(body: SimulationRequest) -> c.CandidatePolicy:
    return c.CandidatePolicy(
        calculation=None if body.calculation is None else calculation(body.calculation),
        mastery_threshold=body.mastery_threshold,
        min_evidence=body.min_evidence,
        include_formative=body.include_formative,
    )
