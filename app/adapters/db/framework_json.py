"""The stored JSON of a framework's parts: its scale, calculation and rollup rules (and a
decision's method, which names one or the other), to JSON and back.

Written by this service only, so reading trusts the shape; the domain's constructors still
check the values (a row from an older version with a rule since refused fails loudly)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import orjson

from app.domain.frameworks import (
    Calculation,
    CalculationMethod,
    ModeTie,
    RollupKind,
    RollupRule,
    RollupScore,
)
from app.domain.scales import Band, Level, Scale


def scale_json(scale: Scale) -> dict[str, Any]:
    """{"levels": [{"value", "label"}], "mastery_threshold"}."""
    return dict(scale.as_dict())


def scale_from_json(data: Mapping[str, Any]) -> Scale:
    """The scale `scale_json` wrote."""
    levels = tuple(Level(float(lv["value"]), lv["label"]) for lv in data["levels"])
    bands = tuple(
        Band(float(b["at_least"]), b["label"], b.get("color"), b.get("description"))
        for b in data.get("bands") or ()
    )
    return Scale(levels, float(data["mastery_threshold"]), bands)


def calculation_json(calculation: Calculation | None) -> dict[str, Any] | None:
    """{"method", "weight", "n", "tie"?} (None for the framework's own, on a competency);
    `tie` only when set (mode), so stored JSON of the other methods keeps its shape."""
    if calculation is None:
        return None
    out: dict[str, Any] = {
        "method": calculation.method.value,
        "weight": calculation.weight,
        "n": calculation.n,
    }
    if calculation.tie is not None:
        out["tie"] = calculation.tie.value
    return out


def calculation_from_json(data: Mapping[str, Any] | None) -> Calculation | None:
    """The calculation `calculation_json` wrote; a decision's method names it "name"."""
    if not data:
        return None
    name = data["method"] if "method" in data else data["name"]
    weight, n, tie = data.get("weight"), data.get("n"), data.get("tie")
    return Calculation(
        CalculationMethod(name),
        None if weight is None else float(weight),
        n,
        None if tie is None else ModeTie(tie),
    )


def rollup_json(rollup: RollupRule) -> dict[str, Any]:
    """{"rule", "k"?, "percent"?, "score"?}."""
    return dict(rollup.as_dict())


def rollup_from_json(data: Mapping[str, Any]) -> RollupRule:
    """The rule `rollup_json` wrote; the rule defaults to all."""
    percent, score = data.get("percent"), data.get("score")
    return RollupRule(
        RollupKind(data.get("rule") or RollupKind.ALL.value),
        data.get("k"),
        None if percent is None else float(percent),
        None if score is None else RollupScore(score),
    )


def method_from_json(
    data: Mapping[str, Any] | str,
) -> tuple[Calculation | None, RollupRule | None]:
    """A decision's stored method ({"name", ...params}, or {"name": "rollup", "rule", ...}):
    its calculation or its rollup rule; from the JSON's text too."""
    if isinstance(data, str):
        return _method_of_text(data)
    return _method(tuple(sorted(data.items())))


@lru_cache(maxsize=256)
def _method_of_text(text: str) -> tuple[Calculation | None, RollupRule | None]:
    # A page of 20,000 decisions read as text: one parse per distinct method, not one JSON
    # decoding and sort per row.
    return method_from_json(orjson.loads(text))


@lru_cache(maxsize=256)
def _method(items: tuple[tuple[str, Any], ...]) -> tuple[Calculation | None, RollupRule | None]:
    # Parsed once per distinct method: thousands of rows share a handful of methods.
    method = dict(items)
    name = method.pop("name", None)
    if name == "rollup":
        return None, rollup_from_json(method)
    if name is None:
        return None, None
    return calculation_from_json({"method": name, **method}), None
