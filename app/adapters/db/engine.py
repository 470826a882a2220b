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

# How a unit of work's transaction begins, as an execution option of its connection
# (docs/decisions/0015-sqlite-reads.md). A unit that writes asks SQLite for the write lock at
# BEGIN: a deferred transaction that reads first and writes later can fail with SQLITE_BUSY
# under concurrency. A unit that only reads begins deferred: in WAL mode a reader never waits
# for a writer. Each is held to its word: SQLite's `query_only` and PostgreSQL's READ ONLY
# (`postgresql_readonly`, which asyncpg sends in its BEGIN) make a write in a reading unit fail.
_TRANSACTION = "mastery_transaction"
WRITE: dict[str, Any] = {_TRANSACTION: "write"}
READ: dict[str, Any] = {_TRANSACTION: "read", "postgresql_readonly": True}
# A transaction that says neither (migrations, the readiness probe) begins deferred, writable.

# The connection's `query_only` as last set, in its pool record's info (it outlives checkouts).
_QUERY_ONLY = "mastery_query_only"

DEFAULT_BUSY_TIMEOUT_SECONDS = 30.0


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_engine(
    url: str,
    *,
    echo: bool = False,
    pool_size: int = 10,
    busy_timeout_seconds: float = DEFAULT_BUSY_TIMEOUT_SECONDS,
) -> AsyncEngine:
    """The process's engine. SQLite gets foreign keys, WAL, a busy timeout (how long a write
    waits for another writer's lock) and explicit BEGINs."""
    options: dict[str, Any] = {
        "json_serializer": _dumps,
        "json_deserializer": orjson.loads,
        # A statement's parameters are students' names and scores: SQLAlchemy leaves them out
        # of its errors' messages and its INFO log lines.
        "hide_parameters": True,
    }
    if is_sqlite(url):
        engine = create_async_engine(
            url, echo=echo, connect_args={"timeout": busy_timeout_seconds}, **options
        )
        _configure_sqlite(engine, busy_timeout_seconds)
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
        # No JIT compilation: PostgreSQL compiles a statement whose estimated cost passes
        # `jit_above_cost`, and estimates run high without statistics (autovacuum off) or with
        # a disabled plan node (plans.py). Compiling took 110-500 ms, longer than most of our
        # statements run: 123 of a summary refresh's 595 ms (0073).
        # A database that is down or restarting fails a request in seconds (503), never
        # hangs it: connecting gives up after 5 s (waiting for a pooled connection, after
        # SQLAlchemy's 30 s).
        connect_args={
            "server_settings": {"plan_cache_mode": "force_custom_plan", "jit": "off"},
            "timeout": 5,
        },
        **options,
    )


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def _configure_sqlite(engine: AsyncEngine, busy_timeout_seconds: float) -> None:
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
            f"PRAGMA busy_timeout={round(busy_timeout_seconds * 1000)}",
        ):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(conn: Any) -> None:
        kind = conn.get_execution_options().get(_TRANSACTION)
        read_only = kind == READ[_TRANSACTION]
        # query_only belongs to the connection, not the transaction: set it when it changes.
        info = conn.connection.info
        if info.get(_QUERY_ONLY, False) is not read_only:
            conn.exec_driver_sql(f"PRAGMA query_only={'ON' if read_only else 'OFF'}")
            info[_QUERY_ONLY] = read_only
        conn.exec_driver_sql("BEGIN IMMEDIATE" if kind == WRITE[_TRANSACTION] else "BEGIN")


async def begin_writing(session: AsyncSession) -> None:
    """Begin `session`'s transaction as a writer, for one that reads and then writes outside a
    unit of work. On SQLite that is BEGIN IMMEDIATE: it waits for the write lock up front (the
    busy timeout). A deferred transaction that has read and then writes fails at once with
    "database is locked" when another connection wrote in between: SQLite cannot wait for a
    lock that would leave its read stale."""
    await session.connection(execution_options=WRITE)


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that tell PostgreSQL whose rows they may see (app.adapters.db.row_security)."""
    return async_sessionmaker(
        engine, expire_on_commit=False, autoflush=False, sync_session_class=ScopedSession
    )
