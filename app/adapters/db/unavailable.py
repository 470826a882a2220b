"""Which errors mean "the database cannot be reached now" (a restart, a failover, SQLite's lock
held past its timeout), recognised by their class anywhere in the exception's chain: the API
answers them 503 with Retry-After (app.api.unavailable), and a background round logs them as
one line without a traceback (app.adapters.periodic). Anything else is a bug."""

from __future__ import annotations

import errno

from sqlalchemy import exc as sa_exc

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
