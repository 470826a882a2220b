"""Performance bands: words and colours for ranges of scores, kept on the scale apart from the
level values, so a district renames "Well Below Mastery" without recomputing anything.
Scale 1-4, threshold 3; one result's decaying average is the result itself."""

from __future__ import annotations

from typing import Any

from tests.api.graphql_data import data
from tests.api.mastery_data import FRAMEWORK, post, result, seed_framework
from tests.conftest import Api

LEVELS = [
    {"value": 1, "label": "Beginning"},
    {"value": 2, "label": "Developing"},
    {"value": 3, "label": "Proficient"},
    {"value": 4, "label": "Advanced"},
]
BANDS = [
    {"at_least": 1, "label": "Well Below Mastery", "color": "#d73027", "description": None},
    {"at_least": 2.5, "label": "Approaching Mastery", "color": "#fee08b", "description": None},
    {"at_least": 3, "label": "Mastery", "color": "#1a9850", "description": "At the threshold"},
]


async def decision(api: Api, competency: str = "s-1") -> dict[str, Any]:
    response = await api.get(f"/v1/students/student-1/mastery/{competency}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_decision_reads_as_its_band_and_bands_change_no_decision(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(2.7, 1), result(1.5, 1, competency="s-2"))
    # Without bands, the level's name: 2.7 is at or above Developing (2), below Proficient (3).
    assert (await decision(api))["band"] == {
        "label": "Developing",
        "color": None,
        "description": None,
    }
    scale = {"levels": LEVELS, "mastery_threshold": 3, "bands": BANDS}
    patched = await api.patch("/v1/frameworks/fw-math", {"scale": scale})
    assert patched.status_code == 200, patched.text  # nothing to recompute: no job
    assert patched.json()["scale"]["bands"] == [
        {**b, "at_least": float(b["at_least"])} for b in BANDS
    ]
    s1 = await decision(api)
    # 2.7: from 2.5 up to 3, Approaching Mastery; the level and status do not move.
    assert (s1["band"]["label"], s1["band"]["color"], s1["level"]["label"], s1["status"]) == (
        "Approaching Mastery",
        "#fee08b",
        "Developing",
        "not_yet",
    )
    assert (await decision(api, "s-2"))["band"]["label"] == "Well Below Mastery"  # 1.5
    history = (await api.get("/v1/students/student-1/mastery/s-1/history")).json()["items"]
    assert [h["cause"] for h in history] == ["evidence"]
    answer = await data(
        api,
        """{ student(id: "student-1") { mastery(frameworkId: "fw-math") { competencyId
             band { label color } } }
             framework(id: "fw-math") { scale { bands { atLeast label color description } } } }""",
    )
    bands = {m["competencyId"]: m["band"] for m in answer["student"]["mastery"]}
    assert bands["s-1"] == {"label": "Approaching Mastery", "color": "#fee08b"}
    assert bands["s-2"] == {"label": "Well Below Mastery", "color": "#d73027"}
    assert [b["label"] for b in answer["framework"]["scale"]["bands"]] == [
        "Well Below Mastery",
        "Approaching Mastery",
        "Mastery",
    ]


async def test_bands_must_cover_the_scale_in_order_with_colours(api: Api) -> None:
    bad = [
        {"at_least": 1.5, "label": "Low", "color": "red"},
        {"at_least": 1.5, "label": "low"},
        {"at_least": 3, "label": " ", "color": "#12345g"},
    ]
    body = {**FRAMEWORK, "scale": {"levels": LEVELS, "mastery_threshold": 3, "bands": bad}}
    response = await api.post("/v1/frameworks", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert {(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]} == {
        (("body", "scale", "bands", 0, "color"), "must be a colour as #rrggbb"),
        (
            ("body", "scale", "bands", 0, "at_least"),
            "must be at most the lowest level, 1: bands cover the scale",
        ),
        (("body", "scale", "bands", 1, "at_least"), "must be above the band before it"),
        (("body", "scale", "bands", 1, "label"), "repeats the label of band 0"),
        (("body", "scale", "bands", 2, "label"), "must not be empty"),
        (("body", "scale", "bands", 2, "color"), "must be a colour as #rrggbb"),
    }
