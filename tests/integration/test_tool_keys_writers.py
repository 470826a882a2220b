"""The tool's keys are made by a transaction that reads, then writes; on SQLite it waits for
another writer rather than failing with "database is locked" (the README's `mastery lti keys
generate` once did, beside a running server whose keepers write). On both databases."""

from __future__ import annotations

import asyncio

import sqlalchemy as sa

from app.adapters.db import migrate
from app.adapters.db.engine import WRITE, create_engine, session_factory
from app.adapters.db.tables import TenantRow, table_of
from app.adapters.lti.keys import SqlToolKeys
from app.adapters.security.keys import KeyRing
from app.adapters.security.secret_box import FernetSecretBox
from tests.fakes.clock import FakeClock

KEY = "tool-keys-test-key-0123456789-abcdefghijkl"


async def test_the_first_key_waits_for_another_writer(empty_database: str) -> None:
    await migrate.upgrade(empty_database)
    engine = create_engine(empty_database, busy_timeout_seconds=10)
    clock = FakeClock()
    keys = SqlToolKeys(session_factory(engine), FernetSecretBox(KeyRing((KEY,))), clock)
    try:
        async with session_factory(engine)() as other, other.begin():
            # Another writer holds the write lock (on PostgreSQL: a row of its own, no lock
            # the key's transaction needs) while the key is made ...
            await other.connection(execution_options=WRITE)
            await other.execute(
                sa.insert(table_of(TenantRow)).values(
                    slug="other", name="Other", created_at=clock.now()
                )
            )
            making = asyncio.create_task(keys.generate(clock.now()))
            await asyncio.sleep(0.5)
            # ... and commits half a second later.
        kid = await asyncio.wait_for(making, timeout=10)
        assert kid is not None
        assert (await keys.public_jwks())["keys"][0]["kid"] == kid  # type: ignore[index]
        assert await keys.generate(clock.now()) is None  # one signing key, made once
    finally:
        await engine.dispose()
