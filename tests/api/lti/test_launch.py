"""The real login → auth → launch flow on SQLite and PostgreSQL: each role lands on its page
with a session that says what it may see (LTI Core 1.3 §5; the roles of Appendix A)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.lti.launch_check import LTI
from app.domain.lti.people import person_id
from app.domain.lti.session import PageRole
from tests.api.lti.launching import Tool, tool_for
from tests.fakes.lti_platform import ADMINISTRATOR, INSTRUCTOR, LEARNER, MENTOR


@pytest.fixture
async def tool(container: Container, tenant: Tenant) -> AsyncIterator[Tool]:
    async with tool_for(container, tenant) as found:
        yield found


async def test_the_login_redirects_to_the_platform_with_what_oidc_asks(tool: Tool) -> None:
    answer = await tool.login(lti_message_hint="msg-7")
    assert answer.status_code == 302
    params = tool.platform.check_auth_request(answer.headers["location"])
    assert params["login_hint"] == "hint-1"
    assert params["lti_message_hint"] == "msg-7"
    assert params["state"] != params["nonce"]
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "max-age=600" in cookie


async def test_a_learner_lands_on_the_student_page_seeing_only_themself(tool: Tool) -> None:
    answer = await tool.launch_as(sub="s-1", roles=[LEARNER])
    path, session = tool.session_of(answer)
    assert path == "/lti/pages/student"
    me = person_id(tool.platform.issuer, "s-1")
    assert session.role is PageRole.STUDENT
    assert (session.person_id, session.student_ids) == (me, (me,))
    assert session.tenant_id == tool.registration.tenant_id
    assert session.frame_origin == "https://platform.test"
    assert session.can_override is False
    assert answer.headers["cache-control"] == "no-store"


async def test_the_roster_id_the_platform_sends_is_the_person(tool: Tool) -> None:
    lis = {"person_sourcedid": "stu-42", "course_section_sourcedid": "class-9"}
    _, session = tool.session_of(await tool.launch_as(sub="s-2", **{LTI + "lis": lis}))
    assert session.person_id == "stu-42"
    assert session.student_ids == ("stu-42",)
    assert session.class_id == "class-9"


async def test_an_instructor_lands_on_the_class_page_and_may_override(tool: Tool) -> None:
    lis = {"course_section_sourcedid": "class-9"}
    answer = await tool.launch_as(sub="t-1", roles=[INSTRUCTOR], **{LTI + "lis": lis})
    path, session = tool.session_of(answer)
    assert path == "/lti/pages/class"
    assert session.role is PageRole.TEACHER
    assert (session.class_id, session.student_ids, session.can_override) == ("class-9", (), True)


async def test_a_mentor_sees_only_the_students_of_their_scope(tool: Tool) -> None:
    # One mentee launched before (linked to the roster by lis), one never did.
    tool.session_of(
        await tool.launch_as(sub="kid-1", **{LTI + "lis": {"person_sourcedid": "stu-7"}})
    )
    answer = await tool.launch_as(
        sub="parent-1", roles=[MENTOR], **{LTI + "role_scope_mentor": ["kid-1", "kid-2"]}
    )
    path, session = tool.session_of(answer)
    assert path == "/lti/pages/guardian"
    assert session.role is PageRole.GUARDIAN
    assert session.student_ids == ("stu-7", person_id(tool.platform.issuer, "kid-2"))


async def test_an_administrator_lands_on_the_school_page(tool: Tool) -> None:
    path, session = tool.session_of(await tool.launch_as(sub="a-1", roles=[ADMINISTRATOR]))
    assert (path, session.role, session.can_override) == (
        "/lti/pages/school",
        PageRole.LEADER,
        True,
    )


@pytest.mark.parametrize(
    ("roles", "page"),
    [
        (["Learner"], "/lti/pages/student"),
        (["Instructor"], "/lti/pages/class"),
        (["urn:lti:role:ims/lis/Learner"], "/lti/pages/student"),
        (["urn:lti:role:ims/lis/Instructor"], "/lti/pages/class"),
        (["urn:lti:instrole:ims/lis/Administrator"], "/lti/pages/school"),
    ],
)
async def test_short_and_lti_1_1_role_names_are_understood(
    tool: Tool, roles: list[str], page: str
) -> None:
    path, _ = tool.session_of(await tool.launch_as(roles=roles))
    assert path == page


async def test_a_deep_linking_request_goes_to_the_deep_link_page_with_its_launch_kept(
    tool: Tool,
) -> None:
    settings = {
        "deep_link_return_url": "https://platform.test/return",
        "accept_types": ["ltiResourceLink"],
        "data": "opaque-1",
    }
    answer = await tool.launch_as(
        roles=[INSTRUCTOR],
        **{
            LTI + "message_type": "LtiDeepLinkingRequest",
            LTI + "resource_link": None,
            "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings": settings,
        },
    )
    path, session = tool.session_of(answer)
    assert path == "/lti/deep-link"
    assert session.launch_id is not None
    kept = await tool.container.adapters.lti_launches.find(
        session.tenant_id, session.launch_id, tool.clock.now()
    )
    assert kept is not None
    assert (kept.deep_link_return_url, kept.deep_link_data) == (
        "https://platform.test/return",
        "opaque-1",
    )
    assert kept.deep_link_accept_types == ("ltiResourceLink",)


async def test_the_tools_jwks_serves_public_keys_only(tool: Tool) -> None:
    answer = await tool.http.get("/lti/jwks.json")
    assert answer.status_code == 200
    assert "max-age=" in answer.headers["cache-control"]
    keys = answer.json()["keys"]
    assert keys
    for key in keys:
        assert key["kty"] == "RSA"
        assert key["alg"] == "RS256"
        assert not {"d", "p", "q", "dp", "dq", "qi"} & set(key)
