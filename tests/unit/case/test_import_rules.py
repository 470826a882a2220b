"""The rules that turn a CASE package into a framework: tree, order, prerequisites, crosswalks,
and the packages that are rejected, with every problem located."""

from __future__ import annotations

from typing import Any

import pytest

from app.adapters.case.package import read_package
from app.domain.case.importing import CODE_DERIVED, ImportPlan, plan_import
from app.domain.case.package import combined
from app.domain.errors import Invalid
from app.domain.frameworks import Framework
from tests.case_packages import (
    DOC,
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
    ORDER,
    association,
    child,
    edited,
    ext,
    grade5,
    ident,
    item,
    node,
    outside,
    package,
)


def plan(data: Any, existing: Framework | None = None, **kw: Any) -> ImportPlan:
    read = read_package(data)
    assert read.problems == []
    assert read.package is not None
    return plan_import(read.package, existing, elsewhere=kw.get("elsewhere", {}))


def problems(data: Any) -> list[tuple[tuple[object, ...], str]]:
    """Every problem, the reader's and the rules', as the import reports them."""
    read = read_package(data)
    found = read.problems
    if read.package is not None:
        try:
            plan_import(read.package, None, elsewhere={})
        except Invalid as error:
            found = combined(read.problems, error.problems)
    return [(p.loc, p.msg) for p in found]


def test_the_tree_follows_is_child_of_in_sequence_then_natural_code_order() -> None:
    framework = plan(grade5()).framework
    assert [c.code for c in framework.ordered] == ORDER
    by_code = {c.code: c for c in framework.competencies}
    assert by_code["5.NBT.1"].parent_id == ident(NBT)
    assert by_code["L.10"].parent_id == ident(NF2)
    assert [by_code[c].position for c in ("L.1", "L.2", "L.10")] == [0, 1, 2]
    assert by_code["5.NBT"].parent_id is None
    assert by_code["5.G.1"].parent_id is None
    assert framework.id == DOC
    assert framework.title == "Grade 5 Mathematics"
    assert framework.version == "2.0"


def test_a_competency_is_its_item_with_the_other_case_fields_kept() -> None:
    framework = plan(grade5()).framework
    competency = framework.competency(ident(NBT1))
    assert competency.code == "5.NBT.1"
    assert competency.statement.startswith("Recognize that a digit")
    assert competency.kind == "Standard"
    assert competency.case == {
        "identifier": ident(NBT1),
        "uri": f"https://case.example.org/ims/case/v1p0/CFItems/{ident(NBT1)}",
        "lastChangeDateTime": "2026-05-01T12:00:00+00:00",
        "educationLevel": ["05"],
        "listEnumeration": "1",
        "abbreviatedStatement": "Place value",
        "notes": "Powers of ten.",
    }
    assert framework.case["adoptionStatus"] == "Adopted"
    assert framework.case["subject"] == ["Mathematics"]
    assert framework.case["CFDefinitions"]["CFItemTypes"][0]["title"] == "Standard"


def test_an_item_without_parent_is_a_root_and_reported() -> None:
    done = plan(grade5())
    roots = [(n.kind, n.loc) for n in done.leniencies if n.kind == "no_parent"]
    assert roots == [("no_parent", ("CFItems", G1 - 1))]


def test_precedes_are_prerequisites_and_every_association_is_kept() -> None:
    framework = plan(grade5()).framework
    assert [a.identifier for a in framework.associations] == [ident(n) for n in range(101, 115)]
    prerequisites = [
        (a.origin.competency_id, a.destination.competency_id)
        for a in framework.associations
        if a.is_prerequisite
    ]
    assert prerequisites == [(ident(NBT2), ident(NBT1)), (ident(NF1), ident(NF2))]
    crosswalk = framework.associations[12]
    assert crosswalk.type == "isRelatedTo"
    assert crosswalk.destination.identifier == ext(1)
    assert crosswalk.destination.uri == f"https://other.example/uri/{ext(1)}"
    assert crosswalk.destination.competency_id is None
    assert [a.tree for a in framework.associations] == [True] * 9 + [False] * 5


def test_an_item_with_two_parents_hangs_under_the_first() -> None:
    data = grade5()
    data["CFAssociations"].append(child(120, NF1, NBT, 3))
    done = plan(data)
    assert done.framework.competency(ident(NF1)).parent_id == ident(NF)
    second = done.framework.associations[-1]
    assert (second.identifier, second.tree) == (ident(120), False)
    assert [n.loc for n in done.leniencies if n.kind == "second_parent"] == [("CFAssociations", 14)]


def test_an_item_without_code_gets_one_from_its_text_and_serves_none() -> None:
    data = package(
        [
            item(1, None, "Count to one hundred by ones and by tens."),
            item(2, None, "Count forward from a number.", abbreviatedStatement="Count on"),
        ],
        [child(10, 1, None, 1), child(11, 2, None, 2)],
    )
    framework = plan(data).framework
    first, second = framework.ordered
    assert first.code == "Count to one hundred by ones and by tens."
    assert second.code == "Count on"
    assert first.case[CODE_DERIVED] is True


def bad(data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    out = edited(data)
    for path, value in changes.items():
        section, index, key = path.split(".")
        out[section][int(index)][key] = value
    return out


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b"{not json",
            [
                (
                    (),
                    "is not JSON: Expecting property name enclosed in double quotes"
                    " at line 1 column 2",
                )
            ],
        ),
        (b"\xff\xfe", [((), "is not UTF-8 text (invalid start byte at byte 0)")]),
        (
            b"[1, 2]",
            [((), "must be a CASE CFPackage: an object with CFDocument, CFItems, CFAssociations")],
        ),
        ({"CFItems": []}, [(("CFDocument",), "is required: the package's CFDocument object")]),
        (
            bad(grade5(), **{"CFItems.1.identifier": None}),
            [
                (("CFItems", 1, "identifier"), "is required"),
                # Its associations now point at nothing in the package: also said.
                (
                    ("CFAssociations", 2, "originNodeURI", "identifier"),
                    f"'{ident(NBT1)}' is neither an item of this package nor its document",
                ),
                (
                    ("CFAssociations", 9, "destinationNodeURI", "identifier"),
                    f"'{ident(NBT1)}' is neither an item of this package nor its document",
                ),
            ],
        ),
        (
            bad(grade5(), **{"CFItems.2.fullStatement": None}),
            [(("CFItems", 2, "fullStatement"), "is required")],
        ),
        (
            bad(grade5(), **{"CFItems.2.fullStatement": "   "}),
            [(("CFItems", 2, "fullStatement"), "is required")],
        ),
        (
            bad(grade5(), **{"CFItems.3.identifier": ident(NBT)}),
            [
                (("CFItems", 3, "identifier"), "repeats the identifier of CFItems[0]"),
                *(
                    (
                        ("CFAssociations", i, end, "identifier"),
                        f"'{ident(NF)}' is neither an item of this package nor its document",
                    )
                    for i, end in [
                        (1, "originNodeURI"),
                        (4, "destinationNodeURI"),
                        (5, "destinationNodeURI"),
                    ]
                ),
            ],
        ),
        (
            bad(grade5(), **{"CFAssociations.2.destinationNodeURI": outside(7)}),
            [
                (
                    ("CFAssociations", 2, "destinationNodeURI", "identifier"),
                    f"'{ext(7)}' is neither an item of this package nor its document",
                )
            ],
        ),
        (
            bad(grade5(), **{"CFAssociations.9.originNodeURI": outside(8)}),
            [
                (
                    ("CFAssociations", 9, "originNodeURI", "identifier"),
                    f"'{ext(8)}' is neither an item of this package nor its document",
                )
            ],
        ),
        (
            bad(grade5(), **{"CFAssociations.0.originNodeURI": node(None)}),
            [(("CFAssociations", 0, "originNodeURI"), "a document cannot be a child")],
        ),
        (
            bad(grade5(), **{"CFAssociations.1.sequenceNumber": "second"}),
            [(("CFAssociations", 1, "sequenceNumber"), "must be a whole number")],
        ),
        (
            bad(grade5(), **{"CFAssociations.3.identifier": ident(101)}),
            [(("CFAssociations", 3, "identifier"), "repeats the identifier of CFAssociations[0]")],
        ),
        (
            bad(grade5(), **{"CFAssociations.4.associationType": None}),
            [(("CFAssociations", 4, "associationType"), "is required")],
        ),
    ],
    ids=[
        "not-json",
        "not-utf8",
        "not-an-object",
        "no-document",
        "no-identifier",
        "no-statement",
        "blank-statement",
        "repeated-identifier",
        "dangling-parent",
        "dangling-prerequisite",
        "document-as-child",
        "sequence-number-not-a-number",
        "repeated-association",
        "no-association-type",
    ],
)
def test_a_bad_package_is_rejected_with_its_problem_located(
    data: Any, expected: list[tuple[tuple[object, ...], str]]
) -> None:
    assert problems(data) == expected


def test_cycles_of_is_child_of_and_of_precedes_are_rejected() -> None:
    data = grade5()
    # 5.NBT under 5.NBT.2 (its own child), and 5.NBT.1 precedes 5.NBT.2 (which precedes it).
    data["CFAssociations"][0] = child(101, NBT, NBT2, 1)
    data["CFAssociations"].append(association(120, "precedes", node(NBT1), node(NBT2)))
    data["CFAssociations"].append(association(121, "precedes", node(G1), node(G1)))
    assert problems(data) == [
        (
            ("CFAssociations", 0),
            "isChildOf forms a cycle through 5.NBT → 5.NBT.2 (CFAssociations 0, 3)",
        ),
        (
            ("CFAssociations", 9),
            "precedes forms a cycle through 5.NBT.1 → 5.NBT.2 (CFAssociations 9, 14)",
        ),
        (("CFAssociations", 15), "precedes forms a cycle through 5.G.1 (CFAssociations 15)"),
    ]


def test_every_problem_of_a_package_is_listed_at_once() -> None:
    data = grade5()
    data["CFDocument"]["title"] = ""
    data["CFItems"][0]["fullStatement"] = 42.5  # a number is read as text, with a warning
    data["CFItems"][1]["fullStatement"] = ["not", "text"]
    data["CFItems"][4]["identifier"] = ""
    data["CFAssociations"][5]["destinationNodeURI"] = outside(3)
    data["CFAssociations"].append(association(120, "precedes", node(NF2), node(NF1)))
    assert problems(data) == [
        (("CFItems", 1, "fullStatement"), "must be a string"),  # not also "is required"
        (("CFDocument", "title"), "is required"),
        (("CFItems", 4, "identifier"), "is required"),
        (
            ("CFAssociations", 4, "originNodeURI", "identifier"),
            f"'{ident(NF1)}' is neither an item of this package nor its document",
        ),
        (
            ("CFAssociations", 5, "destinationNodeURI", "identifier"),
            f"'{ext(3)}' is neither an item of this package nor its document",
        ),
        (
            ("CFAssociations", 10, "originNodeURI", "identifier"),
            f"'{ident(NF1)}' is neither an item of this package nor its document",
        ),
        (
            ("CFAssociations", 14, "destinationNodeURI", "identifier"),
            f"'{ident(NF1)}' is neither an item of this package nor its document",
        ),
    ]


def test_identifiers_already_used_by_another_framework_are_rejected() -> None:
    data = grade5()
    read = read_package(data)
    assert read.package is not None
    with pytest.raises(Invalid) as caught:
        plan_import(read.package, None, elsewhere={ident(NF1): "fw-other"})
    assert [(p.loc, p.msg) for p in caught.value.problems] == [
        (("CFItems", 4, "identifier"), "is a competency of the framework 'fw-other'")
    ]


def test_a_reference_that_differs_only_in_case_is_resolved_and_reported() -> None:
    data = grade5()
    lower = "abcdef00-0000-4000-8000-000000000001"
    data["CFItems"][0]["identifier"] = lower
    for i, end in [(0, "originNodeURI"), (3, "destinationNodeURI"), (11, "destinationNodeURI")]:
        data["CFAssociations"][i][end]["identifier"] = lower
    data["CFAssociations"][2]["destinationNodeURI"]["identifier"] = lower.upper()
    done = plan(data)
    assert done.framework.competency(ident(NBT1)).parent_id == lower
    assert [(n.kind, n.loc) for n in done.leniencies if n.kind == "identifier_case"] == [
        ("identifier_case", ("CFAssociations", 2, "destinationNodeURI", "identifier"))
    ]


def test_unknown_association_types_are_kept_and_reported() -> None:
    data = grade5()
    data["CFAssociations"].append(association(120, "isTranslationOf", node(NF1), outside(9)))
    done = plan(data)
    assert done.framework.associations[-1].type == "isTranslationOf"
    assert [n.kind for n in done.leniencies if n.kind == "unknown_association_type"] == [
        "unknown_association_type"
    ]


def test_items_are_ordered_by_code_when_no_sequence_number_is_given() -> None:
    data = package(
        [item(i, f"H.A.{n}", f"Level {n}") for i, n in enumerate([1, 10, 11, 2, 20, 3], 1)],
        [child(100 + i, i, None) for i in range(1, 7)],
    )
    done = plan(data)
    assert [c.code for c in done.framework.ordered] == [
        "H.A.1",
        "H.A.2",
        "H.A.3",
        "H.A.10",
        "H.A.11",
        "H.A.20",
    ]
    assert [(n.kind, n.loc, n.msg) for n in done.leniencies] == [
        ("order_by_code", ("CFDocument",), "6 of 6 children have no sequenceNumber")
    ]


def test_l1_l2_l10_are_listed_out_of_order_in_the_package() -> None:
    # A guard on the fixture: the natural order is not the package's order.
    codes = [i.get("humanCodingScheme") for i in grade5()["CFItems"]]
    assert codes.index("L.10") < codes.index("L.2") < codes.index("L.1")
    assert (L10, L2, L1) == (7, 8, 9)
