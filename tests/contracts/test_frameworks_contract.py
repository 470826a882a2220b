"""The framework repository's and CASE catalog's contract, on the fakes, SQLite and
PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.access import TenantId
from app.domain.associations import Association, NodeLink
from app.domain.case.identifiers import derived
from app.domain.categories import EvidenceCategory
from app.domain.errors import Conflict
from app.domain.frameworks import Calculation, CalculationMethod, Competency, Framework, Status
from tests.contracts.conftest import Backend
from tests.contracts.records import AT, day, framework


def _links(f: Framework) -> list[tuple[str, str | None, str | None, int | None, bool]]:
    return [
        (a.type, a.origin.competency_id, a.destination.competency_id, a.sequence_number, a.tree)
        for a in f.associations
    ]


async def _add(backend: Backend, tenant: TenantId, *frameworks: Framework) -> None:
    async with backend.uow(tenant) as uow:
        for f in frameworks:
            await uow.frameworks.add(f, AT)
        await uow.commit()


async def test_a_framework_comes_back_with_its_tree(backend: Backend, tenant: TenantId) -> None:
    given = replace(
        framework(),
        description="Grade 5",
        min_evidence=2,
        include_formative=True,
        calculation=Calculation(CalculationMethod.N_MASTERY, n=2),
    )
    await _add(backend, tenant, given)
    async with backend.uow(tenant) as uow:
        found = (await uow.frameworks.get_many(["math", "nothing"]))["math"]
    assert found.ordered == given.ordered
    assert (found.description, found.min_evidence, found.include_formative) == ("Grade 5", 2, True)
    assert found.calculation == Calculation(CalculationMethod.N_MASTERY, n=2)
    assert found.scale == given.scale
    assert found.updated_at == AT
    # Stored with it: the tree as CASE isChildOf links (to the document: None), a parent's
    # children at a time, the roots first, numbered among siblings.
    assert _links(found) == [
        ("isChildOf", "m1", None, 1, True),
        ("isChildOf", "m2", None, 2, True),
        ("isChildOf", "m1a", "m1", 1, True),
        ("isChildOf", "m1b", "m1", 2, True),
    ]


async def test_a_frameworks_categories_and_missing_level_come_back(
    backend: Backend, tenant: TenantId
) -> None:
    categories = (
        EvidenceCategory("formative", 0, counted=False),
        EvidenceCategory("practice", 20),
        EvidenceCategory("summative", 80),
        EvidenceCategory("work habits", 1, habits_of_work=True),
    )
    await _add(backend, tenant, replace(framework(), categories=categories, missing_level=2))
    async with backend.uow(tenant) as uow:
        found = (await uow.frameworks.get_many(["math"]))["math"]
    assert (found.categories, found.missing_level) == (categories, 2)
    plain = replace(framework(), id="plain", competencies=())
    await _add(backend, tenant, plain)
    async with backend.uow(tenant) as uow:
        found = (await uow.frameworks.get_many(["plain"]))["plain"]
    assert (found.categories, found.missing_level) == ((), None)


async def test_a_taken_id_is_a_conflict(backend: Backend, tenant: TenantId) -> None:
    await _add(backend, tenant, framework())
    # Competency ids are unique in a district, across frameworks: checked first.
    with pytest.raises(Conflict) as taken:
        await _add(backend, tenant, framework("science"))
    assert [p.msg for p in taken.value.problems] == [
        "id 'm1' is taken",
        "id 'm1a' is taken",
        "id 'm1b' is taken",
        "id 'm2' is taken",
    ]
    with pytest.raises(Conflict) as exists:
        await _add(backend, tenant, framework("math", prefix="x"))
    assert exists.value.detail == "A framework 'math' exists already"
    async with backend.uow(tenant) as uow:
        assert await uow.frameworks.count() == 1


async def test_saving_keeps_competencies_left_out(backend: Backend, tenant: TenantId) -> None:
    await _add(backend, tenant, framework())
    original = framework()
    # A change of title and of one standard's statement, with m2 left out of the write.
    changed = replace(
        original,
        title="Maths",
        competencies=tuple(
            replace(c, statement="Count to 100") if c.id == "m1a" else c
            for c in original.competencies
            if c.id != "m2"
        ),
    )
    async with backend.uow(tenant) as uow:
        await uow.frameworks.save(changed, day(1))
        await uow.commit()
    async with backend.uow(tenant) as uow:
        found = (await uow.frameworks.get_many(["math"]))["math"]
    assert found.title == "Maths"
    assert found.updated_at == day(1)
    assert [(c.id, c.statement) for c in found.ordered] == [
        ("m1", "Number"),
        ("m1a", "Count to 100"),
        ("m1b", "Compare"),
        ("m2", "Measure"),  # never deleted
    ]


async def test_saving_another_frameworks_competency_is_a_conflict(
    backend: Backend, tenant: TenantId
) -> None:
    await _add(backend, tenant, framework(), framework("science", prefix="s"))
    stealing = replace(
        framework(), competencies=(*framework().competencies, Competency("s2", "S.2", "Heat"))
    )
    with pytest.raises(Conflict) as conflict:
        async with backend.uow(tenant) as uow:
            await uow.frameworks.save(stealing, day(1))
    assert [p.msg for p in conflict.value.problems] == ["id 's2' is taken"]


async def test_pages_count_and_owners(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    await _add(backend, tenant, framework("b", "b"), framework("a", "a"), framework("c", "c"))
    async with backend.uow(tenant) as uow:
        first = await uow.frameworks.list(None, 2)
        rest = await uow.frameworks.list(first.last_key, 2)
        assert [f.id for f in first.items] == ["a", "b"]
        assert first.last_key == "b"
        assert [f.id for f in rest.items] == ["c"]
        assert rest.last_key is None
        assert await uow.frameworks.count() == 3
        owners, frameworks = await uow.frameworks.of_competencies(["a1a", "c2", "zz"])
        assert owners == {"a1a": "a", "c2": "c"}
        assert sorted(frameworks) == ["a", "c"]
        assert frameworks["c"].competency("c2").statement == "Measure"
    async with backend.uow(other_tenant) as uow:
        assert await uow.frameworks.count() == 0
        assert await uow.frameworks.get_many(["a"]) == {}
        assert await uow.frameworks.of_competencies(["a1a"]) == ({}, {})


async def test_a_framework_added_without_a_commit_is_gone(
    backend: Backend, tenant: TenantId
) -> None:
    async with backend.uow(tenant) as uow:
        await uow.frameworks.add(framework(), AT)
        assert await uow.frameworks.count() == 1
    async with backend.uow(tenant) as uow:
        assert await uow.frameworks.count() == 0
        # Its competency ids are free again.
        await uow.frameworks.add(framework("other"), AT)
        await uow.commit()


def _imported() -> Framework:
    """A framework as a CASE import stores it: CASE identifiers, a crosswalk association."""
    base = framework("doc-id", prefix="i")
    competencies = tuple(
        replace(c, case={"identifier": f"item-{c.id}", "uri": f"https://case.example/{c.id}"})
        for c in base.competencies
    )
    crosswalk = Association(
        identifier="assoc-1",
        type="exactMatchOf",
        origin=NodeLink("item-i1a", competency_id="i1a"),
        destination=NodeLink("elsewhere-7", uri="https://other.example/7"),
    )
    return replace(
        base,
        competencies=competencies,
        case={"identifier": "doc-identifier", "creator": "State"},
        associations=(crosswalk,),
    )


async def test_the_case_catalog_finds_frameworks_by_identifier(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    authored = replace(framework(), competencies=(*framework().competencies,))
    retired_kind = Competency("m3", "M.3", "Old", kind="Cluster", status=Status.RETIRED, position=2)
    authored = replace(authored, competencies=(*authored.competencies, retired_kind))
    # A framework whose CASE identifier is another framework's id.
    shadow = replace(framework("shadow", prefix="z"), case={"identifier": "doc-id"})
    await _add(backend, tenant, authored, _imported(), shadow)
    async with backend.uow(tenant) as uow:
        case = uow.case
        assert await case.framework_for_document("doc-identifier") == "doc-id"
        assert await case.framework_for_document("math") == "math"  # by id
        assert await case.framework_for_document(derived("CFDocument", "math")) == "math"
        # A CASE identifier wins over an id equal to it.
        assert await case.framework_for_document("doc-id") == "shadow"
        assert await case.framework_for_document("nothing") is None
        # By CASE identifier or by id.
        assert await case.competency_owners(["item-i1a", "m1", "i2", "nothing"]) == {
            "item-i1a": ("doc-id", "i1a"),
            "m1": ("math", "m1"),
            "i2": ("doc-id", "i2"),
        }
        assert await case.frameworks_with_association("assoc-1") == ["doc-id"]
        # exactMatchOf by either end (an isChildOf of the tree is no crosswalk).
        crosswalk = [("item-i1a", "elsewhere-7")]
        assert await case.exact_match_links(["elsewhere-7", "nothing"]) == crosswalk
        assert await case.exact_match_links(["item-i1a"]) == crosswalk
        assert await case.exact_match_links(["m1", "doc-identifier"]) == []
        assert await case.frameworks_linking("elsewhere-7") == ["doc-id"]
        assert await case.frameworks_linking("item-i1a") == ["doc-id"]  # crosswalk and tree
        headers = await case.headers()
        assert [(f.id, f.title, f.competencies, f.associations) for f in headers] == [
            ("doc-id", "Framework doc-id", (), ()),
            ("math", "Framework math", (), ()),
            ("shadow", "Framework shadow", (), ()),
        ]
        assert headers[0].case == {"identifier": "doc-identifier", "creator": "State"}
        assert await case.kinds() == {
            "doc-id": {"Domain", "Standard"},
            "math": {"Domain", "Standard", "Cluster"},  # retired ones too
            "shadow": {"Domain", "Standard"},
        }
    async with backend.uow(other_tenant) as uow:
        assert await uow.case.framework_for_document("doc-identifier") is None
        assert await uow.case.competency_owners(["item-i1a", "m1"]) == {}
        assert await uow.case.exact_match_links(["item-i1a", "elsewhere-7"]) == []
        assert await uow.case.headers() == []
        assert await uow.case.kinds() == {}
