"""Authoring a framework: a CreateFramework (a nested tree) becomes a flat, validated
Framework, and an AddCompetency a framework with one more subtree.

Every problem is reported at once and located where the author wrote it, for instance
("competencies", 0, "children", 2, "code"); a part that fails is replaced by a valid
placeholder so that the rest can still be checked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from app.domain.errors import Invalid, Location, ProblemList
from app.domain.framework_commands import (
    UNSET,
    AddCompetency,
    CalculationSpec,
    CompetencySpec,
    CreateFramework,
    RollupSpec,
    ScaleSpec,
)
from app.domain.frameworks import (
    DEFAULT_CALCULATION,
    DEFAULT_SCALE,
    Calculation,
    Competency,
    Framework,
    RollupRule,
    RollupScore,
    Status,
)
from app.domain.scales import Band, Level, Scale

_Spec = TypeVar("_Spec")
_Part = TypeVar("_Part")


def scale_of(spec: ScaleSpec) -> Scale:
    """The scale the author gave (raises `Invalid` located in it)."""
    levels = tuple(Level(float(level.value), level.label) for level in spec.levels)
    bands = tuple(Band(float(b.at_least), b.label, b.color, b.description) for b in spec.bands)
    return Scale(levels, float(spec.mastery_threshold), bands)


def calculation_of(spec: CalculationSpec) -> Calculation:
    """The calculation the author gave, its missing parameters defaulted."""
    weight = None if spec.weight is None else float(spec.weight)
    return Calculation(spec.method, weight, spec.n, spec.tie)


def rollup_of(spec: RollupSpec) -> RollupRule:
    """The rollup rule the author gave."""
    percent = None if spec.percent is None else float(spec.percent)
    return RollupRule(spec.rule, spec.k, percent, spec.score)


def part(
    spec: _Spec | None,
    read: Callable[[_Spec], _Part],
    loc: Location,
    problems: ProblemList,
) -> _Part | None:
    """A part read from its spec; None when none was given or it is invalid (its problems
    are then recorded under `loc`)."""
    if spec is None:
        return None
    try:
        return read(spec)
    except Invalid as error:
        problems.extend(error.problems, prefix=loc)
        return None


def build_framework(command: CreateFramework, new_id: Callable[[], str]) -> Framework:
    """A flat, validated Framework from its nested tree.

    Ids the command leaves out come from `new_id`, called in framework order (the framework's
    own id first, unless the command gives it)."""
    problems = ProblemList()
    framework_id = command.id if command.id is not None else new_id()
    scale = part(command.scale, scale_of, ("scale",), problems) or DEFAULT_SCALE
    calculation = part(command.calculation, calculation_of, ("calculation",), problems)
    competencies: list[Competency] = []
    locations: list[Location] = []
    _read_children(
        command.competencies, ("competencies",), None, new_id, problems, competencies, locations
    )
    _check_places(command.competencies, ("competencies",), None, framework_id, problems)
    framework: Framework | None = None
    try:
        framework = Framework(
            id=framework_id,
            title=command.title,
            description=command.description,
            version=command.version,
            status=command.status or Status.ACTIVE,
            scale=scale,
            calculation=calculation or DEFAULT_CALCULATION,
            min_evidence=1 if command.min_evidence is None else command.min_evidence,
            include_formative=command.include_formative,
            categories=command.categories,
            missing_level=command.missing_level,
            uncategorised_category=command.uncategorised_category,
            category_map=command.category_map,
            competencies=tuple(competencies),
            rollup_score=command.rollup_score or RollupScore.MEAN,
        )
    except Invalid as error:
        for p in error.problems:
            # The framework locates a competency by its place in the flat list.
            if p.loc[:1] == ("competencies",) and len(p.loc) > 1 and isinstance(p.loc[1], int):
                problems.add(locations[p.loc[1]] + p.loc[2:], p.msg)
            else:
                problems.add(p.loc, p.msg)
    if problems or framework is None:
        raise Invalid("The framework is invalid", problems.problems)
    return framework


def competency_tree(
    spec: CompetencySpec, *, parent_id: str | None, position: int, new_id: Callable[[], str]
) -> list[Competency]:
    """One competency with its nested children, flattened parent first; problems located.

    The caller adds the result to its framework and validates the whole (ids, rollup k)."""
    problems = ProblemList()
    out: list[Competency] = []
    _read_competency(spec, (), parent_id, position, new_id, problems, out, [])
    problems.raise_if_any("The competency is invalid")
    return out


def add_competency(
    framework: Framework, command: AddCompetency, new_id: Callable[[], str]
) -> tuple[Framework, list[Competency]]:
    """The framework with a new competency (and its nested children) under its parent, or as
    a root; it goes last among its siblings unless the command says where."""
    problems = ProblemList()
    parent = command.parent_id
    if parent is not None and parent not in framework:
        problems.add(("parent_id",), "must be a competency of this framework, or null")
        parent = None
    problems.raise_if_any("The competency is invalid")
    siblings = framework.children_of(parent)
    place = command.position
    if place is None:
        place = max((c.position for c in siblings), default=-1) + 1
    added = competency_tree(command.competency, parent_id=parent, position=place, new_id=new_id)
    return rebuilt(framework, competencies=(*framework.competencies, *added)), added


def rebuilt(framework: Framework, **updates: object) -> Framework:
    """The framework with these fields replaced, validated as a whole."""
    try:
        return replace(framework, **updates)  # type: ignore[arg-type]  # the fields' own types
    except Invalid as error:
        raise Invalid("The change would make the framework invalid", error.problems) from None


def _read_children(
    specs: Sequence[CompetencySpec],
    loc: Location,
    parent_id: str | None,
    new_id: Callable[[], str],
    problems: ProblemList,
    out: list[Competency],
    locations: list[Location],
) -> None:
    for i, spec in enumerate(specs):
        _read_competency(spec, (*loc, i), parent_id, i, new_id, problems, out, locations)


def _read_competency(
    spec: CompetencySpec,
    loc: Location,
    parent_id: str | None,
    position: int,
    new_id: Callable[[], str],
    problems: ProblemList,
    out: list[Competency],
    locations: list[Location],
) -> None:
    competency_id = spec.id if spec.id is not None else new_id()
    position = position if spec.position is None else spec.position
    calculation = part(spec.calculation, calculation_of, (*loc, "calculation"), problems)
    rollup = part(spec.rollup, rollup_of, (*loc, "rollup"), problems) or RollupRule()
    scale = part(spec.scale, scale_of, (*loc, "scale"), problems)
    try:
        out.append(
            Competency(
                id=competency_id,
                code=spec.code,
                statement=spec.statement,
                kind=spec.kind,
                parent_id=parent_id,
                position=position,
                calculation=calculation,
                rollup=rollup,
                weight=spec.weight,
                min_evidence=spec.min_evidence,
                scale=scale,
                mastery_threshold=spec.mastery_threshold,
                status=spec.status or Status.ACTIVE,
            )
        )
        locations.append(loc)
    except Invalid as error:
        problems.extend(error.problems, prefix=loc)
    _read_children(
        spec.children, (*loc, "children"), competency_id, new_id, problems, out, locations
    )


def _check_places(
    specs: Sequence[CompetencySpec],
    loc: Location,
    parent_id: str | None,
    framework_id: str,
    problems: ProblemList,
) -> None:
    """A read sent back names each competency's parent and framework: they must be where it is
    nested (the nesting says where it goes; a disagreeing id is a mistake, not a move)."""
    for i, spec in enumerate(specs):
        at = (*loc, i)
        if spec.parent_id is not UNSET and spec.parent_id != parent_id:
            where = "a root" if parent_id is None else f"nested in {parent_id!r}"
            problems.add((*at, "parent_id"), f"must be {parent_id!r}: the competency is {where}")
        if spec.framework_id is not None and spec.framework_id != framework_id:
            problems.add((*at, "framework_id"), f"must be {framework_id!r}, this framework's id")
        if spec.id is not None:
            _check_places(spec.children, (*at, "children"), spec.id, framework_id, problems)
