"""Answers the OpenAPI document declares on many operations at once, for what a middleware
answers rather than a route (a refused input, the database out of reach)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from app.api.problems import PROBLEM_JSON

Schema = dict[str, Any]
PROBLEM_CONTENT = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}


def amend_openapi(app: FastAPI, amend: Callable[[Schema], None]) -> None:
    """Have `amend` change the document FastAPI builds, once, before it is cached."""
    build = app.openapi

    def openapi() -> Schema:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        amend(schema)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def operations(schema: Schema) -> list[tuple[str, Schema]]:
    """Every operation of the document with its path."""
    return [(path, op) for path, ops in schema["paths"].items() for op in ops.values()]
