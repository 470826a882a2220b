"""Reading CASE JSON liberally: what real exports get wrong is accepted, normalised and
reported as a leniency; the package is otherwise read as written."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from app.adapters.case.package import read_package
from app.domain.case.package import group_leniencies
from tests.case_packages import DOC, NBT, NBT1, grade5, ident


def _read(change: Callable[[dict[str, Any]], None]) -> tuple[Any, list[tuple[str, Any, str]]]:
    data = grade5()
    change(data)
    read = read_package(data)
    assert read.problems == []
    assert read.package is not None
    return read.package, [(n.kind, n.loc, n.msg) for n in read.leniencies]


def test_a_clean_package_is_read_without_leniency() -> None:
    package, leniencies = _read(lambda d: None)
    assert leniencies == []
    assert package.document.identifier == DOC
    assert [i.identifier for i in package.items] == [ident(n) for n in range(1, 11)]
    assert [i.index for i in package.items] == list(range(10))
    assert package.associations[0][1].sequence_number == 1
    assert package.document.fields["CFPackageURI"] == {
        "title": "Grade 5 Mathematics",
        "identifier": DOC,
        "uri": f"https://case.example.org/ims/case/v1p0/CFPackages/{DOC}",
    }


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _rename(path: tuple[Any, ...], old: str, new: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path:
            target = target[key]
        target[new] = target.pop(old)

    return change


@pytest.mark.parametrize(
    ("change", "expected", "check"),
    [
        (
            _set(("CFAssociations", 0, "sequenceNumber"), "1"),
            [("sequence_number_string", ("CFAssociations", 0, "sequenceNumber"), "'1'")],
            lambda p: p.associations[0][1].sequence_number == 1,
        ),
        (
            _set(("CFDocument", "CFPackageURI"), f"https://x.example/uri/{DOC}"),
            [("uri_as_string", ("CFDocument", "CFPackageURI"), f"'https://x.example/uri/{DOC}'")],
            lambda p: (
                p.document.fields["CFPackageURI"]
                == {
                    "title": "Grade 5 Mathematics",
                    "identifier": DOC,
                    "uri": f"https://x.example/uri/{DOC}",
                }
            ),
        ),
        (
            _rename(("CFItems", 1), "educationLevel", "educationalLevel"),
            [
                (
                    "education_level_name",
                    ("CFItems", 1, "educationalLevel"),
                    "read as educationLevel",
                )
            ],
            lambda p: p.items[1].fields["educationLevel"] == ["05"],
        ),
        (
            _set(("CFItems", 1, "educationLevel"), "05,06"),
            [
                (
                    "education_level_string",
                    ("CFItems", 1, "educationLevel"),
                    "'05,06' read as ['05', '06']",
                )
            ],
            lambda p: p.items[1].fields["educationLevel"] == ["05", "06"],
        ),
        (
            _set(("CFItems", 2, "lastChangeDateTime"), "2017-05-25T18:05:33"),
            [
                (
                    "naive_timestamp",
                    ("CFItems", 2, "lastChangeDateTime"),
                    "'2017-05-25T18:05:33' read as UTC",
                )
            ],
            lambda p: p.items[2].fields["lastChangeDateTime"] == "2017-05-25T18:05:33+00:00",
        ),
        (
            _set(("CFItems", 2, "lastChangeDateTime"), "2017-05-25T20:05:33+02:00"),
            [],
            lambda p: p.items[2].fields["lastChangeDateTime"] == "2017-05-25T18:05:33+00:00",
        ),
        (
            _set(("CFItems", 0, "CFItemType"), None),
            [],
            lambda p: p.items[0].item_type is None,
        ),
        (
            _set(("CFItems", 1, "humanCodingScheme"), 511),
            [("number_as_string", ("CFItems", 1, "humanCodingScheme"), "511 read as '511'")],
            lambda p: p.items[1].human_coding_scheme == "511",
        ),
        (
            _set(("CFItems", 0, "CFItemAssociationURI"), "https://x.example/associations"),
            [("unknown_field", ("CFItems", 0, "CFItemAssociationURI"), "ignored")],
            lambda p: "CFItemAssociationURI" not in p.items[0].fields,
        ),
        (
            _set(("CFItems", 0, "CFDocumentURI"), f"https://x.example/uri/{DOC}"),
            [("document_link_ignored", ("CFItems", 0, "CFDocumentURI"), "ignored")],
            lambda p: "CFDocumentURI" not in p.items[0].fields,
        ),
        (
            _set(("CFDefinitions",), []),
            [("definitions_as_array", ("CFDefinitions",), "[] read as {}")],
            lambda p: p.definitions == {},
        ),
        (
            _set(("CFDefinitions", "CFItemTypes", 0, "description"), None),
            [
                (
                    "null_description",
                    ("CFDefinitions", "CFItemTypes", 0, "description"),
                    "served as ''",
                )
            ],
            lambda p: p.definitions["CFItemTypes"][0]["description"] == "",
        ),
        (
            _set(("CFItems", 0, "identifier"), "item-one"),
            [("identifier_format", ("CFItems", 0, "identifier"), "'item-one'")],
            lambda p: p.items[0].identifier == "item-one",
        ),
        (
            _set(("CFItems", 0, "uri"), None),
            [("missing_field", ("CFItems", 0, "uri"), "is missing")],
            lambda p: "uri" not in p.items[0].fields,
        ),
        (
            _set(
                ("CFAssociations", 2, "destinationNodeURI"), f"https://x.example/uri/{ident(NBT)}"
            ),
            [
                (
                    "uri_as_string",
                    ("CFAssociations", 2, "destinationNodeURI"),
                    f"'https://x.example/uri/{ident(NBT)}'",
                )
            ],
            lambda p: p.associations[2][1].destination.identifier == ident(NBT),
        ),
    ],
    ids=[
        "sequence-number-as-string",
        "uri-object-as-string",
        "educational-level",
        "education-level-as-string",
        "timestamp-without-zone",
        "timestamp-in-another-zone",
        "item-without-type",
        "code-as-number",
        "non-standard-field",
        "document-link-in-package",
        "definitions-as-empty-array",
        "null-description",
        "identifier-not-a-uuid",
        "missing-uri",
        "end-as-string",
    ],
)
def test_a_known_quirk_is_accepted_and_reported(
    change: Callable[[dict[str, Any]], None], expected: list[Any], check: Callable[[Any], bool]
) -> None:
    package, leniencies = _read(change)
    assert leniencies == expected
    assert check(package)


def test_leniencies_are_grouped_by_kind_with_the_first_places() -> None:
    data = grade5()
    for entry in data["CFAssociations"][:4]:
        entry["sequenceNumber"] = str(entry["sequenceNumber"])
    read = read_package(data)
    (group,) = group_leniencies(read.leniencies, examples=2)
    assert (group.kind, group.count) == ("sequence_number_string", 4)
    assert group.message == "A sequenceNumber was given as a string; read as a number."
    assert [e.loc for e in group.examples] == [
        ("CFAssociations", 0, "sequenceNumber"),
        ("CFAssociations", 1, "sequenceNumber"),
    ]


def test_an_utf8_byte_order_mark_and_4_byte_characters_are_read() -> None:
    data = grade5()
    data["CFItems"][1]["fullStatement"] = "Item \U0001d451 1 \u2260 2"
    read = read_package(b"\xef\xbb\xbf" + json.dumps(data, ensure_ascii=False).encode())
    assert read.package is not None
    assert read.package.items[1].full_statement == "Item \U0001d451 1 \u2260 2"
    assert read.package.items[1].identifier == ident(NBT1)
