"""Deep Linking 2.0 through the real app (SQLite and PostgreSQL): the teacher's page offers the
district's frameworks, and the answer page posts a signed LtiDeepLinkingResponse to the LMS,
whose claims are checked with the tool's public key as the platform would."""

from __future__ import annotations

import html
import re
from typing import Any

import httpx
import pytest

from app.api.app import create_app
from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.lti.launch import DEEP_LINKING_REQUEST
from app.domain.lti.session import PAGE_SESSION_SECONDS, PageRole, PageSession
from tests.api.lti_services.world import World, world
from tests.api.mastery_data import seed_framework
from tests.conftest import Api
from tests.fakes.lti_services import BASE, CLIENT_ID

RETURN_URL = f"{BASE}/deep_links/return"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
LTI = "https://purl.imsglobal.org/spec/lti/claim/"


@pytest.fixture
def w(container: Container, tenant: Tenant) -> World:
    return world(container, tenant)


def _request(w: World, **more: Any) -> Any:
    claims: dict[str, Any] = {
        "message_type": DEEP_LINKING_REQUEST,
        "deep_link_return_url": RETURN_URL,
        "deep_link_data": "opaque-xyz",
        "deep_link_accept_types": ("link", "ltiResourceLink"),
        "deep_link_accept_multiple": True,
    }
    return w.launch(**(claims | more))


async def _token(w: World, session: PageSession) -> str:
    session = PageSession(**{**session.__dict__, "frame_origin": BASE})
    now = w.container.adapters.clock.now()
    return w.container.adapters.page_sessions.issue(session, now, PAGE_SESSION_SECONDS)


def _client(w: World) -> httpx.AsyncClient:
    app = create_app(use_cases=w.use_cases, public_base_url="https://tool.test")
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def _jwt_of(page: str) -> str:
    found = re.search(r'name="JWT" value="([^"]+)"', page)
    assert found is not None
    return html.unescape(found.group(1))


async def test_the_teacher_picks_competencies_and_the_lms_gets_a_signed_answer(
    w: World, api: Api
) -> None:
    await seed_framework(api)
    token = await _token(w, await w.session(_request(w)))
    async with _client(w) as client:
        page = await client.get("/lti/deep-link", params={"session": token})
        assert page.status_code == 200, page.text
        assert "Grade 4 Mathematics" in page.text
        assert '<label for="c-2-0">— 4.NBT.1 Place value</label>' in page.text
        assert page.headers["referrer-policy"] == "no-referrer"
        assert page.headers["cache-control"] == "no-store"
        assert f"frame-ancestors 'self' {BASE}" in page.headers["content-security-policy"]

        answer = await client.post(
            "/lti/deep-link",
            data={"session": token, "framework_id": "fw-math", "competency_ids": ["s-1", "s-2"]},
        )
    assert answer.status_code == 200, answer.text
    assert f'action="{RETURN_URL}"' in answer.text
    assert '<script src="/static/lti-deep-link.js" defer></script>' in answer.text
    assert f"form-action 'self' {BASE}" in answer.headers["content-security-policy"]
    claims = w.keys.decode(_jwt_of(answer.text), audience=BASE)
    assert claims["iss"] == CLIENT_ID
    assert claims["exp"] - claims["iat"] == 300
    assert len(claims["nonce"]) >= 32
    assert claims[f"{LTI}message_type"] == "LtiDeepLinkingResponse"
    assert claims[f"{LTI}version"] == "1.3.0"
    assert claims[f"{LTI}deployment_id"] == "dep-1"
    assert claims[f"{DL}data"] == "opaque-xyz"
    items = claims[f"{DL}content_items"]
    assert [i["lineItem"]["resourceId"] for i in items] == ["s-1", "s-2"]
    assert items[0] == {
        "type": "ltiResourceLink",
        "title": "4.NBT.1 Place value",
        "url": "https://tool.test/lti/launch",
        "custom": {"competency_id": "s-1"},
        "lineItem": {
            "scoreMaximum": 100,
            "label": "4.NBT.1 Place value",
            "resourceId": "s-1",
            "tag": "mastery:s-1",
        },
    }


async def test_a_domain_is_one_link_and_the_platforms_limits_are_honoured(
    w: World, api: Api
) -> None:
    await seed_framework(api)
    single = await _token(w, await w.session(_request(w, deep_link_accept_multiple=False)))
    async with _client(w) as client:
        page = await client.get("/lti/deep-link", params={"session": single})
        assert 'type="radio"' in page.text
        domain = await client.post(
            "/lti/deep-link",
            data={"session": single, "framework_id": "fw-math", "domain_id": "d-nbt"},
        )
        assert domain.status_code == 200, domain.text
        items = w.keys.decode(_jwt_of(domain.text), audience=BASE)[f"{DL}content_items"]
        assert [(i["title"], i["custom"]) for i in items] == [
            ("4.NBT Number and operations in base ten", {"competency_id": "d-nbt"})
        ]
        too_many = await client.post(
            "/lti/deep-link",
            data={
                "session": single,
                "framework_id": "fw-math",
                "competency_ids": ["s-1", "s-2", "nope"],
            },
        )
    assert too_many.status_code == 422
    problems = {(tuple(p["loc"]), p["msg"]) for p in too_many.json()["errors"]}
    assert problems == {
        (("competency_ids", 2), "'nope' is not an active competency of this framework"),
        (("competency_ids",), "the LMS accepts one item here: choose one competency"),
    }


async def test_only_a_teachers_deep_linking_launch_opens_the_page(w: World, api: Api) -> None:
    await seed_framework(api)
    student = await _token(w, await w.session(_request(w), PageRole.STUDENT))
    plain = await _token(w, await w.session(w.launch()))
    async with _client(w) as client:
        assert (await client.get("/lti/deep-link", params={"session": student})).status_code == 403
        assert (await client.get("/lti/deep-link", params={"session": plain})).status_code == 422
        forged = await client.get("/lti/deep-link", params={"session": plain + "x"})
        assert forged.status_code == 401


async def test_a_form_missing_its_fields_names_each(w: World) -> None:
    async with _client(w) as client:
        answer = await client.post("/lti/deep-link", data={"competency_ids": ["s-1"]})
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert {tuple(p["loc"])[-1] for p in answer.json()["errors"]} == {"session", "framework_id"}
