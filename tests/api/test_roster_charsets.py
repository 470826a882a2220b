"""OneRoster CSV sets in the character sets SIS exports use (issue #11, finding 9): a
Windows-1252 users.csv imports with its names intact and the choice in the job's notes; a NUL in
a field fails the job with the row's problem, not a 500, on both databases."""

from __future__ import annotations

import io
import zipfile
from textwrap import dedent
from typing import Any

from app.bootstrap import Container
from tests.conftest import Api
from tests.integration import oneroster_sets as sets

ZOE = "u2,active,2026-08-01T00:00:00Z,true,s1,student,zoe,,Zoë,Muñoz,,S2,,,,,04,\n"


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _set_with_users(users: bytes) -> bytes:
    files = {name: dedent(text).encode() for name, text in sets.BULK_1_1.items()}
    files["users.csv"] = users
    return _zip(files)


def _users(row: str) -> str:
    lines = dedent(sets.USERS_1_1).splitlines(keepends=True)
    return "".join(row if line.startswith("u2,") else line for line in lines)


async def _job(api: Api, container: Container, upload: bytes) -> dict[str, Any]:
    response = await api.post(
        "/v1/roster/imports", files={"file": ("roster.zip", upload, "application/zip")}
    )
    assert response.status_code == 202, response.text
    await container.jobs.wait()
    job = await api.get(response.headers["location"])
    return dict(job.json())


async def test_a_windows_1252_users_file_keeps_its_names(api: Api, container: Container) -> None:
    users = _users(ZOE).encode("cp1252")
    assert b"Zo\xeb,Mu\xf1oz" in users  # single bytes, not valid UTF-8
    job = await _job(api, container, _set_with_users(users))
    assert job["status"] == "succeeded", job
    assert "users.csv: not UTF-8: read as Windows-1252" in job["result"]["notes"]
    assert not any("orgs.csv" in note for note in job["result"]["notes"])
    zoe = (await api.get("/v1/users/u2")).json()
    assert (zoe["given_name"], zoe["family_name"]) == ("Zoë", "Muñoz")


async def test_utf_8_with_a_byte_order_mark_is_read_and_said(
    api: Api, container: Container
) -> None:
    users = b"\xef\xbb\xbf" + _users(ZOE).encode()
    job = await _job(api, container, _set_with_users(users))
    assert job["status"] == "succeeded", job
    assert "users.csv: read as UTF-8 (with a byte-order mark)" in job["result"]["notes"]
    zoe = (await api.get("/v1/users/u2")).json()
    assert (zoe["given_name"], zoe["family_name"]) == ("Zoë", "Muñoz")


async def test_a_nul_in_a_field_fails_the_job_with_its_row(api: Api, container: Container) -> None:
    row = "u2,active,2026-08-01T00:00:00Z,true,s1,student,zoe,,Zo\x00e,Munoz,,S2,,,,,04,\n"
    job = await _job(api, container, _set_with_users(_users(row).encode()))
    assert job["status"] == "failed"
    # The row's own problem first; then the rows that refer to the refused one.
    assert job["errors"][0] == (
        {
            "loc": ["users.csv", 3, "givenName"],
            "msg": "givenName must not contain a NUL character (\\u0000)",
        }
    )
    assert (await api.get("/v1/users")).json()["items"] == []


async def test_an_instant_in_year_1_fails_the_job_with_its_row(
    api: Api, container: Container
) -> None:
    row = "u2,active,0001-01-01T00:00:00+05:00,true,s1,student,zoe,,Zoe,Munoz,,S2,,,,,04,\n"
    job = await _job(api, container, _set_with_users(_users(row).encode()))
    assert job["status"] == "failed"
    assert (job["errors"][0]["loc"], job["errors"][0]["msg"]) == (
        ["users.csv", 3, "dateLastModified"],
        "dateLastModified '0001-01-01T00:00:00+05:00' must be between 1900-01-01 and 2199-12-31",
    )
