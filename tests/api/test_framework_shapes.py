"""One shape per resource: what GET answers for a framework (or a competency) can be PUT or
PATCHed back unchanged and sent to simulate; PATCH is a JSON Merge Patch (RFC 7396). Every
expected document below is worked out by hand from the body sent and the RFC's rules."""

from __future__ import annotations

import copy
import json
from typing import Any

from tests.api.mastery_data import post, result, seed_framework
from tests.conftest import Api

RICH = {
    "id": "fw-math",
    "title": "Grade 4 Mathematics",
    "description": "Base ten",
    "version": "2026",
    "scale": {
        "levels": [
            {"value": 1, "label": "Beginning"},
            {"value": 2, "label": "Developing"},
            {"value": 3, "label": "Proficient"},
            {"value": 4, "label": "Advanced"},
        ],
        "mastery_threshold": 3,
    },
    "calculation": {"method": "standard_decaying_average", "weight": 0.5},
    "min_evidence": 1,
    "competencies": [
        {
            "id": "d-nbt",
            "code": "4.NBT",
            "statement": "Number and operations in base ten",
            "kind": "domain",
            "rollup": {"rule": "at_least", "k": 1},
            "children": [
                {"id": "s-1", "code": "4.NBT.1", "statement": "Place value", "kind": "standard"},
                {
                    "id": "s-2",
                    "code": "4.NBT.2",
                    "statement": "Read and write",
                    "kind": "standard",
                    "calculation": {"method": "n_mastery", "n": 2},
                },
            ],
        }
    ],
}

MERGE_PATCH = {"Content-Type": "application/merge-patch+json"}


def problems(response: Any) -> list[tuple[tuple[object, ...], str]]:
    return [(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]]


async def read(api: Api) -> dict[str, Any]:
    response = await api.get("/v1/frameworks/fw-math")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


async def merge(api: Api, patch: Any, path: str = "/v1/frameworks/fw-math") -> Any:
    return await api.request("PATCH", path, content=json.dumps(patch), headers=MERGE_PATCH)


async def test_what_get_answers_can_be_put_back_unchanged(api: Api) -> None:
    await seed_framework(api, RICH)
    before = await read(api)
    assert before["calculation"] == {"method": "standard_decaying_average", "weight": 0.5}
    s2 = before["competencies"][0]["children"][1]
    assert (s2["parent_id"], s2["position"], s2["calculation"]) == (
        "d-nbt",
        1,
        {"method": "n_mastery", "n": 2},
    )
    put = await api.put("/v1/frameworks/fw-math", before)
    assert put.status_code == 200, put.text
    assert put.json() == {**before, "recompute_job": None}
    assert await read(api) == before
    # The answer of a change, sent back again (its recompute_job is not read back).
    again = await api.put("/v1/frameworks/fw-math", put.json())
    assert again.status_code == 200, again.text
    # The whole read as a merge patch changes nothing either.
    assert (await merge(api, before)).status_code == 200
    assert await read(api) == before


async def test_put_replaces_the_whole_and_moves_by_nesting(api: Api) -> None:
    await seed_framework(api, RICH)
    body = await read(api)
    domain = body["competencies"][0]
    s1, s2 = domain["children"]
    # s-2 moves to the root (its read parent_id dropped, so the nesting says where it is),
    # a new competency comes under d-nbt, the description is left out (so it is cleared).
    domain["children"] = [s1, {"code": "4.NBT.3", "statement": "Round", "id": "s-3"}]
    s2.pop("parent_id")
    body["competencies"] = [domain, {**s2, "position": 1}]
    del body["description"]
    put = await api.put("/v1/frameworks/fw-math", body)
    assert put.status_code == 200, put.text
    after = await read(api)
    assert after["description"] is None
    assert after["competency_count"] == 4
    roots = [(c["id"], c["parent_id"], c["position"]) for c in after["competencies"]]
    assert roots == [("d-nbt", None, 0), ("s-2", None, 1)]
    under = [(c["id"], c["parent_id"], c["position"]) for c in after["competencies"][0]["children"]]
    assert under == [("s-1", "d-nbt", 0), ("s-3", "d-nbt", 1)]


async def test_put_refuses_what_disagrees_with_the_nesting_or_leaves_a_competency_out(
    api: Api,
) -> None:
    await seed_framework(api, RICH)
    body = await read(api)
    body["id"] = "fw-other"
    body["competencies"][0]["children"][0]["parent_id"] = "s-2"
    body["competencies"][0]["children"][0]["framework_id"] = "fw-other"
    response = await api.put("/v1/frameworks/fw-math", body)
    assert response.status_code == 422
    assert problems(response) == [
        (("body", "id"), "must be 'fw-math': a framework's id does not change"),
        (
            ("body", "competencies", 0, "children", 0, "parent_id"),
            "must be 'd-nbt': the competency is nested in 'd-nbt'",
        ),
        (
            ("body", "competencies", 0, "children", 0, "framework_id"),
            "must be 'fw-math', this framework's id",
        ),
    ]
    stored = await read(api)
    body = copy.deepcopy(stored)
    body["competencies"][0]["children"].pop()  # s-2
    left_out = await api.put("/v1/frameworks/fw-math", body)
    assert left_out.status_code == 422
    assert problems(left_out) == [
        (
            ("body", "competencies"),
            "leaves out competency 's-2': retire it (status retired) rather than remove it",
        )
    ]
    assert await read(api) == stored  # nothing was written


async def test_merge_patch_merges_objects_replaces_arrays_and_null_removes(api: Api) -> None:
    await seed_framework(api, RICH)
    before = await read(api)
    # A nested object merges: the levels stay, only the threshold changes.
    threshold = await merge(api, {"scale": {"mastery_threshold": 2.5}, "version": None})
    assert threshold.status_code == 200, threshold.text
    after = await read(api)
    assert after["scale"] == {**before["scale"], "mastery_threshold": 2.5}
    assert after["version"] is None  # null removed it
    assert after["description"] == "Base ten"  # left out, it stays
    # An array replaces the whole: two levels, not four with two changed.
    two = [{"value": 0, "label": "Not yet"}, {"value": 1, "label": "Met"}]
    levels = await merge(api, {"scale": {"levels": two, "mastery_threshold": 1}})
    assert levels.status_code == 200, levels.text
    assert (await read(api))["scale"] == {"levels": two, "mastery_threshold": 1}
    # A parameter merges into the calculation; another method starts from its own.
    weight = await merge(api, {"calculation": {"weight": 0.8}})
    assert weight.json()["calculation"] == {"method": "standard_decaying_average", "weight": 0.8}
    method = await merge(api, {"calculation": {"method": "n_mastery", "n": 2}})
    assert method.json()["calculation"] == {"method": "n_mastery", "n": 2}
    n = await merge(api, {"calculation": {"n": 4}})
    assert n.json()["calculation"] == {"method": "n_mastery", "n": 4}
    wrong = await merge(api, {"calculation": {"weight": 0.5}})
    assert problems(wrong) == [(("body", "calculation", "weight"), "does not apply to n_mastery")]


async def test_old_shapes_are_still_read(api: Api) -> None:
    await seed_framework(api, RICH)
    # A calculation read before named its method `name`; plain JSON is read as a merge patch.
    named = await api.patch("/v1/frameworks/fw-math", {"calculation": {"name": "highest"}})
    assert named.status_code == 200, named.text
    assert named.json()["calculation"] == {"method": "highest"}
    # The weighted formula's old name, and Canvas's other name for it, read as decaying_average.
    for old in ("legacy_decaying_average", "weighted_average"):
        legacy = await api.patch("/v1/frameworks/fw-math", {"calculation": {"method": old}})
        assert legacy.status_code == 200, legacy.text
        assert legacy.json()["calculation"] == {"method": "decaying_average", "weight": 0.65}
        assert (await read(api))["calculation"] == {"method": "decaying_average", "weight": 0.65}
    # ... and is the same method as its new name: a patch naming it merges into its weight.
    await merge(api, {"calculation": {"weight": 0.8}})
    same = await merge(api, {"calculation": {"method": "legacy_decaying_average"}})
    assert same.json()["calculation"] == {"method": "decaying_average", "weight": 0.8}
    both = await api.patch(
        "/v1/frameworks/fw-math", {"calculation": {"name": "latest", "method": "highest"}}
    )
    assert both.status_code == 422
    assert problems(both) == [
        (
            ("body", "calculation"),
            "Value error, `name` is the old spelling of `method`: send one of them",
        )
    ]


async def test_a_competency_read_can_be_patched_back_and_merges(api: Api) -> None:
    await seed_framework(api, RICH)
    competency = (await api.get("/v1/competencies/d-nbt")).json()
    same = await merge(api, competency, "/v1/competencies/d-nbt")
    assert same.status_code == 200, same.text
    assert (await api.get("/v1/competencies/d-nbt")).json() == competency
    k = await merge(api, {"rollup": {"k": 2}}, "/v1/competencies/d-nbt")
    assert k.json()["rollup"] == {"rule": "at_least", "k": 2}
    percent = await merge(
        api, {"rollup": {"rule": "percent", "percent": 50}}, "/v1/competencies/d-nbt"
    )
    assert percent.json()["rollup"] == {"rule": "percent", "percent": 50}
    own = await merge(api, {"calculation": {"n": 3}}, "/v1/competencies/s-2")
    assert own.json()["calculation"] == {"method": "n_mastery", "n": 3}
    cleared = await merge(api, {"calculation": None, "code": "4.NBT.2b"}, "/v1/competencies/s-2")
    assert (cleared.json()["calculation"], cleared.json()["code"]) == (None, "4.NBT.2b")
    children = copy.deepcopy(competency["children"])
    children[0]["statement"] = "changed here"
    refused = await merge(api, {"id": "other", "children": children}, "/v1/competencies/d-nbt")
    assert problems(refused) == [
        (("body", "id"), "is read-only here: a competency's id does not change"),
        (
            ("body", "children"),
            "is read-only here: each child changes through its own PATCH (parent_id moves it)",
        ),
    ]


async def _seed_results(api: Api) -> None:
    # One result each: a decaying average of one result is that result.
    await post(
        api,
        result(2.6, 1, competency="s-1"),
        result(3, 1, competency="s-2"),
    )


async def test_what_get_answers_can_be_simulated_and_a_patch_is_a_candidate(api: Api) -> None:
    await seed_framework(api)  # the plain framework: decaying average 0.65, mastered at 3
    await _seed_results(api)
    current = await read(api)
    unchanged = await api.post("/v1/frameworks/fw-math/simulate", json=current)
    assert unchanged.status_code == 200, unchanged.text
    # student-1 has decisions on s-1 (2.6 not yet), s-2 (3 mastered), d-nbt (1 of 2: not yet).
    report = unchanged.json()
    assert (report["became_mastered"], report["lost_mastery"], report["unchanged"]) == (0, 0, 3)
    # At 2.5, s-1 (2.6) is mastered, s-2 (3) stays, and d-nbt has both children: mastered.
    expected = (2, 0, 1)
    candidates = [
        {"scale": {"mastery_threshold": 2.5}},  # as PATCH takes it
        {"mastery_threshold": 2.5},  # the old spelling
        {**current, "scale": {**current["scale"], "mastery_threshold": 2.5}},  # the read
    ]
    for candidate in candidates:
        simulated = await api.post("/v1/frameworks/fw-math/simulate", json=candidate)
        assert simulated.status_code == 200, simulated.text
        got = simulated.json()
        assert (got["became_mastered"], got["lost_mastery"], got["unchanged"]) == expected
        assert [sorted(s["became_mastered"]) for s in got["students"]] == [["d-nbt", "s-1"]]
    retitled = await api.post("/v1/frameworks/fw-math/simulate", json={**current, "title": "X"})
    assert retitled.status_code == 422
    assert retitled.json()["detail"] == "The candidate policy is invalid"
    assert problems(retitled) == [
        (("body", "title"), "a simulation compares policies only: change it with PATCH")
    ]
    both = await api.post(
        "/v1/frameworks/fw-math/simulate",
        json={"mastery_threshold": 2.5, "scale": {"mastery_threshold": 2}},
    )
    assert problems(both) == [
        (("body", "mastery_threshold"), "differs from scale.mastery_threshold")
    ]
    assert await read(api) == current  # nothing was written
