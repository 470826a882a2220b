"""Hand-written CASE 1.0 packages for the tests, and where the real ones are.

`grade5()` exercises every import rule at once; its expected tree, worked out by hand:

    (document)
      5.NBT          isChildOf the document, sequenceNumber 1
        5.NBT.2      sequenceNumber 1
        5.NBT.1      sequenceNumber 2
      5.NF           sequenceNumber 2
        5.NF.1       sequenceNumber 1
        5.NF.2       sequenceNumber 2
          L.1        no sequenceNumber: natural order of the codes
          L.2        (listed L.10, L.2, L.1 in the package)
          L.10
      5.G.1          no isChildOf at all: a root, after the numbered ones

and its other associations: 5.NBT.2 precedes 5.NBT.1, 5.NF.1 precedes 5.NF.2 (prerequisites),
5.NF isPeerOf 5.NBT (inside), 5.NBT.1 isRelatedTo and 5.NF.1 exactMatchOf items of another
framework (crosswalks, kept as external links)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "case"
REAL_PACKAGES = [
    "opensalt-act-holistic-framework-math.json",
    "opensalt-smartlevel-test.json",
    "opensalt-utf8-test.json",
    "opensalt-what-standards-could-be.json",
]
DIRTY = "opensalt-what-standards-could-be.json"
HOST = "https://case.example.org/ims/case/v1p0"
DOC = "d0c00000-0000-4000-8000-000000000001"
STAMP = "2026-05-01T12:00:00+00:00"


def real_package(name: str) -> bytes:
    """A real package, read in place; the test is skipped where the data folder is absent."""
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the real CASE packages live in ../shared/data/case")
    return path.read_bytes()


def ident(n: int) -> str:
    """The identifier of item or association number n (a lower-case UUID, version 4)."""
    return f"00000000-0000-4000-8000-{n:012d}"


def ext(n: int) -> str:
    """An identifier at another provider."""
    return f"e0000000-0000-4000-8000-{n:012d}"


def item(n: int, code: str | None, statement: str, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "identifier": ident(n),
        "uri": f"{HOST}/CFItems/{ident(n)}",
        "fullStatement": statement,
        "lastChangeDateTime": STAMP,
    }
    if code is not None:
        out["humanCodingScheme"] = code
    return {**out, **extra}


def node(n: int | None, title: str = "x") -> dict[str, str]:
    """A link to item n, or to the document (None)."""
    if n is None:
        return {
            "title": "Grade 5 Mathematics",
            "identifier": DOC,
            "uri": f"{HOST}/CFDocuments/{DOC}",
        }
    return {"title": title, "identifier": ident(n), "uri": f"{HOST}/CFItems/{ident(n)}"}


def outside(n: int) -> dict[str, str]:
    return {
        "title": f"Other {n}",
        "identifier": ext(n),
        "uri": f"https://other.example/uri/{ext(n)}",
    }


def association(
    n: int, kind: str, origin: dict[str, str], destination: dict[str, str], seq: Any = None
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "identifier": ident(n),
        "uri": f"{HOST}/CFAssociations/{ident(n)}",
        "associationType": kind,
        "originNodeURI": origin,
        "destinationNodeURI": destination,
        "lastChangeDateTime": STAMP,
    }
    if seq is not None:
        out["sequenceNumber"] = seq
    return out


def child(n: int, origin: int, parent: int | None, seq: Any = None) -> dict[str, Any]:
    return association(n, "isChildOf", node(origin), node(parent), seq)


def package(
    items: list[dict[str, Any]], associations: list[dict[str, Any]], **document: Any
) -> dict[str, Any]:
    return {
        "CFDocument": {
            "identifier": DOC,
            "uri": f"{HOST}/CFDocuments/{DOC}",
            "creator": "State Department of Education",
            "title": "Grade 5 Mathematics",
            "lastChangeDateTime": STAMP,
            "adoptionStatus": "Adopted",
            "version": "2.0",
            "language": "en",
            "subject": ["Mathematics"],
            "CFPackageURI": {
                "title": "Grade 5 Mathematics",
                "identifier": DOC,
                "uri": f"{HOST}/CFPackages/{DOC}",
            },
            **document,
        },
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {
            "CFItemTypes": [
                {
                    "identifier": ident(900),
                    "uri": f"{HOST}/CFItemTypes/{ident(900)}",
                    "title": "Standard",
                    "description": "A standard",
                    "hierarchyCode": "2",
                    "typeCode": "Standard",
                    "lastChangeDateTime": STAMP,
                }
            ]
        },
    }


# Item numbers of grade5(), by code.
NBT, NBT1, NBT2, NF, NF1, NF2, L10, L2, L1, G1 = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
ORDER = ["5.NBT", "5.NBT.2", "5.NBT.1", "5.NF", "5.NF.1", "5.NF.2", "L.1", "L.2", "L.10", "5.G.1"]


def grade5() -> dict[str, Any]:
    return package(
        [
            item(NBT, "5.NBT", "Number and Operations in Base Ten", CFItemType="Domain"),
            item(
                NBT1,
                "5.NBT.1",
                "Recognize that a digit in one place is 10 times the digit to its right.",
                CFItemType="Standard",
                educationLevel=["05"],
                listEnumeration="1",
                abbreviatedStatement="Place value",
                notes="Powers of ten.",
            ),
            item(
                NBT2, "5.NBT.2", "Explain patterns in the number of zeros.", CFItemType="Standard"
            ),
            item(NF, "5.NF", "Number and Operations - Fractions", CFItemType="Domain"),
            item(NF1, "5.NF.1", "Add and subtract fractions with unlike denominators."),
            item(NF2, "5.NF.2", "Solve word problems adding and subtracting fractions."),
            item(L10, "L.10", "Level ten"),
            item(L2, "L.2", "Level two"),
            item(L1, "L.1", "Level one"),
            item(G1, "5.G.1", "Use a pair of perpendicular number lines to define coordinates."),
        ],
        [
            child(101, NBT, None, 1),
            child(102, NF, None, 2),
            child(103, NBT1, NBT, 2),
            child(104, NBT2, NBT, 1),
            child(105, NF1, NF, 1),
            child(106, NF2, NF, 2),
            child(107, L10, NF2),
            child(108, L2, NF2),
            child(109, L1, NF2),
            association(110, "precedes", node(NBT2), node(NBT1)),
            association(111, "precedes", node(NF1), node(NF2)),
            association(112, "isPeerOf", node(NF), node(NBT)),
            association(113, "isRelatedTo", node(NBT1), outside(1)),
            association(114, "exactMatchOf", node(NF1), outside(2)),
        ],
    )


def edited(data: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(data)


def as_bytes(data: Any) -> bytes:
    return json.dumps(data).encode()
