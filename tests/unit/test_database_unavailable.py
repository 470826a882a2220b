"""Which errors mean "the database is out of reach" (503) and which are bugs (500)."""

from __future__ import annotations

import errno

import asyncpg
from sqlalchemy import exc as sa_exc

from app.adapters.db.unavailable import database_unavailable


def _wrapped(cause: BaseException) -> Exception:
    try:
        try:
            raise cause
        except BaseException as inner:
            raise RuntimeError("while loading") from inner
    except RuntimeError as outer:
        return outer


def test_connection_errors_anywhere_in_the_chain_are_unavailability() -> None:
    refused = ConnectionRefusedError(errno.ECONNREFUSED, "refused")
    assert database_unavailable(refused)
    assert database_unavailable(_wrapped(refused))
    assert database_unavailable(asyncpg.CannotConnectNowError("starting up"))
    assert database_unavailable(asyncpg.AdminShutdownError("terminating connection"))
    assert database_unavailable(asyncpg.ConnectionDoesNotExistError("connection was closed"))
    assert database_unavailable(sa_exc.OperationalError("SELECT 1", None, refused))
    assert database_unavailable(sa_exc.InterfaceError("SELECT 1", None, Exception("closed")))
    assert database_unavailable(OSError(errno.EHOSTUNREACH, "no route"))


def test_other_errors_are_bugs() -> None:
    assert not database_unavailable(ValueError("bad"))
    assert not database_unavailable(FileNotFoundError(errno.ENOENT, "no file"))
    assert not database_unavailable(sa_exc.IntegrityError("INSERT", None, Exception("dup")))
    assert not database_unavailable(_wrapped(KeyError("x")))
    assert not database_unavailable(asyncpg.UniqueViolationError("duplicate key"))
