"""The PostgreSQL bulk insert (app/adapters/db/native.py) sends a table's rows as one JSON
document, read back by PostgreSQL as the table's row type: every kind of value the service
writes comes back exactly as it went, an upsert replaces what its key finds, and what JSON
would carry wrongly is refused before anything is sent."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.native import Insert, bulk_insert
from app.adapters.db.types import JsonValue, UTCDateTime
from app.bootstrap import Container

_TABLE = sa.Table(
    "bulk_insert_probe",
    sa.MetaData(),
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("at", UTCDateTime),
    sa.Column("score", sa.Float),
    sa.Column("ok", sa.Boolean),
    sa.Column("n", sa.Integer),
    sa.Column("state", JsonValue),
    sa.Column("day", sa.Date),
)
_CREATE = (
    "CREATE TEMPORARY TABLE bulk_insert_probe (id text PRIMARY KEY, at timestamptz, "
    "score float8, ok bool, n int8, state jsonb, day date) ON COMMIT DROP"
)
_LAGOS = timezone(timedelta(hours=1))
ROWS = [
    {
        "id": 'quote " back\\slash\nnew line, é, 𝄞',
        "at": datetime(2026, 9, 1, 8, 0, 0, 123456, tzinfo=_LAGOS),
        "score": 0.1 + 0.2,  # 0.30000000000000004: every digit must come back
        "ok": True,
        "n": 2**62,
        "state": {"xs": [1e-300, 2.5, None], "nested": {"k": "v"}, "flag": False},
        "day": date(2026, 2, 28),
    },
    {"id": "nulls", "at": None, "score": None, "ok": None, "n": None, "state": None, "day": None},
    {"id": "json scalar", "at": None, "score": -0.0, "ok": False, "n": 0, "state": "text"},
]


async def _stored(session: AsyncSession) -> dict[str, tuple[object, ...]]:
    rows = await session.execute(sa.select(_TABLE).order_by(_TABLE.c.id))
    return {r.id: tuple(r)[1:] for r in rows}


@pytest.fixture
async def session(container: Container) -> AsyncIterator[AsyncSession]:
    if container.engine.dialect.name != "postgresql":
        pytest.skip("the bulk insert is PostgreSQL's; SQLite's writers use SQLAlchemy's inserts")
    async with AsyncSession(container.engine) as session, session.begin():
        await session.execute(sa.text(_CREATE))
        yield session


async def test_every_kind_of_value_comes_back_as_it_went(session: AsyncSession) -> None:
    await bulk_insert(session, Insert(_TABLE, ROWS[:2]), Insert(_TABLE, ROWS[2:]))
    stored = await _stored(session)
    first = ROWS[0]
    assert stored[str(first["id"])] == (
        datetime(2026, 9, 1, 7, 0, 0, 123456, tzinfo=UTC),  # the same instant
        0.30000000000000004,
        True,
        2**62,
        {"xs": [1e-300, 2.5, None], "nested": {"k": "v"}, "flag": False},
        date(2026, 2, 28),
    )
    assert stored["nulls"] == (None,) * 6
    assert stored["json scalar"] == (None, -0.0, False, 0, "text", None)


async def test_an_upsert_replaces_what_its_key_finds(session: AsyncSession) -> None:
    await bulk_insert(session, Insert(_TABLE, ROWS[1:2]))
    again = {**ROWS[1], "score": 2.5, "state": {"v": 2}}
    await bulk_insert(session, Insert(_TABLE, [again], conflict_key=["id"]))
    assert (await _stored(session))["nulls"] == (None, 2.5, None, None, {"v": 2}, None)


@pytest.mark.parametrize(
    ("column", "value", "refusal"),
    [
        ("at", datetime(2026, 9, 1, 8, 0), "naive"),
        ("score", float("inf"), "finite"),
        ("score", float("nan"), "finite"),
    ],
)
async def test_what_json_would_carry_wrongly_is_refused(
    session: AsyncSession, column: str, value: object, refusal: str
) -> None:
    with pytest.raises(ValueError, match=refusal):
        await bulk_insert(session, Insert(_TABLE, [ROWS[1], {**ROWS[1], "id": "x", column: value}]))
    assert await _stored(session) == {}
