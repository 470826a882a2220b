"""Plain objects completed by compiled plans (app/api/graphql/execution.py) answer exactly what
graphql-core's own execution answers, data and errors alike, and really skip its per-field path
for plain fields."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
import strawberry
from strawberry.types import ExecutionResult

from app.api.graphql.execution import PlainObjects


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Label:
    text: str
    weight: float | None


@strawberry.type
class Cell:
    id: strawberry.ID
    colour: Colour
    score: float | None
    label: Label | None
    tags: list[str]
    count: int | None = None
    done: bool = False

    @strawberry.field
    def shout(self) -> str:
        return self.id.upper()


@strawberry.type
class Row:
    name: str
    cells: list[Cell]
    maybe: list[Cell | None]


def _cell(i: int, **changes: Any) -> Cell:
    values: dict[str, Any] = {
        "id": strawberry.ID(f"c{i}"),
        "colour": Colour.RED if i % 2 else Colour.BLUE,
        "score": None if i % 3 == 0 else i / 4,
        "label": None if i % 4 == 0 else Label(text=f"L{i}", weight=i * 1.5),
        "tags": [f"t{i}", "x"],
    }
    values.update(changes)
    return Cell(**values)


ROWS: list[Row] = []


@strawberry.type
class Query:
    @strawberry.field
    async def rows(self) -> list[Row]:
        return ROWS

    @strawberry.field
    def one(self) -> Cell:
        return ROWS[0].cells[0]


class Counting(PlainObjects):
    """Counts the fields graphql-core resolves through its general path."""

    general = 0

    def execute_field(self, *args: Any, **kwargs: Any) -> Any:
        Counting.general += 1
        return super().execute_field(*args, **kwargs)


def _rows(cells: list[Cell], maybe: list[Cell | None] | None = None) -> list[Row]:
    return [Row(name=f"r{r}", cells=cells, maybe=maybe or []) for r in range(3)]


async def _both(query: str, variables: dict[str, Any] | None = None) -> ExecutionResult:
    general = await strawberry.Schema(Query).execute(query, variable_values=variables)
    planned = await strawberry.Schema(Query, execution_context_class=Counting).execute(
        query, variable_values=variables
    )
    # As JSON: True == 1 in Python, not on the wire.
    assert json.dumps(planned.data) == json.dumps(general.data)
    assert [e.formatted for e in planned.errors or []] == [
        e.formatted for e in general.errors or []
    ]
    return planned


QUERY = """query($more: Boolean!) { rows { name cells { id colour score
  label { text weight } tags __typename ...More @include(if: $more) }
  alias: cells { i: id } } }
fragment More on Cell { colour label { text } }"""


@pytest.fixture(autouse=True)
def _reset() -> None:
    Counting.general = 0


async def test_plain_lists_answer_as_graphql_core_does_without_its_per_field_path() -> None:
    ROWS[:] = _rows([_cell(i) for i in range(12)])
    found = await _both(QUERY, {"more": True})
    assert found.data is not None
    first = found.data["rows"][0]["cells"][1]
    assert first == {
        "id": "c1",
        "colour": "RED",
        "score": 0.25,
        "label": {"text": "L1", "weight": 1.5},
        "tags": ["t1", "x"],
        "__typename": "Cell",
    }
    assert found.data["rows"][2]["alias"][11] == {"i": "c11"}
    # Only `rows` itself: every row, cell and label is completed by a plan.
    assert Counting.general == 1


async def test_skipped_fragments_are_left_out_as_graphql_core_leaves_them() -> None:
    ROWS[:] = _rows([_cell(i) for i in range(3)])
    found = await _both(
        "query($more: Boolean!) { rows { cells { id ...More @include(if: $more) } } }\n"
        "fragment More on Cell { colour }",
        {"more": False},
    )
    assert found.data == {"rows": [{"cells": [{"id": "c0"}, {"id": "c1"}, {"id": "c2"}]}] * 3}


async def test_a_field_with_a_resolver_goes_through_graphql_core() -> None:
    ROWS[:] = _rows([_cell(i) for i in range(4)])
    found = await _both("{ rows { cells { id shout } } }")
    assert found.data is not None
    assert found.data["rows"][0]["cells"][3] == {"id": "c3", "shout": "C3"}
    # rows, then per row `cells`, then per cell `id` and `shout`.
    assert Counting.general == 1 + 3 + 3 * 4 * 2


async def test_a_null_in_a_non_null_field_reports_graphql_cores_error_and_path() -> None:
    broken = _cell(2, colour=None)
    ROWS[:] = _rows([_cell(0), _cell(1), broken], maybe=[_cell(5), broken])
    found = await _both("{ rows { name maybe { id colour } } }")
    assert found.data is not None
    assert found.data["rows"][0]["maybe"] == [{"id": "c5", "colour": "RED"}, None]
    assert found.errors is not None
    assert found.errors[0].path == ["rows", 0, "maybe", 1, "colour"]
    # Every list here is non-null to the root: the null propagates to `data`.
    failed = await _both("{ rows { cells { id colour } } }")
    assert failed.data is None
    assert failed.errors is not None
    assert failed.errors[0].path == ["rows", 0, "cells", 2, "colour"]


async def test_a_value_its_type_cannot_coerce_reports_graphql_cores_error() -> None:
    ROWS[:] = _rows([_cell(0, score="many"), _cell(1)])
    found = await _both("{ rows { cells { id score } } }")
    assert found.data is not None
    assert found.data["rows"][1]["cells"] == [
        {"id": "c0", "score": None},
        {"id": "c1", "score": 0.25},
    ]
    assert found.errors is not None
    assert "Float cannot represent" in found.errors[0].message


async def test_a_lone_object_goes_through_graphql_core_and_a_repeated_one_by_its_plan() -> None:
    ROWS[:] = _rows([_cell(i) for i in range(4)])
    found = await _both("{ one { id label { text weight } tags } }")
    assert found.data == {"one": {"id": "c0", "label": None, "tags": ["t0", "x"]}}
    assert Counting.general == 1 + 3  # a plan for one object would cost more than it saves
    Counting.general = 0
    # Cells go through graphql-core (`shout` has a resolver); each has one label, the first
    # completed by graphql-core, the next ones (cells 1-3 of every row) by the plan.
    repeated = await _both("{ rows { name cells { shout label { text } } } }")
    assert repeated.data is not None
    assert repeated.data["rows"][2]["cells"][3] == {"shout": "C3", "label": {"text": "L3"}}
    assert Counting.general == 1 + 3 * 2 + 3 * 4 * 2 + 1


async def test_values_checked_inline_still_answer_as_graphql_core_does() -> None:
    # An infinite float, an enum's value in place of its member, an int where a float is
    # declared: each leaves the inline checks for the type's own coercion, or its error.
    ROWS[:] = _rows(
        [_cell(1, score=float("inf")), _cell(2, colour="blue"), _cell(5, score=3), _cell(7)]
    )
    found = await _both("{ rows { cells { id colour score } } }")
    assert found.data is not None
    assert found.data["rows"][0]["cells"][1:] == [
        {"id": "c2", "colour": "BLUE", "score": 0.5},
        {"id": "c5", "colour": "RED", "score": 3.0},
        {"id": "c7", "colour": "RED", "score": 1.75},
    ]
    assert found.data["rows"][0]["cells"][0]["score"] is None
    assert found.errors is not None
    assert {e.path[-1] for e in found.errors} == {"score"}


async def test_ints_and_booleans_checked_inline_answer_as_graphql_core_does() -> None:
    # Within 32 bits an int is its own output; past them, or a bool where an int is declared,
    # or an int where a bool is, the type's own coercion answers, or its error.
    ROWS[:] = _rows(
        [
            _cell(1, count=2**31 - 1, done=True),
            _cell(2, count=-(2**31)),
            _cell(3, count=2**31, done=1),
            _cell(4, count=True, done=0),
        ]
    )
    found = await _both("{ rows { cells { id count done } } }")
    assert found.data is not None
    assert found.data["rows"][0]["cells"] == [
        {"id": "c1", "count": 2147483647, "done": True},
        {"id": "c2", "count": -2147483648, "done": False},
        {"id": "c3", "count": None, "done": True},
        {"id": "c4", "count": 1, "done": False},
    ]
    assert found.errors is not None
    paths = {tuple(e.path) for e in found.errors}
    assert paths == {("rows", r, "cells", 2, "count") for r in range(3)}
    assert "Int cannot represent non 32-bit signed integer" in found.errors[0].message
    Counting.general = 0
    ROWS[:] = _rows([_cell(1, count=7, done=True), _cell(2, count=-3)])
    plain = await _both("{ rows { cells { count done } } }")
    assert plain.data is not None
    assert plain.data["rows"][1]["cells"] == [
        {"count": 7, "done": True},
        {"count": -3, "done": False},
    ]
    assert Counting.general == 1  # only `rows`: every cell completed by its plan
