"""/v1/lti/platforms: a district's administrators register the LMS platforms the tool is used
in; a registration is the district's alone, and an issuer and client id are registered once."""

from __future__ import annotations

import uuid
from typing import Any

from tests.conftest import Api


def _platform(**changed: Any) -> dict[str, Any]:
    issuer = f"https://lms-{uuid.uuid4().hex[:8]}.test"
    return {
        "issuer": issuer,
        "client_id": "tool-1",
        "auth_login_url": f"{issuer}/auth",
        "token_url": f"{issuer}/token",
        "jwks_url": f"{issuer}/jwks",
        "deployment_ids": ["d-1", "d-2"],
        **changed,
    }


async def test_a_registration_is_listed_read_and_removed(api: Api) -> None:
    body = _platform(token_audience="https://lms.test/audience")
    created = await api.post("/v1/lti/platforms", json=body)
    assert created.status_code == 201, created.text
    registration = created.json()
    assert registration == {**body, "id": registration["id"]}
    read = await api.get(f"/v1/lti/platforms/{registration['id']}")
    assert read.json() == registration
    assert (await api.get("/v1/lti/platforms")).json() == {"items": [registration]}
    assert (await api.delete(f"/v1/lti/platforms/{registration['id']}")).status_code == 204
    gone = await api.get(f"/v1/lti/platforms/{registration['id']}")
    assert gone.status_code == 404
    assert (await api.get("/v1/lti/platforms")).json() == {"items": []}


async def test_an_issuer_and_client_id_are_registered_once_across_districts(
    api: Api, other_api: Api
) -> None:
    body = _platform()
    assert (await api.post("/v1/lti/platforms", json=body)).status_code == 201
    again = await other_api.post("/v1/lti/platforms", json={**body, "deployment_ids": ["x"]})
    assert again.status_code == 409, again.text
    assert again.json()["type"] == "/problems/conflict"
    # Another client id of the same platform is another registration.
    other = await other_api.post("/v1/lti/platforms", json={**body, "client_id": "tool-2"})
    assert other.status_code == 201


async def test_every_problem_of_a_registration_is_listed(api: Api) -> None:
    body = _platform(issuer="not a url", jwks_url="ftp://lms.test/jwks", deployment_ids=[])
    del body["token_url"]
    answer = await api.post("/v1/lti/platforms", json=body)
    assert answer.status_code == 422
    where = sorted(tuple(p["loc"]) for p in answer.json()["errors"])
    assert where == [
        ("body", "deployment_ids"),
        ("body", "issuer"),
        ("body", "jwks_url"),
        ("body", "token_url"),
    ]


async def test_an_issuer_longer_than_an_issuer_is_refused_not_stored(api: Api) -> None:
    answer = await api.post("/v1/lti/platforms", json=_platform(issuer="https://" + "a" * 250))
    assert answer.status_code == 422
    assert [tuple(p["loc"]) for p in answer.json()["errors"]] == [("body", "issuer")]
