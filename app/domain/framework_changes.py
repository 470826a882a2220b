"""Changing a framework: some of its fields, or one competency's, or its policy as a candidate.

Every change returns a new, fully validated Framework; the caller compares old and new to know
whether stored decisions must be recomputed (`changes_decisions`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from app.domain.errors import Invalid, ProblemList
from app.domain.framework_authoring import (
    build_framework,
    calculation_of,
    part,
    rebuilt,
    rollup_of,
    scale_of,
)
from app.domain.framework_commands import (
    UNSET,
    CandidatePolicy,
    CompetencyScaleCandidate,
    CreateFramework,
    UpdateCompetency,
    UpdateFramework,
)
from app.domain.frameworks import Competency, Framework, RollupRule


def _not_null(updates: Mapping[str, object], keys: tuple[str, ...], problems: ProblemList) -> None:
    """Fields that can be changed but never removed."""
    for key in keys:
        if key in updates and updates[key] is None:
            problems.add((key,), "must not be null")


def _required(updates: dict[str, object], key: str, value: object, problems: ProblemList) -> None:
    """A text that may be changed but not emptied."""
    if value is UNSET:
        return
    if value is None:
        problems.add((key,), "is required")
    updates[key] = value


def update_framework(framework: Framework, command: UpdateFramework) -> Framework:
    """The framework with some of its fields changed (title, status, scale, policy, ...)."""
    problems = ProblemList()
    updates: dict[str, object] = {}
    _required(updates, "title", command.title, problems)
    for key in ("description", "version", "status", "min_evidence", "rollup_score"):
        if (value := getattr(command, key)) is not UNSET:
            updates[key] = value
    if command.scale is not UNSET:
        updates["scale"] = part(command.scale, scale_of, ("scale",), problems)
    if command.calculation is not UNSET:
        updates["calculation"] = part(
            command.calculation, calculation_of, ("calculation",), problems
        )
    if command.include_formative is not UNSET:
        if command.include_formative is None:
            problems.add(("include_formative",), "must be true or false")
        updates["include_formative"] = command.include_formative
    _not_null(updates, ("scale", "calculation", "min_evidence", "status", "rollup_score"), problems)
    problems.raise_if_any("The change is invalid")
    return rebuilt(framework, **updates)


def update_competency(
    framework: Framework, competency_id: str, command: UpdateCompetency
) -> Framework:
    """The framework with one competency changed (statement, policy, place in the tree, ...)."""
    competency = framework.competency(competency_id)
    problems = ProblemList()
    updates: dict[str, object] = {}
    _required(updates, "code", command.code, problems)
    _required(updates, "statement", command.statement, problems)
    # A null weight is 1 again; a null minimum evidence, scale or threshold the nearest
    # ancestor's or the framework's.
    for key in ("kind", "status", "weight", "min_evidence", "mastery_threshold"):
        if (value := getattr(command, key)) is not UNSET:
            updates[key] = value
    if command.scale is not UNSET:
        updates["scale"] = part(command.scale, scale_of, ("scale",), problems)
    if command.calculation is not UNSET:  # null clears it: the framework's applies again
        updates["calculation"] = part(
            command.calculation, calculation_of, ("calculation",), problems
        )
    if command.rollup is not UNSET:
        updates["rollup"] = part(command.rollup, rollup_of, ("rollup",), problems)
    if command.position is not UNSET:
        updates["position"] = command.position
    if command.parent_id is not UNSET:
        parent = command.parent_id
        if parent is not None and parent not in framework:
            problems.add(("parent_id",), "must be a competency of the same framework, or null")
        updates["parent_id"] = parent
    _not_null(updates, ("code", "statement", "status", "rollup", "position"), problems)
    problems.raise_if_any("The change is invalid")
    try:
        changed = replace(competency, **updates)  # type: ignore[arg-type]  # the fields' types
    except Invalid as error:
        raise Invalid("The change is invalid", error.problems) from None
    competencies = tuple(changed if c.id == competency_id else c for c in framework.competencies)
    return rebuilt(framework, competencies=competencies)


def changes_decisions(old: Framework, new: Framework) -> bool:
    """Whether stored decisions may differ under `new` (policy, tree or rollups changed)."""
    if (
        old.scale,
        old.calculation,
        old.min_evidence,
        old.include_formative,
        old.rollup_score,
        old.categories,
        old.missing_level,
        old.uncategorised_category,
    ) != (
        new.scale,
        new.calculation,
        new.min_evidence,
        new.include_formative,
        new.rollup_score,
        new.categories,
        new.missing_level,
        new.uncategorised_category,
    ):
        return True

    def shape(f: Framework) -> dict[str, tuple[object, ...]]:
        return {
            c.id: (
                c.parent_id,
                c.calculation,
                c.rollup,
                c.status,
                c.weight,
                c.min_evidence,
                c.scale,
                c.mastery_threshold,
            )
            for c in f.competencies
        }

    return shape(old) != shape(new)


def candidate_policy(framework: Framework, command: CandidatePolicy) -> Framework:
    """The framework under a candidate policy (what a simulation compares against)."""
    problems = ProblemList()
    calculation = part(command.calculation, calculation_of, ("calculation",), problems)
    scaled = _competency_scales(framework, command.competencies, problems)
    threshold = command.mastery_threshold
    candidate = None
    try:
        candidate = framework.with_policy(
            calculation=calculation,
            mastery_threshold=None if threshold is None else float(threshold),
            min_evidence=command.min_evidence,
            include_formative=command.include_formative,
        )
        candidate = replace(
            candidate,
            competencies=tuple(scaled.get(c.id, c) for c in candidate.competencies),
        )
    except Invalid as error:
        # The framework locates a competency by its flat index; the author, by the list sent.
        sent = {i: j for j, c in enumerate(command.competencies) for i in _flat(framework, c)}
        for p in error.problems:
            at = p.loc[1] if p.loc[:1] == ("competencies",) and len(p.loc) > 1 else None
            if isinstance(at, int) and at in sent:
                problems.add(("competencies", sent[at], *p.loc[2:]), p.msg)
            else:
                problems.add(p.loc, p.msg)
    if problems or candidate is None:
        raise Invalid("The candidate policy is invalid", problems.problems)
    return candidate


def _competency_scales(
    framework: Framework,
    candidates: Sequence[CompetencyScaleCandidate],
    problems: ProblemList,
) -> dict[str, Competency]:
    """The competencies with the scale and threshold a candidate states for them."""
    out: dict[str, Competency] = {}
    for i, candidate in enumerate(candidates):
        if candidate.competency_id not in framework:
            problems.add(("competencies", i, "competency_id"), "is not in this framework")
            continue
        scale = part(candidate.scale, scale_of, ("competencies", i, "scale"), problems)
        threshold = candidate.mastery_threshold
        try:
            out[candidate.competency_id] = replace(
                framework.competency(candidate.competency_id),
                scale=scale,
                mastery_threshold=None if threshold is None else float(threshold),
            )
        except Invalid as error:
            problems.extend(error.problems, prefix=("competencies", i))
    return out


def _flat(framework: Framework, candidate: CompetencyScaleCandidate) -> list[int]:
    return [i for i, c in enumerate(framework.competencies) if c.id == candidate.competency_id]


def replace_framework(
    framework: Framework, command: CreateFramework, new_id: Callable[[], str]
) -> Framework:
    """The framework as `command` states it whole (PUT, or a merge patch applied): its fields
    and tree replaced. Competencies are matched by id; one left out is refused, since the
    decisions and evidence of a competency outlive it (it is retired, not removed). What the
    REST shape does not carry (CASE fields, associations) is kept."""
    problems = ProblemList()
    if command.id is not None and command.id != framework.id:
        problems.add(("id",), f"must be {framework.id!r}: a framework's id does not change")
    built: Framework | None = None
    try:
        built = build_framework(replace(command, id=framework.id), new_id)
    except Invalid as error:
        problems.extend(error.problems)
    if built is not None:
        for competency in framework.ordered:
            if competency.id not in built:
                problems.add(
                    ("competencies",),
                    f"leaves out competency {competency.id!r}: retire it (status retired) "
                    "rather than remove it",
                )
    problems.raise_if_any("The framework is invalid")
    assert built is not None
    competencies = tuple(
        replace(c, case=framework.competency(c.id).case) if c.id in framework else c
        for c in built.competencies
    )
    return rebuilt(
        built,
        competencies=competencies,
        case=framework.case,
        associations=framework.associations,
        updated_at=framework.updated_at,
    )


def policy_candidate(current: Framework, candidate: Framework) -> Framework:
    """`candidate` when it differs from `current` in policy only (scale, calculation, minimum
    evidence, formative results, rollups; the framework's or a competency's own): what a
    simulation compares. A change of the tree or of descriptive fields is refused, located
    where it is, rather than ignored."""
    problems = ProblemList()
    for name in ("title", "description", "version", "status"):
        if getattr(candidate, name) != getattr(current, name):
            problems.add((name,), "a simulation compares policies only: change it with PATCH")
    now = {c.id: _without_policy(c) for c in current.competencies}
    then = {c.id: _without_policy(c) for c in candidate.competencies}
    if now != then:
        problems.add(
            ("competencies",), "a simulation compares policies only: change them with PATCH"
        )
    problems.raise_if_any("The candidate policy is invalid")
    return candidate


def _without_policy(competency: Competency) -> Competency:
    """The competency with its policy (calculation, minimum evidence, rollup, weight, scale,
    threshold) at the defaults: what is left is its place and wording, which a simulation may
    not change."""
    return replace(
        competency,
        calculation=None,
        min_evidence=None,
        rollup=RollupRule(),
        weight=None,
        scale=None,
        mastery_threshold=None,
    )
