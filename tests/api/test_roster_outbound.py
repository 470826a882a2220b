"""Issue #11 findings 2 and 3 through the real app, on both databases. A SIS connection aimed
at an internal address fetches nothing, and its job names why without repeating any answer; a
stored secret goes only to the origins it was entered for. The internal service is a loopback
server that counts every connection."""

from __future__ import annotations

import base64
import json
from typing import Any

from app.bootstrap import Container
from tests.api.outbound import api_sending_through, outbound
from tests.conftest import Api
from tests.fakes.loopback import SECRET_BODY, Listener, Reply

CONNECTION = "/v1/roster/connection"
ALLOW_LISTED = "which the service calls only when MASTERY_OUTBOUND_ALLOWED_HOSTS names it"
PLAIN_HTTP = "plain http is used only for hosts MASTERY_OUTBOUND_ALLOWED_HOSTS names; use https"


def _oauth1(base_url: str) -> dict[str, Any]:
    return {
        "base_url": base_url,
        "oneroster_version": "1.1",
        "auth": "oauth1",
        "client_id": "sis-client",
        "client_secret": "sis-secret",
    }


def _oauth2(base_url: str, token_url: str, secret: str | None = "sis-secret") -> dict[str, Any]:
    body = {**_oauth1(base_url), "oneroster_version": "1.2", "auth": "oauth2"}
    return {**body, "token_url": token_url, "client_secret": secret}


async def _sync(api: Api, container: Container) -> dict[str, Any]:
    started = await api.post("/v1/roster/sync")
    assert started.status_code == 202, started.text
    await container.jobs.wait()
    job: dict[str, Any] = (await api.get(started.headers["location"])).json()
    return job


async def test_a_sync_fetches_no_loopback_base_url(api: Api, container: Container) -> None:
    async with Listener() as internal:
        # A fragment would swallow the OneRoster paths, sending every request to the URL itself.
        fragment = await api.put(CONNECTION, _oauth1(internal.url("/any/path#")))
        assert fragment.json()["errors"] == [
            {"loc": ["body", "base_url"], "msg": "must not have a query or fragment"}
        ]
        plain = await api.put(CONNECTION, _oauth1(internal.url("/any/path")))
        assert plain.status_code == 201, plain.text
        job = await _sync(api, container)
        assert (job["status"], job["errors"]) == (
            "failed",
            [{"loc": ["base_url"], "msg": f"127.0.0.1:{internal.port}: {PLAIN_HTTP}"}],
        )
        await api.put(CONNECTION, _oauth1(internal.url("/any/path", scheme="https")))
        job = await _sync(api, container)
        assert job["errors"] == [
            {
                "loc": ["base_url"],
                "msg": f"127.0.0.1:{internal.port}: it is a loopback address, {ALLOW_LISTED}",
            }
        ]
    assert internal.connections == 0


async def test_a_sync_sends_no_token_request_to_a_loopback_token_url(
    api: Api, container: Container
) -> None:
    async with Listener() as internal:
        # The base URL is a documentation address: were it ever called, it would be refused.
        connection = _oauth2("https://192.0.2.1", internal.url("/token", scheme="https"))
        assert (await api.put(CONNECTION, connection)).status_code == 201
        job = await _sync(api, container)
    assert job["errors"] == [
        {
            "loc": ["token_url"],
            "msg": f"127.0.0.1:{internal.port}: it is a loopback address, {ALLOW_LISTED}",
        }
    ]
    assert internal.connections == 0


async def test_a_refusing_sis_is_named_by_status_and_path_never_by_its_answer(
    api: Api, container: Container
) -> None:
    async with (
        Listener(lambda _: Reply(401, SECRET_BODY)) as sis,
        api_sending_through(container, api.tenant, outbound("127.0.0.1")) as allowed,
    ):
        assert (await allowed.put(CONNECTION, _oauth1(sis.url("/sis")))).status_code == 201
        job = await _sync(allowed, container)
        token = await allowed.put(CONNECTION, _oauth2(sis.url("/sis"), sis.url("/oauth/token")))
        assert token.status_code == 200, token.text
        token_job = await _sync(allowed, container)
    assert (job["status"], job["errors"]) == (
        "failed",
        [{"loc": ["base_url"], "msg": "the SIS answered 401 at /sis/ims/oneroster/v1p1/orgs"}],
    )
    assert token_job["errors"] == [
        {"loc": ["token_url"], "msg": "the SIS's token endpoint answered 401 at /oauth/token"}
    ]
    assert "TOP-SECRET" not in str(job) + str(token_job)


async def test_an_unreachable_sis_is_named_by_host_and_failure(
    api: Api, container: Container
) -> None:
    async with Listener() as closed:
        pass  # its port is free again: nothing listens there
    base = closed.url("/")
    async with api_sending_through(container, api.tenant, outbound("127.0.0.1")) as allowed:
        await allowed.put(CONNECTION, _oauth1(base))
        signed = await _sync(allowed, container)
        await allowed.put(CONNECTION, _oauth2(base, closed.url("/oauth/token")))
        token = await _sync(allowed, container)
    refused = f"cannot reach 127.0.0.1:{closed.port}: connection refused"
    assert signed["errors"] == [{"loc": ["base_url"], "msg": refused}]
    assert token["errors"] == [{"loc": ["token_url"], "msg": refused}]


async def test_the_stored_secret_goes_only_to_the_origins_it_was_entered_for(
    api: Api, container: Container
) -> None:
    async with (
        Listener(lambda _: Reply(401)) as sis,
        Listener() as listener,
        api_sending_through(container, api.tenant, outbound("127.0.0.1")) as allowed,
    ):
        stored = _oauth2(sis.url("/"), sis.url("/oauth/token"))
        assert (await allowed.put(CONNECTION, stored)).status_code == 201
        before = (await allowed.get(CONNECTION)).json()
        kept = {**stored, "client_secret": None}  # a re-PUT that keeps the stored secret

        moved = await allowed.put(CONNECTION, {**kept, "token_url": listener.url("/t")})
        assert moved.status_code == 422
        assert moved.json()["errors"] == [
            {
                "loc": ["body", "client_secret"],
                "msg": "is required when the token_url's origin changes",
            }
        ]
        rebased = await allowed.put(CONNECTION, {**kept, "base_url": listener.url("/")})
        assert rebased.json()["errors"] == [
            {
                "loc": ["body", "client_secret"],
                "msg": "is required when the base_url's origin changes",
            }
        ]
        assert (await allowed.get(CONNECTION)).json() == before
        await _sync(allowed, container)
        assert listener.connections == 0
        assert [r.target for r in sis.requests] == ["/oauth/token"]

        # The same origin keeps the secret; another origin takes it only re-entered.
        same_origin = {**kept, "token_url": sis.url("/v2/token")}
        assert (await allowed.put(CONNECTION, same_origin)).status_code == 200
        reentered = {**stored, "token_url": listener.url("/t"), "client_secret": "new-secret"}
        assert (await allowed.put(CONNECTION, reentered)).status_code == 200
        await _sync(allowed, container)
    basic = "Basic " + base64.b64encode(b"sis-client:new-secret").decode()
    assert [(r.target, r.headers["authorization"]) for r in listener.requests] == [("/t", basic)]


async def test_an_answer_that_is_no_oneroster_page_is_named_not_repeated(
    api: Api, container: Container
) -> None:
    org = {"sourcedId": "o1", "status": "active", "dateLastModified": "2026-08-01T00:00:00Z",
           "name": "District", "type": "district"}  # fmt: skip
    async with Listener() as elsewhere:
        pages = {
            "/html/ims/oneroster/v1p1/orgs": Reply(200, b"<html>Sign in</html>"),
            "/linked/ims/oneroster/v1p1/orgs": Reply(
                200,
                json.dumps({"orgs": [org]}).encode(),
                {"Link": f'<{elsewhere.url("/next")}>; rel="next"'},
            ),
        }
        async with (
            Listener(lambda r: pages[r.target.split("?")[0]]) as sis,
            api_sending_through(container, api.tenant, outbound("127.0.0.1")) as allowed,
        ):
            await allowed.put(CONNECTION, _oauth1(sis.url("/html")))
            html = await _sync(allowed, container)
            await allowed.put(CONNECTION, _oauth1(sis.url("/linked")))
            linked = await _sync(allowed, container)
    assert html["errors"] == [
        {
            "loc": ["base_url"],
            "msg": "the SIS's answer at /html/ims/oneroster/v1p1/orgs is not a JSON object",
        }
    ]
    assert linked["errors"] == [
        {
            "loc": ["base_url"],
            "msg": "the SIS's answer at /linked/ims/oneroster/v1p1/orgs is linked to a next "
            "page at another origin",
        }
    ]
    assert elsewhere.connections == 0
