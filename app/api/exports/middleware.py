"""Every list as CSV or Parquet: `Accept: text/csv` / `application/vnd.apache.parquet`, or
`?format=csv|parquet`, on any GET that answers a page of `items` turns the whole list, from
`cursor` (if given) to its end, into one document whose columns are the API's field names.

A pure ASGI middleware, innermost of ours, so every list (and every list added later) exports
the same way, through the same authentication, validation and tenant fence as its JSON: it asks
the route for its JSON pages, one after another (`limit` sets their size, 500 by default), and
streams each page's rows as they come, so memory stays flat however long the list. The first
page is read before answering, so an error keeps its own status and body.
See docs/decisions/0021-csv-exports.md."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode

import orjson
from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.exports.columns import Column, list_operations
from app.api.exports.csv_document import CsvDocument
from app.api.exports.negotiation import CSV, JSON, PARQUET, export_format
from app.api.middleware import header

PAGE = 500


class Document(Protocol):
    media_type: str
    extension: str

    def begin(self) -> bytes: ...

    def page(self, items: list[dict[str, Any]]) -> bytes: ...

    def end(self) -> bytes: ...


def _document(chosen: str, columns: list[Column]) -> Document:
    if chosen == "parquet":
        # pyarrow takes a third of a second to import: only a Parquet export pays for it.
        from app.api.exports.parquet_document import ParquetDocument

        return ParquetDocument(columns)
    return CsvDocument(columns)


class ListExport:
    """Answers CSV or Parquet for every GET list operation of `fastapi` (from its OpenAPI)."""

    def __init__(self, app: ASGIApp, *, fastapi: FastAPI) -> None:
        self.app = app
        self._fastapi = fastapi
        self._lists: list[tuple[re.Pattern[str], list[Column]]] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        raw = scope.get("query_string", b"")
        accept = header(scope, b"accept")
        if b"format=" not in raw and not _asks_for_a_document(accept):
            await self.app(scope, receive, send)  # the common case: JSON, nothing to parse
            return
        query = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
        chosen = export_format(query, accept)
        columns = self._columns_for(scope["path"])
        if chosen == "json" or columns is None:
            if columns is not None and any(k == "format" for k, _ in query):
                kept = urlencode([(k, v) for k, v in query if k != "format"]).encode()
                scope = {**scope, "query_string": kept}  # format=json: the route never sees it
            await self.app(scope, receive, send)  # not a list: its own media types apply
            return
        first = await self._page(scope, query, None)
        if first.status != 200 or not isinstance(first.document, dict):
            await first.replay(send)
            return
        document = _document(chosen, columns)
        name = (scope["path"].strip("/").replace("/", "-") or "export") + "." + document.extension
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", document.media_type.encode()),
                    (b"content-disposition", f'attachment; filename="{name}"'.encode()),
                ],
            }
        )
        async for chunk in self._chunks(scope, query, document, first):
            if chunk:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    def _columns_for(self, path: str) -> list[Column] | None:
        if self._lists is None:
            self._lists = [
                (_template_pattern(template), columns)
                for template, columns in list_operations(self._fastapi.openapi()).items()
            ]
        return next((columns for pattern, columns in self._lists if pattern.match(path)), None)

    async def _chunks(
        self, scope: Scope, query: list[tuple[str, str]], document: Document, page: _Answer
    ) -> AsyncIterator[bytes]:
        yield document.begin()
        current = next((v for k, v in query if k == "cursor"), None)
        while True:
            body = page.document if isinstance(page.document, dict) else {}
            yield document.page(body.get("items", []))
            following = body.get("next_cursor")
            # The end: no cursor, or one that does not move (a list must never loop forever).
            if not following or following == current or not body.get("items"):
                break
            current = str(following)
            page = await self._page(scope, query, current)
            if page.status != 200:  # the answer has begun: end the document where it stands
                break
        yield document.end()

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
            "headers": [*headers, (b"accept", JSON.encode())],
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


def _asks_for_a_document(accept: str | None) -> bool:
    return accept is not None and (CSV in accept or PARQUET in accept)


def _template_pattern(template: str) -> re.Pattern[str]:
    """`/v1/classes/{id}/students` as a pattern of the paths it stands for."""
    parts = re.split(r"\{[^}]+\}", template)
    return re.compile("^" + "[^/]+".join(re.escape(p) for p in parts) + "$")


def declare_exports(app: FastAPI) -> None:
    """State in the OpenAPI document that every list also answers CSV and Parquet."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        for path in list_operations(schema):
            operation = schema["paths"][path]["get"]
            content = operation["responses"]["200"]["content"]
            content[CSV] = {"schema": {"type": "string", "description": _CSV_ANSWER}}
            content[PARQUET] = {"schema": {"type": "string", "format": "binary"}}
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
    "description": "csv or parquet for the whole list from `cursor` to its end as one document "
    "(as Accept: text/csv or application/vnd.apache.parquet); json (the default) for a page. "
    "With csv or parquet, `limit` sets the size of the pages it is read in.",
    "schema": {"type": "string", "enum": ["json", "csv", "parquet"]},
}
