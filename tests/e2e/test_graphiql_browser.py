"""GraphiQL in a real browser, served wholly by our server: headless Chromium opens /graphql on
`mastery serve`, GraphiQL loads (no request leaves the machine), its introspection, sent with
the Authorization header given to its headers editor, is answered, and a query runs.

Skipped where /usr/bin/chromium is absent (`apt-get install chromium`); CI sets
MASTERY_TEST_REQUIRE_BROWSER=1, where that is a failure instead."""

from __future__ import annotations

import json
from urllib.parse import quote

import httpx
from playwright.sync_api import BrowserContext, Response, expect

from tests.e2e.browser import (
    accessibility_violations,
    keep_screenshot,
    needs_chromium,
    visit,
)
from tests.e2e.test_cli_and_server import serving

pytestmark = needs_chromium


def _token(base: str, client: dict[str, str]) -> str:
    answer = httpx.post(
        f"{base}/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(client["client_id"], client["client_secret"]),
        timeout=60,
    )
    return str(answer.json()["access_token"])


def _introspection(response: Response) -> bool:
    return (
        response.url.endswith("/graphql")
        and response.request.method == "POST"
        and "IntrospectionQuery" in (response.request.post_data or "")
    )


def test_graphiql_loads_from_our_server_and_its_headers_authorize_the_schema(
    district: tuple[dict[str, str], dict[str, str]], context: BrowserContext
) -> None:
    env, client = district
    with serving(env) as (base, _output):
        token = _token(base, client)
        headers = quote(json.dumps({"Authorization": f"Bearer {token}"}))
        query = quote("{ viewer { tenant scopes } }")
        tab = visit(context)
        with tab.page.expect_response(_introspection) as introspection:
            tab.page.goto(f"{base}/graphql?headers={headers}&q={query}")
        assert introspection.value.status == 200
        schema = introspection.value.json()["data"]["__schema"]
        assert schema["queryType"]["name"] == "Query"

        page = tab.page
        page.get_by_role("button", name="Headers").click()
        expect(page.locator(".graphiql-editor-tool")).to_contain_text(f"Bearer {token}")
        page.locator(".graphiql-execute-button").click()
        expect(page.locator(".graphiql-response")).to_contain_text('"tenant": "browser"')
        expect(page.locator(".graphiql-response")).to_contain_text('"roster:read"')
        keep_screenshot(page, "graphiql-offline")
    assert tab.offsite == []
    assert tab.refused == []
    assert tab.errors == []


def test_graphiqls_host_page_meets_wcag_21_aa(
    district: tuple[dict[str, str], dict[str, str]], context: BrowserContext
) -> None:
    env, _client = district
    with serving(env) as (base, _output):
        tab = visit(context)
        tab.page.goto(f"{base}/graphql")
        expect(tab.page.locator(".graphiql-container")).to_be_visible()
        # GraphiQL's own widget (its editors and toolbars) is third-party markup we do not
        # write; the page around it (language, title, landmark, the loading text) is ours.
        violations = accessibility_violations(tab.page, exclude=[".graphiql-container"])
    assert violations == []
    assert tab.offsite == []
