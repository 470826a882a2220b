"""Frameworks: the competency tree and the calculation policy it applies."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.domain.associations import Association
from app.domain.calculations import (
    DEFAULT_CALCULATION,
    DEFAULT_N,
    DEFAULT_WEIGHT,
    DEPRECATED_METHOD_NAMES,
    N_METHODS,
    WEIGHT_METHODS,
    Calculation,
    CalculationMethod,
    ModeTie,
)
from app.domain.categories import (
    EvidenceCategory,
    category_map_problems,
    category_problems,
    missing_level_problems,
    uncategorised_problems,
)
from app.domain.competency_tree import tree_of
from app.domain.errors import Invalid, NotFound, Problem, ProblemList
from app.domain.rollup_rules import ROLLUP_SCORES, RollupKind, RollupRule, RollupScore
from app.domain.scales import DEFAULT_SCALE, Level, Scale, is_number

__all__ = [
    "DEFAULT_CALCULATION",
    "DEFAULT_N",
    "DEFAULT_SCALE",
    "DEFAULT_WEIGHT",
    "DEPRECATED_METHOD_NAMES",
    "N_METHODS",
    "WEIGHT_METHODS",
    "Calculation",
    "CalculationMethod",
    "Competency",
    "Framework",
    "Level",
    "MasteryPolicy",
    "ModeTie",
    "RollupKind",
    "RollupRule",
    "RollupScore",
    "Scale",
    "Status",
]


class Status(StrEnum):
    """Whether a framework or competency is in use; retired ones are kept for history."""

    ACTIVE = "active"
    RETIRED = "retired"


@dataclass(frozen=True)
class MasteryPolicy:
    """Everything that turns one competency's evidence into a decision."""

    scale: Scale = DEFAULT_SCALE
    calculation: Calculation = DEFAULT_CALCULATION
    min_evidence: int = 1
    include_formative: bool = False
    categories: tuple[EvidenceCategory, ...] = ()
    missing_level: float | None = None
    # The category results without one of the framework's categories count in (None: they
    # do not count).
    uncategorised_category: str | None = None
    # The habits-of-work decision: only habits categories count (academics otherwise).
    habits_of_work: bool = False

    def __post_init__(self) -> None:
        if not _is_count(self.min_evidence):
            raise Invalid(
                "The policy is invalid", [Problem(("min_evidence",), "must be at least 1")]
            )

    @property
    def missing_value(self) -> float:
        """What a missing mark counts as: the framework's setting, else the lowest level."""
        return self.scale.lowest if self.missing_level is None else self.missing_level

    def for_habits_of_work(self) -> MasteryPolicy:
        """The same policy deciding habits of work, apart from academics."""
        return replace(self, habits_of_work=True)


@dataclass(frozen=True)
class Competency:
    """One node of a framework: a domain, standard or learning target."""

    id: str
    code: str
    statement: str
    kind: str | None = None
    parent_id: str | None = None
    position: int = 0
    calculation: Calculation | None = None
    rollup: RollupRule = field(default_factory=RollupRule)
    status: Status = Status.ACTIVE
    # Its weight in its parent's weighted rollup score (None: 1, as every child of a mean).
    weight: float | None = None
    # Results needed before it is decided; None: the nearest ancestor's, else the framework's.
    min_evidence: int | None = None
    # Its own levels, bands and threshold, and a threshold on the scale it has (its own or
    # inherited); None: the nearest ancestor's, else the framework's.
    scale: Scale | None = None
    mastery_threshold: float | None = None
    # CASE fields of an imported CFItem that have no place above (uri, educationLevel, ...).
    case: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        problems = ProblemList()
        for name in ("id", "code", "statement"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                problems.add((name,), "must not be empty")
        if isinstance(self.position, bool) or not isinstance(self.position, int):
            problems.add(("position",), "must be a whole number")
        if self.min_evidence is not None and not _is_count(self.min_evidence):
            problems.add(("min_evidence",), "must be a whole number of at least 1")
        if self.mastery_threshold is not None:
            if is_number(self.mastery_threshold):
                object.__setattr__(self, "mastery_threshold", float(self.mastery_threshold))
            else:
                problems.add(("mastery_threshold",), "must be a finite number")
        if self.weight is not None:
            if is_number(self.weight) and self.weight > 0:
                object.__setattr__(self, "weight", float(self.weight))
            else:
                problems.add(("weight",), "must be a number above 0")
        try:
            object.__setattr__(self, "status", Status(self.status))
        except ValueError:
            problems.add(("status",), "must be active or retired")
        problems.raise_if_any("The competency is invalid")

    @property
    def is_active(self) -> bool:
        """Retired competencies keep their history but take part in no rollup."""
        return self.status is Status.ACTIVE


@dataclass(frozen=True)
class Framework:
    """A competency tree with its scale and default policy; validated as a whole."""

    id: str
    title: str
    description: str | None = None
    version: str | None = None
    status: Status = Status.ACTIVE
    scale: Scale = DEFAULT_SCALE
    calculation: Calculation = DEFAULT_CALCULATION
    min_evidence: int = 1
    include_formative: bool = False
    categories: tuple[EvidenceCategory, ...] = ()
    missing_level: float | None = None
    uncategorised_category: str | None = None
    # A gradebook category (OneRoster sourcedId or title) -> one of `categories`.
    category_map: tuple[tuple[str, str], ...] = ()
    competencies: tuple[Competency, ...] = ()
    # How a parent's score follows from its children's, unless the parent's rule says.
    rollup_score: RollupScore = RollupScore.MEAN
    # CASE: the imported CFDocument's other fields, and the associations kept with it.
    case: Mapping[str, Any] = field(default_factory=dict, hash=False)
    associations: tuple[Association, ...] = ()
    updated_at: datetime | None = field(default=None, compare=False)
    _by_id: dict[str, Competency] = field(init=False, repr=False, compare=False)
    _children: dict[str | None, tuple[Competency, ...]] = field(
        init=False, repr=False, compare=False
    )
    _order: tuple[Competency, ...] = field(init=False, repr=False, compare=False)
    _rank: dict[str, int] = field(init=False, repr=False, compare=False)
    _policies: dict[str, MasteryPolicy] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        competencies = tuple(self.competencies)
        object.__setattr__(self, "competencies", competencies)
        object.__setattr__(self, "associations", tuple(self.associations))
        object.__setattr__(self, "categories", tuple(self.categories))
        object.__setattr__(self, "category_map", tuple(self.category_map))
        problems = ProblemList()
        self._check_fields(problems)
        tree = tree_of(competencies, problems)
        _rollup_problems(competencies, tree.children, problems)
        problems.raise_if_any("The framework is invalid")
        object.__setattr__(self, "_by_id", tree.by_id)
        object.__setattr__(self, "_children", tree.children)
        object.__setattr__(self, "_order", tree.order)
        object.__setattr__(self, "_rank", {c.id: i for i, c in enumerate(tree.order)})
        index = {c.id: i for i, c in enumerate(competencies)}
        object.__setattr__(self, "_policies", self._inherited_policies(index, problems))
        problems.raise_if_any("The framework is invalid")

    def _inherited_policies(
        self, index: Mapping[str, int], problems: ProblemList
    ) -> dict[str, MasteryPolicy]:
        """Each competency's policy: its own calculation, minimum evidence and scale, else its
        nearest ancestor's that sets them, else the framework's (parents come first in
        `_order`). Its own threshold applies to the scale it has; a threshold off that scale is
        a problem located at the competency (docs/decisions/0035-competency-scale.md)."""
        out: dict[str, MasteryPolicy] = {}
        for c in self._order:
            above = out.get(c.parent_id) if c.parent_id is not None else None
            inherited = above or self._policy
            scale = c.scale or inherited.scale
            if c.mastery_threshold is not None:
                try:
                    scale = scale.with_threshold(c.mastery_threshold)
                except Invalid as error:
                    problems.extend(error.problems, prefix=("competencies", index[c.id]))
            # A missing mark counts as the framework's missing level on the framework's levels
            # only: on a scale of its own, as that scale's lowest level.
            own_levels = scale.levels != self.scale.levels
            out[c.id] = MasteryPolicy(
                scale,
                c.calculation or inherited.calculation,
                c.min_evidence or inherited.min_evidence,
                self.include_formative,
                self.categories,
                None if own_levels else self.missing_level,
                self.uncategorised_category,
            )
        return out

    @property
    def _policy(self) -> MasteryPolicy:
        """The framework's own policy, which a competency without its own inherits."""
        return MasteryPolicy(
            self.scale,
            self.calculation,
            self.min_evidence,
            self.include_formative,
            self.categories,
            self.missing_level,
            self.uncategorised_category,
        )

    def _check_fields(self, problems: ProblemList) -> None:
        for name in ("id", "title"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name).strip():
                problems.add((name,), "must not be empty")
        try:
            object.__setattr__(self, "status", Status(self.status))
        except ValueError:
            problems.add(("status",), "must be active or retired")
        if not _is_count(self.min_evidence):
            problems.add(("min_evidence",), "must be a whole number of at least 1")
        try:
            object.__setattr__(self, "rollup_score", RollupScore(self.rollup_score))
        except ValueError:
            problems.add(("rollup_score",), f"must be one of {ROLLUP_SCORES}")
        for p in category_problems(self.categories):
            problems.add(p.loc, p.msg)
        for p in missing_level_problems(self.missing_level, self.scale):
            problems.add(p.loc, p.msg)
        for p in uncategorised_problems(self.uncategorised_category, self.categories):
            problems.add(p.loc, p.msg)
        for p in category_map_problems(self.category_map, self.categories):
            problems.add(p.loc, p.msg)

    def competency(self, competency_id: str) -> Competency:
        """The competency with this id; NotFound when it is not in this framework."""
        try:
            return self._by_id[competency_id]
        except KeyError:
            raise NotFound(f"Competency {competency_id!r} is not in this framework") from None

    def __contains__(self, competency_id: object) -> bool:
        return competency_id in self._by_id

    def children_of(self, competency_id: str | None) -> tuple[Competency, ...]:
        """The children of a competency (None: the roots), by position."""
        return self._children.get(competency_id, ())

    def ancestors_of(self, competency_id: str) -> tuple[Competency, ...]:
        """The parent, grandparent, ... up to the root (leaf to root)."""
        out: list[Competency] = []
        parent_id = self.competency(competency_id).parent_id
        while parent_id is not None:
            parent = self._by_id[parent_id]
            out.append(parent)
            parent_id = parent.parent_id
        return tuple(out)

    @property
    def ordered(self) -> tuple[Competency, ...]:
        """Every competency in framework order: depth-first, siblings by position."""
        return self._order

    def active_competencies(self) -> tuple[Competency, ...]:
        """The competencies in use, in framework order (retired ones keep only their history)."""
        return tuple(c for c in self._order if c.is_active)

    def takes_evidence(self, competency_id: str) -> bool:
        """Whether new results may be recorded for this competency: it and its framework are in
        use (retired ones keep their history but take nothing new)."""
        return (
            self.status is Status.ACTIVE
            and competency_id in self._by_id
            and self._by_id[competency_id].is_active
        )

    def rank(self, competency_id: str) -> int:
        """The competency's place in framework order (a parent ranks before its children)."""
        try:
            return self._rank[competency_id]
        except KeyError:
            raise NotFound(f"Competency {competency_id!r} is not in this framework") from None

    def policy_for(self, competency_id: str) -> MasteryPolicy:
        """The effective policy: the competency's own calculation, minimum evidence and scale,
        else those of its nearest ancestor that sets them, else the framework's."""
        try:
            return self._policies[competency_id]
        except KeyError:
            raise NotFound(f"Competency {competency_id!r} is not in this framework") from None

    def scale_for(self, competency_id: str) -> Scale:
        """The scale a competency's decisions are made and shown on (its effective policy's)."""
        return self.policy_for(competency_id).scale

    def rollup_for(self, competency_id: str) -> RollupRule:
        """The parent's effective rollup: its own rule, its score kind or the framework's."""
        rule = self.competency(competency_id).rollup
        return rule if rule.score is not None else replace(rule, score=self.rollup_score)

    def with_policy(
        self,
        *,
        calculation: Calculation | None = None,
        mastery_threshold: float | None = None,
        min_evidence: int | None = None,
        include_formative: bool | None = None,
    ) -> Framework:
        """A copy under a candidate policy (what PATCH and simulate change); validated."""
        scale = self.scale
        if mastery_threshold is not None:
            scale = scale.with_threshold(mastery_threshold)
        return replace(
            self,
            scale=scale,
            calculation=calculation or self.calculation,
            min_evidence=self.min_evidence if min_evidence is None else min_evidence,
            include_formative=(
                self.include_formative if include_formative is None else include_formative
            ),
        )


def _rollup_problems(
    competencies: Sequence[Competency],
    children: Mapping[str | None, Sequence[Competency]],
    problems: ProblemList,
) -> None:
    """A rollup may not need more mastered children than the parent has active children."""
    for i, c in enumerate(competencies):
        active = sum(1 for kid in children.get(c.id, ()) if kid.is_active)
        if active and c.rollup.needed(active) > active:
            problems.add(
                ("competencies", i, "rollup", "k"),
                f"is more than its {active} active children",
            )


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1
