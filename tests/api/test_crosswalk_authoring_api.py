"""Crosswalks authored through REST (PUT, GET, DELETE /v1/competencies/{id}/exact-matches), on
SQLite and PostgreSQL: made after results exist, the stored results are carried across in the
same transaction; removed, the carried ones are voided; audited both ways."""

from __future__ import annotations

from typing import Any

from tests.api.crosswalk_data import (
    D1,
    D2,
    DISTRICT,
    IMPORT,
    STATE,
    decisions,
    evidence_on,
    shown,
    state_package,
    two_frameworks,
)
from tests.api.mastery_data import post, result
from tests.api.roster_data import seed_roster
from tests.case_packages import NF1, NF2, as_bytes, ident
from tests.conftest import Api

MATCH = f"/v1/competencies/{ident(NF1)}/exact-matches/{D1}"


async def matches_of(api: Api, competency_id: str) -> list[dict[str, Any]]:
    response = await api.get(f"/v1/competencies/{competency_id}/exact-matches")
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_a_crosswalk_made_after_results_carries_them_across(api: Api) -> None:
    await two_frameworks(api, crosswalk=False)
    await post(api, result(3, 1, competency=ident(NF1)), result(1, 2, competency=ident(NF1)))
    await post(api, result(5, 3, competency=D1))
    assert shown((await decisions(api, "fw-district"))[D1]) == ("mastered", 5)

    made = await api.put(MATCH, json=None)
    assert made.status_code == 201, made.text
    assert made.json() == {
        "competency_id": ident(NF1),
        "match_id": D1,
        "changed": True,
        "results_carried": 3,  # two state results to DPS.F.1, one district result to 5.NF.1
    }
    # (3.75 + 1.25 + 5) / 3
    assert shown((await decisions(api, "fw-district"))[D1]) == ("mastered", 3.33)
    assert shown((await decisions(api, "fw-district"))[D2]) == ("no_evidence", None)
    assert await matches_of(api, D1) == [
        {
            "competency_id": ident(NF1),
            "code": "5.NF.1",
            "framework_id": STATE,
            "framework_title": "Grade 5 Mathematics",
        }
    ]
    assert [m["competency_id"] for m in await matches_of(api, ident(NF1))] == [D1]

    again = await api.put(MATCH, json=None)
    assert again.status_code == 200, again.text
    assert (again.json()["changed"], again.json()["results_carried"]) == (False, 0)
    assert len(await evidence_on(api, D1)) == 3


async def test_an_authored_crosswalk_is_served_by_the_case_provider(api: Api) -> None:
    await two_frameworks(api, crosswalk=False)
    assert (await api.put(MATCH, json=None)).status_code == 201
    package = (await api.get(f"/ims/case/v1p0/CFPackages/{STATE}")).json()
    [served] = [
        a
        for a in package["CFAssociations"]
        if a["associationType"] == "exactMatchOf" and a["destinationNodeURI"]["identifier"] == D1
    ]
    assert served["originNodeURI"]["identifier"] == ident(NF1)
    assert served["destinationNodeURI"]["title"] == "DPS.F.1"
    uri = served["destinationNodeURI"]["uri"]
    assert uri.endswith(f"/ims/case/v1p0/CFItems/{D1}"), uri
    item = await api.get(uri[uri.index("/ims/") :])
    assert item.status_code == 200, item.text
    assert item.json()["humanCodingScheme"] == "DPS.F.1"


async def test_removing_a_crosswalk_voids_what_it_carried(api: Api) -> None:
    await two_frameworks(api)  # imported: 5.NF.1 exactMatchOf DPS.F.1
    await post(api, result(3, 1, competency=ident(NF1)), result(2, 2, competency=D1))
    # (3.75 + 2) / 2 = 2.875, shown as 2.88
    assert shown((await decisions(api, "fw-district"))[D1]) == ("not_yet", 2.88)

    removed = await api.delete(f"/v1/competencies/{D1}/exact-matches/{ident(NF1)}")
    assert removed.status_code == 204, removed.text
    assert shown((await decisions(api, "fw-district"))[D1]) == ("not_yet", 2)
    assert await matches_of(api, D1) == []
    copies = [e for e in await evidence_on(api, D1) if e["source"] == "crosswalk"]
    assert [c["voided_at"] is not None for c in copies] == [True]
    # New results stay in their framework.
    await post(api, result(4, 3, competency=ident(NF1)))
    assert shown((await decisions(api, "fw-district"))[D1]) == ("not_yet", 2)
    # Removing again changes nothing.
    assert (
        await api.delete(f"/v1/competencies/{D1}/exact-matches/{ident(NF1)}")
    ).status_code == 204


async def test_making_and_removing_a_crosswalk_is_audited(api: Api) -> None:
    await two_frameworks(api, crosswalk=False)
    assert (await api.put(MATCH, json=None)).status_code == 201
    assert (await api.delete(MATCH)).status_code == 204
    response = await api.get("/v1/audit", params={"kind": "crosswalk.changed"})
    assert response.status_code == 200, response.text
    facts = {"competency_id": ident(NF1), "match_id": D1, "type": "exactMatchOf"}
    assert [(e["before"], e["after"]) for e in response.json()["items"]] == [
        (facts, None),  # newest first
        (None, facts),
    ]


async def test_competencies_of_one_framework_cannot_be_exact_matches(api: Api) -> None:
    await two_frameworks(api, crosswalk=False)
    response = await api.put(f"/v1/competencies/{ident(NF1)}/exact-matches/{ident(NF2)}", json=None)
    assert response.status_code == 422, response.text
    assert [e["loc"] for e in response.json()["errors"]] == [["path", "match_id"]]
    missing = await api.put(f"/v1/competencies/{ident(NF1)}/exact-matches/nope", json=None)
    assert missing.status_code == 404, missing.text


async def test_an_import_that_adds_a_crosswalk_carries_the_results_stored(api: Api) -> None:
    await two_frameworks(api, crosswalk=False)
    await post(api, result(3, 1, competency=ident(NF1)))
    assert shown((await decisions(api, "fw-district"))[D1]) == ("no_evidence", None)
    again = await api.post(IMPORT, content=as_bytes(state_package(crosswalk=True)))
    assert again.status_code == 200, again.text
    assert shown((await decisions(api, "fw-district"))[D1]) == ("mastered", 3.75)
    # Importing the same package again carries nothing more.
    assert (await api.post(IMPORT, content=as_bytes(state_package()))).status_code == 200
    assert len(await evidence_on(api, D1)) == 1


async def test_a_match_named_before_its_competency_existed_is_carried_on_request(
    api: Api,
) -> None:
    # The state package names DPS.F.1 before the district has authored it.
    await seed_roster(api)
    assert (await api.post(IMPORT, content=as_bytes(state_package()))).status_code == 201
    await post(api, result(3, 1, competency=ident(NF1)))
    assert (await api.post("/v1/frameworks", json=DISTRICT)).status_code == 201
    assert shown((await decisions(api, "fw-district"))[D1]) == ("no_evidence", None)
    # Matched already (the state's association): the PUT carries what is not carried yet.
    carried = await api.put(MATCH, json=None)
    assert carried.status_code == 200, carried.text
    assert (carried.json()["changed"], carried.json()["results_carried"]) == (False, 1)
    assert shown((await decisions(api, "fw-district"))[D1]) == ("mastered", 3.75)
