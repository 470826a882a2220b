"""The arrays an unnest insert passes for each column (app/adapters/db/native.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.adapters.db.native import column_array

ROWS = [
    {"id": "a", "at": datetime(2026, 9, 1, tzinfo=UTC), "state": {"n": 1, "xs": [1.5]}},
    {"id": "b", "at": None, "state": None},
]


def test_json_is_encoded_once_and_null_stays_null() -> None:
    assert column_array(ROWS, "state", "jsonb") == ['{"n":1,"xs":[1.5]}', None]


def test_other_columns_pass_as_they_are() -> None:
    assert column_array(ROWS, "id", "text") == ["a", "b"]
    assert column_array(ROWS, "at", "timestamptz") == [datetime(2026, 9, 1, tzinfo=UTC), None]


def test_a_naive_instant_is_refused() -> None:
    rows = [*ROWS, {"id": "c", "at": datetime(2026, 9, 1), "state": None}]
    with pytest.raises(ValueError, match="naive"):
        column_array(rows, "at", "timestamptz")
