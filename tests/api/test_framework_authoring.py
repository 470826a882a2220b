"""Authoring frameworks through REST: every problem of a body is listed at once, located by the
field as the author wrote it (nested competencies included); PATCH tells a field left out
from one sent as null. Each expected list is worked out from the rules in
app/domain/framework_authoring.py and framework_changes.py, in the order they are checked."""

from __future__ import annotations

from typing import Any

from tests.api.mastery_data import seed_framework
from tests.conftest import Api


def problems(response: Any) -> list[tuple[tuple[object, ...], str]]:
    return [(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]]


async def test_a_new_framework_lists_every_problem_where_the_author_wrote_it(api: Api) -> None:
    body = {
        "title": " ",
        "scale": {
            "levels": [{"value": 1, "label": "One"}, {"value": 1, "label": "one"}],
            "mastery_threshold": 1,
        },
        "calculation": {"method": "n_mastery", "weight": 0.5, "n": 0},
        "competencies": [
            {
                "id": "a",
                "code": "A",
                "statement": "a",
                "rollup": {"rule": "at_least", "k": 3},
                "children": [
                    {"id": "a1", "code": "", "statement": "b"},
                    {
                        "id": "a2",
                        "code": "A2",
                        "statement": "c",
                        "calculation": {"method": "standard_decaying_average", "weight": 1.5},
                    },
                ],
            },
            {"id": "a", "code": "B", "statement": "dup", "rollup": {"rule": "percent", "k": 2}},
        ],
    }
    response = await api.post("/v1/frameworks", json=body)
    assert response.status_code == 422
    assert response.json()["detail"] == "The framework is invalid"
    # First each part as it is read (scale, calculation, then the tree depth-first), then the
    # framework as a whole: its title, a repeated id, a rollup its children cannot meet (a1
    # was refused, so A has one active child, a2, and at least 3 cannot be met).
    assert problems(response) == [
        (("body", "scale", "levels", 1, "value"), "repeats the value of level 0"),
        (("body", "scale", "levels", 1, "label"), "repeats the label of level 0"),
        (("body", "calculation", "weight"), "does not apply to n_mastery"),
        (("body", "calculation", "n"), "must be a whole number of at least 1"),
        (("body", "competencies", 0, "children", 0, "code"), "must not be empty"),
        (
            ("body", "competencies", 0, "children", 1, "calculation", "weight"),
            "must be a number strictly between 0 and 1",
        ),
        (("body", "competencies", 1, "rollup", "k"), "applies only to the at_least rule"),
        (
            ("body", "competencies", 1, "rollup", "percent"),
            "must be a number above 0 and at most 100",
        ),
        (("body", "title"), "must not be empty"),
        (("body", "competencies", 1, "id"), "repeats the id 'a'"),
        (("body", "competencies", 0, "rollup", "k"), "is more than its 1 active children"),
    ]
    assert (await api.get("/v1/frameworks")).json()["items"] == []


async def test_null_removes_a_member_and_its_default_applies(api: Api) -> None:
    await seed_framework(api)
    # JSON Merge Patch: null removes a member. A framework cannot be without a title; the
    # other members fall back to their defaults (a PUT leaving them out gets the same).
    refused = await api.patch(
        "/v1/frameworks/fw-math",
        {"title": None, "scale": None, "calculation": None, "min_evidence": None},
    )
    assert refused.status_code == 422
    assert refused.json()["detail"] == "The framework is invalid"
    assert problems(refused) == [(("body", "title"), "Field required")]
    await api.patch(
        "/v1/frameworks/fw-math",
        {
            "description": "Base ten",
            "version": "2",
            "min_evidence": 2,
            "calculation": {"method": "highest"},
            "scale": {"mastery_threshold": 2},
        },
    )
    changed = await api.patch(
        "/v1/frameworks/fw-math",
        {
            "title": "Math 4",
            "description": None,
            "scale": None,
            "calculation": None,
            "min_evidence": None,
            "status": None,
            "include_formative": None,
        },
    )
    assert changed.status_code == 200, changed.text
    read = (await api.get("/v1/frameworks/fw-math")).json()
    # Left out, the version stays; sent as null, the description is cleared and the policy is
    # the default one again: 1-4 mastered at 3, decaying average of weight 0.65, one result.
    assert (read["title"], read["description"], read["version"]) == ("Math 4", None, "2")
    assert read["scale"]["mastery_threshold"] == 3
    assert [lv["value"] for lv in read["scale"]["levels"]] == [1, 2, 3, 4]
    assert read["calculation"] == {"method": "standard_decaying_average", "weight": 0.65}
    assert (read["min_evidence"], read["status"], read["include_formative"]) == (1, "active", False)


async def test_a_scale_that_cannot_be_is_refused_where_it_is_wrong(api: Api) -> None:
    await seed_framework(api)
    response = await api.patch(
        "/v1/frameworks/fw-math",
        {"scale": {"levels": [{"value": 1, "label": "A"}], "mastery_threshold": 2}},
    )
    assert response.status_code == 422
    assert (
        ("body", "scale", "mastery_threshold"),
        "must lie between the lowest and the highest level",
    ) in problems(response)


async def test_a_competency_change_lists_every_problem(api: Api) -> None:
    await seed_framework(api)
    response = await api.patch(
        "/v1/competencies/s-1",
        {"kind": None, "status": None, "rollup": None, "position": None, "parent_id": "nope"},
    )
    assert response.status_code == 422
    # Null removes: a rollup removed is the default one (all children); a status or a place
    # cannot be removed.
    assert problems(response) == [
        (("body", "parent_id"), "must be a competency of the same framework, or null"),
        (("body", "status"), "must not be null"),
        (("body", "position"), "must not be null"),
    ]
    emptied = await api.patch("/v1/competencies/s-1", {"statement": " "})
    assert problems(emptied) == [(("body", "statement"), "must not be empty")]
    # d-nbt has two active children: a rule needing 3 cannot be met.
    unmeetable = await api.patch("/v1/competencies/d-nbt", {"rollup": {"rule": "at_least", "k": 3}})
    assert unmeetable.json()["detail"] == "The change would make the framework invalid"
    assert [msg for _, msg in problems(unmeetable)] == ["is more than its 2 active children"]
    moved = await api.patch("/v1/competencies/s-2", {"parent_id": None, "kind": None})
    assert moved.status_code == 200
    assert (moved.json()["parent_id"], moved.json()["kind"]) == (None, None)


async def test_an_added_competency_goes_last_among_its_siblings(api: Api) -> None:
    await seed_framework(api)
    nowhere = await api.post(
        "/v1/frameworks/fw-math/competencies",
        json={"parent_id": "nope", "code": "X", "statement": "x"},
    )
    assert problems(nowhere) == [
        (("body", "parent_id"), "must be a competency of this framework, or null")
    ]
    broken = await api.post(
        "/v1/frameworks/fw-math/competencies",
        json={
            "parent_id": "d-nbt",
            "code": "",
            "statement": "x",
            "children": [{"code": "Y", "statement": ""}],
        },
    )
    assert problems(broken) == [
        (("body", "code"), "must not be empty"),
        (("body", "children", 0, "statement"), "must not be empty"),
    ]
    added = await api.post(
        "/v1/frameworks/fw-math/competencies",
        json={
            "parent_id": "d-nbt",
            "id": "s-3",
            "code": "4.NBT.3",
            "statement": "Round",
            "children": [{"id": "s-3a", "code": "4.NBT.3a", "statement": "To tens"}],
        },
    )
    assert added.status_code == 201, added.text
    # s-1 and s-2 sit at 0 and 1 under d-nbt: s-3 goes to 2; its child is first under it.
    assert [(c["id"], c["parent_id"], c["position"]) for c in added.json()] == [
        ("s-3", "d-nbt", 2),
        ("s-3a", "s-3", 0),
    ]


async def test_a_candidate_policy_is_checked_before_anything_is_compared(api: Api) -> None:
    await seed_framework(api)
    bad = await api.post(
        "/v1/frameworks/fw-math/simulate",
        json={
            "calculation": {"method": "standard_decaying_average", "weight": 3},
            "mastery_threshold": 9,
        },
    )
    # Both in one answer: the old top-level threshold is the scale's (levels 1 to 4, so 9 is
    # out), then the calculation.
    assert problems(bad) == [
        (
            ("body", "scale", "mastery_threshold"),
            "must lie between the lowest and the highest level",
        ),
        (("body", "calculation", "weight"), "must be a number strictly between 0 and 1"),
    ]
    high = await api.post("/v1/frameworks/fw-math/simulate", json={"mastery_threshold": 9})
    assert high.json()["detail"] == "The candidate policy is invalid"
    assert problems(high) == [
        (
            ("body", "scale", "mastery_threshold"),
            "must lie between the lowest and the highest level",
        )
    ]
