"""The database out of reach answers 503 with Retry-After, never 500 and never a hang.

A restart or failover of PostgreSQL (or SQLite's lock held past its timeout) surfaces as the
driver's connection errors, wrapped by SQLAlchemy. They are recognised here by their class,
anywhere in the exception's chain, so that every route (REST, standards, pages) answers the
same without catching them one by one; the pool drops a broken connection, so the service
recovers by itself once the database is back."""

from __future__ import annotations

import errno
from typing import Any

from fastapi import FastAPI
from sqlalchemy import exc as sa_exc

from app.api.openapi_answers import PROBLEM_CONTENT, amend_openapi, operations

RETRY_AFTER_SECONDS = 5
_UNAVAILABLE: tuple[type[BaseException], ...] = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.TimeoutError,  # no pooled connection freed in time
    ConnectionError,  # refused, reset, aborted
    TimeoutError,
)
# PostgreSQL's SQLSTATEs of a lost server: the connection exception class (08), and the
# server shutting down, crashed, or starting up (57P01-57P03). asyncpg's errors carry them
# when raised through its connection directly (app.adapters.db.native), unwrapped.
_SQLSTATE_CLASS = "08"
_SQLSTATES = {"57P01", "57P02", "57P03"}
# Other OS errors are the network's only with these numbers (a missing file is a bug: 500).
_NETWORK_ERRNOS = {errno.EHOSTUNREACH, errno.ENETUNREACH, errno.ETIMEDOUT, errno.ECONNREFUSED}


def database_unavailable(error: BaseException) -> bool:
    """Whether `error` (or what caused it) says the database cannot be reached now."""
    seen: set[int] = set()
    found: BaseException | None = error
    while found is not None and id(found) not in seen:
        seen.add(id(found))
        if isinstance(found, sa_exc.DBAPIError) and found.connection_invalidated:
            return True
        if isinstance(found, _UNAVAILABLE):
            return True
        if isinstance(found, OSError) and found.errno in _NETWORK_ERRNOS:
            return True
        if _lost_server(found):
            return True
        found = found.__cause__ or found.__context__
    return False


def _lost_server(error: BaseException) -> bool:
    sqlstate = getattr(error, "sqlstate", None)
    if isinstance(sqlstate, str) and (
        sqlstate.startswith(_SQLSTATE_CLASS) or sqlstate in _SQLSTATES
    ):
        return True
    # asyncpg's InterfaceError ("connection is closed") has no SQLSTATE; known by its class.
    return type(error).__module__.startswith("asyncpg") and any(
        c.__name__ == "InterfaceError" for c in type(error).__mro__
    )


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
