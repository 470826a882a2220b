"""Rollup rules: how a parent's status and score follow from its children's decisions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import ProblemList
from app.domain.scales import is_number


class RollupKind(StrEnum):
    """How a parent's status follows from its children's."""

    ALL = "all"
    AT_LEAST = "at_least"
    PERCENT = "percent"


class RollupScore(StrEnum):
    """How a parent's score follows from its children's shown scores (its status follows the
    rule): their mean, the lowest, the mean weighted by each child's weight, or the highest."""

    MEAN = "mean"
    LOWEST = "lowest"
    WEIGHTED = "weighted"
    HIGHEST = "highest"


@dataclass(frozen=True)
class RollupRule:
    """A parent is mastered when all, at least k, or percent of its children are mastered; its
    score is the children's by `score` (None on a competency: the framework's applies)."""

    rule: RollupKind = RollupKind.ALL
    k: int | None = None
    percent: float | None = None
    score: RollupScore | None = None

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
        score = self.score
        if score is not None:
            try:
                score = RollupScore(score)
            except ValueError:
                problems.add(("score",), f"must be one of {ROLLUP_SCORES}")
        problems.raise_if_any("The rollup rule is invalid")
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "score", score)

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
        if self.score is not None:
            out["score"] = self.score.value
        return out


ROLLUP_SCORES = ", ".join(s.value for s in RollupScore)
