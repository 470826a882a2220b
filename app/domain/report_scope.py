"""What a report covers: the students (by school, class, grade and subgroups) and the
competencies (by id, by an ancestor, by kind), and how its cells may be grouped."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.domain.errors import Invalid, Problem
from app.domain.frameworks import Competency, Framework
from app.domain.reporting import Dimension


@dataclass(frozen=True)
class ReportFilter:
    """Which students and competencies a report covers (every field narrows it)."""

    school_id: str | None = None
    class_id: str | None = None
    grade: str | None = None
    competency_ids: tuple[str, ...] | None = None
    competency_kind: str | None = None
    under_competency_id: str | None = None
    subgroups: Mapping[Dimension, str | bool] = field(default_factory=dict)


SUBGROUPS = (
    Dimension.SEX,
    Dimension.RACE_ETHNICITY,
    Dimension.ENGLISH_LEARNER,
    Dimension.SPECIAL_EDUCATION,
    Dimension.ECONOMICALLY_DISADVANTAGED,
)


def subgroups_of(asked: object) -> dict[Dimension, str | bool]:
    """The subgroups a report request narrows to: its attributes named as the subgroup
    dimensions' values (`sex`, `race_ethnicity`, ...), those that are set."""
    found = {d: getattr(asked, d.value, None) for d in SUBGROUPS}
    return {d: v for d, v in found.items() if v is not None}


def check_grouping(group_by: Sequence[Dimension]) -> None:
    """Raise `Invalid` when a dimension is grouped by more than once."""
    repeated = {d for d in group_by if list(group_by).count(d) > 1}
    if repeated:
        raise Invalid(
            "A dimension can be grouped by once",
            [Problem(("groupBy",), f"{d.name} is repeated") for d in sorted(repeated)],
        )


def competencies_in_scope(framework: Framework, given: ReportFilter) -> list[Competency]:
    """The active competencies a report covers, in framework order; raises `Invalid` naming
    every competency of the filter that is not in the framework."""
    problems: list[Problem] = []
    chosen = list(framework.active_competencies())
    if given.competency_ids is not None:
        problems += [
            Problem(("filter", "competencyIds", n), f"{i!r} is not in this framework")
            for n, i in enumerate(given.competency_ids)
            if i not in framework
        ]
        wanted = set(given.competency_ids)
        chosen = [c for c in chosen if c.id in wanted]
    if given.under_competency_id is not None:
        if given.under_competency_id not in framework:
            problems.append(
                Problem(("filter", "underCompetencyId"), "is not a competency of this framework")
            )
        else:
            chosen = [
                c
                for c in chosen
                if any(a.id == given.under_competency_id for a in framework.ancestors_of(c.id))
            ]
    if given.competency_kind is not None:
        # Districts write kinds as they please ("Standard", "standard"): compare them folded.
        kind = given.competency_kind.casefold()
        chosen = [c for c in chosen if c.kind is not None and c.kind.casefold() == kind]
    if problems:
        raise Invalid("The report's filter is invalid", problems)
    return chosen
