"""The launch where the browser keeps no cookie in the LMS's frame: the login binding kept in
the platform's storage (LTI Client Side postMessages), as the server sees it. The script's
part (app/api/lti/storage.js) runs in a browser; here its posts are made by hand."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from html import escape, unescape

import pytest

from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.lti.launch_check import LTI
from tests.api.lti.launching import Tool, tool_for
from tests.fakes.lti_platform import TOOL

STORAGE = {LTI + "lti1p3_platform_storage": {"target": "post_message_forwarding"}}


@pytest.fixture
async def tool(container: Container, tenant: Tenant) -> AsyncIterator[Tool]:
    async with tool_for(container, tenant) as found:
        yield found


def _data(page: str) -> dict[str, str]:
    """The data-* attributes the storage script works from."""
    return {k: unescape(v) for k, v in re.findall(r'data-([a-z-]+)="([^"]*)"', page)}


async def test_the_login_puts_the_binding_in_the_platforms_storage(tool: Tool) -> None:
    answer = await tool.login(lti_storage_target="post_message_forwarding")
    assert answer.status_code == 200
    assert '<script src="/lti/storage.js"></script>' in answer.text
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    data = _data(answer.text)
    assert data["action"] == "put"
    assert data["target"] == "post_message_forwarding"
    assert data["platform-origin"] == "https://platform.test"
    params = tool.platform.check_auth_request(data["next"])
    assert params["state"] == data["state"]
    assert "lti_storage_target" not in data["new-window"]
    script = await tool.http.get("/lti/storage.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert "_data.response" in script.text


async def test_without_the_cookie_the_launch_reads_the_binding_back_from_storage(
    tool: Tool,
) -> None:
    login = _data((await tool.login(lti_storage_target="post_message_forwarding")).text)
    state = login["state"]
    nonce = tool.platform.check_auth_request(login["next"])["nonce"]
    token = tool.platform.sign(
        tool.platform.claims(nonce, now=tool.clock.now().timestamp(), **STORAGE)
    )
    tool.http.cookies.clear()  # the browser kept no third-party cookie
    page = await tool.launch(token, state)
    assert page.status_code == 200, page.text
    data = _data(page.text)
    assert (data["action"], data["state"], data["id-token"]) == ("get", state, token)
    assert data["platform-origin"] == "https://platform.test"
    # What the script posts once the platform's storage answered with the binding.
    opened = await tool.http.post(
        "/lti/launch", data={"id_token": token, "state": state, "lti_binding": login["binding"]}
    )
    path, session = tool.session_of(opened)
    assert path == "/lti/pages/student"
    assert session.role.value == "student"


async def test_a_binding_that_is_not_the_logins_is_refused(tool: Tool) -> None:
    login = _data((await tool.login(lti_storage_target="post_message_forwarding")).text)
    nonce = tool.platform.check_auth_request(login["next"])["nonce"]
    token = tool.platform.sign(tool.platform.claims(nonce, now=tool.clock.now().timestamp()))
    tool.http.cookies.clear()
    answer = await tool.http.post(
        "/lti/launch", data={"id_token": token, "state": login["state"], "lti_binding": "guess"}
    )
    assert answer.status_code == 400
    assert "did not begin in this browser" in unescape(answer.text)


async def test_a_framed_login_without_storage_checks_cookies_before_going_on(tool: Tool) -> None:
    # Sec-Fetch-Dest: iframe is what a browser sends for a navigation inside a frame.
    framed = await tool.http.get(
        "/lti/login",
        params={
            "iss": tool.platform.issuer,
            "login_hint": "hint-1",
            "target_link_uri": f"{TOOL}/lti/launch",
            "client_id": tool.platform.client_id,
        },
        headers={"Sec-Fetch-Dest": "iframe"},
    )
    assert framed.status_code == 200
    assert '<script src="/lti/storage.js"></script>' in framed.text
    data = _data(framed.text)
    assert data["action"] == "check"
    tool.platform.check_auth_request(data["next"])
    # The binding cookie is set all the same: where the browser keeps it, the launch uses it.
    assert any(c.startswith("lti-login-") for c in framed.cookies)
    new_window = data["new-window"]
    assert new_window.startswith(f"{TOOL}/lti/login?iss=")
    # Without scripts, the new window is offered outright.
    assert f'<noscript><p><a href="{escape(new_window)}" target="_blank">' in framed.text
    # The new window's login is a top-level one: straight to the platform.
    top = await tool.http.get(new_window, headers={"Sec-Fetch-Dest": "document"})
    assert top.status_code == 302
    tool.platform.check_auth_request(top.headers["location"])
    script = await tool.http.get("/lti/storage.js")
    assert '"check"' in script.text
