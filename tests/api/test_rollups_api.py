"""Rollups over REST and GraphQL: a parent counts what its children show (a teacher's override
included, named in its explanation), follows an override as it is set, cleared and expires,
and scores its children by the mean, the lowest, a weighted mean or the highest.

Values are worked by hand: each leaf has one result, so its decaying average is that result;
scale 1-4 (Beginning, Developing, Proficient, Advanced), threshold 3, rule all children."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from app.api.app import create_app
from app.bootstrap import Container, wire
from tests.api.graphql_data import data
from tests.api.mastery_data import post, result, seed_framework
from tests.conftest import Api, test_client_id

PARENT = "/v1/students/student-1/mastery/d-nbt"


def override_of(competency: str) -> str:
    return f"/v1/students/student-1/mastery/{competency}/override"


async def shown(api: Api, url: str = PARENT) -> dict[str, Any]:
    response = await api.get(url)
    assert response.status_code == 200, response.text
    return response.json()


async def causes(api: Api) -> list[tuple[str, str]]:
    items = (await api.get(f"{PARENT}/history")).json()["items"]
    return [(h["cause"], h["status"]) for h in items]


async def test_a_parent_counts_its_childrens_overrides_and_names_them(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(2, 1), result(2, 1, competency="s-2"))
    before = await shown(api)
    assert (before["status"], before["score"]) == ("not_yet", 2.0)
    mastered = await api.put(override_of("s-1"), {"status": "mastered", "reason": "Oral exam"})
    assert mastered.status_code == 200, mastered.text
    # s-1 shows mastered (its score stays the engine's 2.0), s-2 not yet: all needed, not met.
    assert ((await shown(api))["status"], (await shown(api))["score"]) == ("not_yet", 2.0)
    advanced = await api.put(override_of("s-2"), {"level": 4, "reason": "Portfolio"})
    assert advanced.status_code == 200, advanced.text
    parent = await shown(api)
    # Both children show mastered; the score is the mean of what they show: (2 + 4) / 2 = 3.
    assert (parent["status"], parent["score"], parent["level"]["label"]) == (
        "mastered",
        3.0,
        "Proficient",
    )
    teacher = test_client_id(api.tenant)
    assert parent["explanation"]["summary"] == (
        "2 of its 2 parts are mastered and all are needed; the average of their scores is "
        f"3.00. 4.NBT.1 counted as mastered by {teacher}'s override. 4.NBT.2 counted as "
        f"Advanced by {teacher}'s override."
    )
    assert [
        (c["code"], c["status"], c["score"], c["overridden"])
        for c in parent["explanation"]["children"]
    ] == [("4.NBT.1", "mastered", 2.0, True), ("4.NBT.2", "mastered", 4.0, True)]
    # Clearing s-2's override rolls the parent up again in the same request.
    cleared = await api.delete(override_of("s-2"))
    assert cleared.status_code == 200, cleared.text
    parent = await shown(api)
    assert (parent["status"], parent["score"]) == ("not_yet", 2.0)
    assert (await causes(api))[-2:] == [
        ("override_set", "mastered"),
        ("override_cleared", "not_yet"),
    ]


class _Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at


async def test_a_parent_rolls_up_again_when_a_childs_override_expires(
    api: Api, container: Container
) -> None:
    await seed_framework(api)
    await post(api, result(4, 1), result(2, 1, competency="s-2"))
    clock = _Clock(datetime.now(UTC))
    app = create_app(use_cases=wire(replace(container.adapters, clock=clock), container.policy))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        timed = Api(client, api.tenant, api.token)
        expires = (clock.at + timedelta(minutes=5)).isoformat()
        response = await timed.put(
            override_of("s-2"), {"status": "mastered", "reason": "Retake", "expires_at": expires}
        )
        assert response.status_code == 200, response.text
        # s-1 4 mastered, s-2 mastered by the override: mean (4 + 2) / 2 = 3.
        assert ((await shown(timed))["status"], (await shown(timed))["score"]) == ("mastered", 3.0)
        clock.at += timedelta(minutes=6)
        after = await shown(timed)
        assert (after["status"], after["score"]) == ("not_yet", 3.0)
        assert (await causes(timed))[-1] == ("override_expired", "not_yet")


async def test_a_parent_scores_its_children_by_the_kind_chosen(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(2, 1), result(4, 1, competency="s-2"))
    assert (await shown(api))["score"] == 3.0  # the mean, (2 + 4) / 2, by default
    lowest = await api.patch("/v1/frameworks/fw-math", {"rollup_score": "lowest"})
    assert lowest.status_code in (200, 202), lowest.text
    assert lowest.json()["rollup_score"] == "lowest"
    parent = await shown(api)
    assert (parent["score"], parent["level"]["label"]) == (2.0, "Developing")
    assert parent["method"] == {"name": "rollup", "rule": "all", "score": "lowest"}
    highest = await api.patch("/v1/competencies/d-nbt", {"rollup": {"score": "highest"}})
    assert highest.status_code in (200, 202), highest.text
    assert highest.json()["rollup"] == {"rule": "all", "score": "highest"}
    assert (await shown(api))["score"] == 4.0
    await api.patch("/v1/competencies/d-nbt", {"rollup": {"score": "weighted"}})
    weighed = await api.patch("/v1/competencies/s-1", {"weight": 3})
    assert weighed.status_code in (200, 202), weighed.text
    assert weighed.json()["weight"] == 3.0
    parent = await shown(api)
    # (3 * 2 + 1 * 4) / (3 + 1) = 2.5: s-2 has no weight, and counts 1.
    assert (parent["score"], parent["status"]) == (2.5, "not_yet")
    assert parent["explanation"]["summary"] == (
        "1 of its 2 parts is mastered and all are needed; the weighted average of their scores "
        "is 2.50."
    )
    answer = await data(
        api,
        """{ framework(id: "fw-math") { rollupScore
             competencies { id weight rollup { rule score } } } }""",
    )
    framework = answer["framework"]
    assert framework["rollupScore"] == "lowest"
    assert [(c["id"], c["weight"], c["rollup"]["score"]) for c in framework["competencies"]] == [
        ("d-nbt", None, "weighted"),
        ("s-1", 3.0, None),
        ("s-2", None, None),
    ]


async def test_rollup_scores_and_weights_are_checked_every_problem_at_once(api: Api) -> None:
    await seed_framework(api)
    body = {
        "title": "Bad rollups",
        "rollup_score": "median",
        "competencies": [
            {
                "code": "A",
                "statement": "a",
                "rollup": {"score": "mode"},
                "children": [{"code": "A.1", "statement": "b", "weight": 0}],
            }
        ],
    }
    response = await api.post("/v1/frameworks", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    locs = {tuple(e["loc"]) for e in response.json()["errors"]}
    assert {
        ("body", "rollup_score"),
        ("body", "competencies", 0, "rollup", "score"),
        ("body", "competencies", 0, "children", 0, "weight"),
    } <= locs
    patched = await api.patch("/v1/competencies/s-1", {"weight": -1})
    assert patched.status_code == 422
    assert [tuple(e["loc"]) for e in patched.json()["errors"]] == [("body", "weight")]


async def test_every_override_of_a_decision_is_listed_past_and_present(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(2, 1))
    url = "/v1/students/student-1/mastery/s-1"
    first = await api.put(f"{url}/override", {"status": "mastered", "reason": "Oral exam"})
    assert first.status_code == 200, first.text
    second = await api.put(f"{url}/override", {"level": 4, "reason": "Portfolio"})
    assert second.status_code == 200, second.text
    assert (await api.delete(f"{url}/override")).status_code == 200
    third = await api.put(f"{url}/override", {"status": "not_yet", "reason": "Retest"})
    assert third.status_code == 200, third.text
    listed = await api.get(f"{url}/overrides")
    assert listed.status_code == 200, listed.text
    teacher = test_client_id(api.tenant)
    # The engine said not_yet with 2.0 (one result of 2) each time a teacher set one.
    assert [
        (
            o["reason"],
            o["status"],
            o["level"]["value"] if o["level"] else None,
            o["set_by"],
            o["state"],
            o["cleared_by"],
            o["replaced_status"],
            o["replaced_score"],
        )
        for o in listed.json()["items"]
    ] == [
        ("Oral exam", "mastered", None, teacher, "removed", teacher, "not_yet", 2.0),
        ("Portfolio", None, 4.0, teacher, "removed", teacher, "not_yet", 2.0),
        ("Retest", "not_yet", None, teacher, "current", None, "not_yet", 2.0),
    ]
    items = listed.json()["items"]
    assert items[0]["cleared_at"] == items[1]["set_at"]  # replaced when the next was set
    assert items[2]["cleared_at"] is None
    assert (await api.get("/v1/students/student-1/mastery/nope/overrides")).status_code == 404
    answer = await data(
        api,
        """{ student(id: "student-1") { mastery(frameworkId: "fw-math") { competencyId
             overrides { reason status level { value } setBy state clearedBy clearedAt
                         replacedStatus replacedScore } } } }""",
    )
    [s1] = [m for m in answer["student"]["mastery"] if m["competencyId"] == "s-1"]
    assert [
        (o["reason"], o["state"], o["clearedBy"], o["replacedStatus"], o["replacedScore"])
        for o in s1["overrides"]
    ] == [
        ("Oral exam", "REMOVED", teacher, "NOT_YET", 2.0),
        ("Portfolio", "REMOVED", teacher, "NOT_YET", 2.0),
        ("Retest", "CURRENT", None, "NOT_YET", 2.0),
    ]
    assert s1["overrides"][1]["level"] == {"value": 4.0}
