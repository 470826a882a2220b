"""What any value a client sends must respect before a rule of its own is asked: the bounds the
service stores and computes within, the same for REST, GraphQL, uploads and syncs.

A NUL character cannot be stored in a PostgreSQL text column; integers are stored in 32-bit
columns; instants are shifted by time zones and durations, which overflows near year 1 and
9999; parsing JSON nested deeper than the interpreter's recursion limit fails whatever the
content. Each answered 500 before these bounds (docs/decisions/0019-input-validation.md)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from itertools import accumulate

NUL = "\x00"
# The largest value of the 32-bit integer columns counts are stored in.
MAX_STORED_INT = 2**31 - 1
# The largest value of the 64-bit sequence columns (evidence arrival order).
MAX_SEQUENCE = 2**63 - 1
# Instants a school record can carry: wide enough for any birth date or result, narrow enough
# that a time zone or a duration added never leaves the calendar.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2199
INSTANT_WINDOW = f"between {EARLIEST_YEAR}-01-01 and {LATEST_YEAR}-12-31"
# JSON nesting: every document this service reads is a few levels deep (a CASE package is 4,
# a GraphQL request's variables rarely 10); far below the parser's recursion limit.
MAX_JSON_DEPTH = 64

_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_OPENERS = b"[{"
_CLOSERS = b"]}"
# Maps an opener to 1 and a closer to -1 (as a signed byte); every other byte is deleted.
_STEPS = bytes.maketrans(_OPENERS + _CLOSERS, b"\x01\x01\xff\xff")
_OTHER_BYTES = bytes(b for b in range(256) if b not in _OPENERS + _CLOSERS)


def has_nul(text: str) -> bool:
    """Whether `text` holds a NUL character, which no stored text may."""
    return NUL in text


def nul_problem() -> str:
    """What is said of a value holding a NUL character."""
    return "must not contain a NUL character (\\u0000)"


def sequence_number(text: str) -> int | None:
    """The sequence number `text` spells in ASCII digits (str.isdigit also takes "²" and other
    scripts' digits, which int() refuses), or None when it spells none a column can hold."""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_SEQUENCE)):
        return None
    number = int(text)
    return number if number <= MAX_SEQUENCE else None


def instant_problem(moment: datetime) -> str | None:
    """Why `moment` is outside the instants the service keeps, or None when it is inside."""
    # The local year first: only inside the window is the shift to UTC safe from overflow.
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        return f"must be {INSTANT_WINDOW}"
    if not EARLIEST_YEAR <= in_utc(moment).year <= LATEST_YEAR:
        return f"must be {INSTANT_WINDOW} in UTC"
    return None


def in_utc(moment: datetime) -> datetime:
    """`moment` in UTC, taken as UTC when it carries no zone (as the API documents). Call only
    on an instant inside the window (`instant_problem`), where the shift cannot overflow."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def json_depth(raw: bytes, *, stop_above: int = MAX_JSON_DEPTH) -> int:
    """How deeply the JSON text `raw` nests arrays and objects, counted without parsing it
    (strings removed, then a running sum over the brackets left), stopping early once over
    `stop_above`. Text that is not JSON gets a number too; the parser refuses it afterwards."""
    if b"[" not in raw and b"{" not in raw:
        return 0
    brackets = _JSON_STRING.sub(b"", raw).translate(_STEPS, _OTHER_BYTES)
    deepest = 0
    for depth in accumulate(memoryview(brackets).cast("b")):
        if depth > deepest:
            deepest = depth
            if deepest > stop_above:
                break
    return deepest
