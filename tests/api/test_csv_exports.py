"""Every list answers CSV (issue #12, item 3): `Accept: text/csv` or `?format=csv` gives the
whole list as CSV with a header row in the API's field names, equal to the JSON pages walked
to their end, through the same scopes, validation and tenant fence."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pyarrow.parquet as pq
import pytest

from app.api.exports.csv_document import cell
from app.api.exports.negotiation import wants_csv
from tests.api.mastery_data import post, result, seed_framework
from tests.conftest import Api


async def _json_pages(api: Api, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list, walked page by page as a JSON client would."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        asked = {**params, **({"cursor": cursor} if cursor else {})}
        page = (await api.get(path, params=asked)).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def _expected(item: dict[str, Any], column: str) -> str:
    """What a CSV cell must hold for an item's field, worked out from the JSON on its own."""
    value: Any = item
    for part in column.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list | dict):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def _parsed(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


async def _seeded(api: Api) -> None:
    await seed_framework(api)
    await post(
        api,
        result(3, 1),
        result(2, 2),
        result(4, 3, competency="s-2"),
        result(1, 4, comment='a comment, with a comma and "quotes"\nand a line'),
    )
    # Two entries in the audit trail, one with before/after objects.
    changed = await api.patch("/v1/frameworks/fw-math", json={"min_evidence": 2})
    assert changed.status_code == 200, changed.text
    made = await api.post("/v1/clients", json={"scope": "roster:read", "name": "SIS"})
    assert made.status_code == 201, made.text


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/v1/users", {}),
        ("/v1/orgs", {}),
        ("/v1/classes", {}),
        ("/v1/enrollments", {}),
        ("/v1/academic-sessions", {}),
        ("/v1/courses", {}),
        ("/v1/frameworks", {}),
        ("/v1/evidence", {}),
        ("/v1/classes/class-1/students", {}),
        ("/v1/students/student-1/mastery", {}),
        ("/v1/classes/class-1/teachers", {}),
        ("/v1/students/student-1/mastery/s-1/history", {}),
        ("/v1/audit", {}),
    ],
)
async def test_every_list_as_csv_equals_its_json_pages(
    api: Api, path: str, params: dict[str, Any]
) -> None:
    await _seeded(api)
    items = await _json_pages(api, path, limit=1, **params)
    assert items, f"{path} has data to export"
    for asked in ({"headers": {"Accept": "text/csv"}}, {"params": {"format": "csv"}}):
        extra = asked.get("params", {})
        response = await api.get(
            path, params={**params, **extra, "limit": 1}, headers=asked.get("headers", {})
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert response.headers["content-disposition"].startswith("attachment; filename=")
        columns, rows = _parsed(response.text)
        # Every top-level field of the JSON is a column, or the prefix of flattened columns.
        for field in items[0]:
            assert field in columns or any(c.startswith(f"{field}.") for c in columns), field
        # One row per item, in order, across every page (limit=1: one item per page read).
        assert len(rows) == len(items)
        for item, row in zip(items, rows, strict=True):
            assert row == {c: _expected(item, c) for c in columns}


async def test_the_header_comes_even_for_an_empty_list(api: Api) -> None:
    await _seeded(api)
    response = await api.get("/v1/evidence", params={"format": "csv", "student_id": "nobody"})
    assert response.status_code == 200
    assert response.text.splitlines()[0].split(",")[:3] == ["id", "student_id", "competency_id"]
    assert len(response.text.splitlines()) == 1


async def test_a_comment_with_commas_quotes_and_lines_survives(api: Api) -> None:
    await _seeded(api)
    response = await api.get("/v1/evidence", params={"format": "csv"})
    _, rows = _parsed(response.text)
    assert [r["comment"] for r in rows if r["comment"]] == [
        'a comment, with a comma and "quotes"\nand a line'
    ]


async def test_errors_keep_their_own_answer(api: Api, other_api: Api) -> None:
    await _seeded(api)
    bad = await api.get("/v1/evidence", params={"format": "csv", "limit": 0})
    assert bad.status_code == 422
    assert bad.headers["content-type"] == "application/problem+json"
    # Another district's class is not found, in CSV as in JSON.
    foreign = await other_api.get("/v1/classes/class-1/students", params={"format": "csv"})
    assert foreign.status_code == 404
    unauthenticated = await api.http.get("/v1/users", params={"format": "csv"})
    assert unauthenticated.status_code == 401


async def test_json_stays_the_default_and_format_json_is_json(api: Api) -> None:
    await _seeded(api)
    for headers, params in (({}, {}), ({"Accept": "*/*"}, {}), ({}, {"format": "json"})):
        response = await api.get("/v1/users", headers=headers, params=params)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"


def test_negotiation_and_formula_cells() -> None:
    assert wants_csv([], "text/csv")
    assert wants_csv([], "application/json;q=0.5, text/csv")
    assert not wants_csv([], "text/csv;q=0.4, application/json")
    assert not wants_csv([], "*/*")
    assert not wants_csv([], None)
    assert wants_csv([("format", "CSV")], "application/json")
    assert not wants_csv([("format", "json")], "text/csv")
    # A name a spreadsheet would run as a formula is shown as text (OWASP's advice).
    assert cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert cell("@SUM(A1)") == "'@SUM(A1)"
    assert cell(-1.5) == "-1.5"  # numbers are numbers
    assert cell(True) == "true"
    assert cell(None) == ""


async def test_the_class_grid_as_csv_is_one_row_per_student(api: Api) -> None:
    await _seeded(api)
    path = "/v1/classes/class-1/mastery"
    grid = (await api.get(path, params={"framework_id": "fw-math"})).json()
    for asked in (
        {"params": {"framework_id": "fw-math", "format": "csv"}},
        {"params": {"framework_id": "fw-math"}, "headers": {"Accept": "text/csv"}},
    ):
        response = await api.get(path, **asked)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        rows = list(csv.reader(io.StringIO(response.text)))
        # d-nbt (the domain), then its standards s-1 and s-2, as the JSON orders them.
        codes = [c["code"] for c in grid["competencies"]]
        assert codes == ["4.NBT", "4.NBT.1", "4.NBT.2"]
        assert rows[0] == [
            "student_id",
            "given_name",
            "family_name",
            *[f"{code} {what}" for code in codes for what in ("status", "score", "band")],
        ]
        assert len(rows) == 1 + len(grid["students"]) == 2
        student = grid["students"][0]
        expected = [student["student_id"], student["given_name"], student["family_name"]]
        for decision in student["decisions"]:
            score = decision["score"]
            band = decision["band"]["label"] if decision["band"] else ""
            expected += [decision["status"], "" if score is None else str(score), band]
        assert rows[1] == expected
        assert rows[1][:3] == ["student-1", "Sam", "Study"]


@pytest.mark.parametrize("path", ["/v1/evidence", "/v1/users", "/v1/students/student-1/mastery"])
async def test_every_list_as_parquet_equals_its_json_pages(api: Api, path: str) -> None:
    await _seeded(api)
    items = await _json_pages(api, path, limit=2)
    for asked in (
        {"params": {"format": "parquet", "limit": 2}},
        {"params": {"limit": 2}, "headers": {"Accept": "application/vnd.apache.parquet"}},
    ):
        response = await api.get(path, **asked)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/vnd.apache.parquet"
        table = pq.read_table(io.BytesIO(response.content))
        assert table.num_rows == len(items)
        # Typed columns: the evidence's score is a double, its comment text, its ids text.
        types = {field.name: str(field.type) for field in table.schema}
        if path == "/v1/evidence":
            assert (types["score"], types["comment"], types["student_id"]) == (
                "double",
                "string",
                "string",
            )
        for item, row in zip(items, table.to_pylist(), strict=True):
            for column, value in row.items():
                expected = _json_value(item, column)
                if isinstance(expected, list | dict):
                    expected = json.dumps(expected, separators=(",", ":"))
                assert value == expected, (column, value, expected)


def _json_value(item: dict[str, Any], column: str) -> Any:
    value: Any = item
    for part in column.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value
