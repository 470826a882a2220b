"""Configuration (issue #11, finding 11): served URIs from the public base URL and never from
Host; docs and GraphiQL switchable; the token checked before a body is read; zip limits."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import httpx

from app.api.app import create_app
from app.bootstrap import Container
from tests.api.mastery_data import seed_framework
from tests.conftest import Api


async def test_served_case_uris_ignore_the_host_header(api: Api) -> None:
    await seed_framework(api)
    document = await api.get(
        "/ims/case/v1p0/CFDocuments/fw-math", headers={"Host": "attacker.example"}
    )
    assert document.status_code == 200
    assert document.json()["uri"].startswith("http://test/ims/case/v1p0/CFDocuments/")
    assert "attacker" not in document.text


async def test_the_public_base_url_is_the_one_configured(container: Container, api: Api) -> None:
    await seed_framework(api)
    app = create_app(use_cases=container.use_cases, public_base_url="https://mastery.k12.example/")
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://elsewhere", headers=api.auth
    ) as client:
        document = (await client.get("/ims/case/v1p0/CFDocuments/fw-math")).json()
    assert document["uri"] == (
        "https://mastery.k12.example/ims/case/v1p0/CFDocuments/" + document["identifier"]
    )


async def test_docs_and_graphiql_can_be_turned_off(container: Container) -> None:
    app = create_app(use_cases=container.use_cases, api_docs=False, graphiql=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert (await client.get(path)).status_code == 404, path
        page = await client.get("/graphql", headers={"Accept": "text/html"})
        assert "graphiql" not in page.text.lower()
        assert page.status_code in (400, 404)
    app = create_app(use_cases=container.use_cases)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        assert (await client.get("/openapi.json")).status_code == 200
        page = await client.get("/graphql", headers={"Accept": "text/html"})
        assert page.status_code == 200
        assert "graphiql" in page.text.lower()


async def _send(
    container: Container, path: str, headers: list[tuple[bytes, bytes]], chunks: int
) -> tuple[int, int]:
    """POST a body of `chunks` MiB straight to the ASGI app; the status answered and how
    many bytes of the body the app asked for."""
    app = create_app(use_cases=container.use_cases)
    received = 0
    sent = 0
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal received, sent
        if sent == chunks:
            return {"type": "http.disconnect"}
        sent += 1
        received += 1024 * 1024
        return {"type": "http.request", "body": b" " * 1024 * 1024, "more_body": sent < chunks}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }
    await app(scope, receive, send)
    return status, received


async def test_no_body_is_read_without_a_valid_token(container: Container, api: Api) -> None:
    json_type = (b"content-type", b"application/json")
    upload = (b"content-type", b"multipart/form-data; boundary=x")
    assert await _send(container, "/v1/evidence", [json_type], 9) == (401, 0)
    bad = (b"authorization", b"Bearer not-a-token")
    assert await _send(container, "/v1/evidence", [json_type, bad], 9) == (401, 0)
    assert await _send(container, "/v1/roster/imports", [upload], 200) == (401, 0)
    assert await _send(container, "/graphql", [json_type], 9) == (401, 0)
    # With the token, the body is read (and then refused as not JSON).
    good = (b"authorization", f"Bearer {api.token}".encode())
    status, received = await _send(container, "/v1/evidence", [json_type, good], 2)
    assert (status, received) == (422, 2 * 1024 * 1024)


async def test_the_gradebook_refuses_without_a_token_in_its_own_format(
    http: httpx.AsyncClient,
) -> None:
    response = await http.put("/ims/oneroster/gradebook/v1p2/results/r1", json={"result": {}})
    assert response.status_code == 401
    assert response.json()["imsx_codeMajor"] == "failure"
    assert (
        response.json()["imsx_CodeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"]
        == "unauthorisedrequest"
    )
    assert response.headers["www-authenticate"].startswith("Bearer")


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


async def _upload(api: Api, data: bytes) -> httpx.Response:
    return await api.post(
        "/v1/roster/imports", files={"file": ("roster.zip", data, "application/zip")}
    )


async def test_a_zip_bomb_is_refused_at_once(api: Api) -> None:
    bomb = _zip({"users.csv": b"0" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    response = await _upload(api, bomb)
    assert response.status_code == 422
    [problem] = response.json()["errors"]
    assert problem["loc"] == ["body", "file", "users.csv"]
    assert problem["msg"].endswith("at most 200 to 1")


async def test_a_zip_of_too_many_files_is_refused_at_once(api: Api) -> None:
    many = _zip({f"f{n}.csv": b"x" for n in range(101)})
    response = await _upload(api, many)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"loc": ["body", "file"], "msg": "holds 101 files; at most 100"}
    ]


async def test_a_request_with_a_body_is_authenticated_once(
    container: Container, api: Api, monkeypatch: Any
) -> None:
    # BearerFirst authenticates before the body is read; the route's scope check reuses that
    # principal instead of decoding the token and asking for the client's standing again.
    access_type = type(container.use_cases.access)
    calls: list[str] = []
    original = access_type.authenticate

    async def counted(self: Any, token: str) -> Any:
        calls.append(token)
        return await original(self, token)

    monkeypatch.setattr(access_type, "authenticate", counted)
    created = await api.post("/v1/frameworks", json={"title": 7})
    assert created.status_code == 422  # past authentication: the body itself is refused
    assert calls == [api.token]
    # A request without a body is authenticated by its route alone, also once.
    calls.clear()
    assert (await api.get("/v1/frameworks")).status_code == 200
    assert calls == [api.token]
