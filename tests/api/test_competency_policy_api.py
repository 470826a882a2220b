"""A competency's own calculation and minimum evidence, inherited by its descendants that set
none (else the framework's), over REST and GraphQL. Values worked by hand: the framework's
policy is the decaying average (w = 0.65), threshold 3, one result needed."""

from __future__ import annotations

from tests.api.graphql_data import data
from tests.api.mastery_data import post, result, seed_framework
from tests.conftest import Api


async def status_of(api: Api, competency: str) -> tuple[str, float | None]:
    response = await api.get(f"/v1/students/student-1/mastery/{competency}")
    assert response.status_code == 200, response.text
    body = response.json()
    return body["status"], body["score"]


async def test_a_parents_policy_is_inherited_by_its_children(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(4, 1), result(2, 2))
    # .65 * 2 + .35 * 4 = 2.7: not yet.
    assert await status_of(api, "s-1") == ("not_yet", 2.7)
    patched = await api.patch(
        "/v1/competencies/d-nbt", {"calculation": {"method": "highest"}, "min_evidence": 3}
    )
    assert patched.status_code in (200, 202), patched.text
    assert (patched.json()["calculation"], patched.json()["min_evidence"]) == (
        {"method": "highest"},
        3,
    )
    # s-1 sets neither: d-nbt's highest (4) and d-nbt's minimum of 3 results, of which it has 2.
    assert await status_of(api, "s-1") == ("insufficient_evidence", 4.0)
    own = await api.patch("/v1/competencies/s-1", {"min_evidence": 2})
    assert own.status_code in (200, 202), own.text
    assert own.json()["min_evidence"] == 2
    assert await status_of(api, "s-1") == ("mastered", 4.0)
    answer = await data(
        api,
        """{ framework(id: "fw-math") { competencies { id minEvidence effectiveMinEvidence
             effectiveCalculation { method } } } }""",
    )
    assert [
        (c["id"], c["minEvidence"], c["effectiveMinEvidence"], c["effectiveCalculation"]["method"])
        for c in answer["framework"]["competencies"]
    ] == [
        ("d-nbt", 3, 3, "highest"),
        ("s-1", 2, 2, "highest"),
        ("s-2", None, 3, "highest"),
    ]
    # Null gives the inherited one again: d-nbt's 3.
    cleared = await api.patch("/v1/competencies/s-1", {"min_evidence": None})
    assert cleared.json()["min_evidence"] is None
    assert await status_of(api, "s-1") == ("insufficient_evidence", 4.0)


async def test_a_competencys_minimum_evidence_is_checked(api: Api) -> None:
    await seed_framework(api)
    response = await api.patch("/v1/competencies/s-1", {"min_evidence": 0, "weight": 0})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert {tuple(e["loc"]) for e in response.json()["errors"]} == {
        ("body", "min_evidence"),
        ("body", "weight"),
    }


async def test_a_competencys_policy_can_be_simulated_in_the_shape_get_answers(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(4, 1), result(2, 2), result(3, 1, competency="s-2"))
    # s-1: .65 * 2 + .35 * 4 = 2.7 not yet; s-2: 3 mastered; d-nbt: 1 of 2, not yet.
    current = (await api.get("/v1/frameworks/fw-math")).json()
    tree = current["competencies"]
    highest = [{**tree[0], "calculation": {"method": "highest"}}]
    simulated = await api.post("/v1/frameworks/fw-math/simulate", json={"competencies": highest})
    assert simulated.status_code == 200, simulated.text
    got = simulated.json()
    # s-1 inherits d-nbt's highest: 4, mastered; s-2 stays (3); d-nbt then has both children.
    assert (got["became_mastered"], got["lost_mastery"], got["unchanged"]) == (2, 0, 1)
    assert [sorted(s["became_mastered"]) for s in got["students"]] == [["d-nbt", "s-1"]]
    needs_two = [{**tree[0], "children": [{**tree[0]["children"][1], "min_evidence": 2}]}]
    needs_two[0]["children"].insert(0, tree[0]["children"][0])
    stricter = await api.post("/v1/frameworks/fw-math/simulate", json={"competencies": needs_two})
    assert stricter.status_code == 200, stricter.text
    # s-2 has 1 result of the 2 it would need: it loses mastery; the others stay not yet.
    got = stricter.json()
    assert (got["became_mastered"], got["lost_mastery"], got["unchanged"]) == (0, 1, 2)
    renamed = [{**tree[0], "code": "X"}]
    refused = await api.post("/v1/frameworks/fw-math/simulate", json={"competencies": renamed})
    assert refused.status_code == 422
    assert [tuple(e["loc"]) for e in refused.json()["errors"]] == [("body", "competencies")]
    assert (await api.get("/v1/frameworks/fw-math")).json() == current  # nothing was written
    assert await status_of(api, "s-1") == ("not_yet", 2.7)
