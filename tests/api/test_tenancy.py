"""No token of one district reads or changes another district's data: checked for every
operation of the API, enumerated from its OpenAPI document, so a new endpoint cannot be
forgotten (this test fails until the endpoint has a row in CONCRETE below)."""

from __future__ import annotations

from typing import Any

import pytest

from app.api.app import create_app
from app.bootstrap import Container
from app.domain.access import Scope
from app.ports import JobReport, Progress
from tests.api.roster_data import ROSTER, seed_roster
from tests.conftest import Api
from tests.integration.oneroster_sets import zip_set


async def _finished_work(progress: Progress) -> JobReport:
    return JobReport(result={"rows": 1})


PUBLIC = {("GET", "/healthz"), ("GET", "/readyz"), ("POST", "/oauth/token")}

# Each templated path, filled with ids of records that the first tenant owns.
CONCRETE = {
    "/v1/orgs/{id}": "/v1/orgs/school-1",
    "/v1/academic-sessions/{id}": "/v1/academic-sessions/session-1",
    "/v1/courses/{id}": "/v1/courses/course-1",
    "/v1/classes/{id}": "/v1/classes/class-1",
    "/v1/users/{id}": "/v1/users/student-1",
    "/v1/enrollments/{id}": "/v1/enrollments/enroll-s1",
    "/v1/users/{id}/demographics": "/v1/users/student-1/demographics",
    "/v1/classes/{id}/students": "/v1/classes/class-1/students",
    "/v1/classes/{id}/teachers": "/v1/classes/class-1/teachers",
    "/v1/jobs/{id}": "/v1/jobs/{job}",
}
CONNECTION = {
    "base_url": "https://sis.example",
    "oneroster_version": "1.2",
    "auth": "oauth2",
    "token_url": "https://sis.example/oauth/token",
    "client_id": "first-district",
    "client_secret": "first-district-secret",
}
BODIES = dict(ROSTER) | {"/v1/roster/connection": CONNECTION}
# Resources that are one per district: the other district sees none (404), not an empty list.
SINGLETONS = {"/v1/roster/connection"}

# A bulk users file naming only a user of the first district's ids: were the import to reach
# the first district, it would rename teacher-1 and retire every other user.
_LEAKING_SET = {
    "manifest.csv": "propertyName,value\noneroster.version,1.1\nfile.users,bulk\n",
    "users.csv": "sourcedId,status,dateLastModified,orgSourcedIds,role,givenName,familyName\n"
    "teacher-1,active,,,teacher,Written By,The Other District\n",
}
# POST operations: what the other district sends, and the first district's view that must not
# change because of it.
POSTS: dict[str, tuple[dict[str, Any], str]] = {
    "/v1/roster/imports": (
        {"files": {"file": ("set.zip", zip_set(_LEAKING_SET), "application/zip")}},
        "/v1/users",
    ),
    # The other district has no SIS connection: it cannot sync, least of all the first's.
    "/v1/roster/sync": ({}, "/v1/users"),
}


def _operations() -> list[tuple[str, str]]:
    app = create_app(services=object(), max_body_bytes=1024)  # type: ignore[arg-type]
    return sorted(
        (method.upper(), path)
        for path, ops in app.openapi()["paths"].items()
        for method in ops
        if (method.upper(), path) not in PUBLIC
    )


OPERATIONS = _operations()


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
async def test_another_tenant_cannot_see_or_change_it(
    api: Api, other_api: Api, container: Container, method: str, path: str
) -> None:
    await seed_roster(api)
    assert (await api.put("/v1/roster/connection", CONNECTION)).status_code == 201
    job = await container.services.jobs.start(
        api.tenant.id, "test", Scope.ROSTER_READ, _finished_work
    )
    await container.jobs.wait()
    if "{" in path:
        assert path in CONCRETE, f"add {path} to CONCRETE in {__file__}"
        url = CONCRETE[path].format(job=job.id)
    else:
        url = path
    view = POSTS[path][1] if method == "POST" and path in POSTS else url
    reads_itself = method != "GET" or "{" in path or path in SINGLETONS
    owner_view = await api.get(view) if reads_itself else None
    if method == "GET" and path in SINGLETONS:
        assert (await api.get(url)).status_code == 200
        assert (await other_api.get(url)).status_code == 404
    elif method == "GET" and "{" not in path:
        mine = (await api.get(url)).json()["items"]
        assert mine, f"the owner sees nothing at {url}: the check would prove nothing"
        theirs = await other_api.get(url)
        assert theirs.status_code == 200
        assert theirs.json()["items"] == []
    elif method == "GET":
        assert (await api.get(url)).status_code == 200
        theirs = await other_api.get(url)
        assert theirs.status_code == 404
        assert theirs.json()["type"] == "/problems/not-found"
    elif method == "DELETE":
        assert (await other_api.delete(url)).status_code == 404
        assert (await api.get(url)).status_code == 200
    elif method == "PUT":
        body = {**BODIES[url]}
        first_text_field = next(k for k, v in body.items() if isinstance(v, str))
        body[first_text_field] = "written by the other district"
        theirs = await other_api.put(url, body)
        # Either the other district gets a record of its own under the same id, or its
        # references name nothing it owns; never is the first district's record touched.
        assert theirs.status_code in (201, 404, 422), theirs.text
    elif method == "POST" and path in POSTS:
        theirs = await other_api.post(url, **POSTS[path][0])
        # The other district's own job (or a refusal); never a change to the first's records.
        assert theirs.status_code in (202, 404, 409, 422), theirs.text
        await container.jobs.wait()
    else:
        pytest.fail(f"decide how {method} {path} proves tenant isolation, in {__file__}")
    if owner_view is not None:
        assert (await api.get(view)).json() == owner_view.json()
