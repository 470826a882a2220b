"""The teacher's class page (grid, not-yet lists, readiness groups, drill-down, override from a
form) and the school leader's page (the reports' disclosure control, CSV), over the real app on
SQLite and PostgreSQL. Values worked out by hand from the results posted."""

from __future__ import annotations

import csv
import io
import re

import httpx

from app.bootstrap import Container
from app.domain.lti.session import PageRole
from tests.api.lti_pages.pages_data import PLATFORM, add_student, page_session, seed_sam, token
from tests.api.lti_pages.test_lti_pages import get, text
from tests.api.mastery_data import post, result
from tests.conftest import Api


async def _class_with_two(api: Api) -> None:
    """Sam (2, 3, 4 on 4.NBT.1: mastered) and Stu 2 (1, 2: 1.65, not yet) in class-1; Stu 3
    in the school but not the class."""
    await seed_sam(api)
    await add_student(api, 2)
    await add_student(api, 3, enrol=False)
    await post(api, result(1, 1, student="student-2"), result(2, 2, student="student-2"))


def _row(page: httpx.Response, name: str) -> str:
    found = re.search(rf"<tr><th scope=\"row\"><a [^>]*>{name}</a></th>(.*?)</tr>", page.text, re.S)
    assert found is not None, name
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))).strip()


async def _post_override(
    api: Api, tok: str, headers: dict[str, str] | None = None, **fields: str
) -> httpx.Response:
    form = {"session": tok, "framework": "fw-math", **fields}
    return await api.http.post("/lti/pages/class/overrides", data=form, headers=headers or {})


async def test_the_class_grid_lists_each_student_by_each_competency(
    api: Api, container: Container
) -> None:
    await _class_with_two(api)
    teacher = page_session(api.tenant, PageRole.TEACHER, class_id="class-1")
    page = await get(api, "/lti/pages/class", token(container, teacher))
    assert page.status_code == 200
    assert "<caption" in page.text
    grid = page.text.split('id="behind-h"')[0]
    assert re.findall(r'<th scope="col">(?:<abbr [^>]*>)?([^<]+)', grid) == [
        "Student",
        "4.NBT",
        "4.NBT.1",
        "4.NBT.2",
    ]
    assert _row(page, "Sam Study") == (
        "Not yet mastered 3 Proficient Mastered 3 Proficient No evidence yet —"
    )
    assert _row(page, "Stu 2").startswith("Not yet mastered")
    assert "Mastered" not in _row(page, "Stu 2")
    assert "Stu 3" not in page.text  # not in the class
    words = text(page)
    assert "4.NBT Number and operations in base ten: Sam Study, Stu 2" in words
    assert "4.NBT.1 Place value: Stu 2" in words
    assert "4.NBT.2 Read and write: nobody" in words
    # Readiness, no prerequisites declared: each student's first unmastered standard.
    assert "Ready to learn next 4.NBT.2 Read and write: Sam Study" in words
    assert "4.NBT.1 Place value: Stu 2" in words.split("Ready to learn next")[1]
    # Not on track by the end of the term running today (session-1, the school year): nobody
    # has 3 results on a standard not mastered, so no date, in words; the domain 4.NBT is left
    # to its standards.
    behind = words.split("Not on track by 11 June 2027")[1].split("Ready to learn next")[0]
    assert re.findall(
        r"(Sam Study|Stu 2) (4\.NBT[.0-9]*) ([A-Z][a-z ]+?) No date: ([a-z0-9 ]*[a-z0-9])", behind
    ) == [
        ("Sam Study", "4.NBT.2", "No evidence yet", "fewer than 3 counted results"),
        ("Stu 2", "4.NBT.1", "Not yet mastered", "fewer than 3 counted results"),
        ("Stu 2", "4.NBT.2", "No evidence yet", "fewer than 3 counted results"),
    ]
    # No override form without the launch's leave, no LMS buttons without a launch behind.
    assert "Override a decision" not in words
    assert "roster-sync" not in page.text


async def test_a_teacher_drills_down_only_into_their_class(api: Api, container: Container) -> None:
    await _class_with_two(api)
    tok = token(container, page_session(api.tenant, PageRole.TEACHER, class_id="class-1"))
    stu2 = await get(api, "/lti/pages/student", tok, student="student-2")
    assert stu2.status_code == 200
    # 1, 2 -> .65 * 2 + .35 * 1 = 1.65: not yet, with both results listed.
    assert "4.NBT.1 Place value Not yet mastered" in text(stu2)
    assert re.findall(r"<td>(2026-09-0\d)</td><td>(\d)</td>", stu2.text) == [
        ("2026-09-02", "1"),
        ("2026-09-03", "2"),
    ]
    assert (await get(api, "/lti/pages/student", tok, student="student-3")).status_code == 404


async def test_a_teacher_overrides_from_the_class_page(api: Api, container: Container) -> None:
    await _class_with_two(api)
    teacher = page_session(api.tenant, PageRole.TEACHER, class_id="class-1", can_override=True)
    tok = token(container, teacher)
    page = await get(api, "/lti/pages/class", tok)
    assert "Override a decision" in text(page)
    done = await _post_override(
        api,
        tok,
        headers={"Origin": "null"},  # what a browser sends under Referrer-Policy no-referrer
        student="student-2",
        competency="s-1",
        level="3",
        reason="Showed it in class",
        expires="2027-01-15",
    )
    assert done.status_code == 200
    assert "Override saved for student-2: Mastered, level 3 Proficient." in text(done)
    assert _row(done, "Stu 2").split(" No evidence")[0].endswith("Mastered 3 Proficient")
    decision = (await api.get("/v1/students/student-2/mastery/s-1")).json()
    assert decision["status"] == "mastered"
    assert decision["override"]["reason"] == "Showed it in class"
    assert decision["override"]["expires_at"].startswith("2027-01-16T00:00:00")
    assert decision["override"]["set_by"] == "lti:lti-user-1"


async def test_a_bad_override_lists_every_problem_and_saves_nothing(
    api: Api, container: Container
) -> None:
    await _class_with_two(api)
    teacher = page_session(api.tenant, PageRole.TEACHER, class_id="class-1", can_override=True)
    tok = token(container, teacher)
    refused = await _post_override(
        api, tok, student="student-2", competency="s-1", level="9", reason="", expires="soon"
    )
    assert refused.status_code == 422
    problems = re.findall(r"<li>([a-z]+): ", refused.text.split('role="alert"')[1])
    assert problems == ["expires"]  # the form's own check comes first, then the use case's
    refused = await _post_override(api, tok, student="student-2", competency="s-1", level="9")
    assert refused.status_code == 422
    assert set(re.findall(r"<li>([a-z]+): ", refused.text.split('role="alert"')[1])) == {
        "level",
        "reason",
    }
    decision = (await api.get("/v1/students/student-2/mastery/s-1")).json()
    assert decision["override"] is None


async def test_an_override_needs_the_launchs_leave_a_class_student_and_our_origin(
    api: Api, container: Container
) -> None:
    await _class_with_two(api)
    plain = token(container, page_session(api.tenant, PageRole.TEACHER, class_id="class-1"))
    fields = {"student": "student-2", "competency": "s-1", "level": "3", "reason": "r"}
    assert (await _post_override(api, plain, **fields)).status_code == 404
    allowed = page_session(api.tenant, PageRole.TEACHER, class_id="class-1", can_override=True)
    tok = token(container, allowed)
    outsider = {**fields, "student": "student-3"}
    assert (await _post_override(api, tok, **outsider)).status_code == 404
    elsewhere = {"Origin": "https://attacker.example"}
    refused = await _post_override(api, tok, headers=elsewhere, **fields)
    assert refused.status_code == 403
    assert "nothing was changed" in text(refused)
    referer = {"Referer": "https://attacker.example/form"}
    assert (await _post_override(api, tok, headers=referer, **fields)).status_code == 403
    assert (await _post_override(api, "", **fields)).status_code == 401
    decision = (await api.get("/v1/students/student-2/mastery/s-1")).json()
    assert decision["override"] is None
    framed = await _post_override(api, tok, headers={"Origin": PLATFORM}, **fields)
    assert framed.status_code == 200


async def _school_of_ten(api: Api) -> None:
    """Sam (female) and nine boys, each mastering 4.NBT.1 (Sam 3.53, the others one 4)."""
    await seed_sam(api)
    for n in range(2, 11):
        await add_student(api, n, sex="male", birth_date="2016-01-01")
        await post(api, result(4, 1, student=f"student-{n}"))


async def test_a_leader_sees_the_reports_figures_small_groups_hidden(
    api: Api, container: Container
) -> None:
    await _school_of_ten(api)
    leader = page_session(api.tenant, PageRole.LEADER, org_ids=("school-1",))
    tok = token(container, leader)
    page = await get(api, "/lti/pages/school", tok)
    assert page.status_code == 200
    rows = re.findall(
        r'<tr><th scope="row">([^<]+)</th><td>([^<]+)</td><td>([^<]+)</td></tr>', page.text
    )
    # Ten students: published as the range 10 to 19. 4.NBT.1: 10 mastered of 10 decisions,
    # published as 10-19 of 10-19: 100*10//19 = 52% to min(100, 100*19/10) = 100%. The others:
    # 0-9 of 10-19: 0% to 90%. By sex: 1 girl and 9 boys, both under 10: hidden.
    assert rows == [
        ("4.NBT Number and operations in base ten", "10 to 19", "0% to 90%"),
        ("4.NBT.1 Place value", "10 to 19", "52% to 100%"),
        ("4.NBT.2 Read and write", "10 to 19", "0% to 90%"),
        ("Female", "Not shown", "Not shown (small group)"),
        ("Male", "Not shown", "Not shown (small group)"),
    ]
    assert page.text.count('<rect class="bar"') == 3
    csv_link = re.search(r'href="(/lti/pages/school\.csv\?[^"]+)"', page.text)
    assert csv_link is not None
    exported = await api.http.get(csv_link.group(1).replace("&amp;", "&"))
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    assert exported.headers["cache-control"] == "no-store"
    table = list(csv.reader(io.StringIO(exported.text)))
    assert table[0][:4] == ["framework_id", "grouped_by", "group", "students"]
    assert table[2] == ["fw-math", "competency", "s-1", "10", "52", "100", "false"]
    assert table[4] == ["fw-math", "sex", "female", "", "", "", "true"]
    assert table[5] == ["fw-math", "sex", "male", "", "", "", "true"]


async def test_only_a_leader_opens_the_school_page(api: Api, container: Container) -> None:
    await seed_sam(api)
    teacher = token(container, page_session(api.tenant, PageRole.TEACHER, class_id="class-1"))
    assert (await get(api, "/lti/pages/school", teacher)).status_code == 404
    assert (await get(api, "/lti/pages/school.csv", teacher)).status_code == 404
    leader = token(container, page_session(api.tenant, PageRole.LEADER))
    assert (await get(api, "/lti/pages/school", leader, by="nonsense")).status_code == 404
    assert (await get(api, "/lti/pages/school", leader, by="english_learner")).status_code == 200


async def test_a_leader_sees_only_their_own_schools(api: Api, container: Container) -> None:
    await _school_of_ten(api)
    other = {"name": "Other School", "type": "school", "parent_id": "district-1"}
    assert (await api.put("/v1/orgs/school-2", other)).status_code == 201
    # A leader of the other school: none of school-1's ten students are counted.
    elsewhere = token(container, page_session(api.tenant, PageRole.LEADER, org_ids=("school-2",)))
    page = await get(api, "/lti/pages/school", elsewhere)
    assert page.status_code == 200
    assert "Other School: mastery" in text(page)
    assert "10 to 19" not in page.text
    assert (await get(api, "/lti/pages/school", elsewhere, org="school-1")).status_code == 404
    # A leader of both schools chooses; the district's own org shows the whole district.
    both = token(
        container,
        page_session(api.tenant, PageRole.LEADER, org_ids=("school-2", "school-1", "district-1")),
    )
    first = await get(api, "/lti/pages/school", both)
    assert "Other School: mastery" in text(first)
    assert re.findall(r'<option value="([^"]+)"[^>]*>[^<]+</option>', first.text)[:3] == [
        "school-2",
        "school-1",
        "district-1",
    ]
    chosen = await get(api, "/lti/pages/school", both, org="school-1")
    assert "Test School: mastery" in text(chosen)
    assert "4.NBT.1 Place value 10 to 19 52% to 100%" in text(chosen)
    district = await get(api, "/lti/pages/school", both, org="district-1")
    assert "Test District: mastery" in text(district)
    assert "4.NBT.1 Place value 10 to 19 52% to 100%" in text(district)


async def test_the_class_page_offers_the_lms_roster_and_grades(
    api: Api, container: Container
) -> None:
    await _class_with_two(api)
    launched = page_session(api.tenant, PageRole.TEACHER, class_id="class-1", launch_id="l-1")
    teacher = token(container, launched)
    page = await api.get("/lti/pages/class", params={"session": teacher})
    assert page.status_code == 200
    for action, label in (
        ("/lti/pages/class/roster-sync", "Sync roster from the LMS"),
        ("/lti/pages/class/grades-pull", "Read grades from the LMS"),
    ):
        form = re.search(rf'<form method="post" action="{action}".*?</form>', page.text, re.S)
        assert form is not None, action
        assert f'name="session" value="{teacher}"' in form.group()
        assert label in form.group()
