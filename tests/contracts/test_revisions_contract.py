"""The pending policy revision repository's contract (and the "changed since" queries the
switch asks), on the fakes, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

from app.domain.access import TenantId
from app.domain.frameworks import Calculation, CalculationMethod
from app.domain.policy_revision import PolicyRevision
from tests.contracts.conftest import Backend
from tests.contracts.records import day, framework
from tests.contracts.test_evidence_contract import _add, result
from tests.contracts.test_mastery_contract import change, leaf, on_one_scale

HIGHEST = replace(framework(), calculation=Calculation(CalculationMethod.HIGHEST), min_evidence=2)


async def test_a_pending_revision_keeps_its_framework_and_its_progress(
    backend: Backend, tenant: TenantId
) -> None:
    async with backend.uow(tenant) as uow:
        assert await uow.revisions.pending("math") is None
        await uow.revisions.begin(PolicyRevision("r1", HIGHEST, day(1)))
        await uow.commit()
    async with backend.uow(tenant) as uow:
        pending = await uow.revisions.pending("math")
        assert pending is not None
        assert (pending.id, pending.begun_at, pending.students_through) == ("r1", day(1), None)
        # The whole framework, tree and policy, as it will be switched in.
        assert pending.framework == HIGHEST
        await uow.revisions.save(pending.staged_through("s-2"))
        await uow.commit()
    async with backend.uow(tenant) as uow:
        advanced = await uow.revisions.pending("math")
        assert advanced is not None
        assert advanced.students_through == "s-2"


async def test_staged_decisions_are_read_back_by_student_and_dropped_with_the_revision(
    backend: Backend, tenant: TenantId
) -> None:
    staged = [leaf("s-1", "m2", 3, 4), leaf("s-2", "m2", 1), leaf("s-3", "m2", 2, 2)]
    async with backend.uow(tenant) as uow:
        await uow.revisions.begin(PolicyRevision("r1", HIGHEST, day(1)))
        await uow.revisions.stage("r1", staged, on_one_scale, day(2))
        # Staged again (a step begun again after a kill): replaced, not doubled.
        await uow.revisions.stage("r1", staged[:1], on_one_scale, day(3))
        await uow.commit()
    async with backend.uow(tenant) as uow:
        assert await uow.revisions.staged_students("r1", None, 2) == ["s-1", "s-2"]
        assert await uow.revisions.staged_students("r1", "s-2", 2) == ["s-3"]
        back = await uow.revisions.staged("r1", ["s-1", "s-3"])
        assert sorted(back, key=lambda r: r.student_id) == [staged[0], staged[2]]
        # A later revision supersedes this one: its staged decisions go with it.
        await uow.revisions.begin(PolicyRevision("r2", framework(), day(4)))
        await uow.commit()
    async with backend.uow(tenant) as uow:
        assert await uow.revisions.staged("r1", ["s-1", "s-2", "s-3"]) == []
        pending = await uow.revisions.pending("math")
        assert pending is not None
        assert pending.id == "r2"
        await uow.revisions.end("math")
        await uow.commit()
    async with backend.uow(tenant) as uow:
        assert await uow.revisions.pending("math") is None


async def test_students_changed_since_an_instant(backend: Backend, tenant: TenantId) -> None:
    early, late = leaf("s-1", "m2", 3), leaf("s-2", "m2", 3, 4, 2)  # written day(1), day(3)
    async with backend.uow(tenant) as uow:
        await uow.decisions.save_many([early, late], [change(late, day(3))], on_one_scale, day(3))
        await uow.commit()
    async with backend.uow(tenant) as uow:
        assert await uow.decisions.students_changed_since(["m2"], day(3)) == ["s-2"]
        assert sorted(await uow.decisions.students_changed_since(["m2"], day(1))) == [
            "s-1",
            "s-2",
        ]
        assert await uow.decisions.students_changed_since(["m3"], day(0)) == []


async def test_students_with_results_received_since_an_instant(
    backend: Backend, tenant: TenantId
) -> None:
    await _add(backend, tenant, result("e1", "s-1", "m1a"), when=1)
    await _add(backend, tenant, result("e2", "s-2", "m1a"), result("e3", "s-3", "m2"), when=3)
    async with backend.uow(tenant) as uow:
        assert sorted(await uow.evidence.students_changed_since(["m1a", "m2"], day(3))) == [
            "s-2",
            "s-3",
        ]
        assert await uow.evidence.students_changed_since(["m1a"], day(2)) == ["s-2"]
        assert await uow.evidence.students_changed_since(["m1b"], day(0)) == []
