"""The CASE 1.0 provider endpoints: CASE JSON field by field, stable identifiers for frameworks
authored here, ETag and 304, the document list's paging and sorting, imsx_StatusInfo errors."""

from __future__ import annotations

import re
import uuid
from typing import Any

from app.domain.access import Scope
from tests.api.mastery_data import post, result, seed_framework
from tests.api.test_case_import_api import imported
from tests.case_packages import DOC, NBT, NBT1, association, ext, grade5, ident, node, package
from tests.conftest import Api, token_for

CASE = "/ims/case/v1p0"
BASE = f"http://test{CASE}"
NAMESPACE = uuid.UUID("2843d034-31d9-4d54-8d57-32620605bdf4")


def uuid5(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name))


async def test_an_imported_package_is_served_back_field_by_field(api: Api) -> None:
    data = grade5()
    await imported(api, data)
    served = (await api.get(f"{CASE}/CFPackages/{DOC}")).json()
    assert served["CFDocument"] == data["CFDocument"]
    assert served["CFItems"] == [
        next(i for i in data["CFItems"] if i["humanCodingScheme"] == code)
        for code in [
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
    ]
    links = {a["identifier"]: a for a in served["CFAssociations"]}
    assert links == {a["identifier"]: a for a in data["CFAssociations"]}
    assert served["CFDefinitions"]["CFItemTypes"] == data["CFDefinitions"]["CFItemTypes"]


async def test_one_item_one_document_one_association_as_case_serves_them(api: Api) -> None:
    data = grade5()
    await imported(api, data)
    document_link = {
        "title": "Grade 5 Mathematics",
        "identifier": DOC,
        "uri": data["CFDocument"]["uri"],
    }
    item = (await api.get(f"{CASE}/CFItems/{ident(NBT1)}")).json()
    assert item == {**data["CFItems"][1], "CFDocumentURI": document_link}
    document = (await api.get(f"{CASE}/CFDocuments/{DOC}")).json()
    assert document == data["CFDocument"]
    link = (await api.get(f"{CASE}/CFAssociations/{ident(113)}")).json()
    assert link == {
        "identifier": ident(113),
        "associationType": "isRelatedTo",
        "uri": f"https://case.example.org/ims/case/v1p0/CFAssociations/{ident(113)}",
        "originNodeURI": node(NBT1),
        "destinationNodeURI": {
            "title": "Other 1",
            "identifier": ext(1),
            "uri": f"https://other.example/uri/{ext(1)}",
        },
        "lastChangeDateTime": "2026-05-01T12:00:00+00:00",
        "CFDocumentURI": document_link,
    }
    types = (await api.get(f"{CASE}/CFItemTypes/{ident(900)}")).json()
    assert types == {"CFItemTypes": data["CFDefinitions"]["CFItemTypes"]}


async def test_an_items_associations_include_crosswalks_from_other_frameworks(api: Api) -> None:
    await imported(api, grade5())
    other_doc = "d0c00000-0000-4000-8000-000000000002"
    crosswalk = package(
        [
            {
                "identifier": ident(50),
                "uri": "https://x/50",
                "fullStatement": "Elsewhere",
                "humanCodingScheme": "X.1",
                "lastChangeDateTime": "2026-05-01T12:00:00+00:00",
            }
        ],
        [association(150, "exactMatchOf", node(50), node(NBT1))],
        identifier=other_doc,
        title="Another framework",
    )
    del crosswalk["CFDocument"]["CFPackageURI"]
    await imported(api, crosswalk)
    body = (await api.get(f"{CASE}/CFItemAssociations/{ident(NBT1)}")).json()
    assert body["CFItem"]["identifier"] == ident(NBT1)
    assert [a["identifier"] for a in body["CFAssociations"]] == [
        ident(103),  # its isChildOf
        ident(110),  # 5.NBT.2 precedes it
        ident(113),  # its crosswalk out
        ident(150),  # another framework's crosswalk to it
    ]
    assert all("CFDocumentURI" not in a for a in body["CFAssociations"])


async def test_a_framework_authored_here_is_served_with_stable_identifiers(api: Api) -> None:
    await seed_framework(api)
    doc, domain, s1 = uuid5("CFDocument:fw-math"), uuid5("CFItem:d-nbt"), uuid5("CFItem:s-1")
    listed = await api.get(f"{CASE}/CFDocuments")
    assert listed.headers["x-total-count"] == "1"
    (document,) = listed.json()["CFDocuments"]
    stamp = document["lastChangeDateTime"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00", stamp)
    assert document == {
        "identifier": doc,
        "uri": f"{BASE}/CFDocuments/{doc}",
        "creator": api.tenant.slug,
        "title": "Grade 4 Mathematics",
        "lastChangeDateTime": stamp,
        "CFPackageURI": {
            "title": "Grade 4 Mathematics",
            "identifier": doc,
            "uri": f"{BASE}/CFPackages/{doc}",
        },
    }
    served = (await api.get(f"{CASE}/CFPackages/{doc}")).json()
    assert [i["identifier"] for i in served["CFItems"]] == [domain, s1, uuid5("CFItem:s-2")]
    item = (await api.get(f"{CASE}/CFItems/{s1}")).json()
    standard = uuid5("CFItemType:standard")
    assert item == {
        "identifier": s1,
        "fullStatement": "Place value",
        "CFItemType": "standard",
        "uri": f"{BASE}/CFItems/{s1}",
        "humanCodingScheme": "4.NBT.1",
        "CFItemTypeURI": {
            "title": "standard",
            "identifier": standard,
            "uri": f"{BASE}/CFItemTypes/{standard}",
        },
        "lastChangeDateTime": stamp,
        "CFDocumentURI": {
            "title": "Grade 4 Mathematics",
            "identifier": doc,
            "uri": f"{BASE}/CFDocuments/{doc}",
        },
    }
    assert (await api.get(f"{CASE}/CFItems/s-1")).json() == item  # our id finds it too
    child = uuid5(f"isChildOf:{s1}:{domain}")
    link = (await api.get(f"{CASE}/CFAssociations/{child}")).json()
    assert (link["associationType"], link["sequenceNumber"]) == ("isChildOf", 1)
    assert link["originNodeURI"] == {
        "title": "4.NBT.1",
        "identifier": s1,
        "uri": f"{BASE}/CFItems/{s1}",
    }
    assert link["destinationNodeURI"]["identifier"] == domain
    types = (await api.get(f"{CASE}/CFItemTypes/{standard}")).json()["CFItemTypes"]
    assert [(t["title"], t["hierarchyCode"]) for t in types] == [("standard", "2")]


async def test_an_unchanged_package_answers_304_to_its_etag(api: Api) -> None:
    await imported(api, grade5())
    first = await api.get(f"{CASE}/CFPackages/{DOC}")
    etag = first.headers["etag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
    again = await api.get(f"{CASE}/CFPackages/{DOC}", headers={"If-None-Match": etag})
    assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", etag)
    listed = await api.get(f"{CASE}/CFPackages/{DOC}", headers={"If-None-Match": f'"x", W/{etag}'})
    assert listed.status_code == 304
    changed = await api.patch(f"/v1/frameworks/{DOC}", {"title": "Grade 5 Math (2027)"})
    assert changed.status_code == 200
    after = await api.get(f"{CASE}/CFPackages/{DOC}", headers={"If-None-Match": etag})
    assert after.status_code == 200
    assert after.headers["etag"] != etag
    assert after.json()["CFDocument"]["title"] == "Grade 5 Math (2027)"


async def _three_documents(api: Api) -> list[str]:
    ids = []
    for n, title in [(7, "Biology"), (8, "Algebra"), (9, "Chemistry")]:
        data = grade5()
        doc = f"d0c00000-0000-4000-8000-00000000000{n}"
        data["CFDocument"].update(identifier=doc, title=title)
        del data["CFDocument"]["CFPackageURI"]
        data["CFItems"] = data["CFAssociations"] = []
        await imported(api, data)
        ids.append(doc)
    return ids


async def test_documents_are_paged_and_sorted(api: Api) -> None:
    await _three_documents(api)

    async def titles(query: str) -> tuple[list[str], str]:
        response = await api.get(f"{CASE}/CFDocuments{query}")
        assert response.status_code == 200, response.text
        return [d["title"] for d in response.json()["CFDocuments"]], response.headers[
            "x-total-count"
        ]

    assert await titles("") == (["Algebra", "Biology", "Chemistry"], "3")
    assert await titles("?orderBy=desc") == (["Chemistry", "Biology", "Algebra"], "3")
    assert await titles("?limit=1&offset=1") == (["Biology"], "3")
    assert await titles("?sort=identifier&orderBy=desc&limit=2") == (["Chemistry", "Algebra"], "3")
    assert await titles("?offset=5") == ([], "3")


def _status(body: dict[str, Any], minor: str, field: str) -> None:
    assert body["imsx_codeMajor"] == "failure"
    assert body["imsx_severity"] == "error"
    assert body["imsx_codeMinor"] == {
        "imsx_codeMinorField": [
            {"imsx_codeMinorFieldName": field, "imsx_codeMinorFieldValue": minor}
        ]
    }


async def test_errors_answer_case_status_info(api: Api) -> None:
    missing = await api.get(f"{CASE}/CFItems/{ident(404)}")
    assert (missing.status_code, missing.headers["content-type"]) == (404, "application/json")
    _status(missing.json(), "unknownobject", "sourcedId")
    assert missing.json()["imsx_description"] == f"No CFItem {ident(404)!r}"
    assert missing.json()["type"] == "/problems/not-found"
    for path in (
        "CFDocuments",
        "CFPackages",
        "CFAssociations",
        "CFItemAssociations",
        "CFItemTypes",
    ):
        response = await api.get(f"{CASE}/{path}/{ident(404)}")
        assert response.status_code == 404
        _status(response.json(), "unknownobject", "sourcedId")
    sort = await api.get(f"{CASE}/CFDocuments?sort=colour")
    assert sort.status_code == 400
    _status(sort.json(), "invalid_sort_field", "sort")
    limit = await api.get(f"{CASE}/CFDocuments?limit=0")
    assert limit.status_code == 400
    _status(limit.json(), "invalid_selection_field", "limit")
    filtered = await api.get(f"{CASE}/CFDocuments?filter=title%3D'x'")
    assert filtered.status_code == 400
    _status(filtered.json(), "invalid_selection_field", "filter")


async def test_tokens_without_frameworks_read_are_refused_in_case_terms(
    api: Api, container: Any
) -> None:
    anonymous = await api.http.get(f"{CASE}/CFDocuments")
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"] == 'Bearer realm="mastery"'
    _status(anonymous.json(), "unauthorisedrequest", "Authorization")
    token = token_for(container, api.tenant, frozenset({Scope.ROSTER_READ}))
    denied = await api.http.get(f"{CASE}/CFDocuments", headers={"Authorization": f"Bearer {token}"})
    assert denied.status_code == 403
    _status(denied.json(), "forbidden", "Authorization")
    reader = token_for(container, api.tenant, frozenset({Scope.FRAMEWORKS_READ}))
    allowed = await api.http.get(
        f"{CASE}/CFDocuments", headers={"Authorization": f"Bearer {reader}"}
    )
    assert allowed.status_code == 200


async def test_a_retired_item_is_no_longer_served(api: Api) -> None:
    await imported(api, grade5())
    retired = await api.patch(f"/v1/competencies/{ident(NBT)}", {"status": "retired"})
    assert retired.status_code == 200
    assert (await api.get(f"{CASE}/CFItems/{ident(NBT)}")).status_code == 404
    served = (await api.get(f"{CASE}/CFPackages/{DOC}")).json()
    assert ident(NBT) not in {i["identifier"] for i in served["CFItems"]}
    assert ident(112) not in {a["identifier"] for a in served["CFAssociations"]}


async def test_evidence_against_a_served_cfitem_identifier_counts_for_its_competency(
    api: Api,
) -> None:
    await seed_framework(api)
    s1 = uuid5("CFItem:s-1")
    assert (await api.get(f"{CASE}/CFItems/{s1}")).status_code == 200
    recorded = await post(api, result(4, 1, competency=s1, ref="vendor-1"))
    assert recorded["items"][0]["outcome"] == "created"
    decision = (await api.get("/v1/students/student-1/mastery/s-1")).json()
    assert (decision["status"], decision["evidence_count"]) == ("mastered", 1)
    again = await post(api, result(4, 1, competency=s1, ref="vendor-1"))
    assert again["items"][0]["outcome"] == "unchanged"  # the same result, resent
    unknown = await api.post("/v1/evidence", json={"items": [result(4, 1, competency=ident(999))]})
    assert unknown.json()["errors"] == [
        {"loc": ["body", "items", 0, "competency_id"], "msg": f"no competency '{ident(999)}'"}
    ]
