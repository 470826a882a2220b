"""Issue #11 finding 2 for the CASE importer: `frameworks:write` alone cannot make the service
fetch loopback or link-local addresses, directly or by redirect, and the answers cannot tell
an open internal port from a closed one (no port scanner). Both databases, through the app."""

from __future__ import annotations

import httpx

from app.bootstrap import Container
from tests.api.outbound import api_sending_through, outbound
from tests.conftest import Api
from tests.fakes.loopback import Listener, Reply

IMPORT = "/v1/frameworks/import/case"
ALLOW_LISTED = "which the service calls only when MASTERY_OUTBOUND_ALLOWED_HOSTS names it"
PLAIN_HTTP = "plain http is used only for hosts MASTERY_OUTBOUND_ALLOWED_HOSTS names; use https"


def _errors(response: httpx.Response) -> list[dict[str, object]]:
    assert response.status_code == 422, response.text
    errors: list[dict[str, object]] = response.json()["errors"]
    return errors


async def test_the_importer_fetches_no_loopback_url(api: Api) -> None:
    async with Listener() as internal:
        plain = await api.post(IMPORT, json={"url": internal.url("/ims/case/v1p0/CFPackages/x")})
        secure = await api.post(IMPORT, json={"url": internal.url("/x", scheme="https")})
        token = await api.post(
            IMPORT,
            json={
                "url": "https://192.0.2.1/ims/case/v1p0/CFPackages/x",
                "auth": {
                    "token_url": internal.url("/token", scheme="https"),
                    "client_id": "c",
                    "client_secret": "s",
                },
            },
        )
    host = f"127.0.0.1:{internal.port}"
    assert _errors(plain) == [{"loc": ["body", "url"], "msg": f"{host}: {PLAIN_HTTP}"}]
    loopback = f"{host}: it is a loopback address, {ALLOW_LISTED}"
    assert _errors(secure) == [{"loc": ["body", "url"], "msg": loopback}]
    assert _errors(token) == [{"loc": ["body", "auth", "token_url"], "msg": loopback}]
    assert internal.connections == 0


async def test_an_open_and_a_closed_internal_port_answer_alike(api: Api) -> None:
    async with Listener() as closed:
        pass
    async with Listener() as open_port:
        answers = [
            await api.post(IMPORT, json={"url": f"https://127.0.0.1:{port}/ims/case"})
            for port in (open_port.port, closed.port)
        ]
    opened, shut = (a.json() for a in answers)
    assert [a.status_code for a in answers] == [422, 422]
    assert opened["errors"][0]["msg"].replace(str(open_port.port), "P") == (
        shut["errors"][0]["msg"].replace(str(closed.port), "P")
    )
    assert open_port.connections == 0


async def test_a_redirect_into_an_internal_address_is_refused(
    api: Api, container: Container
) -> None:
    async with (
        Listener() as internal,
        Listener(lambda _: Reply(302, b"", {"Location": internal.url("/admin")})) as provider,
        # Only the provider's own port is allowed, as an operator would list a partner host.
        api_sending_through(
            container, api.tenant, outbound(f"127.0.0.1:{provider.port}", allow_http=True)
        ) as allowed,
    ):
        response = await allowed.post(IMPORT, json={"url": provider.url("/ims/case/v1p0/x")})
    assert _errors(response) == [
        {
            "loc": ["body", "url"],
            "msg": f"127.0.0.1:{internal.port}: it is a loopback address, {ALLOW_LISTED}",
        }
    ]
    assert (len(provider.requests), internal.connections) == (1, 0)
