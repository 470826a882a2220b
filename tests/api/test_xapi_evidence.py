"""What xAPI statements count for: evidence of the student the actor is (account name =
sourcedId, or an mbox on the roster) on the competencies the object id, a contextActivities
entry or our extension names (competency id, CASE identifier or CFItem URI), the score put on
its range; voided with the statement; unmatched statements stored and reported. Both
databases. Scale 1-4, mastered at 3: a share s of the range is the score 4s."""

from __future__ import annotations

from tests.api.gradebook_data import decisions
from tests.api.mastery_data import seed_framework
from tests.api.roster_data import STUDENT
from tests.api.xapi_data import (
    EXTENSION,
    cf_item,
    get,
    post,
    statement,
    voiding,
    xapi_evidence,
)
from tests.conftest import Api

ID1 = "fd41c918-b88b-4b20-a0a5-a4c32391aaa0"
ID2 = "7ccd3322-e1a5-411a-a67d-6a735c76f119"
ID3 = "3a9ac4a6-42f4-4bd6-a0a6-7bf2a6c0c8b5"
ID4 = "5d3e8a1c-94b7-4a2e-8f0d-1c6b9e2a7f43"


async def test_account_name_and_cfitem_uri_object_make_evidence(api: Api) -> None:
    await seed_framework(api)
    item = await cf_item(api, "s-1")
    sent = statement(ID1, object_id=item["uri"], score={"scaled": 0.8})
    assert (await post(api, [sent])).status_code == 200
    evidence = await xapi_evidence(api)
    assert list(evidence) == [(ID1, "s-1")]
    made = evidence[(ID1, "s-1")]
    assert (made["student_id"], made["score"], made["max_score"]) == ("student-1", 0.8, 1.0)
    assert made["observed_at"] == "2026-09-14T15:00:00Z"
    mastery = await decisions(api)
    # 0.8 of the range x 4 = 3.2: Proficient, mastered.
    assert (mastery["s-1"]["score"], mastery["s-1"]["status"]) == (3.2, "mastered")


async def test_mbox_context_activity_and_extension_name_student_and_competencies(
    api: Api,
) -> None:
    await seed_framework(api)
    pat = {**STUDENT, "given_name": "Pat", "email": "Pat.Lee@Example.org"}
    assert (await api.put("/v1/users/student-2", pat)).status_code == 201
    s2 = await cf_item(api, "s-2")
    by_mbox = statement(
        ID1,
        actor={"mbox": "mailto:PAT.LEE@example.org"},
        score={"raw": 7, "min": 0, "max": 10},
        context={"contextActivities": {"grouping": [{"id": "https://lms.example/comp/s-2"}]}},
    )
    by_extension = statement(
        ID2,
        score={"raw": 3, "min": 1, "max": 5},
        result={
            "score": {"raw": 3, "min": 1, "max": 5},
            "extensions": {EXTENSION: s2["identifier"]},
        },
    )
    assert (await post(api, [by_mbox, by_extension])).status_code == 200
    evidence = await xapi_evidence(api)
    got = {k: (e["student_id"], e["score"], e["max_score"]) for k, e in evidence.items()}
    # raw 7 on 0..10 is 7 of 10; raw 3 on 1..5 is 2 of 4 (the range shifted to start at 0).
    assert got == {(ID1, "s-2"): ("student-2", 7.0, 10.0), (ID2, "s-2"): ("student-1", 2.0, 4.0)}
    assert (await decisions(api, "student-2"))["s-2"]["score"] == 2.8  # 7/10 x 4


async def test_a_zero_score_makes_evidence_of_zero_and_a_negative_scaled_counts_as_zero(
    api: Api,
) -> None:
    await seed_framework(api)
    zero = statement(
        ID1, object_id="https://lms.example/comp/s-1", score={"raw": 0, "min": 0, "max": 10}
    )
    negative = statement(ID2, object_id="https://lms.example/comp/s-2", score={"scaled": -0.5})
    assert (await post(api, [zero, negative])).status_code == 200
    evidence = await xapi_evidence(api)
    assert (evidence[(ID1, "s-1")]["score"], evidence[(ID1, "s-1")]["max_score"]) == (0.0, 10.0)
    assert (evidence[(ID2, "s-2")]["score"], evidence[(ID2, "s-2")]["max_score"]) == (0.0, 1.0)
    mastery = await decisions(api)
    assert (mastery["s-1"]["score"], mastery["s-1"]["status"]) == (0.0, "not_yet")


async def test_voiding_a_statement_voids_its_evidence_and_the_decision_follows(api: Api) -> None:
    await seed_framework(api)
    assert (
        await post(
            api, [statement(ID1, object_id="https://lms.example/comp/s-1", score={"scaled": 0.9})]
        )
    ).status_code == 200
    assert (await decisions(api))["s-1"]["status"] == "mastered"  # 3.6
    assert (await post(api, [voiding(ID2, ID1)])).status_code == 200
    made = (await xapi_evidence(api))[(ID1, "s-1")]
    assert made["voided_at"] is not None
    assert (await decisions(api))["s-1"]["status"] == "no_evidence"
    assert (await get(api, voidedStatementId=ID1)).status_code == 200


async def test_unmatched_statements_are_stored_and_reported_with_the_reason(api: Api) -> None:
    await seed_framework(api)
    stranger = statement(
        ID1,
        actor={"account": {"homePage": "https://sis.example", "name": "nobody"}},
        object_id="https://lms.example/comp/s-1",
        score={"scaled": 0.5},
    )
    no_competency = statement(ID2, score={"scaled": 0.5})
    no_score = statement(ID3, object_id="https://lms.example/comp/s-1")
    matched = statement(ID4, object_id="https://lms.example/comp/s-1", score={"scaled": 0.5})
    response = await post(api, [stranger, no_competency, no_score, matched])
    assert response.status_code == 200
    assert list(await xapi_evidence(api)) == [(ID4, "s-1")]
    for sid in (ID1, ID2, ID3):
        assert (await get(api, statementId=sid)).status_code == 200
    listed = await api.get("/v1/xapi/unmatched")
    assert listed.status_code == 200, listed.text
    # One batch, one stored instant: newest first, then by id descending (fd…, 7c…, 3a…).
    assert [(i["id"], i["student_id"], i["reason"]) for i in listed.json()["items"]] == [
        (ID1, None, "the actor is not a student on the roster"),
        (ID2, "student-1", "names no competency of this district"),
        (ID3, "student-1", "no score"),
    ]
    first = (await api.get("/v1/xapi/unmatched", params={"limit": 2})).json()
    assert [i["id"] for i in first["items"]] == [ID1, ID2]
    rest = (
        await api.get("/v1/xapi/unmatched", params={"limit": 2, "after": first["next_cursor"]})
    ).json()
    assert ([i["id"] for i in rest["items"]], rest["next_cursor"]) == ([ID3], None)


async def test_another_tenant_sees_none_of_the_unmatched(api: Api, other_api: Api) -> None:
    await seed_framework(api)
    assert (await post(api, [statement(ID1)])).status_code == 200
    assert (await api.get("/v1/xapi/unmatched")).json()["items"] != []
    assert (await other_api.get("/v1/xapi/unmatched")).json()["items"] == []
