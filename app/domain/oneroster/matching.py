"""A OneRoster collection query applied to records held in memory (derived ones, which no
table holds): the same meaning the SQL adapters give it, so that a client reads a provider's
collection as it reads a consumer's. A field without a value never matches a predicate (as a
NULL column never does); sorting puts records without the value last either way, then orders
by sourcedId."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

from app.domain.oneroster.query import CollectionQuery, Op, Predicate

T = TypeVar("T")
Value = str | float | datetime | None
Getter = Callable[[Any], Value]


def _holds(value: Value, predicate: Predicate) -> bool:
    if value is None:
        return False
    wanted: Any = predicate.value
    got: Any = value
    match predicate.op:
        case Op.EQ:
            return bool(got == wanted)
        case Op.NE:
            return bool(got != wanted)
        case Op.GT:
            return bool(got > wanted)
        case Op.GE:
            return bool(got >= wanted)
        case Op.LT:
            return bool(got < wanted)
        case Op.LE:
            return bool(got <= wanted)
        case Op.CONTAINS:
            return str(wanted).lower() in str(got).lower()


def page(
    records: Sequence[T],
    query: CollectionQuery,
    getters: Mapping[str, Getter],
) -> tuple[list[T], int]:
    """(the page the query asks for, how many records the filter keeps). `getters` read each
    filterable field (`sourcedId` among them) off a record."""
    kept = list(records)
    if query.filter is not None:
        predicates = query.filter.predicates
        test = any if query.filter.any_of else all
        kept = [r for r in kept if test(_holds(getters[p.field](r), p) for p in predicates)]
    key = getters["sourcedId"]
    kept.sort(key=lambda r: str(key(r)))
    if query.sort is not None:
        sort = getters[query.sort]
        valued = [r for r in kept if sort(r) is not None]
        # A stable sort, reversed or not: ties stay in sourcedId order (the SQL's second key).
        valued.sort(key=sort, reverse=query.descending)  # type: ignore[arg-type]
        kept = valued + [r for r in kept if sort(r) is None]
    return kept[query.offset : query.offset + query.limit], len(kept)
