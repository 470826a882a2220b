"""Unit tests run with no database and no network: a test that connects to a database, opens a
SQLite file or a socket fails here, with a pointer to the fakes (tests/fakes)."""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Callable
from typing import NoReturn

import pytest
from sqlalchemy.pool import Pool

MESSAGE = "a unit test reached {}: use the fakes of the ports (tests/fakes) instead"


def _refusing(what: str) -> Callable[..., NoReturn]:
    def refuse(*_args: object, **_kwargs: object) -> NoReturn:
        raise AssertionError(MESSAGE.format(what))

    return refuse


@pytest.fixture(autouse=True)
def no_database_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every engine's connection (sync or async, however it was imported) comes from a pool.
    monkeypatch.setattr(Pool, "connect", _refusing("a database"))
    monkeypatch.setattr(sqlite3, "connect", _refusing("a SQLite database"))
    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, _refusing("the network"))
    monkeypatch.setattr(socket, "create_connection", _refusing("the network"))
    monkeypatch.setattr(socket, "getaddrinfo", _refusing("the network (a DNS lookup)"))
