"""Reading one OneRoster field: text, lists, booleans, vocabularies, dates and instants.

Each reader takes a row (field name -> text or list) and records a problem per bad field, so a
row reports every problem it has at once."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar

from app.domain.errors import Problem
from app.domain.input_bounds import NUL, instant_problem, nul_problem

E = TypeVar("E", bound=StrEnum)

# One row as a reader hands it over: field name -> text, a list of texts (list fields), or a
# list of nested rows (roles embedded in a user by a REST provider).
RowValues = Mapping[str, object]

_BOOLEANS = {"true": True, "false": False}


def _lookup(enum: type[E]) -> dict[str, E]:
    return {member.value.lower(): member for member in enum}


_VOCABULARIES: dict[type[StrEnum], dict[str, StrEnum]] = {}


def vocabulary(enum: type[E]) -> dict[str, E]:
    """The enum's values by lower-case spelling (SIS exports vary the case: `Scheduled`)."""
    found = _VOCABULARIES.get(enum)
    if found is None:
        found = _VOCABULARIES[enum] = dict(_lookup(enum))
    return found  # type: ignore[return-value]


# A SIS stamps many rows with the same instants and dates: parse each text once.
@lru_cache(maxsize=4096)
def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant; a date alone means its midnight, and no zone means UTC."""
    if len(text) == 10:
        day = date.fromisoformat(text)
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@lru_cache(maxsize=4096)
def _window_problem(text: str) -> str | None:
    """Why an instant is outside the kept window (checked before it is shifted to UTC, which
    overflows near year 1 and 9999)."""
    return instant_problem(datetime.fromisoformat(text)) if len(text) > 10 else None


@lru_cache(maxsize=4096)
def parse_date(text: str) -> date:
    """An ISO 8601 date; an instant given where a date is expected gives its date."""
    if len(text) == 10:
        return date.fromisoformat(text)
    return parse_instant(text).date()


class Fields:
    """A row being read: typed values out, one problem per bad field collected."""

    __slots__ = ("problems", "values")

    def __init__(self, values: RowValues) -> None:
        self.values = values
        self.problems: list[Problem] = []

    def bad(self, field: str, msg: str) -> None:
        self.problems.append(Problem((field,), msg))

    def text(self, field: str) -> str | None:
        value = self.values.get(field)
        if type(value) is str or isinstance(value, str):  # the first test is the fast path
            if NUL in value:
                # No stored text can hold one: the row is refused (or skipped) for it.
                self.bad(field, f"{field} {nul_problem()}")
                value = value.replace(NUL, "")
            return value.strip() or None
        return None

    def required(self, field: str) -> str:
        value = self.text(field)
        if value is None:
            self.bad(field, f"{field} is required")
            return ""
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        value = self.values.get(field)
        if isinstance(value, tuple):
            if any(NUL in str(v) for v in value):
                self.bad(field, f"{field} {nul_problem()}")
                return ()
            return tuple(v for v in (str(v).strip() for v in value) if v)
        if isinstance(value, str) and NUL in value:
            self.bad(field, f"{field} {nul_problem()}")
            return ()
        if isinstance(value, str) and value.strip():
            return tuple(v for v in (v.strip() for v in value.split(",")) if v)
        return ()

    def nested(self, field: str) -> tuple[RowValues, ...]:
        value = self.values.get(field)
        if isinstance(value, tuple):
            return tuple(v for v in value if isinstance(v, Mapping))
        return ()

    def choice(
        self,
        field: str,
        enum: type[E],
        *,
        required: bool = True,
        among: Collection[E] | None = None,
    ) -> E | None:
        """A value of `enum` (of `among` when given: a version's part of the vocabulary)."""
        text = self.text(field)
        if text is None:
            if required:
                self.bad(field, f"{field} is required")
            return None
        found = vocabulary(enum).get(text.lower())
        if found is None or (among is not None and found not in among):
            allowed = ", ".join(m.value for m in enum if among is None or m in among)
            self.bad(field, f"{field} {text!r} is not one of {allowed}")
            return None
        return found

    def flag(self, field: str, default: bool | None = None) -> bool | None:
        text = self.text(field)
        if text is None:
            return default
        found = _BOOLEANS.get(text.lower())
        if found is None:
            self.bad(field, f"{field} {text!r} is not true or false")
        return found

    def day(self, field: str, *, required: bool = False) -> date | None:
        text = self.text(field)
        if text is None:
            if required:
                self.bad(field, f"{field} is required")
            return None
        try:
            return parse_date(text)
        except ValueError:
            self.bad(field, f"{field} {text!r} is not a date (YYYY-MM-DD)")
            return None

    def instant(self, field: str) -> datetime | None:
        text = self.text(field)
        if text is None:
            return None
        try:
            if problem := _window_problem(text):
                self.bad(field, f"{field} {text!r} {problem}")
                return None
            return parse_instant(text)
        except ValueError:
            self.bad(field, f"{field} {text!r} is not a date-time (ISO 8601)")
            return None
