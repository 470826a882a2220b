"""Relay connections: `edges { node cursor }`, `nodes`, `pageInfo`, and `totalCount` (counted
only when asked for)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

import strawberry

from app.api.rest.pagination import decode_cursor, encode_cursor
from app.domain.errors import Invalid, Problem

T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    node: T
    cursor: str


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    nodes: list[T]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items the list has on every page together.")
    async def total_count(self) -> int:
        return await self.count()


def after_key(after: str | None) -> str | None:
    """The key an `after` cursor stands for; one we did not make is an error located there."""
    try:
        return decode_cursor(after)
    except Invalid:
        raise Invalid("The cursor is not valid", [Problem(("after",), "not a cursor")]) from None


def connection(
    items: Sequence[T],
    keys: Sequence[str],
    more: bool,
    count: Callable[[], Awaitable[int]],
) -> Connection[T]:
    """A page of items, each with the key its cursor encodes."""
    edges = [Edge(node=i, cursor=encode_cursor(k) or "") for i, k in zip(items, keys, strict=True)]
    return Connection(
        edges=edges,
        nodes=list(items),
        page_info=PageInfo(has_next_page=more, end_cursor=edges[-1].cursor if edges else None),
        count=count,
    )
