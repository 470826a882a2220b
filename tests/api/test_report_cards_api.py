"""A student's report card over the API (issue #16, "printable report cards"), on both
databases: the standards as shown (a teacher's override with its reason as the comment), the
course grade with its reason under the framework's grade rules, the term named; as JSON and as
the printable page. The card agrees with /grades and /mastery, which it reads the same way."""

from __future__ import annotations

from typing import Any

from tests.api.mastery_data import post, result, seed_framework
from tests.api.roster_data import STUDENT
from tests.conftest import Api

RULES = "A: share(level >= 4) > 0.5 and none(level < 3)\nB: mean(level) >= 3\notherwise: C\n"
TERM = {
    "title": "Term 1",
    "type": "term",
    "start_date": "2026-08-17",
    "end_date": "2026-12-18",
    "parent_id": "session-1",
}
URL = "/v1/students/student-1/report-card"
OVERRIDE_REASON = "Retook the task orally"


async def _district(api: Api) -> None:
    """student-1 at 4 on s-1 and 2 on s-2, then a teacher's override of s-2 to level 3."""
    await seed_framework(api)
    assert (await api.put("/v1/academic-sessions/term-1", TERM)).status_code == 201
    rules = await api.put("/v1/frameworks/fw-math/grade-rules", {"rules": RULES})
    assert rules.status_code == 200, rules.text
    await post(api, result(4, 1, competency="s-1"), result(2, 1, competency="s-2"))
    overridden = await api.put(
        "/v1/students/student-1/mastery/s-2/override",
        {"level": 3, "reason": OVERRIDE_REASON},
    )
    assert overridden.status_code == 200, overridden.text


async def _card(api: Api, **params: Any) -> dict[str, Any]:
    answer = await api.get(URL, params={"framework_id": "fw-math", **params})
    assert answer.status_code == 200, answer.text
    found: dict[str, Any] = answer.json()
    return found


async def test_the_card_shows_each_standard_the_grade_and_its_reason(api: Api) -> None:
    await _district(api)
    card = await _card(api, session_id="term-1")
    assert (card["student_id"], card["given_name"], card["family_name"]) == (
        "student-1",
        "Sam",
        "Study",
    )
    assert card["term"] == {
        "id": "term-1",
        "title": "Term 1",
        "type": "term",
        "start_date": "2026-08-17",
        "end_date": "2026-12-18",
    }
    [section] = card["frameworks"]
    assert (section["framework_id"], section["title"]) == ("fw-math", "Grade 4 Mathematics")
    lines = [
        (s["code"], s["status"], s["level"], s["score"], s["comment"]) for s in section["standards"]
    ]
    # Only the standards (the domain 4.NBT rolls them up); s-2 shows the override's level 3
    # (Proficient, at the default scale's threshold of 3: mastered), with its reason.
    assert lines == [
        ("4.NBT.1", "mastered", {"value": 4.0, "label": "Advanced"}, 4.0, None),
        ("4.NBT.2", "mastered", {"value": 3.0, "label": "Proficient"}, 3.0, OVERRIDE_REASON),
    ]
    assert section["not_assessed"] == 0
    # Levels 4 and 3: share(level ≥ 4) = 1/2 = 0.5, not > 0.5; mean 3.5 ≥ 3.
    assert section["grade"] == {
        "grade": "B",
        "reason": "B because mean(level) = 3.5 ≥ 3; not A because share(level ≥ 4) = 0.5, "
        "not > 0.5",
        "rule_line": 2,
        "assessed": 2,
        "standards": 2,
    }
    grades = await api.get("/v1/students/student-1/grades", params={"framework_id": "fw-math"})
    assert grades.json()["reason"] == section["grade"]["reason"]


async def test_the_printable_page_says_the_same_in_words(api: Api) -> None:
    await _district(api)
    for asked in ({"format": "html"}, {}):
        headers = {} if asked else {"Accept": "text/html"}
        page = await api.get(
            URL,
            params={"framework_id": "fw-math", "session_id": "term-1", **asked},
            headers=headers,
        )
        assert page.status_code == 200, page.text
        assert page.headers["content-type"].startswith("text/html")
        text = page.text
        for words in (
            "Report card: Sam Study",
            "Term 1 (17 August 2026 to 18 December 2026)",
            '<strong class="grade">B</strong>',
            "B because mean(level) = 3.5 ≥ 3",
            OVERRIDE_REASON,
            "3 Proficient",
        ):
            assert words in text, words
        # Nobody frames the API's page; no script runs on it.
        policy = page.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy
        assert "script-src 'none'" in policy


async def test_a_framework_without_rules_shows_standards_only_and_unknowns_are_404(
    api: Api,
) -> None:
    await _district(api)
    assert (await api.delete("/v1/frameworks/fw-math/grade-rules")).status_code == 204
    card = await _card(api)
    assert card["term"] is None
    assert card["frameworks"][0]["grade"] is None
    # Without framework_id: every framework with a decision for the student.
    every = await api.get(URL)
    assert [f["framework_id"] for f in every.json()["frameworks"]] == ["fw-math"]
    # A student with evidence on s-1 alone: the card lists s-1 and counts s-2 as not assessed.
    assert (await api.put("/v1/users/student-2", STUDENT)).status_code == 201
    await post(api, result(3, 1, competency="s-1", student="student-2"))
    other = (await api.get("/v1/students/student-2/report-card")).json()["frameworks"][0]
    assert ([s["code"] for s in other["standards"]], other["not_assessed"]) == (["4.NBT.1"], 1)
    page = await api.get("/v1/students/student-2/report-card", params={"format": "html"})
    assert "1 other standard of this framework has no evidence yet." in page.text
    for params in ({"framework_id": "nope"}, {"session_id": "nope"}):
        assert (await api.get(URL, params=params)).status_code == 404
    assert (await api.get("/v1/students/nobody/report-card")).status_code == 404


async def test_a_closed_terms_card_reads_its_snapshot(api: Api) -> None:
    """Closed, then a late result: the term's card keeps the close's standing and says when it
    was frozen; the card of today moves."""
    await _district(api)
    closed = await api.post("/v1/academic-sessions/term-1/close")
    assert closed.status_code == 200, closed.text
    await post(api, result(1, 2, competency="s-1"), result(1, 3, competency="s-1"))
    term = await _card(api, session_id="term-1")
    today = await _card(api)
    assert term["frozen_at"] is not None
    assert today["frozen_at"] is None
    frozen = term["frameworks"][0]
    live = today["frameworks"][0]
    assert frozen["standards"][0]["level"] == {"value": 4.0, "label": "Advanced"}
    assert frozen["grade"]["grade"] == "B"  # levels 4 and 3, as before the late results
    assert live["standards"][0]["level"] != frozen["standards"][0]["level"]
    page = await api.get(URL, params={"session_id": "term-1", "format": "html"})
    assert "As frozen at the close of the term" in page.text
