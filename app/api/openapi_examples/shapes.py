"""What an example entry is, and reading the JSON files that hold them (the package's
docstring says how they are used)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any


@dataclass(frozen=True)
class Example:
    summary: str  # shown as the example's name in Swagger UI and ReDoc
    value: Any
    description: str = ""  # what the reader should know before sending it


@dataclass(frozen=True)
class OperationExamples:
    requests: tuple[Example, ...] = ()
    response: Example | None = None  # the success answer's; None: its schema's example
    parameters: Mapping[str, Any] = field(default_factory=dict)  # by parameter name


def read_areas(names: Iterable[str]) -> tuple[dict[str, Any], dict[str, OperationExamples]]:
    """Every area's schema examples and operation examples. An operation or schema named in
    two areas is a mistake the second would hide, so it stops the service from starting."""
    schemas: dict[str, Any] = {}
    operations: dict[str, OperationExamples] = {}
    for name in names:
        area = json.loads((files(__package__) / f"{name}.json").read_text(encoding="utf-8"))
        for key, value in area.get("schemas", {}).items():
            _add(schemas, key, value, name)
        for key, entry in area.get("operations", {}).items():
            _add(operations, key, _operation(entry), name)
    return schemas, operations


def _add(found: dict[str, Any], key: str, value: Any, area: str) -> None:
    if key in found:
        raise ValueError(f"{area}.json: {key} has examples in another area too")
    found[key] = value


def _operation(entry: dict[str, Any]) -> OperationExamples:
    response = entry.get("response")
    return OperationExamples(
        requests=tuple(
            Example(r["summary"], r["value"], r.get("description", ""))
            for r in entry.get("requests", [])
        ),
        response=Example(response["summary"], response["value"]) if response else None,
        parameters=entry.get("parameters", {}),
    )
