"""Turning domain records into table rows and back, by their declared field types."""

from __future__ import annotations

import dataclasses
import types
import typing
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


@cache
def _converters(cls: type) -> dict[str, Any]:
    """For each field of a dataclass, how to turn a stored value back into the field's type."""
    hints = typing.get_type_hints(cls)
    found: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        base = args[0] if isinstance(hint, types.UnionType) and len(args) == 1 else hint
        if typing.get_origin(base) is tuple:
            found[f.name] = tuple
        elif isinstance(base, type) and issubclass(base, Enum):
            found[f.name] = base
    return found


def to_row(record: Any, **extra: Any) -> dict[str, Any]:
    """A dict of column values for a dataclass record (tuples become lists, enums their value)."""
    row: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, Enum):
            value = value.value
        row[f.name] = value
    row.update(extra)
    return row


def from_row(cls: type[T], row: Any) -> T:
    """A dataclass record from a row mapping; columns the record does not declare are ignored."""
    convert = _converters(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        value = row[f.name]
        if value is not None and f.name in convert:
            value = convert[f.name](value)
        values[f.name] = value
    return cls(**values)
