"""Re-importing a newer version of a package updates the framework in place, by identifier."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from app.adapters.case.package import read_package
from app.adapters.case.writer import package_json
from app.domain.case.export import export_package
from app.domain.case.identifiers import derived
from app.domain.case.importing import ImportPlan, plan_import
from app.domain.frameworks import (
    Calculation,
    CalculationMethod,
    Competency,
    Framework,
    Status,
)
from tests.case_packages import (
    G1,
    L1,
    L2,
    L10,
    NBT,
    NBT1,
    NBT2,
    NF,
    NF1,
    NF2,
    child,
    grade5,
    ident,
    item,
)


def _plan(data: object, existing: Framework | None) -> ImportPlan:
    read = read_package(data)
    assert read.problems == []
    assert read.package is not None
    return plan_import(read.package, existing, elsewhere={})


def _version2() -> dict[str, object]:
    data = grade5()
    items, links = data["CFItems"], data["CFAssociations"]
    items[1]["fullStatement"] = "A digit in one place is ten times the digit to its right."
    del items[L2 - 1]  # L.2 is gone
    items.append(item(11, "5.NF.3", "Interpret a fraction as division."))
    links[2]["sequenceNumber"], links[3]["sequenceNumber"] = 1, 2  # 5.NBT.1 before 5.NBT.2
    del links[7]  # L.2's isChildOf
    links.append(child(115, 11, NF, 3))
    links.append(child(116, G1, None, 3))
    return data


def test_a_newer_version_adds_changes_reorders_and_retires_by_identifier() -> None:
    first = _plan(grade5(), None)
    assert first.created
    own = Calculation(CalculationMethod.LATEST)
    before = replace(
        first.framework,
        competencies=tuple(
            replace(c, calculation=own) if c.id == ident(NF1) else c
            for c in first.framework.competencies
        ),
    )
    second = _plan(_version2(), before)
    assert not second.created
    assert second.added == (ident(11),)
    assert second.changed == (ident(NBT1),)
    assert second.reordered == (ident(NBT2), ident(L10))
    assert second.retired == (ident(L2),)
    assert second.unchanged == 6  # 5.NBT, 5.NF, 5.NF.1, 5.NF.2, L.1, 5.G.1
    framework = second.framework
    assert [c.code for c in framework.ordered if c.is_active] == [
        "5.NBT",
        "5.NBT.1",
        "5.NBT.2",
        "5.NF",
        "5.NF.1",
        "5.NF.2",
        "L.1",
        "L.10",
        "5.NF.3",
        "5.G.1",
    ]
    retired = framework.competency(ident(L2))
    assert retired.status is Status.RETIRED
    assert retired.parent_id == ident(NF2)  # kept where it was, with its history
    assert framework.competency(ident(NF1)).calculation == own
    assert framework.competency(ident(L1)).position == 0


def test_a_retired_item_that_returns_is_active_again() -> None:
    first = _plan(grade5(), None).framework
    second = _plan(_version2(), first).framework
    third = _plan(grade5(), second)
    assert third.added == ()
    assert third.retired == (ident(11),)
    assert ident(L2) in third.changed
    assert third.framework.competency(ident(L2)).is_active


def test_importing_the_same_package_again_changes_nothing() -> None:
    first = _plan(grade5(), None).framework
    again = _plan(grade5(), first)
    assert (again.added, again.changed, again.reordered, again.retired) == ((), (), (), ())
    assert again.unchanged == 10
    assert again.framework == first


def test_a_framework_authored_here_is_updated_in_place_from_its_own_export() -> None:
    native = Framework(
        id="fw-math",
        title="Grade 4 Mathematics",
        competencies=(
            Competency("d-nbt", "4.NBT", "Number and operations in base ten", kind="domain"),
            Competency("s-1", "4.NBT.1", "Place value", parent_id="d-nbt", position=0),
            Competency("s-2", "4.NBT.2", "Read and write", parent_id="d-nbt", position=1),
        ),
        updated_at=datetime(2026, 9, 1, tzinfo=UTC),
    )
    exported = package_json(export_package(native, "https://here/ims/case/v1p0", "district"))
    exported["CFItems"][1]["fullStatement"] = "Place value to one million"
    done = _plan(exported, native)
    assert done.framework.id == "fw-math"
    assert [c.id for c in done.framework.ordered] == ["d-nbt", "s-1", "s-2"]
    assert done.changed == ("d-nbt", "s-1", "s-2")  # they now carry their CASE fields
    assert done.framework.competency("s-1").statement == "Place value to one million"
    assert done.framework.competency("s-1").case["identifier"] == derived("CFItem", "s-1")
    assert done.framework.case["identifier"] == derived("CFDocument", "fw-math")


def test_the_fixture_numbers_match_the_items() -> None:
    codes = {i["identifier"]: i["humanCodingScheme"] for i in grade5()["CFItems"]}
    assert [codes[ident(n)] for n in (NBT, NBT1, NBT2, NF, NF1, NF2)] == [
        "5.NBT",
        "5.NBT.1",
        "5.NBT.2",
        "5.NF",
        "5.NF.1",
        "5.NF.2",
    ]
