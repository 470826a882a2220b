"""The decision and override repositories' contract, on the fakes, SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime

from app.domain.access import TenantId
from app.domain.evidence import Evidence
from app.domain.frameworks import DEFAULT_SCALE, MasteryPolicy, RollupRule, Scale
from app.domain.mastery.decision import ComputedDecision, MasteryStatus, recompute
from app.domain.mastery.override import Override, RecordedOverride
from app.domain.mastery.record import ChangeCause, DecisionChange, DecisionRecord
from app.ports.mastery import OverrideRepository
from tests.contracts.conftest import Backend
from tests.contracts.records import day


def on_one_scale(_: DecisionRecord) -> Scale:
    """Every decision of these contracts is on the default scale."""
    return DEFAULT_SCALE


POLICY = MasteryPolicy()


def leaf(
    student: str, competency: str, *scores: float, override: Override | None = None
) -> DecisionRecord:
    """A leaf's decision from results a day apart (decaying average, the default)."""
    history = [
        Evidence(
            f"{student}-{competency}-{i}",
            student,
            competency,
            s,
            None,
            day(i),
            "lms",
            f"r{i}",
            seq=i + 1,
        )
        for i, s in enumerate(scores)
    ]
    computed, state = recompute(POLICY, history)
    return DecisionRecord(
        student, competency, "math", computed, state, override, 3.5, day(len(scores))
    )


def rollup(student: str, status: MasteryStatus) -> DecisionRecord:
    computed = ComputedDecision(status, None, None, 2, None, RollupRule())
    return DecisionRecord(student, "m1", "math", computed, None, None, None, day(5))


def change(
    record: DecisionRecord, at: datetime, cause: ChangeCause = ChangeCause.EVIDENCE
) -> DecisionChange:
    c = record.computed
    return DecisionChange(
        student_id=record.student_id,
        competency_id=record.competency_id,
        framework_id=record.framework_id,
        changed_at=at,
        cause=cause,
        status=c.status,
        score=c.score,
        level_value=c.level.value if c.level else None,
        computed_status=c.status,
        computed_score=c.score,
        overridden=False,
        valid_from=at,
    )


def level_override(
    value: float, set_at: datetime, expires_at: datetime | None = None, by: str = "t-1"
) -> Override:
    label = DEFAULT_SCALE.level_valued(value)
    assert label is not None
    return Override(label, None, "observed in class", expires_at, set_at, by)


def status_override(status: MasteryStatus, set_at: datetime) -> Override:
    return Override(None, status, "portfolio", None, set_at, "t-2")


async def _save(
    backend: Backend,
    tenant: TenantId,
    records: list[DecisionRecord],
    changes: list[DecisionChange],
    at: datetime,
) -> None:
    async with backend.uow(tenant) as uow:
        await uow.decisions.lock_students({r.student_id for r in records})
        await uow.decisions.save_many(records, changes, on_one_scale, at)
        await uow.commit()


async def test_decisions_come_back_as_saved(backend: Backend, tenant: TenantId) -> None:
    overridden = leaf("s-1", "m1a", 2, 3, override=level_override(4, day(2), day(30)))
    plain = leaf("s-1", "m1b", 1)
    parent = rollup("s-1", MasteryStatus.NOT_YET)
    other = leaf("s-2", "m1a", 4, 4)
    assert overridden.state is not None
    assert overridden.computed.score == 2.65  # 0.35 x 2 + 0.65 x 3, by hand
    await _save(backend, tenant, [overridden, plain, parent, other], [], day(3))
    async with backend.uow(tenant) as uow:
        found = await uow.decisions.get_many([("s-1", "m1a"), ("s-1", "m1"), ("s-1", "m2")])
        assert found == {("s-1", "m1a"): overridden, ("s-1", "m1"): parent}
        mine = await uow.decisions.for_students(["s-1"])
        assert sorted(mine, key=lambda r: r.competency_id) == [parent, overridden, plain]
        leaves = await uow.decisions.for_students(["s-1", "s-2"], ["m1a"], with_state=False)
        assert sorted(leaves, key=lambda r: r.student_id) == [
            replace(overridden, state=None),
            replace(other, state=None),
        ]
        assert await uow.decisions.count_for(["m1a", "m1b"]) == 3
        assert await uow.decisions.count_for(["m2"]) == 0


async def test_history_holds_the_changes_given_in_order(backend: Backend, tenant: TenantId) -> None:
    first, second = leaf("s-1", "m1a", 2), leaf("s-1", "m1a", 2, 4)
    await _save(backend, tenant, [first, leaf("s-2", "m1a", 3)], [change(first, day(1))], day(1))
    # A save whose score moved within its level: the caller gives no history entry.
    await _save(backend, tenant, [leaf("s-1", "m1a", 2, 2.5)], [], day(2))
    await _save(backend, tenant, [second], [change(second, day(3))], day(3))
    async with backend.uow(tenant) as uow:
        history = await uow.decisions.history("s-1", "m1a")
        assert await uow.decisions.history("s-2", "m1a") == []
        assert await uow.decisions.history("s-1", "m1b") == []
    assert history == [change(first, day(1)), change(second, day(3))]
    assert [(h.status, h.level_value) for h in history] == [
        (MasteryStatus.NOT_YET, 2),
        (MasteryStatus.MASTERED, 3),  # 0.35 x 2 + 0.65 x 4 = 3.3
    ]


async def test_decisions_whose_override_expired(backend: Backend, tenant: TenantId) -> None:
    expiring = leaf("s-1", "m1a", 2, override=level_override(4, day(1), day(10)))
    later = leaf("s-2", "m1a", 2, override=level_override(4, day(1), day(20)))
    forever = leaf("s-3", "m1a", 2, override=status_override(MasteryStatus.MASTERED, day(1)))
    await _save(backend, tenant, [expiring, later, forever, leaf("s-4", "m1a", 1)], [], day(2))
    async with backend.uow(tenant) as uow:
        assert await uow.decisions.with_expired_overrides(day(9)) == []
        assert await uow.decisions.with_expired_overrides(day(10)) == [expiring]  # at expiry
        found = await uow.decisions.with_expired_overrides(day(25))
    assert sorted(found, key=lambda r: r.student_id) == [expiring, later]


async def test_the_override_set_last_is_in_force(backend: Backend, tenant: TenantId) -> None:
    first = level_override(4, day(1))
    second = status_override(MasteryStatus.NOT_YET, day(3))
    short = level_override(1, day(4), expires_at=day(6))
    async with backend.uow(tenant) as uow:
        overrides = uow.overrides
        await overrides.add("s-1", "m1a", first)
        await overrides.add("s-1", "m1b", first)
        await overrides.add("s-1", "m1a", second)
        await overrides.add("s-1", "m1a", short)
        await overrides.add("s-2", "m1a", second)
        await uow.commit()
    async with backend.uow(tenant) as uow:
        at = _one_student(uow.overrides)
        assert await at("s-1", ["m1a", "m1b", "m2"], day(0)) == {}
        assert await at("s-1", ["m1a", "m1b"], day(2)) == {"m1a": first, "m1b": first}
        assert await at("s-1", ["m1a"], day(3)) == {"m1a": second}
        assert await at("s-1", ["m1a"], day(5)) == {"m1a": short}
        # Expired: the one set before it shows again.
        assert await at("s-1", ["m1a"], day(6)) == {"m1a": second}
        assert await at("s-2", ["m1a", "m1b"], day(6)) == {"m1a": second}


async def test_a_cleared_override_is_kept_for_earlier_instants(
    backend: Backend, tenant: TenantId
) -> None:
    first = level_override(4, day(1))
    async with backend.uow(tenant) as uow:
        await uow.overrides.add("s-1", "m1a", first)
        await uow.overrides.add("s-1", "m1b", first)
        await uow.commit()
    async with backend.uow(tenant) as uow:
        await uow.overrides.clear("s-1", "m1a", day(5), "t-2")
        await uow.commit()
    async with backend.uow(tenant) as uow:
        at = _one_student(uow.overrides)
        assert await at("s-1", ["m1a", "m1b"], day(4)) == {"m1a": first, "m1b": first}
        assert await at("s-1", ["m1a", "m1b"], day(5)) == {"m1b": first}
        # Set again after the clear: in force from then on.
        again = status_override(MasteryStatus.MASTERED, day(7))
        await uow.overrides.add("s-1", "m1a", again)
        assert await at("s-1", ["m1a"], day(6)) == {}
        assert await at("s-1", ["m1a"], day(7)) == {"m1a": again}
        # Every override of a decision, cleared or not, in the order set, and whose it is.
        assert await uow.overrides.of_decision("s-1", "m1a") == [
            RecordedOverride("m1a", first, day(5), "t-2"),
            RecordedOverride("m1a", again, None, None),
        ]
        assert await uow.overrides.of_decision("s-1", "m1b") == [
            RecordedOverride("m1b", first, None, None)
        ]
        assert await uow.overrides.of_decision("s-2", "m1a") == []


async def test_decisions_and_overrides_are_the_tenants_own(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    record = leaf("s-1", "m1a", 3, override=level_override(4, day(1), day(2)))
    await _save(backend, tenant, [record], [change(record, day(1))], day(1))
    async with backend.uow(tenant) as uow:
        await uow.overrides.add("s-1", "m1a", level_override(4, day(1)))
        await uow.commit()
    async with backend.uow(other_tenant) as uow:
        assert await uow.decisions.get_many([("s-1", "m1a")]) == {}
        assert await uow.decisions.for_students(["s-1"]) == []
        assert await uow.decisions.history("s-1", "m1a") == []
        assert await uow.decisions.count_for(["m1a"]) == 0
        assert await uow.decisions.with_expired_overrides(day(9)) == []
        assert (await uow.overrides.in_force_at(["s-1"], ["m1a"], day(3))) == {}
        assert await uow.overrides.of_decision("s-1", "m1a") == []


async def test_decisions_are_not_kept_without_a_commit(backend: Backend, tenant: TenantId) -> None:
    record = leaf("s-1", "m1a", 3)
    async with backend.uow(tenant) as uow:
        # The first statement of this unit of work (on PostgreSQL a driver-level insert).
        await uow.decisions.save_many([record], [change(record, day(1))], on_one_scale, day(1))
        await uow.overrides.add("s-1", "m1a", level_override(4, day(1)))
    async with backend.uow(tenant) as uow:
        assert await uow.decisions.get_many([("s-1", "m1a")]) == {}
        assert await uow.decisions.history("s-1", "m1a") == []
        assert (await uow.overrides.in_force_at(["s-1"], ["m1a"], day(2))) == {}


def _one_student(
    overrides: OverrideRepository,
) -> Callable[[str, list[str], datetime], Awaitable[dict[str, Override]]]:
    """in_force_at for one student: its overrides by competency ({} when it has none)."""

    async def at(student_id: str, competency_ids: list[str], when: datetime) -> dict[str, Override]:
        return (await overrides.in_force_at([student_id], competency_ids, when)).get(student_id, {})

    return at
