"""CSV for every list: `Accept: text/csv` or `?format=csv` on any GET that answers a page of
`items` turns the whole list, from `cursor` (if given) to its end, into one CSV document with a
header row in the API's field names. A pure ASGI middleware, so every list (and every list
added later) answers CSV the same way, through the same authentication, validation and tenant
scoping as its JSON: it asks the route for its JSON pages, one after another (`limit` sets
their size, 500 by default), and streams each page's rows as it comes, so memory stays flat
however long the list. An answer that is not a page (an error) is passed on as it is.

Columns come from the OpenAPI schema of the list's items, so an empty list still has its
header: a nested object's fields are `parent.child`; an array or a free-form object is one
cell of JSON. Cells that a spreadsheet would run as a formula (text beginning with =, +, -, @,
a tab or a carriage return) are prefixed with a single quote, as OWASP advises for CSV
exports; see docs/decisions/0021-csv-exports.md."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qsl, urlencode

import orjson
from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.middleware import header

CSV = "text/csv"
PAGE = 500
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def wants_csv(query: list[tuple[str, str]], accept: str | None) -> bool:
    """`format=csv` (or `format=json`) decides; otherwise the Accept header's preference
    between text/csv and application/json (JSON when neither is preferred)."""
    chosen = [v for k, v in query if k == "format"]
    if chosen:
        return chosen[-1].lower() == "csv"
    best: dict[str, float] = {}
    for part in (accept or "").split(","):
        media, _, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        best[media.strip().lower()] = weight
    return best.get(CSV, 0.0) > max(best.get("application/json", 0.0), 0.0)


def columns_of(schema: dict[str, Any], components: dict[str, Any], prefix: str = "") -> list[str]:
    """The CSV columns of an item schema: its properties in order, objects flattened."""
    schema = _resolved(schema, components)
    properties = schema.get("properties")
    if not properties:
        return [prefix.rstrip(".")] if prefix else []
    found: list[str] = []
    for name, field in properties.items():
        nested = _resolved(field, components)
        if nested.get("properties"):
            found += columns_of(nested, components, f"{prefix}{name}.")
        else:
            found.append(f"{prefix}{name}")
    return found


def _resolved(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    """A $ref followed; `X | None` (anyOf with null) read as X."""
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if len(options) == 1:
        schema = options[0]
    ref = schema.get("$ref")
    if ref:
        return _resolved(components[ref.rsplit("/", 1)[-1]], components)
    return schema


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


def rows_of(items: list[dict[str, Any]], columns: list[str]) -> list[list[str]]:
    paths = [tuple(c.split(".")) for c in columns]
    rows = []
    for item in items:
        row = []
        for first, *rest in paths:
            value = item.get(first)
            for part in rest:
                value = value.get(part) if isinstance(value, dict) else None
            row.append(cell(value))
        rows.append(row)
    return rows


def csv_lines(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode()


class CsvExport:
    """Answers CSV for every GET list operation of `fastapi` (found in its OpenAPI document)."""

    def __init__(self, app: ASGIApp, *, fastapi: FastAPI) -> None:
        self.app = app
        self._fastapi = fastapi
        self._lists: list[tuple[re.Pattern[str], list[str]]] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        if not wants_csv(query, header(scope, b"accept")):
            if any(k == "format" for k, _ in query):  # format=json: the route never sees it
                kept = urlencode([(k, v) for k, v in query if k != "format"]).encode()
                scope = {**scope, "query_string": kept}
            await self.app(scope, receive, send)
            return
        columns = self._columns_for(scope["path"])
        if columns is None:
            await self.app(scope, receive, send)  # not a list: its own media types apply
            return
        first = await self._page(scope, query, None)
        if first.status != 200 or not isinstance(first.document, dict):
            await first.replay(send)
            return
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"text/csv; charset=utf-8"),
                    (b"content-disposition", _attachment(scope["path"])),
                ],
            }
        )
        async for chunk in self._chunks(scope, query, columns, first):
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    def _columns_for(self, path: str) -> list[str] | None:
        if self._lists is None:
            self._lists = [
                (_template_pattern(template), columns)
                for template, columns in csv_lists(self._fastapi.openapi()).items()
            ]
        return next((columns for pattern, columns in self._lists if pattern.match(path)), None)

    async def _chunks(
        self, scope: Scope, query: list[tuple[str, str]], columns: list[str], page: _Answer
    ) -> AsyncIterator[bytes]:
        yield csv_lines([columns])
        while True:
            document = page.document if isinstance(page.document, dict) else {}
            yield csv_lines(rows_of(document.get("items", []), columns))
            following = document.get("next_cursor")
            if not following:
                return
            page = await self._page(scope, query, str(following))
            if page.status != 200:  # the answer has begun: end the document where it stands
                return

    async def _page(
        self, scope: Scope, query: list[tuple[str, str]], cursor: str | None
    ) -> _Answer:
        asked = [(k, v) for k, v in query if k not in {"format", "cursor", "limit"}]
        limit = next((v for k, v in query if k == "limit"), str(PAGE))
        start = cursor or next((v for k, v in query if k == "cursor"), None)
        asked.append(("limit", limit))
        if start:
            asked.append(("cursor", start))
        headers = [(k, v) for k, v in scope.get("headers", []) if k != b"accept"]
        inner = {
            **scope,
            "query_string": urlencode(asked).encode(),
            "headers": [*headers, (b"accept", b"application/json")],
        }
        answer = _Answer()

        async def nothing() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        await self.app(inner, nothing, answer.send)
        return answer


class _Answer:
    """One inner JSON answer, captured whole (a page of at most `limit` items)."""

    def __init__(self) -> None:
        self.status = 0
        self.start: Message = {}
        self.body: list[bytes] = []

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.start = message
        elif message["type"] == "http.response.body":
            self.body.append(message.get("body", b""))

    @property
    def document(self) -> Any:
        try:
            return orjson.loads(b"".join(self.body))
        except orjson.JSONDecodeError:
            return None

    async def replay(self, send: Send) -> None:
        await send(self.start)
        await send({"type": "http.response.body", "body": b"".join(self.body)})


def _template_pattern(template: str) -> re.Pattern[str]:
    """`/v1/classes/{id}/students` as a pattern of the paths it stands for."""
    parts = re.split(r"\{[^}]+\}", template)
    return re.compile("^" + "[^/]+".join(re.escape(p) for p in parts) + "$")


def _attachment(path: str) -> bytes:
    name = path.strip("/").replace("/", "-") or "export"
    return f'attachment; filename="{name}.csv"'.encode()


def csv_lists(schema: dict[str, Any]) -> dict[str, list[str]]:
    """Every GET operation whose JSON answer is a page of `items`, with its items' columns."""
    components = schema.get("components", {}).get("schemas", {})
    found: dict[str, list[str]] = {}
    for path, operations in schema.get("paths", {}).items():
        answer = operations.get("get", {}).get("responses", {}).get("200", {})
        body = answer.get("content", {}).get("application/json", {}).get("schema")
        if not body:
            continue
        page = _resolved(body, components)
        items = page.get("properties", {}).get("items", {})
        if items.get("type") == "array" and "next_cursor" in page.get("properties", {}):
            found[path] = columns_of(items.get("items", {}), components)
    return found


def declare_csv(app: FastAPI) -> None:
    """State in the OpenAPI document that every list also answers text/csv, and `format`."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        for path in csv_lists(schema):
            operation = schema["paths"][path]["get"]
            operation["responses"]["200"]["content"][CSV] = {
                "schema": {"type": "string", "description": _CSV_ANSWER}
            }
            operation.setdefault("parameters", []).append(_FORMAT)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


_CSV_ANSWER = (
    "The whole list from `cursor` to its end as CSV (RFC 4180), a header row in the items' "
    "field names (nested fields as parent.child)"
)
_FORMAT = {
    "name": "format",
    "in": "query",
    "required": False,
    "description": "csv for the whole list as CSV (as Accept: text/csv); json (the default) "
    "for a page of JSON. With csv, `limit` sets the size of the pages it is read in.",
    "schema": {"type": "string", "enum": ["json", "csv"]},
}
