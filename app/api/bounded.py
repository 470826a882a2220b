"""Pydantic types for values a client sends, under the service's input bounds
(app/domain/input_bounds.py), and stated in the OpenAPI document so that a client (or a fuzzer)
knows them: an instant inside the kept window, an integer that fits the column it is stored in.

Every REST schema and query parameter that takes an instant or a stored integer uses these;
GraphQL's DateTime scalar applies the same bounds (app/api/graphql/scalars.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, Field

from app.domain.input_bounds import (
    EARLIEST_YEAR,
    INSTANT_WINDOW,
    LATEST_YEAR,
    MAX_STORED_INT,
    in_utc,
    instant_problem,
)

# The window as a pattern on the ISO 8601 text (years 1900-2199), so the OpenAPI document
# states it; the validator below is what enforces it (also for other accepted spellings).
_WINDOW_PATTERN = r"^(19|2[01])[0-9]{2}-"
assert (EARLIEST_YEAR, LATEST_YEAR) == (1900, 2199), "keep _WINDOW_PATTERN in step"


def _in_window(moment: datetime) -> datetime:
    if problem := instant_problem(moment):
        raise ValueError(problem)
    return moment


def _in_window_utc(moment: datetime) -> datetime:
    return in_utc(_in_window(moment))


_STATED = Field(json_schema_extra={"pattern": _WINDOW_PATTERN, "x-window": INSTANT_WINDOW})

Instant = Annotated[datetime, AfterValidator(_in_window_utc), _STATED]
"""An instant from 1900 to 2199, in UTC (taken as UTC when it carries no zone): a filter."""

ZonedInstant = Annotated[datetime, AfterValidator(_in_window), _STATED]
"""An instant from 1900 to 2199 as given, zone or none: a record's own instant, whose missing
zone the domain refuses where it must have one."""

StoredInt = Annotated[int, Field(le=MAX_STORED_INT, ge=-MAX_STORED_INT - 1)]
"""An integer that fits the 32-bit column it is stored in."""

PositiveCount = Annotated[int, Field(ge=1, le=MAX_STORED_INT)]
"""A count of at least one that fits its 32-bit column."""
