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
from app.domain.categories import EvidenceCategory, category_problems, missing_level_problems
from app.domain.competency_tree import tree_of
from app.domain.errors import Invalid, NotFound, Problem, ProblemList
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
    "Scale",
    "Status",
]


class RollupKind(StrEnum):
    """How a parent's status follows from its children's."""

    ALL = "all"
    AT_LEAST = "at_least"
    PERCENT = "percent"


@dataclass(frozen=True)
class RollupRule:
    """A parent is mastered when all, at least k, or percent of its children are mastered."""

    rule: RollupKind = RollupKind.ALL
    k: int | None = None
    percent: float | None = None

    def __post_init__(self) -> None:
        problems = ProblemList()
        try:
            rule = RollupKind(self.rule)
        except ValueError:
            problems.add(("rule",), "must be one of all, at_least, percent")
            rule = None
        k, percent = self.k, self.percent
        if rule is RollupKind.AT_LEAST:
            if isinstance(k, bool) or not isinstance(k, int) or k < 1:
                problems.add(("k",), "must be a whole number of at least 1")
        elif k is not None:
            problems.add(("k",), "applies only to the at_least rule")
        if rule is RollupKind.PERCENT:
            if not is_number(percent) or not 0 < percent <= 100:
                problems.add(("percent",), "must be a number above 0 and at most 100")
        elif percent is not None:
            problems.add(("percent",), "applies only to the percent rule")
        problems.raise_if_any("The rollup rule is invalid")
        object.__setattr__(self, "rule", rule)

    def is_met(self, mastered: int, children: int) -> bool:
        """Whether `mastered` of `children` children satisfy the rule."""
        if self.rule is RollupKind.AT_LEAST:
            assert self.k is not None
            return mastered >= self.k
        if self.rule is RollupKind.PERCENT:
            assert self.percent is not None
            return mastered * 100 >= self.percent * children
        return mastered == children

    def needed(self, children: int) -> int:
        """How many of `children` children must be mastered (children + 1 when none suffice)."""
        return next((m for m in range(children + 1) if self.is_met(m, children)), children + 1)

    def as_dict(self) -> dict[str, str | int | float]:
        """JSON shape: {"rule", "k"?, "percent"?}."""
        out: dict[str, str | int | float] = {"rule": self.rule.value}
        if self.k is not None:
            out["k"] = self.k
        if self.percent is not None:
            out["percent"] = self.percent
        return out


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
    rollup: RollupRule = RollupRule()
    status: Status = Status.ACTIVE
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
    competencies: tuple[Competency, ...] = ()
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

    def __post_init__(self) -> None:
        competencies = tuple(self.competencies)
        object.__setattr__(self, "competencies", competencies)
        object.__setattr__(self, "associations", tuple(self.associations))
        object.__setattr__(self, "categories", tuple(self.categories))
        problems = ProblemList()
        self._check_fields(problems)
        tree = tree_of(competencies, problems)
        _rollup_problems(competencies, tree.children, problems)
        problems.raise_if_any("The framework is invalid")
        object.__setattr__(self, "_by_id", tree.by_id)
        object.__setattr__(self, "_children", tree.children)
        object.__setattr__(self, "_order", tree.order)
        object.__setattr__(self, "_rank", {c.id: i for i, c in enumerate(tree.order)})

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
        for p in category_problems(self.categories):
            problems.add(p.loc, p.msg)
        for p in missing_level_problems(self.missing_level, self.scale):
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
        """The effective policy: the competency's own calculation overrides the framework's."""
        own = self.competency(competency_id).calculation
        return MasteryPolicy(
            self.scale,
            own or self.calculation,
            self.min_evidence,
            self.include_formative,
            self.categories,
            self.missing_level,
        )

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
