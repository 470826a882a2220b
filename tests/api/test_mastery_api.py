"""Evidence in, decisions out: the REST surface of the mastery engine, with values worked by
hand (default policy: decaying average, w = 0.65, scale 1-4, threshold 3)."""

from __future__ import annotations

import pytest

from tests.api.mastery_data import FRAMEWORK, by_competency, day, post, result, seed_framework
from tests.conftest import Api


async def test_a_framework_round_trips_as_a_tree(api: Api) -> None:
    created = await seed_framework(api)
    assert created["calculation"] == {"method": "standard_decaying_average", "weight": 0.65}
    assert created["scale"]["mastery_threshold"] == 3
    assert [lv["label"] for lv in created["scale"]["levels"]] == [
        "Beginning",
        "Developing",
        "Proficient",
        "Advanced",
    ]
    [domain] = created["competencies"]
    assert domain["id"] == "d-nbt"
    assert [c["id"] for c in domain["children"]] == ["s-1", "s-2"]
    assert domain["children"][1]["parent_id"] == "d-nbt"
    fetched = (await api.get("/v1/frameworks/fw-math")).json()
    assert fetched == created
    listed = (await api.get("/v1/frameworks")).json()
    assert [(f["id"], f["competency_count"]) for f in listed["items"]] == [("fw-math", 3)]


async def test_competency_ids_are_unique_in_a_district(api: Api) -> None:
    await seed_framework(api)
    clash = {**FRAMEWORK, "id": "fw-other"}
    response = await api.post("/v1/frameworks", json=clash)
    assert response.status_code == 409
    assert {e["msg"] for e in response.json()["errors"]} == {
        "id 'd-nbt' is taken",
        "id 's-1' is taken",
        "id 's-2' is taken",
    }


async def test_an_invalid_framework_lists_every_problem(api: Api) -> None:
    body = {
        "title": "Bad",
        "scale": {"levels": [{"value": 1, "label": "One"}], "mastery_threshold": 5},
        "calculation": {"method": "median", "weight": 0.5},
        "competencies": [
            {
                "code": "A",
                "statement": "a",
                "rollup": {"rule": "at_least", "k": 3},
                "children": [{"code": "", "statement": "b"}],
            }
        ],
    }
    response = await api.post("/v1/frameworks", json=body)
    assert response.status_code == 422
    locs = {tuple(e["loc"]) for e in response.json()["errors"]}
    assert ("body", "scale", "mastery_threshold") in locs
    assert ("body", "calculation", "weight") in locs
    assert ("body", "competencies", 0, "children", 0, "code") in locs


async def test_results_make_a_decision_and_roll_up(api: Api) -> None:
    await seed_framework(api)
    answer = await post(api, result(2, 1), result(3, 2), result(4, 3))
    assert [i["outcome"] for i in answer["items"]] == ["created"] * 3
    decisions = by_competency(answer["decisions"])
    assert set(decisions) == {"s-1", "d-nbt"}
    leaf = decisions["s-1"]
    # d1 = 2; d2 = .65*3 + .35*2 = 2.65; d3 = .65*4 + .35*2.65 = 3.5275 -> 3.53
    assert leaf["score"] == 3.53
    assert leaf["status"] == "mastered"
    assert leaf["level"] == {"value": 3.0, "label": "Proficient"}
    assert leaf["evidence_count"] == 3
    assert leaf["method"] == {"name": "standard_decaying_average", "weight": 0.65}
    assert leaf["next_score_to_master"] is None
    assert leaf["override"] is None
    assert leaf["computed"] is None
    parent = decisions["d-nbt"]
    # rule "all": s-2 has no evidence, so the domain is not yet mastered; score = mean(3.53)
    assert (parent["status"], parent["score"], parent["evidence_count"]) == ("not_yet", 3.53, 3)
    assert parent["method"] == {"name": "rollup", "rule": "all"}


async def test_resending_a_batch_changes_nothing(api: Api) -> None:
    await seed_framework(api)
    batch = [result(2, 1), result(3, 2)]
    first = await post(api, *batch)
    again = await post(api, *batch)
    assert [i["outcome"] for i in again["items"]] == ["unchanged", "unchanged"]
    assert [i["id"] for i in again["items"]] == [i["id"] for i in first["items"]]
    assert again["decisions"] == []


async def test_a_changed_resend_updates_and_keeps_one_result(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(2, 1, ref="quiz-1"))
    answer = await post(api, result(4, 1, ref="quiz-1"))
    assert answer["items"][0]["outcome"] == "updated"
    assert by_competency(answer["decisions"])["s-1"]["score"] == 4.0
    listed = (await api.get("/v1/evidence", params={"student_id": "student-1"})).json()
    assert [e["score"] for e in listed["items"]] == [4.0]


async def test_a_bad_item_rejects_the_batch_and_writes_nothing(api: Api) -> None:
    await seed_framework(api)
    items = [
        result(3, 1),
        result(-1, 2),
        result(2, 3, student="nobody"),
        result(2, 4, competency="nothing"),
        result(9, 5),
        {**result(2, 6), "observed_at": "2026-09-07T10:00:00"},
        result(3, 1),  # the same source, source_id and competency as item 0
    ]
    response = await api.post("/v1/evidence", json={"items": items})
    assert response.status_code == 422
    errors = {tuple(e["loc"]): e["msg"] for e in response.json()["errors"]}
    assert errors[("body", "items", 1, "score")] == "must be a finite number at or above 0"
    assert errors[("body", "items", 2, "student_id")] == "no student 'nobody'"
    assert errors[("body", "items", 3, "competency_id")] == "no competency 'nothing'"
    assert errors[("body", "items", 4, "score")] == "must be at most 4 without a max_score"
    assert ("body", "items", 5, "observed_at") in errors
    assert ("body", "items", 6, "source_id") in errors
    assert 0 not in {loc[2] for loc in errors}
    assert (await api.get("/v1/evidence")).json()["items"] == []
    assert (await api.get("/v1/students/student-1/mastery")).json()["items"] == []


async def test_max_score_normalises_onto_the_scale(api: Api) -> None:
    await seed_framework(api)
    answer = await post(api, result(15, 1, max_score=20))
    # 15/20 * 4 = 3.0
    assert by_competency(answer["decisions"])["s-1"]["score"] == 3.0


async def test_explanation_weights_reproduce_the_score(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(2, 1), result(3, 2), result(4, 3), result(1, 4, kind="formative"))
    detail = (await api.get("/v1/students/student-1/mastery/s-1")).json()
    rows = detail["explanation"]["evidence"]
    assert [(r["score"], r["counted"], r["not_counted_because"]) for r in rows] == [
        (2.0, True, None),
        (3.0, True, None),
        (4.0, True, None),
        (1.0, False, "formative"),
    ]
    weights = [r["weight"] for r in rows[:3]]
    # decaying average weights: (1-w)^2, (1-w)w, w
    assert weights == pytest.approx([0.1225, 0.2275, 0.65])
    assert sum(weights) == pytest.approx(1)
    assert sum(w * r["normalized_score"] for w, r in zip(weights, rows, strict=False)) == (
        pytest.approx(3.5275)
    )
    assert detail["explanation"]["summary"]
    assert "3.53" in detail["explanation"]["summary"]


async def test_next_score_to_master(api: Api) -> None:
    await seed_framework(api)
    answer = await post(api, result(2, 1))
    # one more x: .65x + .35*2 rounds to >= 3.00 -> x >= 3.5307..., so 3.54 (3.53 gives 2.99)
    assert by_competency(answer["decisions"])["s-1"]["next_score_to_master"] == 3.54


async def test_history_records_status_and_level_changes(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(2, 1))  # 2.00 not_yet, Developing
    await post(api, result(3, 2))  # 2.65 not_yet, Developing: no change of status or level
    await post(api, result(4, 3))  # 3.53 mastered, Proficient
    history = (await api.get("/v1/students/student-1/mastery/s-1/history")).json()["items"]
    assert [(h["status"], h["level_value"], h["score"]) for h in history] == [
        ("not_yet", 2.0, 2.0),
        ("mastered", 3.0, 3.53),
    ]


async def test_as_of_decides_from_the_evidence_of_that_time(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(2, 1), result(3, 2), result(4, 3))
    then = (await api.get("/v1/students/student-1/mastery/s-1", params={"as_of": day(2.5)})).json()
    assert (then["score"], then["status"], then["evidence_count"]) == (2.65, "not_yet", 2)
    rows = then["explanation"]["evidence"]
    assert [r["not_counted_because"] for r in rows] == [None, None, "after_as_of"]
    listed = (
        await api.get(
            "/v1/students/student-1/mastery",
            params={"framework_id": "fw-math", "as_of": day(1.5)},
        )
    ).json()["items"]
    assert [(d["competency_id"], d["status"], d["score"]) for d in listed] == [
        ("d-nbt", "not_yet", 2.0),
        ("s-1", "not_yet", 2.0),
        ("s-2", "no_evidence", None),
    ]


async def test_a_late_result_is_recomputed_in_time_order(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(2, 1), result(4, 3))
    answer = await post(api, result(3, 2))  # observed between the two
    # order by observed_at: 2, 3, 4 -> 3.5275 -> 3.53, as if it had come in time
    assert by_competency(answer["decisions"])["s-1"]["score"] == 3.53


async def test_voiding_a_result_recomputes(api: Api) -> None:
    await seed_framework(api)
    answer = await post(api, result(2, 1), result(3, 2), result(4, 3))
    last = answer["items"][2]["id"]
    voided = await api.delete(f"/v1/evidence/{last}")
    assert voided.status_code == 200
    leaf = by_competency(voided.json()["decisions"])["s-1"]
    assert (leaf["score"], leaf["status"]) == (2.65, "not_yet")
    assert (await api.get(f"/v1/evidence/{last}")).json()["voided_at"] is not None


async def test_an_override_stays_until_cleared(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(2, 1))
    set_ = await api.put(
        "/v1/students/student-1/mastery/s-1/override",
        json={"status": "mastered", "reason": "Demonstrated in class discussion"},
    )
    assert set_.status_code == 200, set_.text
    shown = set_.json()
    assert shown["status"] == "mastered"
    assert shown["override"]["reason"] == "Demonstrated in class discussion"
    assert shown["computed"] == {
        "status": "not_yet",
        "score": 2.0,
        "level": {"value": 2.0, "label": "Developing"},
    }
    assert shown["next_score_to_master"] is None
    # New evidence updates what the engine computes, never the teacher's decision.
    answer = await post(api, result(1, 2))
    leaf = by_competency(answer["decisions"])["s-1"]
    assert leaf["status"] == "mastered"
    assert leaf["computed"]["score"] == 1.35  # .65*1 + .35*2
    cleared = await api.delete("/v1/students/student-1/mastery/s-1/override")
    assert cleared.status_code == 200
    assert (cleared.json()["status"], cleared.json()["override"]) == ("not_yet", None)
    assert (await api.delete("/v1/students/student-1/mastery/s-1/override")).status_code == 404
    causes = [
        h["cause"]
        for h in (await api.get("/v1/students/student-1/mastery/s-1/history")).json()["items"]
    ]
    assert causes == ["evidence", "override_set", "evidence", "override_cleared"]


async def test_an_override_needs_a_reason_and_a_level_of_the_scale(api: Api) -> None:
    await seed_framework(api)
    response = await api.put(
        "/v1/students/student-1/mastery/s-1/override", json={"level": 2.5, "reason": " "}
    )
    assert response.status_code == 422
    locs = {tuple(e["loc"]) for e in response.json()["errors"]}
    assert locs == {("body", "level"), ("body", "reason")}


async def test_class_grid_is_every_student_by_every_competency(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(3, 1))
    grid = (await api.get("/v1/classes/class-1/mastery", params={"framework_id": "fw-math"})).json()
    assert [c["id"] for c in grid["competencies"]] == ["d-nbt", "s-1", "s-2"]
    [row] = grid["students"]
    assert row["student_id"] == "student-1"
    assert [(d["competency_id"], d["status"]) for d in row["decisions"]] == [
        ("d-nbt", "not_yet"),
        ("s-1", "mastered"),
        ("s-2", "no_evidence"),
    ]


async def test_simulation_reports_what_applying_the_policy_does(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(4, 1), result(2, 2))  # decaying: .65*2 + .35*4 = 2.7 not yet
    await post(api, result(3, 1, competency="s-2"))  # 3.0 mastered
    simulated = await api.post(
        "/v1/frameworks/fw-math/simulate", json={"calculation": {"method": "highest"}}
    )
    assert simulated.status_code == 200, simulated.text
    report = simulated.json()
    # highest: s-1 -> 4 mastered (gains); s-2 stays 3; d-nbt: both children mastered (gains)
    assert (report["became_mastered"], report["lost_mastery"], report["unchanged"]) == (2, 0, 1)
    assert report["students"] == [
        {"student_id": "student-1", "became_mastered": ["d-nbt", "s-1"], "lost_mastery": []}
    ]
    before = by_competency((await api.get("/v1/students/student-1/mastery")).json()["items"])
    applied = await api.patch("/v1/frameworks/fw-math", {"calculation": {"method": "highest"}})
    assert applied.status_code == 200
    after = by_competency((await api.get("/v1/students/student-1/mastery")).json()["items"])
    gained = sorted(
        c for c in after if after[c]["status"] == "mastered" and before[c]["status"] != "mastered"
    )
    lost = sorted(
        c for c in after if before[c]["status"] == "mastered" and after[c]["status"] != "mastered"
    )
    assert gained == ["d-nbt", "s-1"]
    assert lost == []
