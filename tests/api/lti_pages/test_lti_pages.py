"""The LTI pages over the real app (SQLite and PostgreSQL): what each role sees, whom a
session may not see (404), the headers that keep a page in its platform's frame and out of
caches, and the 401 page of an expired or forged session. Expected values are worked out by
hand from the results posted (the decaying average of tests/api/test_mastery_api.py)."""

from __future__ import annotations

import re

import httpx

from app.bootstrap import Container
from app.domain.lti.session import PAGE_SESSION_SECONDS, PageRole
from tests.api.lti_pages.pages_data import PLATFORM, add_student, page_session, seed_sam, token
from tests.conftest import Api


def text(response: httpx.Response) -> str:
    """The page's words, tags dropped and spaces squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text)).strip()


async def get(api: Api, path: str, tok: str, **params: str) -> httpx.Response:
    return await api.http.get(path, params={"session": tok, **params})


async def test_a_student_sees_each_competency_in_words_with_its_evidence(
    api: Api, container: Container
) -> None:
    await seed_sam(api)
    sam = page_session(
        api.tenant, PageRole.STUDENT, person_id="student-1", student_ids=("student-1",)
    )
    page = await get(api, "/lti/pages/student", token(container, sam))
    assert page.status_code == 200
    words = text(page)
    assert "Sam Study" in words
    # 4.NBT.1: 2, 3, 4 -> 3.53 (decaying average) >= 3: mastered at level 3 Proficient.
    assert "4.NBT.1 Place value Mastered Level: 3 Proficient Band: Proficient" in words
    assert "the standard decaying average of 3.53 is above the threshold of 3" in words
    # The domain needs all of its parts: 4.NBT.2 has nothing yet.
    assert "4.NBT Number and operations in base ten Not yet mastered" in words
    assert "4.NBT.2 Read and write No evidence yet Level: —" in words
    assert "Next score to master: 3" in words  # one result at the threshold would master it
    assert "Ready to learn next 4.NBT.2 Read and write (no evidence yet)" in words
    # The dated scores, in a table behind the chart (role=img with a title and description).
    assert re.findall(r"<td>(2026-09-0\d)</td><td>(\d)</td><td>Yes</td>", page.text) == [
        ("2026-09-02", "2"),
        ("2026-09-03", "3"),
        ("2026-09-04", "4"),
    ]
    chart = re.search(r'<svg class="progress" role="img".*?</svg>', page.text, re.S)
    assert chart is not None
    assert "<title" in chart.group()
    assert "<desc" in chart.group()
    # Scale 1..4 over the chart's 80 inner pixels (8 of padding, 96 high): 2 -> 61.3, 4 -> 8.0;
    # the threshold 3 at 34.7.
    assert 'points="8.0,61.3 160.0,34.7 312.0,8.0"' in page.text
    assert 'y1="34.7"' in page.text
    # The printable report card, one link away, opened with the same session.
    link = re.search(r'href="(/lti/pages/report-card\?[^"]+)"', page.text)
    assert link is not None
    card = await api.http.get(link.group(1).replace("&amp;", "&"))
    assert card.status_code == 200
    assert "Report card: Sam Study" in text(card)


async def test_a_page_is_framed_only_by_its_platform_and_never_cached(
    api: Api, container: Container
) -> None:
    await seed_sam(api)
    sam = page_session(
        api.tenant, PageRole.STUDENT, person_id="student-1", student_ids=("student-1",)
    )
    page = await get(api, "/lti/pages/student", token(container, sam))
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert f"frame-ancestors 'self' {PLATFORM}" in policy
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    # Every link on the page carries the session.
    links = re.findall(r'href="(/lti/pages/[^"]*)"', page.text)
    assert all("session=" in link for link in links)


async def test_an_expired_forged_or_missing_session_says_to_open_the_page_again(
    api: Api, container: Container
) -> None:
    await seed_sam(api)
    sam = page_session(api.tenant, PageRole.STUDENT, person_id="student-1")
    good = token(container, sam)
    expired = token(container, sam, age_seconds=PAGE_SESSION_SECONDS + 1)
    forged = good[:-4] + ("AAAA" if not good.endswith("AAAA") else "BBBB")
    for tok in (expired, forged, ""):
        page = await get(api, "/lti/pages/student", tok)
        assert page.status_code == 401
        assert "Open this page from your LMS again" in text(page)
        assert "Sam Study" not in page.text
        assert page.headers["cache-control"] == "no-store"
        # No session, no platform to name: the page that says so may show in any frame.
        assert "frame-ancestors *" in page.headers["content-security-policy"]
    # A page answers the bearer header as well as the parameter.
    by_header = await api.http.get(
        "/lti/pages/student", headers={"Authorization": f"Bearer {good}"}
    )
    assert by_header.status_code == 200


async def test_a_student_sees_only_themself(api: Api, container: Container) -> None:
    await seed_sam(api)
    await add_student(api, 2)
    sam = token(container, page_session(api.tenant, PageRole.STUDENT, person_id="student-1"))
    assert (await get(api, "/lti/pages/student", sam, student="student-2")).status_code == 404
    # Nor another role's page.
    assert (await get(api, "/lti/pages/class", sam)).status_code == 404
    assert (await get(api, "/lti/pages/school", sam)).status_code == 404
    assert (await get(api, "/lti/pages/guardian", sam)).status_code == 404


async def test_a_guardian_lists_and_opens_only_their_students(
    api: Api, container: Container
) -> None:
    await seed_sam(api)
    await add_student(api, 2)
    await add_student(api, 3)
    mentor = page_session(api.tenant, PageRole.GUARDIAN, student_ids=("student-1", "student-3"))
    tok = token(container, mentor)
    listed = await get(api, "/lti/pages/guardian", tok)
    assert listed.status_code == 200
    names = re.findall(
        r'<a href="/lti/pages/student\?[^"]*student=([^"&]+)">([^<]+)</a>', listed.text
    )
    assert names == [("student-1", "Sam Study"), ("student-3", "Stu 3")]
    assert (await get(api, "/lti/pages/student", tok, student="student-1")).status_code == 200
    assert (await get(api, "/lti/pages/student", tok, student="student-3")).status_code == 200
    assert (await get(api, "/lti/pages/student", tok, student="student-2")).status_code == 404


async def test_a_session_sees_only_its_own_tenant(
    api: Api, other_api: Api, container: Container
) -> None:
    await seed_sam(api)
    # The other district's session names a student id that exists only in this district.
    stranger = page_session(other_api.tenant, PageRole.GUARDIAN, student_ids=("student-1",))
    tok = token(container, stranger)
    page = await get(other_api, "/lti/pages/student", tok, student="student-1")
    assert page.status_code == 404
    assert "Sam Study" not in page.text
    listed = await get(other_api, "/lti/pages/guardian", tok)
    assert "Sam Study" not in listed.text
