"""Two frameworks of one district for the crosswalk tests: the state's Grade 5 standards
imported from CASE (grade5()), with 5.NF.1 exactMatchOf the district's priority standard
DPS.F.1, authored here on its own 1-5 scale, averaged."""

from __future__ import annotations

from typing import Any

from tests.api.mastery_data import by_competency, seed_framework
from tests.case_packages import NBT1, NF1, as_bytes, association, grade5, node
from tests.conftest import Api

IMPORT = "/v1/frameworks/import/case"
STATE = "d0c00000-0000-4000-8000-000000000001"  # grade5()'s CFDocument
D1 = "d1570000-0000-4000-8000-000000000001"
D2 = "d1570000-0000-4000-8000-000000000002"
NOTE = "counted from 5.NF.1 (Grade 5 Mathematics) via exactMatchOf"
DISTRICT = {
    "id": "fw-district",
    "title": "District Priority Standards",
    "scale": {
        "levels": [
            {"value": 1, "label": "Beginning"},
            {"value": 2, "label": "Developing"},
            {"value": 3, "label": "Proficient"},
            {"value": 4, "label": "Advanced"},
            {"value": 5, "label": "Exceeds"},
        ],
        "mastery_threshold": 3,
    },
    "calculation": {"method": "average"},
    "competencies": [
        # UUIDs: served as their own CFItem identifiers, which the state package links to.
        {"id": D1, "code": "DPS.F.1", "statement": "Fractions with unlike denominators"},
        {"id": D2, "code": "DPS.F.2", "statement": "Place value"},
    ],
}


def _district_node(competency_id: str, code: str) -> dict[str, str]:
    uri = f"https://district.example/ims/case/v1p0/CFItems/{competency_id}"
    return {"title": code, "identifier": competency_id, "uri": uri}


def state_package(*, crosswalk: bool = True) -> dict[str, Any]:
    """grade5(), with 5.NF.1 exactMatchOf DPS.F.1 and 5.NBT.1 isRelatedTo DPS.F.2 (which
    carries nothing)."""
    package = grade5()
    if crosswalk:
        package["CFAssociations"] += [
            association(115, "exactMatchOf", node(NF1), _district_node(D1, "DPS.F.1")),
            association(116, "isRelatedTo", node(NBT1), _district_node(D2, "DPS.F.2")),
        ]
    return package


async def two_frameworks(api: Api, *, crosswalk: bool = True) -> None:
    await seed_framework(api, DISTRICT)
    response = await api.post(IMPORT, content=as_bytes(state_package(crosswalk=crosswalk)))
    assert response.status_code == 201, response.text


async def decisions(api: Api, framework_id: str) -> dict[str, dict[str, Any]]:
    params = {"framework_id": framework_id}
    response = await api.get("/v1/students/student-1/mastery", params=params)
    assert response.status_code == 200, response.text
    return by_competency(response.json()["items"])


async def evidence_on(api: Api, competency_id: str) -> list[dict[str, Any]]:
    response = await api.get("/v1/evidence", params={"competency_id": competency_id})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def shown(decision: dict[str, Any]) -> tuple[str, float | None]:
    return decision["status"], decision["score"]
