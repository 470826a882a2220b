"""Turning domain records into table rows and back, by their declared field types."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol, TypeGuard, TypeVar

if TYPE_CHECKING:  # typeshed's name for "an instance of any dataclass"; not importable at run time
    from _typeshed import DataclassInstance

Record = TypeVar("Record", bound="DataclassInstance")


class StoredRow(Protocol):
    """A stored row read by column name: SQLAlchemy's RowMapping, asyncpg's Record or a dict.
    A column's value has the type its table declares, which a type checker cannot follow."""

    def __getitem__(self, column: str, /) -> Any: ...


def _base(hint: Any) -> Any:
    """`X` for `X | None`, else the hint itself."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return args[0] if isinstance(hint, types.UnionType) and len(args) == 1 else hint


def _reader(base: Any) -> Callable[[Any], Any] | None:
    """How to turn a stored (or JSON) value back into a value of type `base`."""
    if typing.get_origin(base) is tuple:
        item = typing.get_args(base)[0]
        if isinstance(item, type) and dataclasses.is_dataclass(item):
            return lambda values: tuple(from_json(item, v) for v in values)
        return tuple
    if isinstance(base, type) and issubclass(base, Enum):
        return base
    return None


@cache
def _converters(cls: type[DataclassInstance]) -> dict[str, Callable[[Any], Any]]:
    """For each field of a dataclass, how to turn a stored value back into the field's type."""
    hints = typing.get_type_hints(cls)
    found: dict[str, Callable[[Any], Any]] = {}
    for f in dataclasses.fields(cls):
        reader = _reader(_base(hints[f.name]))
        if reader is not None:
            found[f.name] = reader
    return found


@cache
def _json_converters(cls: type[DataclassInstance]) -> dict[str, Callable[[Any], Any]]:
    """Like `_converters`, plus dates and instants, which JSON holds as ISO text."""
    hints = typing.get_type_hints(cls)
    found = dict(_converters(cls))
    for f in dataclasses.fields(cls):
        base = _base(hints[f.name])
        if base is datetime:
            found[f.name] = datetime.fromisoformat
        elif base is date:
            found[f.name] = date.fromisoformat
    return found


def from_json(cls: type[Record], data: Mapping[str, Any]) -> Record:
    """A nested dataclass back from its JSON form."""
    convert = _json_converters(cls)
    values = {}
    for f in dataclasses.fields(cls):
        value = data.get(f.name)
        if value is not None and f.name in convert:
            value = convert[f.name](value)
        values[f.name] = value
    return cls(**values)


def _to_json(value: DataclassInstance) -> dict[str, Any]:
    """A nested dataclass as a JSON-ready dict (enums by value, dates in ISO form)."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(value):
        item = getattr(value, f.name)
        if isinstance(item, Enum):
            item = item.value
        elif isinstance(item, date):  # datetime is a date too
            item = item.isoformat()
        out[f.name] = item
    return out


def to_row(record: DataclassInstance, **extra: Any) -> dict[str, Any]:
    """A dict of column values for a dataclass record (tuples become lists, enums their value)."""
    row: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        row[f.name] = column_value(getattr(record, f.name))
    row.update(extra)
    return row


def column_value(value: Any) -> Any:
    """One field's value as a column holds it."""
    if isinstance(value, tuple):
        return [_to_json(v) if _is_record(v) else v for v in value]
    if isinstance(value, Enum):
        return value.value
    return value


def from_row(cls: type[Record], row: StoredRow) -> Record:
    """A dataclass record from a row mapping; columns the record does not declare are ignored."""
    convert = _converters(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        value = row[f.name]
        if value is not None and f.name in convert:
            value = convert[f.name](value)
        values[f.name] = value
    return cls(**values)


def _is_record(value: object) -> TypeGuard[DataclassInstance]:
    """A dataclass instance (`is_dataclass` is true of dataclass types too)."""
    return dataclasses.is_dataclass(value) and not isinstance(value, type)
