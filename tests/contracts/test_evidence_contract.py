"""The evidence repository's contract, on the fakes, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

from app.domain.access import TenantId
from app.domain.categories import Mark
from app.domain.evidence import Evidence, EvidenceKind
from tests.contracts.conftest import Backend
from tests.contracts.records import day

FRAMEWORK_OF = {"m1a": "math", "m1b": "math", "m2": "math"}


def result(
    id_: str,
    student: str = "s-1",
    competency: str = "m1a",
    score: float = 3,
    *,
    source: str = "lms",
    source_id: str | None = None,
    when: float = 0,
) -> Evidence:
    return Evidence(
        id=id_,
        student_id=student,
        competency_id=competency,
        score=score,
        max_score=None,
        observed_at=day(when),
        source=source,
        source_id=source_id or f"r-{id_}",
    )


async def _add(
    backend: Backend, tenant: TenantId, *items: Evidence, when: float = 1
) -> list[Evidence]:
    async with backend.uow(tenant) as uow:
        added = await uow.evidence.add_many(list(items), FRAMEWORK_OF, day(when))
        await uow.commit()
    return added


async def test_added_evidence_gets_its_arrival_order(backend: Backend, tenant: TenantId) -> None:
    first = await _add(backend, tenant, result("e1"), result("e2", score=2))
    later = await _add(backend, tenant, result("e3", competency="m2"))
    seqs = [e.seq for e in [*first, *later]]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == 3
    assert seqs[0] > 0
    assert [replace(e, seq=0) for e in first] == [result("e1"), result("e2", score=2)]
    async with backend.uow(tenant) as uow:
        assert await uow.evidence.get("e2") == first[1]
        assert await uow.evidence.get("e9") is None
        found = await uow.evidence.find(
            [("lms", "r-e1", "m1a"), ("lms", "r-e3", "m2"), ("lms", "r-e1", "m2")]
        )
    assert found == {("lms", "r-e1", "m1a"): first[0], ("lms", "r-e3", "m2"): later[0]}


async def test_a_replaced_result_keeps_its_key_and_order(
    backend: Backend, tenant: TenantId
) -> None:
    (old,) = await _add(backend, tenant, result("e1"))
    new = replace(
        old,
        student_id="s-2",  # a result moved to another student
        score=1.5,
        max_score=2,
        observed_at=day(-1),
        kind=EvidenceKind.FORMATIVE,
        comment="regraded",
        voided_at=day(2),
        seq=0,  # the stored order stays whatever the item says
        source_id="ignored",  # as does its key
    )
    async with backend.uow(tenant) as uow:
        await uow.evidence.replace_many([new], [old], day(2))
        await uow.commit()
    async with backend.uow(tenant) as uow:
        stored = await uow.evidence.get("e1")
    assert stored == replace(new, seq=old.seq, source_id="r-e1")


async def test_a_results_category_weight_and_mark_are_kept_and_replaced(
    backend: Backend, tenant: TenantId
) -> None:
    graded = replace(result("e1"), category="practice", weight=2.5, mark=Mark.MISSING)
    plain = result("e2")
    added = await _add(backend, tenant, graded, plain)
    async with backend.uow(tenant) as uow:
        assert await uow.evidence.get("e1") == added[0]
        assert (added[0].category, added[0].weight, added[0].mark) == (
            "practice",
            2.5,
            Mark.MISSING,
        )
        assert (added[1].category, added[1].weight, added[1].mark) == (None, None, None)
        found = await uow.evidence.find([("lms", "r-e1", "m1a")])
        assert found[("lms", "r-e1", "m1a")] == added[0]
        history = await uow.evidence.history([("s-1", "m1a")])
        assert sorted(history[("s-1", "m1a")], key=lambda e: e.id) == added
        regraded = replace(added[0], score=2, category="summative", weight=None, mark=Mark.EXEMPT)
        await uow.evidence.replace_many([regraded], [added[0]], day(2))
        await uow.commit()
    async with backend.uow(tenant) as uow:
        stored = await uow.evidence.get("e1")
    assert stored == regraded
    assert stored is not None
    assert (stored.category, stored.weight, stored.mark) == ("summative", None, Mark.EXEMPT)


async def test_what_sources_made(backend: Backend, tenant: TenantId) -> None:
    added = await _add(
        backend,
        tenant,
        result("e1", source="gradebook", source_id="res-1"),
        result("e2", competency="m1b", source="gradebook", source_id="res-1"),
        result("e3", source="gradebook", source_id="res-2"),
        result("e4", source="lms", source_id="res-1"),
    )
    async with backend.uow(tenant) as uow:
        voided = replace(added[1], voided_at=day(2))
        await uow.evidence.replace_many([voided], [added[1]], day(2))
        found = await uow.evidence.from_sources("gradebook", ["res-1", "res-9"])
    # Voided results too, on every competency.
    assert sorted(found, key=lambda e: e.id) == [added[0], voided]


async def test_histories_by_decision_and_by_student(backend: Backend, tenant: TenantId) -> None:
    added = await _add(
        backend,
        tenant,
        result("e1", "s-1", "m1a"),
        result("e2", "s-1", "m1a", when=1),
        result("e3", "s-1", "m2"),
        result("e4", "s-2", "m1a"),
    )
    e1, e2, e3, e4 = added
    async with backend.uow(tenant) as uow:
        history = await uow.evidence.history([("s-1", "m1a"), ("s-2", "m1a"), ("s-3", "m1a")])
        by_student = await uow.evidence.for_students(["s-1", "s-2", "s-3"], ["m1a"])
    assert sorted(history[("s-1", "m1a")], key=lambda e: e.seq) == [e1, e2]
    assert history[("s-2", "m1a")] == [e4]
    # A decision with no evidence has an empty history (the use cases index it directly).
    assert history[("s-3", "m1a")] == []
    assert sorted(by_student["s-1"], key=lambda e: e.seq) == [e1, e2]
    assert by_student["s-2"] == [e4]
    assert by_student["s-3"] == []
    assert e3 not in by_student["s-1"]


async def test_students_with_evidence_in_pages(backend: Backend, tenant: TenantId) -> None:
    await _add(
        backend,
        tenant,
        result("e1", "s-3", "m1a"),
        result("e2", "s-1", "m1b"),
        result("e3", "s-1", "m1a"),
        result("e4", "s-2", "m2"),
        result("e5", "s-4", "m1a"),
    )
    async with backend.uow(tenant) as uow:
        wanted = ["m1a", "m1b"]
        assert await uow.evidence.students_with_evidence(wanted, None, 2) == ["s-1", "s-3"]
        assert await uow.evidence.students_with_evidence(wanted, "s-3", 2) == ["s-4"]
        assert await uow.evidence.students_with_evidence(["m2"], None, 10) == ["s-2"]


async def test_listing_in_arrival_order(backend: Backend, tenant: TenantId) -> None:
    first = await _add(backend, tenant, result("e1", "s-1"), result("e2", "s-2"), when=1)
    second = await _add(backend, tenant, result("e3", "s-1", "m2"), result("e4", "s-1"), when=3)
    e1, e2, e3, e4 = [*first, *second]
    async with backend.uow(tenant) as uow:
        page = await uow.evidence.list(
            student_id=None, competency_id=None, since=None, after=None, limit=3
        )
        assert page.items == [e1, e2, e3]
        assert page.last_key == str(e3.seq)
        rest = await uow.evidence.list(
            student_id=None, competency_id=None, since=None, after=page.last_key, limit=3
        )
        assert (rest.items, rest.last_key) == ([e4], None)
        mine = await uow.evidence.list(
            student_id="s-1", competency_id="m1a", since=None, after=None, limit=10
        )
        assert mine.items == [e1, e4]
        # `since` compares with when a result was stored or last changed (inclusive).
        await uow.evidence.replace_many([replace(e1, score=1)], [e1], day(5))
        changed = await uow.evidence.list(
            student_id=None, competency_id=None, since=day(3), after=None, limit=10
        )
        assert [e.id for e in changed.items] == ["e1", "e3", "e4"]


async def test_evidence_is_the_tenants_own(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    await _add(backend, tenant, result("e1"))
    async with backend.uow(other_tenant) as uow:
        assert await uow.evidence.get("e1") is None
        assert await uow.evidence.find([("lms", "r-e1", "m1a")]) == {}
        assert await uow.evidence.from_sources("lms", ["r-e1"]) == []
        assert await uow.evidence.history([("s-1", "m1a")]) == {}
        assert await uow.evidence.students_with_evidence(["m1a"], None, 10) == []
        page = await uow.evidence.list(
            student_id=None, competency_id=None, since=None, after=None, limit=10
        )
        assert page.items == []
        # The same key is free in another district.
        await uow.evidence.add_many([result("e1-other", source_id="r-e1")], FRAMEWORK_OF, day(1))


async def test_evidence_is_not_kept_without_a_commit(backend: Backend, tenant: TenantId) -> None:
    (e1,) = await _add(backend, tenant, result("e1"))
    async with backend.uow(tenant) as uow:
        await uow.evidence.add_many([result("e2")], FRAMEWORK_OF, day(2))
        await uow.evidence.replace_many([replace(e1, voided_at=day(2))], [e1], day(2))
    async with backend.uow(tenant) as uow:
        assert await uow.evidence.get("e2") is None
        assert await uow.evidence.get("e1") == e1
