"""The service's grades as a OneRoster 1.2 gradebook provider (decision 0051), on both
databases: every record valid against the spec's schemas, the values worked out by hand from
tests/api/provider_data.py's district, and the binding's filters, sorting, paging and fields."""

from __future__ import annotations

import re
from typing import Any

from app.domain.case.identifiers import derived
from tests.api.mastery_data import FRAMEWORK, post, result, seed_framework
from tests.api.oneroster_gradebook_schema import validate
from tests.api.provider_data import PROVIDER, TERM, seed_grades, with_term
from tests.api.roster_data import CLASS
from tests.conftest import Api

S1 = "class-1:term-1:s-1"
S2 = "class-1:term-1:s-2"
COURSE = "class-1:term-1:fw-math:course"


async def _all(api: Api, collection: str, **params: Any) -> tuple[list[dict[str, Any]], Any]:
    response = await api.get(f"{PROVIDER}/{collection}", params=params)
    key = collection.rsplit("/", 1)[-1]  # classes/{id}/results answers results
    assert response.status_code == 200, response.text
    if "fields" not in params:  # a selection of fields is not a whole record
        validate(key, response.json(), many=True)
    return response.json()[key], response.headers


async def _one(api: Api, collection: str, one: str, sourced_id: str) -> dict[str, Any]:
    response = await api.get(f"{PROVIDER}/{collection}/{sourced_id}")
    assert response.status_code == 200, response.text
    validate(collection, response.json(), many=False)
    found: dict[str, Any] = response.json()[one]
    return found


def _ref(record: dict[str, Any], field: str) -> str:
    return str(record[field]["sourcedId"])


async def test_line_items_are_a_standard_each_and_the_course_grade(api: Api) -> None:
    await seed_grades(api)
    items, headers = await _all(api, "lineItems")
    assert headers["X-Total-Count"] == "3"
    # Only term-1: class-1's school year session-1 is not a term or grading period.
    assert [i["sourcedId"] for i in items] == [COURSE, S1, S2]
    s1 = items[1]
    assert s1["title"] == "4.NBT.1 Place value"
    assert s1["learningObjectiveSet"] == [
        {"source": "case", "learningObjectiveIds": [derived("CFItem", "s-1")]}
    ]
    assert (_ref(s1, "class"), _ref(s1, "school"), _ref(s1, "academicSession")) == (
        "class-1",
        "school-1",
        "term-1",
    )
    assert (_ref(s1, "category"), _ref(s1, "scoreScale")) == (
        "standards-grades",
        "class-1:fw-math:levels",
    )
    assert (s1["assignDate"], s1["dueDate"]) == (
        "2026-08-17T00:00:00.000Z",
        "2026-12-18T00:00:00.000Z",
    )
    assert s1["academicSession"]["href"].endswith("/v1/academic-sessions/term-1")
    assert s1["scoreScale"]["href"].endswith(f"{PROVIDER}/scoreScales/class-1:fw-math:levels")
    course = items[0]
    assert (course["title"], _ref(course, "category"), _ref(course, "scoreScale")) == (
        "Grade 4 Mathematics course grade",
        "course-grades",
        "class-1:fw-math:grades",
    )
    assert "learningObjectiveSet" not in course
    assert await _one(api, "lineItems", "lineItem", S1) == s1


async def test_results_are_the_levels_and_the_grades_with_their_reasons(api: Api) -> None:
    await seed_grades(api)
    results, headers = await _all(api, "results")
    assert headers["X-Total-Count"] == "5"
    found = {
        r["sourcedId"]: (r.get("score"), r.get("textScore"), r["scoreStatus"]) for r in results
    }
    assert found == {
        f"{S1}:student-1": (4, "Advanced", "fully graded"),
        f"{S1}:student-2": (2, "Developing", "fully graded"),
        f"{S2}:student-1": (3, "Proficient", "fully graded"),
        # student-1: levels 4 and 3, share(level >= 4) = 0.5 is not > 0.5, mean 3.5 >= 3.
        f"{COURSE}:student-1": (None, "B", "fully graded"),
        # student-2: one level, 2: mean 2 >= 2.
        f"{COURSE}:student-2": (None, "C", "fully graded"),
    }
    # The comment is the grade's reason, as /v1/students/{id}/grades gives it.
    for student in ("student-1", "student-2"):
        grades = await api.get(f"/v1/students/{student}/grades", params={"framework_id": "fw-math"})
        [course] = [r for r in results if r["sourcedId"] == f"{COURSE}:{student}"]
        assert course["comment"] == grades.json()["reason"]
    [one] = [r for r in results if r["sourcedId"] == f"{S1}:student-1"]
    assert one["learningObjectiveSet"] == [
        {
            "source": "case",
            "learningObjectiveResults": [
                {
                    "learningObjectiveId": derived("CFItem", "s-1"),
                    "score": 4,
                    "textScore": "Advanced",
                }
            ],
        }
    ]
    assert (_ref(one, "lineItem"), _ref(one, "student"), _ref(one, "class")) == (
        S1,
        "student-1",
        "class-1",
    )
    assert one["scoreDate"] == one["dateLastModified"][:10]
    assert await _one(api, "results", "result", f"{S1}:student-1") == one


async def test_score_scales_and_categories(api: Api) -> None:
    await seed_grades(api)
    scales, _ = await _all(api, "scoreScales")
    assert [s["sourcedId"] for s in scales] == ["class-1:fw-math:grades", "class-1:fw-math:levels"]
    grades, levels = scales
    assert [(v["itemValueLHS"], v["itemValueRHS"]) for v in levels["scoreScaleValue"]] == [
        ("Beginning", "1"),
        ("Developing", "2"),
        ("Proficient", "3"),
        ("Advanced", "4"),
    ]
    assert [(v["itemValueLHS"], v["itemValueRHS"]) for v in grades["scoreScaleValue"]] == [
        ("A", "share(level >= 4) > 0.5 and none(level < 3)"),
        ("B", "mean(level) >= 3"),
        ("C", "mean(level) >= 2"),
        ("D", "otherwise"),
    ]
    assert (levels["type"], _ref(levels, "class"), _ref(levels, "course")) == (
        "proficiency",
        "class-1",
        "course-1",
    )
    categories, _ = await _all(api, "categories")
    assert [(c["sourcedId"], c["title"]) for c in categories] == [
        ("course-grades", "Course grades"),
        ("standards-grades", "Standards grades"),
    ]
    assert await _one(api, "scoreScales", "scoreScale", "class-1:fw-math:levels") == levels
    assert await _one(api, "categories", "category", "course-grades") == categories[0]


async def test_without_grade_rules_there_is_no_course_grade(api: Api) -> None:
    await seed_grades(api, rules=False)
    items, _ = await _all(api, "lineItems")
    assert [i["sourcedId"] for i in items] == [S1, S2]
    categories, _ = await _all(api, "categories")
    assert [c["sourcedId"] for c in categories] == ["standards-grades"]
    missing = await api.get(f"{PROVIDER}/lineItems/{COURSE}")
    assert missing.status_code == 404
    assert (
        missing.json()["imsx_CodeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"]
        == "unknownobject"
    )


async def test_filters_sorting_paging_and_fields(api: Api) -> None:
    await seed_grades(api)
    mine, headers = await _all(api, "results", filter="student.sourcedId='student-1'")
    assert sorted(r["sourcedId"] for r in mine) == [
        f"{COURSE}:student-1",
        f"{S1}:student-1",
        f"{S2}:student-1",
    ]
    assert headers["X-Total-Count"] == "3"
    # Scores 4 and 3 (the course grades have none, so never match).
    high, _ = await _all(api, "results", filter="score>='3'", sort="score", orderBy="desc")
    assert [(r["sourcedId"], r["score"]) for r in high] == [
        (f"{S1}:student-1", 4),
        (f"{S2}:student-1", 3),
    ]
    either, _ = await _all(api, "results", filter="textScore='B' OR textScore~'develop'")
    assert [r["sourcedId"] for r in either] == [f"{COURSE}:student-1", f"{S1}:student-2"]
    # Sorted by score ascending: 2, 3, 4, then the two without a score (by sourcedId).
    page, headers = await _all(api, "results", sort="score", limit=2, offset=2)
    assert [r["sourcedId"] for r in page] == [f"{S1}:student-1", f"{COURSE}:student-1"]
    assert headers["X-Total-Count"] == "5"
    # offset 2 of 5 by 2: first and prev at 0, next and last at 4.
    links = {
        rel: int(offset)
        for offset, rel in re.findall(r'offset=(\d+)[^>]*>; rel="(\w+)"', headers["Link"])
    }
    assert links == {"first": 0, "prev": 0, "next": 4, "last": 4}
    picked, _ = await _all(api, "lineItems", fields="sourcedId,title", filter=f"sourcedId='{S2}'")
    assert picked == [{"sourcedId": S2, "title": "4.NBT.2 Read and write"}]
    by_category, _ = await _all(api, "lineItems", filter="category.sourcedId='course-grades'")
    assert [i["sourcedId"] for i in by_category] == [COURSE]
    bad = await api.get(f"{PROVIDER}/results", params={"filter": "colour='red'"})
    assert bad.status_code == 400
    minor = bad.json()["imsx_CodeMinor"]["imsx_codeMinorField"][0]
    assert minor["imsx_codeMinorFieldValue"] == "invalid_filter_field"


async def test_a_class_s_collections(api: Api) -> None:
    await seed_grades(api)
    results, headers = await _all(api, "classes/class-1/results")
    assert (headers["X-Total-Count"], len(results)) == ("5", 5)
    items, _ = await _all(api, "classes/class-1/lineItems", filter="title~'course'")
    assert [i["sourcedId"] for i in items] == [COURSE]
    scales, _ = await _all(api, "classes/class-1/scoreScales")
    assert len(scales) == 2
    for collection in ("results", "lineItems", "scoreScales"):
        missing = await api.get(f"{PROVIDER}/classes/class-9/{collection}")
        assert missing.status_code == 404, missing.text


async def test_another_district_sees_none_of_it(api: Api, other_api: Api) -> None:
    await seed_grades(api)
    for collection, sourced_id in (
        ("lineItems", S1),
        ("results", f"{S1}:student-1"),
        ("scoreScales", "class-1:fw-math:levels"),
    ):
        assert (await other_api.get(f"{PROVIDER}/{collection}/{sourced_id}")).status_code == 404
        listed = await other_api.get(f"{PROVIDER}/{collection}")
        assert listed.json() == {collection: []}
    assert (await other_api.get(f"{PROVIDER}/classes/class-1/results")).status_code == 404


async def test_the_same_grades_as_assessment_line_items_and_results(api: Api) -> None:
    await seed_grades(api)
    items, _ = await _all(api, "lineItems")
    assessed, headers = await _all(api, "assessmentLineItems")
    assert headers["X-Total-Count"] == "3"
    dated = ("assignDate", "dueDate", "school", "category", "academicSession")
    assert assessed == [{k: v for k, v in i.items() if k not in dated} for i in items]
    results, _ = await _all(api, "results")
    assessment_results, _ = await _all(api, "assessmentResults")
    assert [r["sourcedId"] for r in assessment_results] == [r["sourcedId"] for r in results]
    first = assessment_results[0]
    assert first["assessmentLineItem"]["sourcedId"] == COURSE
    assert first["assessmentLineItem"]["href"].endswith(f"{PROVIDER}/assessmentLineItems/{COURSE}")
    assert (first["textScore"], first["student"]["sourcedId"]) == ("B", "student-1")
    mine, _ = await _all(
        api, "assessmentResults", filter=f"assessmentLineItem.sourcedId='{S1}'", sort="score"
    )
    assert [(r["student"]["sourcedId"], r["score"]) for r in mine] == [
        ("student-2", 2),
        ("student-1", 4),
    ]
    one = await _one(api, "assessmentResults", "assessmentResult", f"{S1}:student-1")
    assert one["score"] == 4
    assert await _one(api, "assessmentLineItems", "assessmentLineItem", S1) == assessed[1]
    unknown = await api.get(f"{PROVIDER}/assessmentLineItems", params={"filter": "dueDate>'x'"})
    assert unknown.status_code == 400  # an assessment line item has no dueDate


async def test_each_reporting_session_and_a_standard_on_its_own_scale(api: Api) -> None:
    """class-1 in term-1 and in grading period gp-1 (its school year session-1 is neither):
    each standard has a line item per session; s-2 on a 0-100 scale of its own has its own
    score scale, and student-1's 85 on it is level 80, Meets (80 <= 85 < 100)."""
    domain = dict(FRAMEWORK["competencies"][0])  # type: ignore[index]
    first, second = domain["children"]
    percent = {
        "levels": [
            {"value": 0, "label": "Beginning"},
            {"value": 50, "label": "Approaching"},
            {"value": 80, "label": "Meets"},
            {"value": 100, "label": "Exceeds"},
        ],
        "mastery_threshold": 80,
    }
    domain["children"] = [first, {**second, "scale": percent}]
    await seed_framework(api, {**FRAMEWORK, "competencies": [domain]})
    await with_term(api)
    period = {**TERM, "title": "Q1", "type": "gradingPeriod", "end_date": "2026-10-30"}
    assert (await api.put("/v1/academic-sessions/gp-1", period)).status_code == 201
    sessions = {**CLASS, "session_ids": ["session-1", "term-1", "gp-1"]}
    assert (await api.put("/v1/classes/class-1", sessions)).status_code == 200
    await post(api, result(4, 1, competency="s-1"), result(85, 1, competency="s-2"))

    items, _ = await _all(api, "lineItems")
    assert [(i["sourcedId"], _ref(i, "academicSession"), _ref(i, "scoreScale")) for i in items] == [
        ("class-1:gp-1:s-1", "gp-1", "class-1:fw-math:levels"),
        ("class-1:gp-1:s-2", "gp-1", "class-1:fw-math:s-2:levels"),
        ("class-1:term-1:s-1", "term-1", "class-1:fw-math:levels"),
        ("class-1:term-1:s-2", "term-1", "class-1:fw-math:s-2:levels"),
    ]
    assert items[0]["dueDate"] == "2026-10-30T00:00:00.000Z"
    scales, _ = await _all(api, "scoreScales")
    assert [s["sourcedId"] for s in scales] == [
        "class-1:fw-math:levels",
        "class-1:fw-math:s-2:levels",
    ]
    assert [(v["itemValueLHS"], v["itemValueRHS"]) for v in scales[1]["scoreScaleValue"]] == [
        ("Beginning", "0"),
        ("Approaching", "50"),
        ("Meets", "80"),
        ("Exceeds", "100"),
    ]
    results, _ = await _all(api, "results", filter="lineItem.sourcedId~':s-2'")
    assert [(r["sourcedId"], r["score"], r["textScore"]) for r in results] == [
        ("class-1:gp-1:s-2:student-1", 80, "Meets"),
        ("class-1:term-1:s-2:student-1", 80, "Meets"),
    ]
    shown = (await api.get("/v1/students/student-1/mastery/s-2")).json()
    assert shown["level"] == {"value": 80, "label": "Meets"}


async def test_a_closed_term_reports_its_snapshot(api: Api) -> None:
    """Closed, then late results: the term's results stay as frozen; reopened, they are live."""
    await seed_grades(api)
    closed = await api.post("/v1/academic-sessions/term-1/close")
    assert closed.status_code == 200, closed.text
    # Late: student-2's 4 on s-1 after the 2. The default method, Canvas's decaying average
    # at 65%: 0.65 x 4 + 0.35 x 2 = 3.3, level 3 Proficient.
    await post(api, result(4, 2, competency="s-1", student="student-2", ref="late"))

    async def scores() -> dict[str, Any]:
        results, _ = await _all(api, "results")
        return {r["sourcedId"]: (r.get("score"), r.get("textScore")) for r in results}

    frozen = await scores()
    assert frozen[f"{S1}:student-2"] == (2, "Developing")
    assert frozen[f"{COURSE}:student-2"] == (None, "C")
    reopened = await api.post("/v1/academic-sessions/term-1/reopen", json={"reason": "late work"})
    assert reopened.status_code == 200, reopened.text
    live = await scores()
    assert live[f"{S1}:student-2"] == (3, "Proficient")
    # One level, 3: share(level >= 4) = 0, not > 0.5; mean 3 >= 3.
    assert live[f"{COURSE}:student-2"] == (None, "B")
