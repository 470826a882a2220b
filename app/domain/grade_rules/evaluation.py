"""Grade rules applied to a student's standards, with the reason in words: which rule gave the
grade and why, and why each rule above it did not ("B because mean(level) = 3.2 ≥ 3; not A
because share(level ≥ 4) = 0.4, not > 0.5")."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.domain.frameworks import Competency, Framework
from app.domain.grade_rules.language import (
    Both,
    Comparison,
    Condition,
    Field,
    GradeRules,
    Measured,
    Not,
    Predicate,
    Quantified,
    StatusTest,
)

_OPS: dict[Comparison, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "=": operator.eq,
    "!=": operator.ne,
}
_SHOWN: dict[Comparison, str] = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "!=": "≠"}


@dataclass(frozen=True)
class Standing:
    """One standard of the framework as the student's decision shows it."""

    competency_id: str
    status: str
    level: float | None
    score: float | None

    @property
    def assessed(self) -> bool:
        return self.level is not None


@dataclass(frozen=True)
class Grade:
    grade: str
    reason: str
    # The line of the rule that gave it; None for the default.
    rule_line: int | None
    assessed: int
    standards: int


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def _predicate_text(predicate: Predicate) -> str:
    if isinstance(predicate, StatusTest):
        return predicate.status
    return f"{predicate.field} {_SHOWN[predicate.op]} {_number(predicate.value)}"


def _holds(predicate: Predicate, standing: Standing) -> bool:
    if isinstance(predicate, StatusTest):
        return standing.status == predicate.status
    value = standing.level if predicate.field == "level" else standing.score
    return value is not None and _OPS[predicate.op](value, predicate.value)


def _field(standing: Standing, field: Field) -> float | None:
    return standing.level if field == "level" else standing.score


def _measure(condition: Measured, assessed: Sequence[Standing]) -> float | None:
    of = condition.of
    if condition.measure in ("share", "count"):
        assert not isinstance(of, str)
        passing = sum(1 for s in assessed if _holds(of, s))
        if condition.measure == "count":
            return passing
        return passing / len(assessed) if assessed else None
    assert isinstance(of, str)
    values = [v for s in assessed if (v := _field(s, of)) is not None]
    if not values:
        return None
    if condition.measure == "mean":
        return sum(values) / len(values)
    return min(values) if condition.measure == "min" else max(values)


def _evaluate(condition: Condition, assessed: Sequence[Standing]) -> tuple[bool, str]:
    """Whether the condition holds, and the facts that decided it."""
    if isinstance(condition, Measured):
        of = condition.of if isinstance(condition.of, str) else _predicate_text(condition.of)
        name = f"{condition.measure}({of})"
        rule = f"{_SHOWN[condition.op]} {_number(condition.value)}"
        value = _measure(condition, assessed)
        if value is None:
            return False, f"{name} has no value: no standard is assessed yet"
        if _OPS[condition.op](value, condition.value):
            return True, f"{name} = {_number(value)} {rule}"
        return False, f"{name} = {_number(value)}, not {rule}"
    if isinstance(condition, Quantified):
        name = f"{condition.quantifier}({_predicate_text(condition.of)})"
        passing = [s for s in assessed if _holds(condition.of, s)]
        if not assessed:
            return False, f"{name} is false: no standard is assessed yet"
        holds = {
            "all": len(passing) == len(assessed),
            "any": bool(passing),
            "none": not passing,
        }[condition.quantifier]
        return (
            holds,
            f"{name} is {'true' if holds else 'false'} ({len(passing)} of {len(assessed)})",
        )
    if isinstance(condition, Not):
        holds, facts = _evaluate(condition.operand, assessed)
        return not holds, f"not ({facts})" if not holds else facts
    if isinstance(condition, Both):
        left, left_facts = _evaluate(condition.left, assessed)
        if not left:
            return False, left_facts
        right, right_facts = _evaluate(condition.right, assessed)
        return right, f"{left_facts} and {right_facts}" if right else right_facts
    left, left_facts = _evaluate(condition.left, assessed)
    if left:
        return True, left_facts
    right, right_facts = _evaluate(condition.right, assessed)
    return right, right_facts if right else f"{left_facts} and {right_facts}"


def standards_of(framework: Framework) -> tuple[Competency, ...]:
    """What grade rules measure: the framework's active competencies with no active child
    (its standards; a parent's rollup would count its children twice)."""
    active = framework.active_competencies()
    parents = {c.parent_id for c in active if c.parent_id is not None}
    return tuple(c for c in active if c.id not in parents)


def grade(rules: GradeRules, standings: Sequence[Standing]) -> Grade:
    """The first rule whose condition holds gives the grade, else the default; the reason
    names the facts that decided it and, for each rule above it, the facts that failed it."""
    assessed = [s for s in standings if s.assessed]
    failed: list[str] = []
    for rule in rules.rules:
        holds, facts = _evaluate(rule.condition, assessed)
        if holds:
            reason = f"{rule.grade} because {facts}"
            return Grade(
                rule.grade, _joined(reason, failed), rule.line, len(assessed), len(standings)
            )
        failed.append(f"not {rule.grade} because {facts}")
    reason = f"{rules.default}: no rule above it holds"
    return Grade(rules.default, _joined(reason, failed), None, len(assessed), len(standings))


def _joined(reason: str, failed: list[str]) -> str:
    return "; ".join([reason, *failed])
