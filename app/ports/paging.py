"""Pages of a list: keyset pages and offset pages with a total."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a keyset-paged list; `last_key` is set when more may follow."""

    items: list[T]
    last_key: str | None


@dataclass(frozen=True)
class Counted(Generic[T]):
    """One page of an offset-paged collection, and how many items the whole collection holds."""

    items: list[T]
    total: int
