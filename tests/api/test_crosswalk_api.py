"""Mastery across frameworks (docs/decisions/0053-crosswalk.md), through the real app on SQLite
and PostgreSQL: the state's Grade 5 standards imported from CASE, with 5.NF.1 exactMatchOf the
district's priority standard DPS.F.1 (authored here, on its own 1-5 scale, averaged).

Values worked out by hand: the state scale tops at 4 and the district's at 5, so a state 3
counts as 3/4 x 5 = 3.75 for the district and a state 1 as 1.25; their average is 2.5, under the
district threshold of 3."""

from __future__ import annotations

from tests.api.crosswalk_data import (
    D1,
    D2,
    NOTE,
    STATE,
    decisions,
    evidence_on,
    shown,
    two_frameworks,
)
from tests.api.graphql_data import data
from tests.api.mastery_data import by_competency, post, result
from tests.case_packages import NBT1, NF1, ident
from tests.conftest import Api


async def test_evidence_on_a_state_standard_moves_the_district_standard_it_exactly_matches(
    api: Api,
) -> None:
    await two_frameworks(api)
    posted = await post(api, result(3, 1, competency=ident(NF1)))
    changed = by_competency(posted["decisions"])
    assert changed[D1]["framework_id"] == "fw-district"
    assert shown(changed[D1]) == ("mastered", 3.75)
    district = await decisions(api, "fw-district")
    assert shown(district[D1]) == ("mastered", 3.75)
    assert shown(district[D2]) == ("no_evidence", None)

    await post(api, result(1, 2, competency=ident(NF1)))
    assert shown((await decisions(api, "fw-district"))[D1]) == ("not_yet", 2.5)
    # isRelatedTo carries nothing: DPS.F.2 stays without evidence.
    await post(api, result(4, 3, competency=ident(NBT1)))
    assert shown((await decisions(api, "fw-district"))[D2]) == ("no_evidence", None)


async def test_the_explanation_names_the_crosswalk(api: Api) -> None:
    await two_frameworks(api)
    original = (await post(api, result(3, 1, competency=ident(NF1))))["items"][0]["id"]
    detail = (await api.get(f"/v1/students/student-1/mastery/{D1}")).json()
    assert detail["explanation"]["summary"].endswith(
        f" 1 counted result from another framework: {NOTE}."
    ), detail["explanation"]["summary"]
    [line] = detail["explanation"]["evidence"]
    assert (line["score"], line["max_score"], line["normalized_score"]) == (3, 4, 3.75)
    assert line["crosswalk"] == NOTE
    [copy] = await evidence_on(api, D1)
    assert (copy["source"], copy["source_id"], copy["id"]) == ("crosswalk", original, line["id"])
    # The state's own decision names no crosswalk.
    state = (await api.get(f"/v1/students/student-1/mastery/{ident(NF1)}")).json()
    assert "another framework" not in state["explanation"]["summary"]
    assert state["explanation"]["evidence"][0]["crosswalk"] is None


async def test_a_result_on_the_district_standard_counts_for_the_state_one_once(api: Api) -> None:
    await two_frameworks(api)
    await post(api, result(5, 1, competency=D1))
    # 5 of 5 is the top of the state scale too: 4, the standard decaying average of one result.
    assert shown((await decisions(api, STATE))[ident(NF1)]) == ("mastered", 4)
    # One hop: the copy on 5.NF.1 is not carried back to DPS.F.1.
    assert len(await evidence_on(api, D1)) == 1
    assert [e["source"] for e in await evidence_on(api, ident(NF1))] == ["crosswalk"]


async def test_a_resend_changes_nothing_and_a_changed_resend_changes_the_copy(api: Api) -> None:
    await two_frameworks(api)
    first = await post(api, result(3, 1, competency=ident(NF1), ref="quiz-7"))
    again = await post(api, result(3, 1, competency=ident(NF1), ref="quiz-7"))
    assert again["items"] == [{"id": first["items"][0]["id"], "outcome": "unchanged"}]
    assert again["decisions"] == []
    [copy] = await evidence_on(api, D1)

    changed = await post(api, result(1, 1, competency=ident(NF1), ref="quiz-7"))
    assert changed["items"][0]["outcome"] == "updated"
    assert shown((await decisions(api, "fw-district"))[D1]) == ("not_yet", 1.25)
    [updated] = await evidence_on(api, D1)
    assert (updated["id"], updated["score"], updated["max_score"]) == (copy["id"], 1, 4)


async def test_voiding_the_original_voids_its_copy(api: Api) -> None:
    await two_frameworks(api)
    original = (await post(api, result(3, 1, competency=ident(NF1))))["items"][0]["id"]
    await post(api, result(3.25, 2, competency=D1))  # the district's own result stays
    assert shown((await decisions(api, "fw-district"))[D1]) == ("mastered", 3.5)

    voided = await api.delete(f"/v1/evidence/{original}")
    assert voided.status_code == 200, voided.text
    assert shown((await decisions(api, "fw-district"))[D1]) == ("mastered", 3.25)
    copy = next(e for e in await evidence_on(api, D1) if e["source"] == "crosswalk")
    assert copy["voided_at"] is not None


async def test_a_district_without_a_crosswalk_is_unchanged(api: Api) -> None:
    # grade5() still has 5.NF.1 exactMatchOf an item of another provider: no competency here.
    await two_frameworks(api, crosswalk=False)
    posted = await post(api, result(3, 1, competency=ident(NF1)))
    assert {d["framework_id"] for d in posted["decisions"]} == {STATE}
    assert shown((await decisions(api, "fw-district"))[D1]) == ("no_evidence", None)
    assert await evidence_on(api, D1) == []


async def test_another_districts_crosswalk_does_not_reach_this_one(
    api: Api, other_api: Api
) -> None:
    await two_frameworks(other_api)
    await two_frameworks(api, crosswalk=False)
    await post(api, result(3, 1, competency=ident(NF1)))
    assert shown((await decisions(api, "fw-district"))[D1]) == ("no_evidence", None)
    await post(other_api, result(3, 1, competency=ident(NF1)))
    assert shown((await decisions(other_api, "fw-district"))[D1]) == ("mastered", 3.75)
    assert shown((await decisions(api, "fw-district"))[D1]) == ("no_evidence", None)


async def test_a_client_cannot_send_a_crosswalk_copy(api: Api) -> None:
    await two_frameworks(api)
    item = result(3, 1, competency=D1, source="crosswalk")
    response = await api.post("/v1/evidence", json={"items": [item]})
    assert response.status_code == 422, response.text
    locations = [e["loc"] for e in response.json()["errors"]]
    assert locations == [["body", "items", 0, "source"]]


async def test_graphql_reports_the_district_framework_with_the_crosswalk(api: Api) -> None:
    await two_frameworks(api)
    await post(api, result(3, 1, competency=ident(NF1)))
    query = """{ student(id: "student-1") { mastery(frameworkId: "fw-district") {
        competencyId status score explanation { evidence { crosswalk } } } } }"""
    found = {d["competencyId"]: d for d in (await data(api, query))["student"]["mastery"]}
    assert (found[D1]["status"], found[D1]["score"]) == ("MASTERED", 3.75)
    assert found[D1]["explanation"]["evidence"] == [{"crosswalk": NOTE}]


async def test_an_assessment_aligned_to_both_standards_counts_once_in_each(api: Api) -> None:
    await two_frameworks(api)
    # One quiz, aligned by the vendor to both standards: same source_id, two items.
    both = [
        result(3, 1, competency=ident(NF1), ref="quiz-9"),
        result(4, 1, competency=D1, ref="quiz-9"),
    ]
    await post(api, *both)
    assert shown((await decisions(api, "fw-district"))[D1]) == ("mastered", 4)
    assert len(await evidence_on(api, D1)) == 1
    assert all(e["source"] != "crosswalk" for e in await evidence_on(api, ident(NF1)))


async def test_a_copy_gives_way_to_the_same_assessment_sent_for_the_match(api: Api) -> None:
    await two_frameworks(api)
    await post(api, result(3, 1, competency=ident(NF1), ref="quiz-9"))
    assert shown((await decisions(api, "fw-district"))[D1]) == ("mastered", 3.75)
    await post(api, result(2, 1, competency=D1, ref="quiz-9"))
    assert shown((await decisions(api, "fw-district"))[D1]) == ("not_yet", 2)
    [copy] = [e for e in await evidence_on(api, D1) if e["source"] == "crosswalk"]
    assert copy["voided_at"] is not None
    # Nor is the district's result carried to the state standard: 5.NF.1 keeps its own 3.
    assert shown((await decisions(api, STATE))[ident(NF1)]) == ("mastered", 3)
