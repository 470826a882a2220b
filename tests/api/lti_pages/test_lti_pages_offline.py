"""The LTI pages load only this app's stylesheet, no script at all (the policy forbids any), and
nothing from another host, whichever role opens them (as tests/api/test_pages_offline.py
checks the other pages)."""

from __future__ import annotations

from app.bootstrap import Container
from app.domain.lti.session import PageRole
from tests.api.lti_pages.pages_data import add_student, page_session, seed_sam, token
from tests.api.lti_pages.test_lti_pages import get
from tests.api.test_pages_offline import LTI_PAGES, loads, not_local
from tests.conftest import Api

STYLESHEET = "/lti/static/lti.css"


async def test_every_lti_page_loads_only_its_stylesheet(api: Api, container: Container) -> None:
    await seed_sam(api)
    await add_student(api, 2)
    sessions = {
        "/lti/pages/student": page_session(api.tenant, PageRole.STUDENT, person_id="student-1"),
        "/lti/pages/class": page_session(
            api.tenant, PageRole.TEACHER, class_id="class-1", can_override=True
        ),
        "/lti/pages/guardian": page_session(
            api.tenant, PageRole.GUARDIAN, student_ids=("student-1",)
        ),
        "/lti/pages/school": page_session(api.tenant, PageRole.LEADER),
        "/lti/pages/report-card": page_session(api.tenant, PageRole.STUDENT, person_id="student-1"),
    }
    assert set(sessions) == LTI_PAGES - {"/lti/pages/school.csv"}
    for path, session in sessions.items():
        page = await get(api, path, token(container, session))
        assert page.status_code == 200, path
        found = loads(page.text)
        assert not_local(found.urls) == [], path
        assert found.urls == [STYLESHEET], path
        assert found.inline_scripts == 0, path
        assert "script-src 'none'" in page.headers["content-security-policy"]
    css = await api.http.get(STYLESHEET)
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert css.headers["cache-control"] == "no-cache"
    assert "url(" not in css.text
