"""POST /v1/frameworks/import/case with the package in the body: create, update in place,
reject with every problem and nothing written; evidence against CFItem identifiers."""

from __future__ import annotations

from typing import Any

from tests.api.mastery_data import post, result
from tests.api.roster_data import seed_roster
from tests.case_packages import (
    DOC,
    G1,
    L2,
    L10,
    NBT,
    NBT1,
    NBT2,
    NF,
    NF1,
    NF2,
    as_bytes,
    child,
    ext,
    grade5,
    ident,
    item,
    outside,
)
from tests.conftest import Api

IMPORT = "/v1/frameworks/import/case"


async def imported(api: Api, data: Any, status: int = 201) -> dict[str, Any]:
    response = await api.post(IMPORT, content=as_bytes(data))
    assert response.status_code == status, response.text
    return response.json()


def _codes(tree: list[dict[str, Any]], depth: int = 0) -> list[tuple[int, str, str]]:
    out = []
    for node in tree:
        out.append((depth, node["code"], node["status"]))
        out += _codes(node["children"], depth + 1)
    return out


async def test_an_import_creates_the_framework_and_says_what_it_did(api: Api) -> None:
    response = await api.post(IMPORT, content=as_bytes(grade5()))
    assert response.status_code == 201, response.text
    assert response.headers["location"] == f"/v1/frameworks/{DOC}"
    body = response.json()
    assert body == {
        "framework_id": DOC,
        "case_identifier": DOC,
        "title": "Grade 5 Mathematics",
        "created": True,
        "added": [ident(n) for n in range(1, 11)],
        "changed": [],
        "reordered": [],
        "retired": [],
        "unchanged": 0,
        "warnings": [
            {
                "kind": "order_by_code",
                "message": "Siblings without sequenceNumber are ordered by humanCodingScheme.",
                "count": 2,
                "examples": [
                    {"loc": ["CFDocument"], "msg": "1 of 3 children have no sequenceNumber"},
                    {"loc": ["CFItems", 5], "msg": "3 of 3 children have no sequenceNumber"},
                ],
            },
            {
                "kind": "no_parent",
                "message": "An item has no isChildOf; it is kept as a root of the framework.",
                "count": 1,
                "examples": [{"loc": ["CFItems", 9], "msg": "5.G.1 is a root"}],
            },
        ],
        "recompute_job": None,
    }
    tree = (await api.get(f"/v1/frameworks/{DOC}")).json()
    assert _codes(tree["competencies"]) == [
        (0, "5.NBT", "active"),
        (1, "5.NBT.2", "active"),
        (1, "5.NBT.1", "active"),
        (0, "5.NF", "active"),
        (1, "5.NF.1", "active"),
        (1, "5.NF.2", "active"),
        (2, "L.1", "active"),
        (2, "L.2", "active"),
        (2, "L.10", "active"),
        (0, "5.G.1", "active"),
    ]
    assert tree["competencies"][0]["id"] == ident(NBT)
    assert tree["competencies"][0]["kind"] == "Domain"


async def test_evidence_against_a_cfitem_identifier_counts_for_that_competency(api: Api) -> None:
    await seed_roster(api)
    await imported(api, grade5())
    recorded = await post(
        api, result(3, 1, competency=ident(NBT1)), result(4, 2, competency=ident(NBT1))
    )
    assert [d["competency_id"] for d in recorded["decisions"]][:1] == [ident(NBT1)]
    decision = (await api.get(f"/v1/students/student-1/mastery/{ident(NBT1)}")).json()
    assert (decision["status"], decision["evidence_count"]) == ("mastered", 2)
    # 0.35 * 3 + 0.65 * 4 = 3.65 with the default decaying average
    assert decision["score"] == 3.65
    parent = (await api.get(f"/v1/students/student-1/mastery/{ident(NBT)}")).json()
    assert parent["method"]["name"] == "rollup"
    assert parent["status"] == "not_yet"  # 1 of its 2 standards


async def test_a_newer_version_updates_in_place_and_retired_items_keep_their_history(
    api: Api,
) -> None:
    await seed_roster(api)
    await imported(api, grade5())
    await post(api, result(4, 1, competency=ident(L2)))
    data = grade5()
    data["CFItems"][1]["fullStatement"] = (
        "A digit in one place is ten times the digit to its right."
    )
    del data["CFItems"][L2 - 1]
    data["CFItems"].append(item(11, "5.NF.3", "Interpret a fraction as division."))
    data["CFAssociations"][2]["sequenceNumber"], data["CFAssociations"][3]["sequenceNumber"] = 1, 2
    del data["CFAssociations"][7]
    data["CFAssociations"].append(child(115, 11, NF, 3))
    body = await imported(api, data, status=200)
    assert (body["created"], body["added"], body["changed"]) == (False, [ident(11)], [ident(NBT1)])
    assert body["reordered"] == [ident(NBT2), ident(L10)]
    assert (body["retired"], body["unchanged"]) == ([ident(L2)], 6)
    tree = (await api.get(f"/v1/frameworks/{DOC}")).json()
    assert _codes(tree["competencies"])[3:9] == [
        (0, "5.NF", "active"),
        (1, "5.NF.1", "active"),
        (1, "5.NF.2", "active"),
        (2, "L.1", "active"),
        (2, "L.10", "active"),
        (2, "L.2", "retired"),
    ]
    kept = (await api.get(f"/v1/students/student-1/mastery/{ident(L2)}")).json()
    assert (kept["status"], kept["score"]) == ("mastered", 4.0)
    refused = await api.post("/v1/evidence", json={"items": [result(2, 3, competency=ident(L2))]})
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {
            "loc": ["body", "items", 0, "competency_id"],
            "msg": f"competency '{ident(L2)}' is retired and takes no new evidence",
        }
    ]


async def test_a_bad_package_is_rejected_with_every_problem_and_nothing_written(api: Api) -> None:
    data = grade5()
    data["CFItems"][2]["fullStatement"] = ""
    data["CFAssociations"][4]["destinationNodeURI"] = outside(1)
    data["CFAssociations"][0] = child(101, NBT, NBT2, 1)
    response = await api.post(IMPORT, content=as_bytes(data))
    assert response.status_code == 422
    body = response.json()
    assert body["type"] == "/problems/invalid"
    assert body["detail"] == "The CASE package is invalid"
    assert body["errors"] == [
        {"loc": ["body", "CFItems", 2, "fullStatement"], "msg": "is required"},
        {
            "loc": ["body", "CFAssociations", 4, "destinationNodeURI", "identifier"],
            "msg": f"'{ext(1)}' is neither an item of this package nor its document",
        },
        {
            "loc": ["body", "CFAssociations", 0],
            "msg": "isChildOf forms a cycle through 5.NBT → 5.NBT.2 (CFAssociations 0, 3)",
        },
    ]
    assert (await api.get("/v1/frameworks")).json()["items"] == []
    assert (await api.get("/ims/case/v1p0/CFDocuments")).json() == {"CFDocuments": []}


async def test_a_body_that_is_not_json_or_not_a_package_is_rejected(api: Api) -> None:
    broken = await api.post(IMPORT, content=b'{"CFDocument": ')
    assert broken.status_code == 422
    assert broken.json()["errors"] == [
        {"loc": ["body"], "msg": "is not JSON: Expecting value at line 1 column 16"}
    ]
    listed = await api.post(IMPORT, json=[grade5()])
    assert listed.json()["errors"] == [
        {
            "loc": ["body"],
            "msg": "must be a CASE CFPackage: an object with CFDocument, CFItems, CFAssociations",
        }
    ]


async def test_an_item_of_another_framework_cannot_be_imported_into_this_one(api: Api) -> None:
    await imported(api, grade5())
    other = grade5()
    other["CFDocument"]["identifier"] = "d0c00000-0000-4000-8000-000000000002"
    for link in other["CFAssociations"][:2]:
        link["destinationNodeURI"]["identifier"] = "d0c00000-0000-4000-8000-000000000002"
    response = await api.post(IMPORT, content=as_bytes(other))
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert len(errors) == 10
    assert errors[0] == {
        "loc": ["body", "CFItems", 0, "identifier"],
        "msg": f"is a competency of the framework '{DOC}'",
    }


async def test_the_same_package_twice_changes_nothing(api: Api) -> None:
    await imported(api, grade5())
    again = await imported(api, grade5(), status=200)
    assert (again["added"], again["changed"], again["retired"]) == ([], [], [])
    assert again["unchanged"] == 10
    assert {NF1, NF2, G1} <= set(range(1, 11))
