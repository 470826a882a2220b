"""Whole use cases on each backend: recording evidence, rolling up and overriding give the same
decisions and the same history on the fakes as on SQLite and PostgreSQL (the use-case unit
tests run on the fakes alone, so this is where their agreement is shown end to end)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from app.domain.access import ALL_SCOPES, Principal, TenantId
from app.domain.errors import Invalid
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.record import ChangeCause
from app.domain.roster import RosterKind
from app.use_cases.evidence import EvidenceInput, EvidenceRecords
from app.use_cases.mastery import MasteryReads
from app.use_cases.overrides import Overrides
from tests.contracts.conftest import Backend
from tests.contracts.records import AT, day, framework, student
from tests.fakes.clock import FakeClock, FakeIds

M, N = MasteryStatus.MASTERED, MasteryStatus.NOT_YET


class Service:
    """The use cases this suite drives, over one backend, on a clock of their own."""

    def __init__(self, backend: Backend, tenant: TenantId) -> None:
        self.clock = FakeClock(day(10))
        self.caller = Principal("lms", tenant, "contract", ALL_SCOPES)
        self.evidence = EvidenceRecords(
            uow=backend.uow, clock=self.clock, ids=FakeIds(f"t{tenant}"), max_batch=10
        )
        self.mastery = MasteryReads(uow=backend.uow, clock=self.clock)
        self.overrides = Overrides(uow=backend.uow, clock=self.clock)

    async def record(self, student_id: str, competency: str, score: float, when: float) -> None:
        item = EvidenceInput(student_id, competency, score, day(when), f"{competency}-{when}")
        await self.evidence.record_evidence(self.caller, [item])

    async def shown(self, student_id: str) -> dict[str, tuple[MasteryStatus, float | None]]:
        views = await self.mastery.student_mastery(self.caller, student_id, framework_id="math")
        return {v.competency_id: (v.shown.status, v.shown.score) for v in views}


@pytest.fixture
async def service(backend: Backend, tenant: TenantId) -> Service:
    async with backend.uow(tenant) as uow:
        for s in ("s-1", "s-2"):
            await uow.roster(RosterKind.USER).save(student(s))
        await uow.frameworks.add(framework(), AT)
        await uow.commit()
    return Service(backend, tenant)


async def test_decisions_roll_up_and_history_keeps_changes_of_level(service: Service) -> None:
    await service.record("s-1", "m1a", 4, 1)
    await service.record("s-1", "m1b", 3, 2)
    # m1b: 0.35 x 3 + 0.65 x 3.5 = 3.325: the same level, no history entry.
    await service.record("s-1", "m1b", 3.5, 3)
    # m1a: a late 1 (observed before the 4): ordered 1 then 4, 0.35 + 2.6 = 2.95, not yet.
    await service.record("s-1", "m1a", 1, 0)
    assert await service.shown("s-1") == {
        "m1": (N, 3.14),  # the mean of 2.95 and 3.325 (3.1375); one of two mastered
        "m1a": (N, 2.95),
        "m1b": (M, 3.33),
        "m2": (MasteryStatus.NO_EVIDENCE, None),
    }
    history = {
        c: [
            (h.cause, h.status, h.level_value)
            for h in await service.mastery.decision_history(service.caller, "s-1", c)
        ]
        for c in ("m1", "m1a", "m1b")
    }
    assert history == {
        "m1": [
            (ChangeCause.EVIDENCE, N, 4),
            (ChangeCause.EVIDENCE, M, 3),
            (ChangeCause.EVIDENCE, N, 3),
        ],
        "m1a": [(ChangeCause.EVIDENCE, M, 4), (ChangeCause.EVIDENCE, N, 2)],
        "m1b": [(ChangeCause.EVIDENCE, M, 3)],
    }


async def test_overrides_set_replaced_and_expired(service: Service) -> None:
    await service.record("s-2", "m2", 2, 1)
    put = service.overrides.put_override
    await put(service.caller, "s-2", "m2", level=4, status=None, reason="a", expires_at=None)
    service.clock.advance(hours=1)
    expires = service.clock.now() + timedelta(days=1)
    await put(
        service.caller, "s-2", "m2", level=None, status="mastered", reason="b", expires_at=expires
    )
    assert (await service.shown("s-2"))["m2"] == (M, 2.0)
    service.clock.advance(days=2)
    assert await service.overrides.expire_overrides(service.caller) == 1
    # The second override replaced (cleared) the first: once it expires, the engine's shows.
    assert (await service.shown("s-2"))["m2"] == (N, 2.0)
    history = await service.mastery.decision_history(service.caller, "s-2", "m2")
    # The second override shows the engine's level (2) where the first showed 4: an entry.
    assert [(h.cause, h.status, h.level_value, h.overridden) for h in history] == [
        (ChangeCause.EVIDENCE, N, 2, False),
        (ChangeCause.OVERRIDE_SET, M, 4, True),
        (ChangeCause.OVERRIDE_SET, M, 2, True),
        (ChangeCause.OVERRIDE_EXPIRED, N, 2, False),
    ]
    assert history[-1].changed_at == expires
    # As of before the second override, the first one shows.
    early = await service.mastery.student_mastery(
        service.caller, "s-2", framework_id="math", as_of=day(10) + timedelta(minutes=30)
    )
    m2 = next(v for v in early if v.competency_id == "m2")
    assert (m2.shown.status, m2.shown.score, m2.shown.overridden) == (M, 4, True)


async def test_a_refused_batch_leaves_every_backend_unchanged(
    service: Service, backend: Backend, tenant: TenantId
) -> None:
    good = EvidenceInput("s-1", "m1a", 3, day(1), "ok")
    with pytest.raises(Invalid):
        await service.evidence.record_evidence(
            service.caller, [good, replace(good, student_id="s-9")]
        )
    async with backend.uow(tenant) as uow:
        assert await uow.evidence.students_with_evidence(["m1a"], None, 10) == []
        assert await uow.decisions.count_for(["m1a", "m1"]) == 0
