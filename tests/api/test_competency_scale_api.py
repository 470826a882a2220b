"""A competency's own scale and mastery threshold (issue 15, item 6): every reader of one
decision uses the competency's scale, never the framework's, over REST, GraphQL and CSV.

Worked by hand. The framework: levels 1-4 (Beginning, Developing, Proficient, Advanced),
threshold 3, the average. 4.NBT.1 (s-1) has its own scale 0-100 (0 Beginning, 50 Approaching,
80 Meets, 100 Exceeds), threshold 80; 4.NBT.2 (s-2) inherits the framework's.
- s-1 gets 85 then 70: average (85 + 70) / 2 = 77.5, below 80: not yet, level Approaching (50 <=
  77.5 < 80). On the framework's scale 85 would be refused (above its highest level, 4).
- Its next score to master: the least x (in 0.01 steps) with (155 + x) / 3 rounding to 80.00 or
  more: x = 84.99 gives 79.9967 -> 80.00; 84.98 gives 79.9933 -> 79.99.
- s-2 gets 3.9: mastered (>= 3), Proficient.
- d-nbt rolls s-1 up as the same share of its highest level: 77.5 / 100 x 4 = 3.1, so the mean is
  (3.1 + 3.9) / 2 = 3.5, Proficient; not yet, since s-1 is not mastered (rule: all).
"""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import Any

import pytest

from app.bootstrap import wire
from app.domain.access import Tenant
from app.domain.framework_commands import UpdateCompetency
from app.use_cases.job_kinds import job_kinds
from tests.api.district_data import post_scores, seed_roster
from tests.api.district_data import seed_framework as seed_district_framework
from tests.api.graphql_data import codes, data, gql
from tests.api.mastery_data import FRAMEWORK, post, result, seed_framework
from tests.api.test_graphql_reports import ASIAN, HISPANIC, WHITE
from tests.conftest import Api, Container, token_for
from tests.differencing import published
from tests.fakes.jobs import FakeJobRunner

PERCENT = {
    "levels": [
        {"value": 0, "label": "Beginning"},
        {"value": 50, "label": "Approaching"},
        {"value": 80, "label": "Meets"},
        {"value": 100, "label": "Exceeds"},
    ],
    "mastery_threshold": 80,
}


def _framework(s1: dict[str, Any], s2: dict[str, Any] | None = None) -> dict[str, Any]:
    """FRAMEWORK averaged, with these fields added to s-1 (and s-2)."""
    domain = dict(FRAMEWORK["competencies"][0])  # type: ignore[index]
    first, second = domain["children"]
    domain["children"] = [{**first, **s1}, {**second, **(s2 or {})}]
    return {**FRAMEWORK, "calculation": {"method": "average"}, "competencies": [domain]}


async def _shown(api: Api, competency: str) -> dict[str, Any]:
    response = await api.get(f"/v1/students/student-1/mastery/{competency}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _facts(d: dict[str, Any]) -> tuple[Any, ...]:
    level = d["level"]["label"] if d["level"] else None
    return (d["status"], d["score"], level, d["band"]["label"] if d["band"] else None)


async def test_every_reader_of_a_decision_uses_its_competencys_scale(api: Api) -> None:
    created = await seed_framework(api, _framework({"scale": PERCENT}))
    assert created["competencies"][0]["children"][0]["scale"]["mastery_threshold"] == 80
    assert created["competencies"][0]["children"][1]["scale"] is None  # inherited
    await post(api, result(85, 1), result(70, 2), result(3.9, 1, competency="s-2"))
    s1 = await _shown(api, "s-1")
    assert _facts(s1) == ("not_yet", 77.5, "Approaching", "Approaching")
    assert s1["next_score_to_master"] == 84.99
    assert "Meets" in s1["explanation"]["summary"]
    assert _facts(await _shown(api, "s-2")) == ("mastered", 3.9, "Proficient", "Proficient")
    parent = await _shown(api, "d-nbt")
    assert _facts(parent) == ("not_yet", 3.5, "Proficient", "Proficient")
    # The children are listed as each shows itself, on its own scale.
    assert [(c["code"], c["score"]) for c in parent["explanation"]["children"]] == [
        ("4.NBT.1", 77.5),
        ("4.NBT.2", 3.9),
    ]

    grid = await api.get("/v1/classes/class-1/mastery", params={"framework_id": "fw-math"})
    assert grid.status_code == 200, grid.text
    (student,) = grid.json()["students"]
    assert [_facts(d) for d in student["decisions"]] == [
        ("not_yet", 3.5, "Proficient", "Proficient"),
        ("not_yet", 77.5, "Approaching", "Approaching"),
        ("mastered", 3.9, "Proficient", "Proficient"),
    ]
    exported = await api.get(
        "/v1/classes/class-1/mastery", params={"framework_id": "fw-math", "format": "csv"}
    )
    (row,) = csv.DictReader(io.StringIO(exported.text))
    assert (row["4.NBT.1 score"], row["4.NBT.1 band"]) == ("77.5", "Approaching")

    answer = await data(
        api,
        """{ student(id: "student-1") { mastery(frameworkId: "fw-math") { competencyId status
             score level { label } band { label } } }
             competency(id: "s-1") { masteryThreshold scale { masteryThreshold }
               effectiveScale { masteryThreshold levels { label } } } }""",
    )
    shown = {m["competencyId"]: m for m in answer["student"]["mastery"]}
    assert (shown["s-1"]["status"], shown["s-1"]["score"], shown["s-1"]["level"]["label"]) == (
        "NOT_YET",
        77.5,
        "Approaching",
    )
    assert shown["d-nbt"]["level"]["label"] == "Proficient"
    assert answer["competency"]["masteryThreshold"] is None
    assert answer["competency"]["scale"]["masteryThreshold"] == 80
    assert [lv["label"] for lv in answer["competency"]["effectiveScale"]["levels"]] == [
        "Beginning",
        "Approaching",
        "Meets",
        "Exceeds",
    ]


async def test_a_level_override_is_a_level_of_the_competencys_scale(api: Api) -> None:
    await seed_framework(api, _framework({"scale": PERCENT}))
    await post(api, result(85, 1), result(70, 2), result(3.9, 1, competency="s-2"))
    url = "/v1/students/student-1/mastery/s-1/override"
    refused = await api.put(url, {"level": 4, "reason": "Portfolio"})  # the framework's level
    assert refused.status_code == 422, refused.text
    set_ = await api.put(url, {"level": 50, "reason": "Portfolio"})
    assert set_.status_code == 200, set_.text
    # 50 is below s-1's threshold 80 (above the framework's 3): not yet, Approaching.
    assert _facts(await _shown(api, "s-1")) == ("not_yet", 50.0, "Approaching", "Approaching")
    # The parent counts 50 / 100 x 4 = 2: (2 + 3.9) / 2 = 2.95, Developing.
    assert _facts(await _shown(api, "d-nbt")) == ("not_yet", 2.95, "Developing", "Developing")
    history = (await api.get("/v1/students/student-1/mastery/s-1/history")).json()["items"]
    assert [(h["cause"], h["status"]) for h in history][-1] == ("override_set", "not_yet")


async def test_a_competencys_threshold_applies_to_the_scale_it_inherits(api: Api) -> None:
    await seed_framework(api, _framework({}, {"mastery_threshold": 4}))
    await post(api, result(3, 1), result(3.9, 1, competency="s-2"))
    # s-1: 3 >= the framework's 3; s-2: 3.9 < its own 4.
    assert (await _shown(api, "s-1"))["status"] == "mastered"
    assert (await _shown(api, "s-2"))["status"] == "not_yet"
    # Cleared (null: inherited again): recomputed like any change of policy.
    patched = await api.patch("/v1/competencies/s-2", {"mastery_threshold": None})
    assert patched.status_code in (200, 202), patched.text
    assert (await _shown(api, "s-2"))["status"] == "mastered"
    # A scale of its own, by PATCH: 3.9 of 100 is Beginning and not yet.
    patched = await api.patch("/v1/competencies/s-2", {"scale": PERCENT})
    assert patched.status_code in (200, 202), patched.text
    assert patched.json()["scale"]["mastery_threshold"] == 80
    assert _facts(await _shown(api, "s-2")) == ("not_yet", 3.9, "Beginning", "Beginning")


async def test_a_competencys_scale_and_threshold_are_checked_in_one_pass(api: Api) -> None:
    bands = [{"at_least": 0, "label": "Low"}, {"at_least": 0, "label": "High"}]
    body = _framework(
        {"scale": {**PERCENT, "bands": bands}},
        {"mastery_threshold": 5, "scale": None},
    )
    body["competencies"][0]["mastery_threshold"] = 120  # d-nbt: on the framework's 1-4
    response = await api.post("/v1/frameworks", json=body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    at = ("body", "competencies", 0)
    between = "must lie between the lowest and the highest level"
    assert {(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]} == {
        ((*at, "children", 0, "scale", "bands", 1, "at_least"), "must be above the band before it"),
        ((*at, "children", 1, "mastery_threshold"), between),
        ((*at, "mastery_threshold"), between),
    }


async def test_graphql_simulates_a_competencys_scale_as_applying_it_does(api: Api) -> None:
    await seed_framework(api, _framework({}))
    await post(api, result(3, 1), result(3.9, 1, competency="s-2"))
    # Today s-1 (3) and s-2 (3.9) are mastered at 3, and so is d-nbt. s-2 on 0-100 with
    # threshold 80: 3.9 is far below, so s-2 and d-nbt would lose mastery; s-1 at its own
    # threshold 2.5 keeps it.
    answer = await data(
        api,
        """{ policySimulation(frameworkId: "fw-math", candidate: {competencies: [
               {competencyId: "s-2", scale: {masteryThreshold: 80, levels: [
                  {value: 0, label: "Beginning"}, {value: 50, label: "Approaching"},
                  {value: 80, label: "Meets"}, {value: 100, label: "Exceeds"}]}},
               {competencyId: "s-1", masteryThreshold: 2.5}]}) {
             becameMastered lostMastery unchanged
             byCompetency { competencyId lostMastery } } }""",
    )
    got = answer["policySimulation"]
    assert (got["becameMastered"], got["lostMastery"], got["unchanged"]) == (0, 2, 1)
    lost = {c["competencyId"]: c["lostMastery"] for c in got["byCompetency"]}
    assert (lost["d-nbt"], lost["s-1"], lost["s-2"]) == (1, 0, 1)
    for competency, change in (("s-2", {"scale": PERCENT}), ("s-1", {"mastery_threshold": 2.5})):
        applied = await api.patch(f"/v1/competencies/{competency}", change)
        assert applied.status_code in (200, 202), applied.text
    shown = [(await _shown(api, c))["status"] for c in ("d-nbt", "s-1", "s-2")]
    assert shown == ["not_yet", "mastered", "not_yet"]


async def test_graphql_locates_a_bad_candidate_scale(api: Api) -> None:
    await seed_framework(api, _framework({}))
    bad = await gql(
        api,
        """{ policySimulation(frameworkId: "fw-math", candidate: {competencies: [
               {competencyId: "nope"}, {competencyId: "s-1", masteryThreshold: 7}]}) {
             unchanged } }""",
    )
    assert codes(bad) == ["INVALID"]
    problems = bad["errors"][0]["extensions"]["problems"]
    assert [(p["loc"], p["msg"]) for p in problems] == [
        (["competencies", 0, "competency_id"], "is not in this framework"),
        (
            ["competencies", 1, "mastery_threshold"],
            "must lie between the lowest and the highest level",
        ),
    ]


async def test_reports_count_the_status_a_level_override_shows_on_its_competencys_scale(
    api: Api, container: Container, tenant: Tenant
) -> None:
    """31 students on one competency with a scale of its own (0-100, threshold 80), the latest
    result counting: 20 have 85 (mastered), 11 have 70 (not yet). A level override of 50 on one
    mastered student shows not yet there (50 < 80; on the framework's 1-4, 50 would be above 3),
    and the summary counts what shows: 19 mastered, 12 not yet, published in tens as 10 and 10
    (20 and 10 had the stored status been taken on the framework's scale)."""
    pupils = [*WHITE, *ASIAN, *HISPANIC]
    await seed_roster(container, tenant, pupils)
    (competency,) = await seed_district_framework(container, tenant, 1)
    patched = await api.patch(f"/v1/competencies/{competency}", {"scale": PERCENT})
    assert patched.status_code == 200, patched.text
    await post_scores(
        container,
        tenant,
        [(p.id, competency, 85.0 if i < 20 else 70.0) for i, p in enumerate(pupils)],
    )
    first = pupils[0].id
    override = await api.put(
        f"/v1/students/{first}/mastery/{competency}/override", {"level": 50, "reason": "Retest"}
    )
    assert override.status_code == 200, override.text
    answer = await api.get(
        "/v1/reports/summary", params={"framework_id": "fw", "group_by": ["school", "grade"]}
    )
    assert answer.status_code == 200, answer.text
    (row,) = answer.json()["items"]
    numbers = published(31, 19, 12, 0, 1)
    assert (
        (row["mastered"], row["not_yet"])
        == (numbers["mastered"], numbers["notYet"])
        == (
            10,
            10,
        )
    )


@pytest.mark.parametrize("inline_limit", [0, 10_000], ids=["by a job", "inline"])
async def test_a_recompute_stores_the_status_shown_on_the_competencys_scale(
    api: Api, container: Container, tenant: Tenant, inline_limit: int
) -> None:
    """31 students on one competency (1-4, threshold 3, the latest result): 11 have 3
    (mastered); 20 have 1 with a teacher's level override of 2, Developing (not yet at 3). The
    competency's own threshold 2 makes those 20 overrides mastered, recomputed at once or by a
    job in steps (staged, then switched in): the summary counts 31 mastered (11 had the statuses
    been stored on the framework's threshold, 3, or left as they were since the engine's
    decisions did not move)."""
    pupils = [*WHITE, *ASIAN, *HISPANIC]
    await seed_roster(container, tenant, pupils)
    (competency,) = await seed_district_framework(container, tenant, 1)
    await post_scores(
        container,
        tenant,
        [(p.id, competency, 1.0 if i < 20 else 3.0) for i, p in enumerate(pupils)],
    )
    for p in pupils[:20]:
        url = f"/v1/students/{p.id}/mastery/{competency}/override"
        assert (await api.put(url, {"level": 2, "reason": "Retest"})).status_code == 200
    a = container.adapters
    held = FakeJobRunner(a.uow, a.clock, a.ids, inline=False)
    policy = dataclasses.replace(
        container.policy, recompute_inline_limit=inline_limit, recompute_step_students=7
    )
    by_job = wire(dataclasses.replace(a, jobs=held), policy)
    held.attach(job_kinds(by_job))
    principal = a.tokens.read(token_for(container, tenant), a.clock.now())
    _, changed = await by_job.frameworks.update_competency(
        principal, competency, UpdateCompetency(mastery_threshold=2)
    )
    if inline_limit == 0:
        assert changed.job is not None
        await held.run_pending()  # 31 students, 7 a step: five steps staged, then switched in
        job = await api.get(f"/v1/jobs/{changed.job.id}")
        assert job.json()["status"] == "succeeded", job.text
    else:
        assert changed.job is None
    history = await api.get(f"/v1/students/{pupils[0].id}/mastery/{competency}/history")
    assert [(h["cause"], h["status"]) for h in history.json()["items"]][-1] == (
        "policy",
        "mastered",
    )
    answer = await api.get(
        "/v1/reports/summary", params={"framework_id": "fw", "group_by": ["school", "grade"]}
    )
    (row,) = answer.json()["items"]
    assert (row["mastered"], row["not_yet"]) == (30, 0)  # 31 and 0, published in tens
