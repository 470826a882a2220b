"""The consumer's score scales (OneRoster 1.2 gradebook, decision 0051), on both databases:
PUT (created, replaced, unchanged), GET, listed with filters and paging, deleted; every problem
of a bad one in one answer."""

from __future__ import annotations

from typing import Any

from tests.api.gradebook_data import GRADEBOOK
from tests.api.oneroster_gradebook_schema import validate
from tests.api.roster_data import seed_roster
from tests.conftest import Api

URL = f"{GRADEBOOK}/scoreScales"


def scale(title: str = "Proficiency 1-4", **extra: Any) -> dict[str, Any]:
    body = {
        "title": title,
        "type": "proficiency",
        "class": {"sourcedId": "class-1", "type": "class"},
        "course": "course-1",
        "scoreScaleValue": [
            {"itemValueLHS": "Developing", "itemValueRHS": "2"},
            {"itemValueLHS": "Proficient", "itemValueRHS": "3"},
        ],
    }
    return {"scoreScale": {**body, **extra}}


def _fields(response: Any) -> list[tuple[str, str]]:
    minor = response.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    return [(f["imsx_codeMinorFieldName"], f["imsx_codeMinorFieldValue"]) for f in minor]


async def test_a_score_scale_is_put_read_listed_and_deleted(api: Api) -> None:
    await seed_roster(api)
    created = await api.put(f"{URL}/sc-1", scale())
    assert created.status_code == 201, created.text
    validate("scoreScales", created.json(), many=False)
    body = created.json()["scoreScale"]
    assert body["scoreScaleValue"] == scale()["scoreScale"]["scoreScaleValue"]
    assert (body["class"]["sourcedId"], body["course"]["sourcedId"]) == ("class-1", "course-1")
    assert body["class"]["href"].endswith("/v1/classes/class-1")
    again = await api.put(f"{URL}/sc-1", scale())
    assert again.status_code == 200
    assert again.json()["scoreScale"]["dateLastModified"] == body["dateLastModified"]
    assert (await api.put(f"{URL}/sc-2", scale("Letters", type="letter"))).status_code == 201
    assert (await api.get(f"{URL}/sc-1")).json() == {"scoreScale": body}
    picked = await api.get(f"{URL}/sc-1", params={"fields": "title,type"})
    assert picked.json() == {"scoreScale": {"title": "Proficiency 1-4", "type": "proficiency"}}

    listed = await api.get(URL, params={"filter": "type='letter'"})
    assert [s["sourcedId"] for s in listed.json()["scoreScales"]] == ["sc-2"]
    paged = await api.get(URL, params={"limit": 1, "offset": 1, "sort": "title"})
    # Sorted by title: Letters, Proficiency 1-4.
    assert [s["sourcedId"] for s in paged.json()["scoreScales"]] == ["sc-1"]
    assert paged.headers["X-Total-Count"] == "2"
    assert 'rel="prev"' in paged.headers["Link"]

    assert (await api.delete(f"{URL}/sc-2")).status_code == 204
    assert (await api.get(f"{URL}/sc-2")).status_code == 404
    assert (await api.delete(f"{URL}/sc-2")).status_code == 404
    remaining = await api.get(URL)
    assert [s["sourcedId"] for s in remaining.json()["scoreScales"]] == ["sc-1"]
    deleted = await api.get(URL, params={"filter": "status='tobedeleted'"})
    assert [s["sourcedId"] for s in deleted.json()["scoreScales"]] == ["sc-2"]


async def test_every_problem_of_a_score_scale_in_one_answer(api: Api) -> None:
    await seed_roster(api)
    bad = {
        "scoreScale": {
            "sourcedId": "other",
            "title": " ",
            "class": "class-9",
            "course": "course-9",
            "status": "gone",
            "scoreScaleValue": [{"itemValueLHS": "A"}, {"itemValueRHS": "3"}],
        }
    }
    response = await api.put(f"{URL}/sc-1", bad)
    assert response.status_code == 422, response.text
    assert sorted(_fields(response)) == sorted(
        [
            ("scoreScale.sourcedId", "invaliddata"),
            ("scoreScale.title", "invaliddata"),
            ("scoreScale.type", "invaliddata"),
            ("scoreScale.status", "invaliddata"),
            ("scoreScale.scoreScaleValue[0].itemValueRHS", "invaliddata"),
            ("scoreScale.scoreScaleValue[1].itemValueLHS", "invaliddata"),
            ("scoreScale.class", "invaliddata"),
            ("scoreScale.course", "invaliddata"),
        ]
    )
    empty = await api.put(f"{URL}/sc-1", {"scoreScale": {"title": "t", "type": "t"}})
    assert sorted(_fields(empty)) == [
        ("scoreScale.class", "invaliddata"),
        ("scoreScale.scoreScaleValue", "invaliddata"),
    ]
    unreadable = await api.put(f"{URL}/sc-1", {"scoreScale": {"title": ["not", "text"]}})
    assert unreadable.status_code == 400
    assert _fields(unreadable) == [("scoreScale.title", "invaliddata")]
    assert (await api.get(f"{URL}/sc-1")).status_code == 404  # nothing was written
