"""The OneRoster REST binding's collection queries: `filter`, `sort`/`orderBy`, `limit`/`offset`.

A filter is one or more predicates `field op 'value'` joined by a single kind of logical
operator (`AND` or `OR`), ops `= != > >= < <= ~` (`~`: contains). Values are typed by the
field they compare with, so that dates compare as instants and scores as numbers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain.errors import InvalidQuery as InvalidQuery  # its callers name it here
from app.domain.errors import Problem
from app.domain.oneroster.values import parse_instant

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


class FieldKind(StrEnum):
    TEXT = "text"
    INSTANT = "instant"
    NUMBER = "number"


class Op(StrEnum):
    EQ = "="
    NE = "!="
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    CONTAINS = "~"


@dataclass(frozen=True)
class Predicate:
    field: str
    op: Op
    value: str | float | datetime


@dataclass(frozen=True)
class Filter:
    """Predicates that must all hold (`AND`), or of which one must (`OR`)."""

    predicates: tuple[Predicate, ...]
    any_of: bool = False

    def mentions(self, field: str) -> bool:
        """Whether a predicate compares this field."""
        return any(p.field == field for p in self.predicates)


@dataclass(frozen=True)
class CollectionQuery:
    """A page of a collection: filtered, sorted by a field (then by sourcedId), at an offset."""

    filter: Filter | None = None
    sort: str | None = None
    descending: bool = False
    offset: int = 0
    limit: int = DEFAULT_LIMIT


class InvalidFilter(InvalidQuery):
    """The filter names a field the collection does not have, or cannot be read
    (OneRoster's `invalid_filter_field`)."""


_PREDICATE = re.compile(
    r"\s*(?P<field>[A-Za-z][\w.]*)\s*(?P<op>!=|>=|<=|=|>|<|~)\s*'(?P<value>[^']*)'\s*"
)
_LOGIC = re.compile(r"(AND|OR)(?=\s|$)", re.IGNORECASE)


def parse_filter(text: str, fields: Mapping[str, FieldKind]) -> Filter:
    """The filter a query string gives, its values typed by `fields` (the filterable fields)."""
    predicates: list[Predicate] = []
    logics: set[str] = set()
    position = 0
    while True:
        match = _PREDICATE.match(text, position)
        if match is None:
            raise _bad(text, "write predicates as field op 'value', joined by AND or OR")
        predicates.append(_predicate(match, fields))
        position = match.end()
        if position == len(text):
            break
        logic = _LOGIC.match(text, position)
        if logic is None:
            raise _bad(text, f"expected AND or OR at {text[position:]!r}")
        logics.add(logic.group(1).upper())
        position = logic.end()
    if len(logics) > 1:
        raise _bad(text, "use one kind of logical operator, AND or OR, in a filter")
    return Filter(tuple(predicates), any_of=logics == {"OR"})


def _predicate(match: re.Match[str], fields: Mapping[str, FieldKind]) -> Predicate:
    name, op, text = match.group("field"), Op(match.group("op")), match.group("value")
    kind = fields.get(name)
    if kind is None:
        known = ", ".join(sorted(fields))
        raise _bad(match.group(0).strip(), f"{name!r} is not a field to filter on ({known})")
    if kind is FieldKind.TEXT:
        return Predicate(name, op, text)
    if op is Op.CONTAINS:
        raise _bad(match.group(0).strip(), f"~ (contains) compares text, and {name} is not text")
    try:
        value: float | datetime = (
            parse_instant(text.strip()) if kind is FieldKind.INSTANT else float(text)
        )
    except ValueError:
        expected = "a date or date-time" if kind is FieldKind.INSTANT else "a number"
        raise _bad(match.group(0).strip(), f"{name} compares with {expected}") from None
    return Predicate(name, op, value)


def _bad(text: str, msg: str) -> InvalidFilter:
    return InvalidFilter(f"The filter {text!r} is not valid", [Problem(("filter",), msg)])


def collection_query(
    *,
    filter_text: str | None,
    sort: str | None,
    order_by: str | None,
    offset: int,
    limit: int,
    fields: Mapping[str, FieldKind],
) -> CollectionQuery:
    """A collection query from the binding's query parameters. A sort field the collection does
    not have gives the default order (sourcedId), as the binding asks."""
    problems: list[Problem] = []
    if offset < 0:
        problems.append(Problem(("offset",), "must be 0 or more"))
    if limit < 1:
        problems.append(Problem(("limit",), "must be 1 or more"))
    descending = False
    if order_by is not None:
        if order_by.lower() not in ("asc", "desc"):
            problems.append(Problem(("orderBy",), f"{order_by!r} is not asc or desc"))
        descending = order_by.lower() == "desc"
    if problems:
        raise InvalidQuery("The query is not valid", problems)
    parsed = parse_filter(filter_text, fields) if filter_text and filter_text.strip() else None
    return CollectionQuery(
        filter=parsed,
        sort=sort if sort in fields else None,
        descending=descending,
        offset=offset,
        limit=min(limit, MAX_LIMIT),
    )
