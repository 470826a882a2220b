"""The unit tests' guard holds: no database engine, SQLite file or socket can be opened."""

from __future__ import annotations

import socket
import sqlite3

import pytest

from app.adapters.db.engine import create_engine


async def test_no_database_can_be_connected_to() -> None:
    for url in ("sqlite+aiosqlite:///unit.db", "postgresql+asyncpg://postgres@127.0.0.1/db"):
        engine = create_engine(url)
        with pytest.raises(AssertionError, match="a database: use the fakes"):
            async with engine.connect():
                pass
        await engine.dispose()


def test_sqlite_cannot_be_opened() -> None:
    with pytest.raises(AssertionError, match="a SQLite database"):
        sqlite3.connect(":memory:")


def test_no_connection_leaves_the_process() -> None:
    with pytest.raises(AssertionError, match="the network"):
        socket.create_connection(("127.0.0.1", 9))
    with socket.socket() as sock, pytest.raises(AssertionError, match="the network"):
        sock.connect(("127.0.0.1", 9))
    with pytest.raises(AssertionError, match="a DNS lookup"):
        socket.getaddrinfo("example.org", 443)
