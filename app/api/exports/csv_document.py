"""An export as CSV (RFC 4180: Python's csv module, CRLF line ends, UTF-8): a header row of
the columns' names, then a row per item. Null is an empty cell, booleans `true`/`false`, an
array or object compact JSON. A text cell a spreadsheet would run as a formula (beginning with
=, +, -, @, a tab or a carriage return) gets a leading `'`, as OWASP advises for CSV exports:
names can be typed by anyone. Numbers are never altered."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from app.api.exports.columns import Column, values_of
from app.api.exports.negotiation import CSV

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    if type(value) is str:  # the common case first: this runs for every cell of an export
        return "'" + value if value.startswith(_FORMULA_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def csv_lines(rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([[cell(v) for v in row] for row in rows])
    return out.getvalue().encode()


class CsvDocument:
    media_type = f"{CSV}; charset=utf-8"
    extension = "csv"

    def __init__(self, columns: list[Column]) -> None:
        self._columns = columns

    def begin(self) -> bytes:
        return csv_lines([[c.name for c in self._columns]])

    def page(self, items: list[dict[str, Any]]) -> bytes:
        return csv_lines(values_of(items, self._columns))

    def end(self) -> bytes:
        return b""
