"""Importing CASE packages on fakes: a first import creates a framework; a newer version of the
same CFDocument updates it in place (added, changed, reordered, retired items) and recomputes
the decisions its tree change reaches; a package from a provider; refused packages write
nothing. The package is tests/case_packages.py's grade5(); the CASE JSON codec is the real one
(pure). Under 5.NF.2 sit L.1, L.2 and L.10, ordered by their codes (they have no numbers)."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.errors import Invalid, SourceUnavailable
from app.domain.framework_commands import LevelSpec, ScaleSpec, UpdateCompetency
from app.domain.frameworks import Status
from app.domain.mastery.decision import MasteryStatus
from app.use_cases.catalog import UseCases
from app.use_cases.evidence import EvidenceInput
from tests.case_packages import (
    DOC,
    G1,
    L1,
    L2,
    L10,
    NBT,
    NBT1,
    NF,
    NF2,
    as_bytes,
    child,
    grade5,
    ident,
    item,
)
from tests.fakes.wiring import FakeAdapters
from tests.unit.use_cases.district import CALLER, day, given

URL = f"https://case.example.org/ims/case/v1p0/CFPackages/{DOC}"


def version2() -> dict[str, Any]:
    """grade5() revised: 5.NBT.1 reworded, L.2 gone, 5.NF.3 added under 5.NF (third)."""
    data = grade5()
    items, links = data["CFItems"], data["CFAssociations"]
    items[NBT1 - 1]["fullStatement"] = "A digit in one place is ten times the digit to its right."
    del items[L2 - 1]
    links[:] = [a for a in links if a["originNodeURI"]["identifier"] != ident(L2)]
    items.append(item(11, "5.NF.3", "Interpret a fraction as division."))
    links.append(child(115, 11, NF, 3))
    return data


async def test_a_package_creates_a_framework(fakes: FakeAdapters, use_cases: UseCases) -> None:
    commits = fakes.database.commits
    done = await use_cases.case_imports.import_case(CALLER, as_bytes(grade5()))
    plan = done.plan
    assert plan.created
    assert set(plan.added) == {ident(n) for n in range(1, 11)}
    assert (plan.changed, plan.reordered, plan.retired) == ((), (), ())
    assert done.job is None
    assert fakes.database.commits == commits + 1
    stored = await use_cases.frameworks.get_framework(CALLER, DOC)
    assert stored.title == "Grade 5 Mathematics"
    assert [c.code for c in stored.ordered] == [
        "5.NBT",
        "5.NBT.2",
        "5.NBT.1",
        "5.NF",
        "5.NF.1",
        "5.NF.2",
        "L.1",
        "L.2",
        "L.10",
        "5.G.1",
    ]


async def test_a_newer_version_updates_the_framework_in_place(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    await use_cases.case_imports.import_case(CALLER, as_bytes(grade5()))
    done = await use_cases.case_imports.import_case(CALLER, as_bytes(version2()))
    plan = done.plan
    assert not plan.created
    assert plan.added == (ident(11),)
    assert plan.changed == (ident(NBT1),)
    assert plan.reordered == (ident(L10),)  # second under 5.NF.2 now that L.2 is gone
    assert plan.retired == (ident(L2),)
    assert plan.unchanged == 7  # 5.NBT, 5.NBT.2, 5.NF, 5.NF.1, 5.NF.2, L.1, 5.G.1
    assert await use_cases.frameworks.count_frameworks(CALLER) == 1
    stored = await use_cases.frameworks.get_framework(CALLER, DOC)
    assert stored.competency(ident(L2)).status is Status.RETIRED
    assert [c.code for c in stored.ordered if c.is_active] == [
        "5.NBT",
        "5.NBT.2",
        "5.NBT.1",
        "5.NF",
        "5.NF.1",
        "5.NF.2",
        "L.1",
        "L.10",
        "5.NF.3",
        "5.G.1",
    ]


async def test_retiring_an_item_recomputes_the_rollups_it_was_in(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    await given(fakes, frameworks=())
    await use_cases.case_imports.import_case(CALLER, as_bytes(grade5()))
    await use_cases.evidence.record_evidence(
        CALLER,
        [
            EvidenceInput("s1", ident(L1), 4, day(-2), "a"),
            EvidenceInput("s1", ident(L2), 1, day(-1), "b"),
        ],
    )

    async def nf2() -> tuple[MasteryStatus, float | None]:
        views = await use_cases.mastery.student_mastery(CALLER, "s1", framework_id=DOC)
        found = next(v for v in views if v.competency_id == ident(NF2))
        return found.shown.status, found.shown.score

    # 5.NF.2 from L.1 (4, mastered), L.2 (1) and L.10 (nothing): not yet, mean 2.5.
    assert await nf2() == (MasteryStatus.NOT_YET, 2.5)
    await use_cases.case_imports.import_case(CALLER, as_bytes(version2()))
    # L.2 retired takes no part: from L.1 and L.10, not yet (one of two), mean 4.
    assert await nf2() == (MasteryStatus.NOT_YET, 4.0)


async def test_a_package_from_a_provider(fakes: FakeAdapters, use_cases: UseCases) -> None:
    fakes.case_source.bodies[URL] = as_bytes(grade5())
    done = await use_cases.case_imports.import_case_from_provider(CALLER, URL, None)
    assert done.plan.created
    assert fakes.case_source.fetched == [(URL, None)]
    with pytest.raises(SourceUnavailable):
        await use_cases.case_imports.import_case_from_provider(CALLER, URL + "-gone", None)
    assert await use_cases.frameworks.count_frameworks(CALLER) == 1


async def test_a_refused_package_writes_nothing(fakes: FakeAdapters, use_cases: UseCases) -> None:
    data = grade5()
    # 5.G.1 under an item that is nowhere, and a cycle: 5.NBT under 5.NBT.1 under 5.NBT.
    data["CFAssociations"].append(child(120, G1, 999))
    data["CFAssociations"].append(child(121, NBT, NBT1))
    commits = fakes.database.commits
    with pytest.raises(Invalid) as refused:
        await use_cases.case_imports.import_case(CALLER, as_bytes(data))
    # Every problem, located in the package as written (the appended links are 14 and 15;
    # the cycle is reported at its first link, 5.NBT.1's isChildOf 5.NBT, number 2).
    assert [(p.loc, p.msg) for p in refused.value.problems] == [
        (
            ("CFAssociations", 14, "destinationNodeURI", "identifier"),
            f"{ident(999)!r} is neither an item of this package nor its document",
        ),
        (
            ("CFAssociations", 2),
            "isChildOf forms a cycle through 5.NBT → 5.NBT.1 (CFAssociations 2, 15)",
        ),
    ]
    assert fakes.database.commits == commits
    assert await use_cases.frameworks.count_frameworks(CALLER) == 0


async def test_an_operator_imports_a_file_into_a_tenant(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    tenant = await use_cases.access.create_tenant(slug="lakeside")
    done = await use_cases.case_imports.import_case_file("lakeside", as_bytes(grade5()))
    assert done.plan.created
    async with fakes.database.uow(tenant.id) as uow:
        assert await uow.frameworks.count() == 1


async def test_a_reimport_keeps_a_competencys_own_scale_and_threshold(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    """A district's scale on an item is its policy, not the publisher's: a newer version keeps
    it (the item's text changed, too), and a new item inherits the framework's."""
    await use_cases.case_imports.import_case(CALLER, as_bytes(grade5()))
    percent = ScaleSpec((LevelSpec(0, "Beginning"), LevelSpec(100, "Exceeds")), 80)
    await use_cases.frameworks.update_competency(
        CALLER, ident(NBT1), UpdateCompetency(scale=percent)
    )
    await use_cases.frameworks.update_competency(
        CALLER, ident(NF), UpdateCompetency(mastery_threshold=3.5)
    )
    await use_cases.case_imports.import_case(CALLER, as_bytes(version2()))
    stored = await use_cases.frameworks.get_framework(CALLER, DOC)
    assert stored.scale_for(ident(NBT1)).mastery_threshold == 80
    assert stored.competency(ident(NF)).mastery_threshold == 3.5
    assert stored.competency(ident(11)).scale is None  # 5.NF.3, new, under 5.NF
    assert stored.scale_for(ident(11)).mastery_threshold == 3.5  # inherited from 5.NF
