"""The database out of reach answers 503 with Retry-After, never 500 and never a hang.

A restart or failover of PostgreSQL (or SQLite's lock held past its timeout) surfaces as the
driver's connection errors, wrapped by SQLAlchemy. They are recognised by their class,
anywhere in the exception's chain (app.adapters.db.unavailable: the one place that knows the
drivers' errors), so that every route (REST, standards, pages) answers the same without
catching them one by one; the pool drops a broken connection, so the service
recovers by itself once the database is back."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from app.adapters.db.unavailable import database_unavailable
from app.api.openapi_answers import PROBLEM_CONTENT, amend_openapi, operations

__all__ = ["RETRY_AFTER_SECONDS", "WITHOUT_DATABASE", "database_unavailable", "state_unavailable"]

RETRY_AFTER_SECONDS = 5

# Operations that answer without the database (the liveness probe); every other one reads it.
WITHOUT_DATABASE = frozenset({"/healthz"})


def state_unavailable(app: FastAPI) -> None:
    """Declare in the OpenAPI document the 503 problem+json with Retry-After that every
    operation reading the database answers while it is out of reach."""
    amend_openapi(app, _declare_unavailable)


def _declare_unavailable(schema: dict[str, Any]) -> None:
    answer = {
        "description": "The database cannot be reached; retry after the seconds of Retry-After",
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before retrying",
                "schema": {"type": "integer", "example": RETRY_AFTER_SECONDS},
            }
        },
        "content": PROBLEM_CONTENT,
    }
    for path, operation in operations(schema):
        if path not in WITHOUT_DATABASE:
            operation["responses"]["503"] = answer
