"""Issue 13's acceptance, end to end, on SQLite and PostgreSQL: one fake LMS
(tests/fakes/lti_lms.py) and the tool's real ASGI app with its real LTI wiring
(app/bootstrap_lti.lti_adapters: the registry, the tool's keys in the database, the platform's
keys, tokens and services), every request to the LMS through the guarded outbound client,
allowed to the LMS's host name and sent in-process. The test plays the district's
administrator (REST), the browser (following the redirects and posting the forms the pages
hold) and the teacher grading in the LMS.

The framework is tests/api/mastery_data.py's: 1-4, mastered at 3; a grade's evidence is its
score on the line item's range, normalised to score / maximum x 4; one piece of evidence makes
a decision of that normalised score, and the level posted back is that whole number."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

import httpx

from app.api.app import create_app
from app.bootstrap import Container
from app.domain.lti.launch_check import LTI
from app.domain.lti.people import person_id
from app.domain.lti.session import PageRole
from app.use_cases.catalog import UseCases
from tests.api.gradebook_data import decisions
from tests.api.mastery_data import seed_framework
from tests.api.outbound import jobs_run_by
from tests.conftest import Api, _no_server_errors
from tests.fakes.lti_lms import FakeLms, tool_wired_to
from tests.fakes.lti_platform import INSTRUCTOR, LEARNER, TOOL

SYNC = "/lti/pages/class/roster-sync"
PULL = "/lti/pages/class/grades-pull"


@asynccontextmanager
async def browser_on(use_cases: UseCases, lms: FakeLms) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(use_cases=use_cases, public_base_url=TOOL)
    lms.tool.app = app  # the LMS reads the tool's /lti/jwks.json from it
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url=TOOL,
        event_hooks={"response": [_no_server_errors]},
    ) as browser:
        yield browser


def lis(person: str) -> dict[str, object]:
    """The LIS claim naming the SIS's person and class-1, the SIS's section of the course."""
    claim = {"person_sourcedid": person, "course_section_sourcedid": "class-1"}
    return {LTI + "lis": claim}


def done(page: httpx.Response) -> str:
    """The page's status line: what the button did."""
    found = re.search(r'<p class="done" role="status">([^<]*)</p>', page.text)
    assert found is not None, page.text
    return found.group(1)


async def launch(browser: httpx.AsyncClient, lms: FakeLms, login_hint: str, **kw: bool) -> str:
    """The browser through one launch: the LMS's initiation to /lti/login, the redirect to the
    LMS's auth endpoint, its id_token form posted to /lti/launch; the page it lands on."""
    login = await browser.get("/lti/login", params=lms.initiation(login_hint, **kw))
    assert login.status_code == 302, login.text
    async with lms.browser() as on_lms:
        auth = await on_lms.get(login.headers["location"])
    assert auth.status_code == 200, auth.text
    [(action, fields)] = lms.forms_of(auth.text).items()
    assert action == f"{TOOL}/lti/launch"
    launched = await browser.post("/lti/launch", data=fields)
    assert launched.status_code == 303, launched.text
    return str(launched.headers["location"])


async def test_a_course_from_launch_to_roster_alignment_grades_decisions_and_scores(
    container: Container, api: Api
) -> None:
    lms = FakeLms()
    platform = lms.platform.platform
    # 1. The district's administrator registers the LMS (REST); the tool has keys (the use
    #    case `mastery lti keys generate` runs); the district has its framework and SIS roster
    #    (class-1: teacher-1 and student-1, Sam Study).
    registered = await api.post(
        "/v1/lti/platforms",
        json={
            "issuer": platform.issuer,
            "client_id": platform.client_id,
            "auth_login_url": platform.auth_login_url,
            "token_url": platform.token_url,
            "jwks_url": platform.jwks_url,
            "deployment_ids": [lms.platform.deployment_id],
        },
    )
    assert registered.status_code == 201, registered.text
    # What MASTERY_LTI_POST_SCORES=true does.
    use_cases = tool_wired_to(container, lms, post_scores=True)
    await use_cases.lti.generate_keys()  # None when an earlier test made them: keys are global
    await seed_framework(api)
    # The LMS's people: the SIS's teacher and student linked by lis_person_sourcedid, and Ben,
    # whom only the LMS knows. The course is the SIS's class-1.
    lms.user("hint-teacher", sub="u-teach", roles=[INSTRUCTOR], **lis("teacher-1"))
    lms.user("hint-ana", sub="u-ana", roles=[LEARNER], **lis("student-1"))
    lms.services.members = [
        {"user_id": "u-teach", "roles": [INSTRUCTOR], "lis_person_sourcedid": "teacher-1"},
        {"user_id": "u-ana", "roles": [LEARNER], "lis_person_sourcedid": "student-1"},
        {"user_id": "u-ben", "roles": [LEARNER], "given_name": "Ben", "family_name": "Oak"},
    ]
    ben = person_id(lms.issuer, "u-ben")

    async with browser_on(use_cases, lms) as browser, jobs_run_by(container, use_cases):
        # 2. The teacher opens the tool from the course: the class page.
        page = await launch(browser, lms, "hint-teacher")
        assert httpx.URL(page).path == "/lti/pages/class"
        class_page = await browser.get(page)
        assert class_page.status_code == 200, class_page.text
        assert "Sam Study" in class_page.text
        assert "Ben Oak" not in class_page.text

        # 3. "Sync roster from the LMS": the NRPS list (paged two at a time by the fake) enrols
        #    Ben in class-1; Sam and Tina were enrolled by the SIS, whose enrollments a pull
        #    links and never counts or changes (docs/decisions/0038-lti-services.md).
        synced = await browser.post(SYNC, data=lms.forms_of(class_page.text)[SYNC])
        assert synced.status_code == 200, synced.text
        assert done(synced) == "Roster synced from the LMS: 1 enrolled, 0 no longer in the course."
        assert "Ben Oak" in synced.text

        # 4. The teacher adds an assignment by Deep Linking: a Deep Linking launch lands on the
        #    tool's picker, the teacher picks 4.NBT.1 and 4.NBT.2, and the answer page's form
        #    carries the signed LtiDeepLinkingResponse back to the LMS, which checks it against
        #    the tool's /lti/jwks.json and makes one line item per competency.
        picker_url = await launch(browser, lms, "hint-teacher", deep_linking=True)
        assert httpx.URL(picker_url).path == "/lti/deep-link"
        picker = await browser.get(picker_url)
        assert picker.status_code == 200, picker.text
        chosen = lms.forms_of(picker.text)["/lti/deep-link"]
        answer = await browser.post(
            "/lti/deep-link", data={**chosen, "competency_ids": ["s-1", "s-2"]}
        )
        assert answer.status_code == 200, answer.text
        [(return_url, jwt_field)] = lms.forms_of(answer.text).items()
        assert return_url == lms.deep_link_return_url
        async with lms.browser() as on_lms:
            returned = await on_lms.post(return_url, data=jwt_field)
        assert returned.status_code == 200, returned.text
        items = sorted(lms.services.line_items.values(), key=lambda i: i["resourceId"])
        assert [(i["resourceId"], i["scoreMaximum"], i["tag"]) for i in items] == [
            ("s-1", 100, "mastery:s-1"),
            ("s-2", 100, "mastery:s-2"),
        ]
        assert [i["label"] for i in items] == ["4.NBT.1 Place value", "4.NBT.2 Read and write"]

        # 5. The teacher grades in the LMS: out of 100 on each assignment.
        place_value, read_write = lms.line_item_for("s-1"), lms.line_item_for("s-2")
        lms.grade(place_value, "u-ana", 75, 100)  # 75/100 x 4 = 3.0: mastered
        lms.grade(place_value, "u-ben", 50, 100)  # 2.0: not yet
        lms.grade(read_write, "u-ana", 100, 100)  # 4.0: mastered
        lms.grade(read_write, "u-ben", 25, 100)  # 1.0: not yet

        # 6. "Read grades from the LMS": four results from the two aligned line items.
        pulled = await browser.post(PULL, data=lms.forms_of(synced.text)[PULL])
        assert pulled.status_code == 200, pulled.text
        assert done(pulled) == (
            "Grades read from the LMS: 4 recorded, 0 unchanged, from 2 aligned assignments."
        )

        # 7. Evidence became decisions, read through the REST API as any integration reads.
        sam = await decisions(api, "student-1")
        assert {c: (d["score"], d["status"]) for c, d in sam.items() if c != "d-nbt"} == {
            "s-1": (3.0, "mastered"),
            "s-2": (4.0, "mastered"),
        }
        ben_decisions = await decisions(api, ben)
        assert {c: (d["score"], d["status"]) for c, d in ben_decisions.items() if c != "d-nbt"} == {
            "s-1": (2.0, "not_yet"),
            "s-2": (1.0, "not_yet"),
        }

        # 8. The scores job (MASTERY_LTI_POST_SCORES on) posts each level to the LMS gradebook:
        #    one column of ours per competency, tagged `mastery`; twice, timestamps increasing.
        teacher = container.adapters.page_sessions.read(
            httpx.URL(page).params["session"], container.adapters.clock.now()
        )
        assert teacher.role is PageRole.TEACHER
        scores = use_cases.lti_services
        assert scores is not None
        for _ in range(2):
            await scores.scores.start_scores_job(teacher)
            await container.jobs.wait()
        ours = {
            i["resourceId"]: i["id"]
            for i in lms.services.line_items.values()
            if i.get("tag") == "mastery"
        }
        assert sorted(ours) == ["s-1", "s-2"]
        posted = {
            competency: sorted(
                (s["userId"], s["scoreGiven"], s["scoreMaximum"])
                for s in lms.services.scores[item][:2]
            )
            for competency, item in ours.items()
        }
        assert posted == {
            "s-1": [("u-ana", 3.0, 4.0), ("u-ben", 2.0, 4.0)],
            "s-2": [("u-ana", 4.0, 4.0), ("u-ben", 1.0, 4.0)],
        }
        for item in ours.values():
            for user in ("u-ana", "u-ben"):
                stamps = [
                    datetime.fromisoformat(s["timestamp"])
                    for s in lms.services.scores[item]
                    if s["userId"] == user
                ]
                assert len(stamps) == 2, stamps
                assert stamps[0] < stamps[1], stamps

        # 9. Sam opens the tool from the course: the student page, with those levels.
        student_url = await launch(browser, lms, "hint-ana")
        assert httpx.URL(student_url).path == "/lti/pages/student"
        student_page = await browser.get(student_url)
        assert student_page.status_code == 200, student_page.text
        text = student_page.text
        assert "Sam Study" in text
        assert "Level: 3" in text
        assert "Level: 4" in text
