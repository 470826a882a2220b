"""A framework or competency as one JSON document: what GET answers is what PUT takes whole,
what PATCH changes by a JSON Merge Patch, and what simulate takes as a candidate.

One rule rides on RFC 7396: a calculation (or rollup) is one method (or rule) with the
parameters of that method, so a patch naming another method (or rule) starts from an empty
calculation instead of merging into the old method's parameters. `{"calculation": {"method":
"n_mastery", "n": 3}}` over a decaying average of weight 0.65 gives n_mastery with n 3, not a
weight that n_mastery refuses; the same patch was, before merge patch, a whole calculation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from app.api.merge_patch import merge_patch
from app.api.rest import framework_commands as commands
from app.api.rest import framework_schemas as s
from app.domain.errors import Invalid, Problem
from app.domain.framework_commands import CreateFramework, UpdateCompetency
from app.domain.frameworks import DEPRECATED_METHOD_NAMES, Framework

_Model = TypeVar("_Model", bound=BaseModel)
# The member of each object of one kind that names its kind, per object key.
_KINDS = {"calculation": "method", "rollup": "rule"}


def _fresh_kinds(current: Mapping[str, Any], patch: Mapping[str, Any]) -> dict[str, Any]:
    """`current` with each calculation or rollup the patch gives another kind emptied."""
    target = dict(current)
    for key, kind in _KINDS.items():
        given, old = patch.get(key), target.get(key)
        named = given.get(kind) if isinstance(given, dict) else None
        if isinstance(named, str):  # a deprecated name is the same method as its canonical one
            named = DEPRECATED_METHOD_NAMES.get(named, named)
        if named is not None and (not isinstance(old, dict) or old.get(kind) != named):
            target[key] = {}
    return target


def patched(current: Mapping[str, Any], patch: Mapping[str, Any]) -> Any:
    """The document `current` with `patch` applied (RFC 7396 and the rule above)."""
    return merge_patch(_fresh_kinds(current, patch), patch)


def read_as(model: type[_Model], document: Any, detail: str) -> _Model:
    """`document` read as `model`, its type errors raised as `Invalid` located in it."""
    try:
        return model.model_validate(document)
    except ValidationError as error:
        problems = [Problem(tuple(e["loc"]), e["msg"]) for e in error.errors()]
        raise Invalid(detail, problems) from None


def framework_document(framework: Framework) -> dict[str, Any]:
    """The framework as GET answers it."""
    return s.FrameworkRead.of_tree(framework).model_dump(mode="json")


def stated_framework(document: Any) -> CreateFramework:
    """The whole framework a document states."""
    return commands.create_framework(
        read_as(s.FrameworkCreate, document, "The framework is invalid")
    )


def patched_framework(framework: Framework, patch: Mapping[str, Any]) -> CreateFramework:
    """The whole framework after a merge patch of its document."""
    return stated_framework(patched(framework_document(framework), patch))


def simulated_framework(framework: Framework, patch: Mapping[str, Any]) -> CreateFramework:
    """The candidate a simulation body states: a merge patch, whose old top-level
    `mastery_threshold` is read as `scale.mastery_threshold`."""
    patch = dict(patch)
    threshold = patch.pop("mastery_threshold", None)
    if threshold is not None:
        scale = dict(patch.get("scale") or {})
        if scale.setdefault("mastery_threshold", threshold) != threshold:
            raise Invalid(
                "The candidate policy is invalid",
                [Problem(("mastery_threshold",), "differs from scale.mastery_threshold")],
            )
        patch["scale"] = scale
    return patched_framework(framework, patch)


def patched_competency(
    framework: Framework, competency_id: str, patch: Mapping[str, Any]
) -> UpdateCompetency:
    """A competency's change as a merge patch of its document. Its id, framework and children
    are read-only: sent back as read they are accepted, changed they are refused."""
    competency = framework.competency(competency_id)
    current = s.CompetencyRead.tree(framework, competency).model_dump(mode="json")
    merged = patched(current, patch)
    problems = [
        Problem((key,), f"is read-only here: {why}")
        for key, why in (
            ("id", "a competency's id does not change"),
            ("framework_id", "a competency moves within its framework only"),
            ("children", "each child changes through its own PATCH (parent_id moves it)"),
        )
        if key in patch and merged.get(key) != current[key]
    ]
    if problems:
        raise Invalid("The change is invalid", problems)
    return commands.update_competency(read_as(s.CompetencyCreate, merged, "The change is invalid"))
