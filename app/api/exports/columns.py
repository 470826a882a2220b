"""The columns of an export, read from the OpenAPI schema of a list's items: its properties in
order, a nested object's fields flattened as `parent.child`, each with the kind of value it
holds (an array or a free-form object is one value of JSON text)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["string", "integer", "number", "boolean", "json"]
_KINDS: dict[str, Kind] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}


@dataclass(frozen=True)
class Column:
    name: str  # `parent.child` for a nested field
    kind: Kind

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.name.split("."))


def columns_of(
    schema: dict[str, Any], components: dict[str, Any], prefix: str = ""
) -> list[Column]:
    schema = _resolved(schema, components)
    properties = schema.get("properties")
    if not properties:
        return [Column(prefix.rstrip("."), _kind(schema))] if prefix else []
    found: list[Column] = []
    for name, field in properties.items():
        nested = _resolved(field, components)
        if nested.get("properties"):
            found += columns_of(nested, components, f"{prefix}{name}.")
        else:
            found.append(Column(f"{prefix}{name}", _kind(nested)))
    return found


def _kind(schema: dict[str, Any]) -> Kind:
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    kinds = {_KINDS.get(s.get("type", ""), "json") for s in options}
    return kinds.pop() if len(kinds) == 1 else "json"


def _resolved(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    """A $ref followed; `X | None` (anyOf with null) read as X."""
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if len(options) == 1:
        schema = options[0]
    ref = schema.get("$ref")
    if ref:
        return _resolved(components[ref.rsplit("/", 1)[-1]], components)
    return schema


def values_of(items: list[dict[str, Any]], columns: list[Column]) -> list[list[Any]]:
    """Each item's value for each column (None where a nested parent is missing)."""
    paths = [c.path for c in columns]
    rows = []
    for item in items:
        row = []
        for first, *rest in paths:
            value = item.get(first)
            for part in rest:
                value = value.get(part) if isinstance(value, dict) else None
            row.append(value)
        rows.append(row)
    return rows


def list_operations(schema: dict[str, Any]) -> dict[str, list[Column]]:
    """Every GET operation whose JSON answer is a page of `items`, with its items' columns. Not
    the change feed, which pages by `after` and never ends (an empty page hands its cursor
    back, for the next poll): it has no whole-list document."""
    components = schema.get("components", {}).get("schemas", {})
    found: dict[str, list[Column]] = {}
    for path, operations in schema.get("paths", {}).items():
        operation = operations.get("get", {})
        if any(p.get("name") == "after" for p in operation.get("parameters", [])):
            continue
        answer = operation.get("responses", {}).get("200", {})
        body = answer.get("content", {}).get("application/json", {}).get("schema")
        if not body:
            continue
        page = _resolved(body, components)
        items = page.get("properties", {}).get("items", {})
        if items.get("type") == "array" and "next_cursor" in page.get("properties", {}):
            found[path] = columns_of(items.get("items", {}), components)
    return found
