"""One async engine per process, configured for the database behind the URL."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from app.adapters.db.row_security import ScopedSession

# Sessions that write ask SQLite for the write lock when their transaction begins; a deferred
# transaction that reads first and writes later can fail with SQLITE_BUSY under concurrency.
WRITE = {"mastery_write": True}


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_engine(url: str, *, echo: bool = False, pool_size: int = 10) -> AsyncEngine:
    """The process's engine. SQLite gets foreign keys, WAL, a busy timeout and explicit BEGINs."""
    options: dict[str, Any] = {
        "json_serializer": _dumps,
        "json_deserializer": orjson.loads,
        # A statement's parameters are students' names and scores: SQLAlchemy leaves them out
        # of its errors' messages and its INFO log lines.
        "hide_parameters": True,
    }
    if is_sqlite(url):
        engine = create_async_engine(url, echo=echo, connect_args={"timeout": 30}, **options)
        _configure_sqlite(engine)
        return engine
    return create_async_engine(
        url,
        echo=echo,
        pool_size=pool_size,
        max_overflow=pool_size,
        # No pre-ping: it costs a round trip on every checkout; connections are recycled
        # instead, and a dropped one fails one request, which the client may retry.
        pool_recycle=1800,
        # asyncpg prepares every statement, and after five runs PostgreSQL may switch to a
        # generic plan that cannot see the tenant or the size of an unnest() batch: a lookup
        # of 1,000 results then scans the tenant's whole evidence (measured: 5 ms -> 1.5 s).
        # Planning each time costs well under a millisecond on our statements.
        # A database that is down or restarting fails a request in seconds (503), never
        # hangs it: connecting gives up after 5 s (waiting for a pooled connection, after
        # SQLAlchemy's 30 s).
        connect_args={
            "server_settings": {"plan_cache_mode": "force_custom_plan"},
            "timeout": 5,
        },
        **options,
    )


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the driver (the documented aiosqlite workaround),
        # so that BEGIN, SAVEPOINT and the write lock happen when we say so.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "PRAGMA foreign_keys=ON",
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=NORMAL",
            "PRAGMA busy_timeout=30000",
        ):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get("mastery_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that tell PostgreSQL whose rows they may see (app.adapters.db.row_security)."""
    return async_sessionmaker(
        engine, expire_on_commit=False, autoflush=False, sync_session_class=ScopedSession
    )
