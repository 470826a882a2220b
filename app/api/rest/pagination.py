"""Cursor pagination: `limit` and an opaque `cursor`; lists answer `{"items", "next_cursor"}`."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field

from app.domain.errors import Invalid, Problem

T = TypeVar("T")

MAX_PAGE = 500
_MARK = "k1:"  # a version mark, so a cursor we did not make is recognised as such


class ListPage(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )


def encode_cursor(last_key: str | None) -> str | None:
    if last_key is None:
        return None
    return base64.urlsafe_b64encode(f"{_MARK}{last_key}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> str | None:
    """The key a cursor stands for; a cursor we did not make is a 422."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        text = base64.b64decode(padded, altchars=b"-_", validate=True).decode()
        if not text.startswith(_MARK):
            raise ValueError("not ours")
        return text.removeprefix(_MARK)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise Invalid(
            "The cursor is not valid", [Problem(("query", "cursor"), "not a cursor")]
        ) from None


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="`next_cursor` of the previous page.")]
