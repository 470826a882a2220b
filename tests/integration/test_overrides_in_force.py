"""The override repository on SQLite and PostgreSQL: every override ever set is kept with when
it was cleared, and a read as of an instant finds the one in force then (the domain's rule)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.adapters.db.engine import session_factory
from app.adapters.db.frameworks import FrameworkCache
from app.adapters.db.uow import SqlUnitOfWork
from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.mastery.override import Override
from app.domain.scales import Level

START = datetime(2025, 9, 1, 8, tzinfo=UTC)


def day(n: float) -> datetime:
    return START + timedelta(days=n)


def override(set_on: float, expires: float | None = None) -> Override:
    return Override(
        level=Level(3, "Proficient"),
        status=None,
        reason=f"set on day {set_on}",
        expires_at=None if expires is None else day(expires),
        set_at=day(set_on),
        set_by="teacher-1",
    )


A, B, C = override(1), override(5, expires=9), override(7)
E = override(3, expires=6)


@pytest.fixture
async def recorded(container: Container, tenant: Tenant) -> SqlUnitOfWork:
    """Student s1's overrides, set and cleared through the repository in this order:
    c1: A set on day 1 and cleared on day 5, B set on day 5 (expiring on day 9), C set on day 7
    over B, both cleared on day 10; c2: E set on day 3, expiring on day 6. Around them, an
    override of another competency (c3) and of another student (s2), which must never show."""
    uow = SqlUnitOfWork(session_factory(container.engine), FrameworkCache(), tenant.id)
    async with uow:
        overrides = uow.overrides
        await overrides.add("s1", "c1", A)
        await overrides.add("s2", "c1", override(2))
        await overrides.add("s1", "c3", override(2))
        await overrides.add("s1", "c2", E)
        await overrides.clear("s1", "c1", day(5), "teacher-1")
        await overrides.add("s1", "c1", B)
        await overrides.add("s1", "c1", C)
        await overrides.clear("s1", "c1", day(10), "teacher-2")
        await uow.commit()
    return uow


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (0.5, {}),
        (1, {"c1": A}),
        (4, {"c1": A, "c2": E}),
        (5, {"c1": B, "c2": E}),  # A cleared at the instant B was set
        (6, {"c1": B}),  # E expired
        (7.5, {"c1": C}),  # C set after B
        (9.99, {"c1": C}),  # C has no expiry; its clearing on day 10 is still to come
        (10, {}),  # both cleared
    ],
)
async def test_a_read_as_of_an_instant_finds_the_override_in_force_then(
    recorded: SqlUnitOfWork, at: float, expected: dict[str, Override]
) -> None:
    async with recorded:
        found = (await recorded.overrides.in_force_at(["s1"], ["c1", "c2"], day(at))).get("s1", {})
    assert found == expected
