"""Changing a framework: patching its fields or a competency's, and adding competencies.

Every change returns a new, fully validated Framework; the caller compares old and new to know
whether stored decisions must be recomputed (`changes_decisions`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from app.domain.errors import Invalid, Location, ProblemList
from app.domain.framework_builder import (
    _read_integer,
    _read_part,
    _read_text,
    calculation_from_dict,
    competency_tree_from_dict,
    rollup_from_dict,
    scale_from_dict,
)
from app.domain.frameworks import Competency, Framework, Status

FRAMEWORK_FIELDS = frozenset(
    {
        "title",
        "description",
        "version",
        "status",
        "scale",
        "calculation",
        "min_evidence",
        "include_formative",
    }
)
COMPETENCY_FIELDS = frozenset(
    {"code", "statement", "kind", "status", "calculation", "rollup", "position", "parent_id"}
)


def _unknown(changes: Mapping[str, object], allowed: frozenset[str], problems: ProblemList) -> None:
    for key in changes:
        if key not in allowed:
            problems.add((key,), "cannot be changed here")


def _status(
    changes: Mapping[str, object], problems: ProblemList, loc: Location = ()
) -> Status | None:
    text = _read_text(changes, "status", loc, problems)
    if text is None:
        return None
    try:
        return Status(text)
    except ValueError:
        problems.add((*loc, "status"), "must be active or retired")
        return None


def _rebuilt(framework: Framework, problems: ProblemList, **updates: Any) -> Framework:
    problems.raise_if_any("The change is invalid")
    try:
        return replace(framework, **updates)
    except Invalid as error:
        raise Invalid("The change would make the framework invalid", error.problems) from None


def _texts(
    changes: Mapping[str, object],
    keys: tuple[str, ...],
    problems: ProblemList,
    *,
    required: frozenset[str],
) -> dict[str, Any]:
    """The text fields among `changes`; those `required` may not be emptied."""
    return {
        key: _read_text(changes, key, (), problems, required=key in required)
        for key in keys
        if key in changes
    }


def _not_null(updates: Mapping[str, object], keys: tuple[str, ...], problems: ProblemList) -> None:
    """Fields that can be changed but never removed."""
    for key in keys:
        if key in updates and updates[key] is None:
            problems.add((key,), "must not be null")


def _include_formative(changes: Mapping[str, object], problems: ProblemList) -> object:
    value = changes["include_formative"]
    if not isinstance(value, bool):
        problems.add(("include_formative",), "must be true or false")
    return value


def _parent_id(
    framework: Framework, changes: Mapping[str, object], problems: ProblemList
) -> object:
    parent = changes["parent_id"]
    if parent is not None and (not isinstance(parent, str) or parent not in framework):
        problems.add(("parent_id",), "must be a competency of the same framework, or null")
    return parent


def patch_framework(framework: Framework, changes: Mapping[str, object]) -> Framework:
    """The framework with some of its fields changed (title, status, scale, policy, ...)."""
    problems = ProblemList()
    _unknown(changes, FRAMEWORK_FIELDS, problems)
    texts = ("title", "description", "version")
    updates = _texts(changes, texts, problems, required=frozenset({"title"}))
    if "status" in changes:
        updates["status"] = _status(changes, problems)
    if "scale" in changes:
        updates["scale"] = _read_part(changes, "scale", scale_from_dict, problems)
    if "calculation" in changes:
        updates["calculation"] = _read_part(changes, "calculation", calculation_from_dict, problems)
    if "min_evidence" in changes:
        updates["min_evidence"] = _read_integer(changes, "min_evidence", (), problems)
    if "include_formative" in changes:
        updates["include_formative"] = _include_formative(changes, problems)
    _not_null(updates, ("scale", "calculation", "min_evidence", "status"), problems)
    return _rebuilt(framework, problems, **updates)


def patch_competency(
    framework: Framework, competency_id: str, changes: Mapping[str, object]
) -> Framework:
    """The framework with one competency changed (statement, policy, place in the tree, ...)."""
    competency = framework.competency(competency_id)
    problems = ProblemList()
    _unknown(changes, COMPETENCY_FIELDS, problems)
    texts = ("code", "statement", "kind")
    updates = _texts(changes, texts, problems, required=frozenset({"code", "statement"}))
    if "status" in changes:
        updates["status"] = _status(changes, problems)
    if "calculation" in changes:  # null clears it: the framework's calculation applies again
        updates["calculation"] = _read_part(changes, "calculation", calculation_from_dict, problems)
    if "rollup" in changes:
        updates["rollup"] = _read_part(changes, "rollup", rollup_from_dict, problems)
    if "position" in changes:
        updates["position"] = _read_integer(changes, "position", (), problems)
    if "parent_id" in changes:
        updates["parent_id"] = _parent_id(framework, changes, problems)
    _not_null(updates, ("code", "statement", "status", "rollup", "position"), problems)
    problems.raise_if_any("The change is invalid")
    try:
        changed = replace(competency, **updates)
    except Invalid as error:
        raise Invalid("The change is invalid", error.problems) from None
    competencies = tuple(changed if c.id == competency_id else c for c in framework.competencies)
    return _rebuilt(framework, ProblemList(), competencies=competencies)


def add_competencies(
    framework: Framework, body: Mapping[str, object], new_id: Callable[[], str]
) -> tuple[Framework, list[Competency]]:
    """The framework with a new competency (and its nested children) under `parent_id`, or
    as a root; it goes last among its siblings unless it says `position`."""
    problems = ProblemList()
    parent = body.get("parent_id")
    if parent is not None and (not isinstance(parent, str) or parent not in framework):
        problems.add(("parent_id",), "must be a competency of this framework, or null")
        parent = None
    position = _read_integer(body, "position", (), problems)
    problems.raise_if_any("The competency is invalid")
    siblings = framework.children_of(parent if isinstance(parent, str) else None)
    place = (
        position if position is not None else max((c.position for c in siblings), default=-1) + 1
    )
    tree = {k: v for k, v in body.items() if k not in ("parent_id", "position")}
    added = competency_tree_from_dict(
        tree, parent_id=parent if isinstance(parent, str) else None, position=place, new_id=new_id
    )
    framework = _rebuilt(framework, ProblemList(), competencies=(*framework.competencies, *added))
    return framework, added


def changes_decisions(old: Framework, new: Framework) -> bool:
    """Whether stored decisions may differ under `new` (policy, tree or rollups changed)."""
    if (old.scale, old.calculation, old.min_evidence, old.include_formative) != (
        new.scale,
        new.calculation,
        new.min_evidence,
        new.include_formative,
    ):
        return True

    def shape(f: Framework) -> dict[str, tuple[object, ...]]:
        return {c.id: (c.parent_id, c.calculation, c.rollup, c.status) for c in f.competencies}

    return shape(old) != shape(new)


CANDIDATE_FIELDS = frozenset(
    {"calculation", "mastery_threshold", "min_evidence", "include_formative"}
)


def candidate_policy(framework: Framework, body: Mapping[str, object]) -> Framework:
    """The framework under a candidate policy (what a simulation compares against)."""
    problems = ProblemList()
    _unknown(body, CANDIDATE_FIELDS, problems)
    calculation = _read_part(body, "calculation", calculation_from_dict, problems)
    threshold = body.get("mastery_threshold")
    if threshold is not None and (
        isinstance(threshold, bool) or not isinstance(threshold, int | float)
    ):
        problems.add(("mastery_threshold",), "must be a number")
        threshold = None
    min_evidence = _read_integer(body, "min_evidence", (), problems)
    include_formative = body.get("include_formative")
    if include_formative is not None and not isinstance(include_formative, bool):
        problems.add(("include_formative",), "must be true or false")
        include_formative = None
    problems.raise_if_any("The candidate policy is invalid")
    try:
        return framework.with_policy(
            calculation=calculation,
            mastery_threshold=float(threshold) if threshold is not None else None,
            min_evidence=min_evidence,
            include_formative=include_formative,
        )
    except Invalid as error:
        raise Invalid("The candidate policy is invalid", error.problems) from None
