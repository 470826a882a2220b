"""Evidence categories and marks: how a district weighs kinds of work and codes work not done.

A framework may name categories of evidence (formative 0 / practice 20 / summative 80, say).
A counted category's evidence is weighed by the category's share among the categories that have
evidence; a category that is not counted is listed but never decides; a habits-of-work
category is decided apart from academics (docs/decisions/0033-categories-weights-marks.md).
A mark codes a result that is not a plain score: missing work counts as a level, exempt work is
excused, incomplete work is pending.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.domain.errors import Invalid, Problem, ProblemList
from app.domain.scales import Scale, format_number, is_number

# The score stored for a mark sent without one: a missing result counts as the missing level,
# exempt and incomplete ones do not count, so it is never read (the score column stays a number
# for the reports that read it beside the mark).
MARKED_SCORE = 0.0


class Mark(StrEnum):
    """A code on a result instead of (or beside) its score: M, X and I in a gradebook."""

    MISSING = "missing"
    EXEMPT = "exempt"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class EvidenceCategory:
    """One category of evidence of a framework and how much it weighs."""

    name: str
    weight: float
    counted: bool = True
    habits_of_work: bool = False

    def as_dict(self) -> dict[str, Any]:
        """JSON: {"name", "weight", "counted", "habits_of_work"}."""
        return {
            "name": self.name,
            "weight": self.weight,
            "counted": self.counted,
            "habits_of_work": self.habits_of_work,
        }


def category_named(
    categories: Sequence[EvidenceCategory], name: str | None
) -> EvidenceCategory | None:
    """The category of this name (None when there is none or no name)."""
    for c in categories:
        if c.name == name:
            return c
    return None


def category_problems(categories: Sequence[EvidenceCategory]) -> list[Problem]:
    """Every problem of a framework's categories: names unique and not empty, a counted category
    weighs more than 0 (a weight of 0 is what `counted: false` says)."""
    problems = ProblemList()
    seen: set[str] = set()
    for i, c in enumerate(categories):
        if not isinstance(c.name, str) or not c.name.strip():
            problems.add(("categories", i, "name"), "must not be empty")
        elif c.name in seen:
            problems.add(("categories", i, "name"), f"repeats the category {c.name!r}")
        else:
            seen.add(c.name)
        if not is_number(c.weight) or c.weight < 0:
            problems.add(("categories", i, "weight"), "must be a finite number at or above 0")
        elif c.counted and c.weight == 0:
            problems.add(("categories", i, "weight"), "must be above 0 for a counted category")
        for flag in ("counted", "habits_of_work"):
            if not isinstance(getattr(c, flag), bool):
                problems.add(("categories", i, flag), "must be true or false")
    return problems.problems


def uncategorised_problems(
    uncategorised_category: str | None, categories: Sequence[EvidenceCategory]
) -> list[Problem]:
    """The category uncategorised results count in must be one of the framework's."""
    if uncategorised_category is None:
        return []
    if not categories:
        message = "must be left out: the framework has no categories"
    elif category_named(categories, uncategorised_category) is None:
        message = "must name one of the categories: " + ", ".join(c.name for c in categories)
    else:
        return []
    return [Problem(("uncategorised_category",), message)]


def category_map_problems(
    category_map: Sequence[tuple[str, str]], categories: Sequence[EvidenceCategory]
) -> list[Problem]:
    """A gradebook category (a OneRoster category's sourcedId or title) maps onto one of the
    framework's categories."""
    problems = ProblemList()
    names = ", ".join(c.name for c in categories)
    for key, name in category_map:
        if not isinstance(key, str) or not key.strip():
            problems.add(("category_map",), "names a gradebook category by an empty key")
        elif not categories:
            problems.add(("category_map", key), "must be left out: the framework has no categories")
        elif category_named(categories, name) is None:
            problems.add(("category_map", key), f"must name one of the categories: {names}")
    return problems.problems


def mapped_category(
    category_map: Sequence[tuple[str, str]],
    categories: Sequence[EvidenceCategory],
    sourced_id: str | None,
    title: str | None = None,
) -> str | None:
    """The framework category a gradebook category maps onto: by the framework's mapping of
    its sourcedId, else of its title, else the framework category whose name equals the title
    (any case); None: unmapped (its results stay uncategorised)."""
    mapping = dict(category_map)
    for key in (sourced_id, title):
        if key is not None and key in mapping:
            return mapping[key]
    if title is not None:
        for c in categories:
            if c.name.casefold() == title.strip().casefold():
                return c.name
    return None


def missing_level_problems(missing_level: float | None, scale: Scale) -> list[Problem]:
    """A missing mark counts as a value on the scale, between its lowest and highest."""
    if missing_level is None:
        return []
    if not is_number(missing_level) or not scale.lowest <= missing_level <= scale.highest:
        return [
            Problem(
                ("missing_level",),
                f"must be a number from {format_number(scale.lowest)} "
                f"to {format_number(scale.highest)}",
            )
        ]
    return []


def categories_from(data: Iterable[Any]) -> tuple[EvidenceCategory, ...]:
    """Categories from JSON objects ({"name", "weight", "counted"?, "habits_of_work"?})."""
    out: list[EvidenceCategory] = []
    for item in data:
        out.append(
            EvidenceCategory(
                item["name"],
                item["weight"],
                item.get("counted", True),
                item.get("habits_of_work", False),
            )
        )
    return tuple(out)


def check_categories(categories: Sequence[EvidenceCategory]) -> None:
    """Raise Invalid listing every problem of the categories."""
    problems = category_problems(categories)
    if problems:
        raise Invalid("The categories are invalid", problems)
