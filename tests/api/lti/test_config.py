"""/lti/config: what a platform admin pastes, pointing at the tool's public URLs."""

from __future__ import annotations

import httpx

from app.domain.lti.tool_config import SCOPES


async def test_the_canvas_json_names_the_tools_urls(http: httpx.AsyncClient) -> None:
    answer = await http.get("/lti/config", params={"format": "canvas"})
    assert answer.status_code == 200
    config = answer.json()
    assert config["oidc_initiation_url"] == "http://test/lti/login"
    assert config["target_link_uri"] == "http://test/lti/launch"
    assert config["public_jwk_url"] == "http://test/lti/jwks.json"
    assert config["scopes"] == list(SCOPES)
    placements = config["extensions"][0]["settings"]["placements"]
    assert {p["message_type"] for p in placements} == {
        "LtiResourceLinkRequest",
        "LtiDeepLinkingRequest",
    }


async def test_the_generic_view_has_what_moodles_form_asks(http: httpx.AsyncClient) -> None:
    config = (await http.get("/lti/config")).json()
    assert config["initiate_login_url"] == "http://test/lti/login"
    assert config["redirection_uris"] == ["http://test/lti/launch"]
    assert config["public_keyset_url"] == "http://test/lti/jwks.json"
    assert (await http.get("/lti/config", params={"format": "xml"})).status_code == 422
