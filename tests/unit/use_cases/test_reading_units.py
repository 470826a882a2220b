"""Use cases that only read open units of work that say so (`writes=False`): on SQLite those
begin deferred and never wait for another tenant's write. The fakes refuse a write in such a
unit, so a block labelled as reading that writes fails here, before it reaches a database."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import pytest

from app.bootstrap import Policy, wire
from app.domain.reporting import Dimension
from app.domain.roster import RosterKind
from app.ports.roster import RosterQuery
from app.ports.unit_of_work import UnitOfWork, WriteInReadOnlyUnit
from app.use_cases.catalog import UseCases
from app.use_cases.evidence import EvidenceInput
from tests.fakes.wiring import FakeAdapters
from tests.unit.use_cases.district import CALLER, TENANT, day, given

Read = Callable[[UseCases], Awaitable[Any]]

READS: dict[str, Read] = {
    "a roster record": lambda u: u.roster.get_record(TENANT, RosterKind.USER, "s1"),
    "a student": lambda u: u.roster.get_student(TENANT, "s1"),
    "a page of users": lambda u: u.roster.list_records(TENANT, RosterKind.USER, RosterQuery()),
    "a count of users": lambda u: u.roster.count_records(TENANT, RosterKind.USER, RosterQuery()),
    "a framework": lambda u: u.frameworks.get_framework(CALLER, "math"),
    "frameworks": lambda u: u.frameworks.list_frameworks(CALLER, None, 10),
    "a competency": lambda u: u.frameworks.get_competency(CALLER, "g"),
    "evidence": lambda u: u.evidence.list_evidence(
        CALLER, student_id="s1", competency_id=None, since=None, after=None, limit=10
    ),
    "a student's mastery": lambda u: u.mastery.student_mastery(CALLER, "s1", framework_id="math"),
    "a decision's detail": lambda u: u.mastery.decision_detail(CALLER, "s1", "g"),
    "a decision's history": lambda u: u.mastery.decision_history(CALLER, "s1", "g"),
    "what is ready": lambda u: u.prerequisites.student_ready(CALLER, "s1", "math"),
    "a summary": lambda u: u.reports.mastery_summary(CALLER, "math", [Dimension.GRADE]),
    "the tenants": lambda u: u.access.list_tenants(),
}


@pytest.fixture
async def district(fakes: FakeAdapters, use_cases: UseCases) -> FakeAdapters:
    await given(fakes)
    await use_cases.evidence.record_evidence(CALLER, [EvidenceInput("s1", "g", 3, day(-2), "r1")])
    return fakes


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
async def test_a_read_opens_only_reading_units(
    district: FakeAdapters, use_cases: UseCases, read: Read
) -> None:
    database = district.database
    tenants_before, directories_before = len(database.opened), len(database.directories)
    await read(use_cases)
    opened = database.opened[tenants_before:] + database.directories[directories_before:]
    assert opened  # it read through a unit of work
    assert [unit.writes for unit in opened] == [False] * len(opened)


async def test_a_report_writes_only_when_an_override_expired(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await use_cases.overrides.put_override(
        CALLER, "s1", "g", level=1, status=None, reason="retest", expires_at=day(1)
    )
    district.clock.set(day(2))
    before = len(district.database.opened)
    await use_cases.reports.mastery_summary(CALLER, "math", [Dimension.GRADE])
    first = district.database.opened[before:]
    # Asked in a reading unit, expired in a writing one that committed, then read again.
    assert [(u.writes, u.committed) for u in first if u.writes] == [(True, True)]
    before = len(district.database.opened)
    await use_cases.reports.mastery_summary(CALLER, "math", [Dimension.GRADE])
    assert {u.writes for u in district.database.opened[before:]} == {False}


async def test_a_write_labelled_as_a_read_fails_and_writes_nothing(
    district: FakeAdapters,
) -> None:
    database = district.database

    def reading_only(tenant: Any, /, *, writes: bool = True, few_rows: bool = False) -> UnitOfWork:
        return database.uow(tenant, writes=False)  # every block mislabelled

    use_cases = wire(replace(district.adapters(), uow=reading_only), Policy())
    with pytest.raises(WriteInReadOnlyUnit):
        await use_cases.evidence.record_evidence(
            CALLER, [EvidenceInput("s1", "g", 4, day(-1), "r2")]
        )
    assert [e.evidence.score for e in database.tables(TENANT).evidence.values()] == [3.0]
