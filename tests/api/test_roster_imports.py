"""POST /v1/roster/imports: a zipped OneRoster set imported as a job, on both databases."""

from __future__ import annotations

from typing import Any

from app.bootstrap import Container
from tests.conftest import Api
from tests.integration import oneroster_sets as sets

BAD_ROLE = "u9,active,,true,s1,janitor,jan,,Jan,Itor,,S9,,,,,,\n"


def _with_bad_row() -> dict[str, str]:
    files = dict(sets.BULK_1_1)
    files["users.csv"] = sets.USERS_1_1 + BAD_ROLE
    return files


async def _upload(api: Api, files: dict[str, str], **params: Any) -> Any:
    return await api.post(
        "/v1/roster/imports",
        files={"file": ("roster.zip", sets.zip_set(files), "application/zip")},
        **params,
    )


async def _finished_job(api: Api, container: Container, response: Any) -> dict[str, Any]:
    assert response.status_code == 202, response.text
    assert response.headers["location"] == f"/v1/jobs/{response.json()['id']}"
    await container.jobs.wait()
    job = await api.get(response.headers["location"])
    assert job.status_code == 200
    return dict(job.json())


async def _user_ids(api: Api) -> list[str]:
    return [u["id"] for u in (await api.get("/v1/users")).json()["items"]]


async def test_an_uploaded_set_is_imported_by_a_job(api: Api, container: Container) -> None:
    job = await _finished_job(api, container, await _upload(api, sets.BULK_1_1))
    assert job["kind"] == "roster_import"
    assert job["status"] == "succeeded"
    assert job["errors"] == []
    assert job["result"]["files"]["users.csv"] == {
        "mode": "bulk",
        "rows": 3,
        "imported": 3,
        "skipped": 0,
        "stale": 0,
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "deleted": 0,
        "retired": 0,
    }
    assert job["done"] == 13  # 2 orgs, 2 sessions, 1 course, 1 class, 3 users, 3 + 1
    assert await _user_ids(api) == ["u1", "u2", "u3"]
    students = (await api.get("/v1/classes/k1/students")).json()["items"]
    assert [s["id"] for s in students] == ["u2", "u3"]


async def test_a_bad_row_fails_the_job_and_writes_nothing(api: Api, container: Container) -> None:
    job = await _finished_job(api, container, await _upload(api, _with_bad_row()))
    assert job["status"] == "failed"
    assert job["result"]["written"] is False
    assert job["errors"] == [
        {
            "loc": ["users.csv", 5, "role"],
            "msg": "role 'janitor' is not one of student, teacher, administrator, aide, "
            "guardian, parent, proctor, relative",
        }
    ]
    assert await _user_ids(api) == []


async def test_skip_invalid_imports_the_rest_and_lists_the_skipped_row(
    api: Api, container: Container
) -> None:
    response = await _upload(api, _with_bad_row(), params={"skip_invalid": "true"})
    job = await _finished_job(api, container, response)
    assert job["status"] == "succeeded"
    assert [e["loc"] for e in job["errors"]] == [["users.csv", 5, "role"]]
    assert job["result"]["files"]["users.csv"]["skipped"] == 1
    assert await _user_ids(api) == ["u1", "u2", "u3"]


async def test_skip_invalid_as_a_form_field(api: Api, container: Container) -> None:
    response = await _upload(api, _with_bad_row(), data={"skip_invalid": "true"})
    assert (await _finished_job(api, container, response))["status"] == "succeeded"


async def test_an_upload_that_is_not_a_zip_is_refused_at_once(api: Api) -> None:
    response = await api.post(
        "/v1/roster/imports", files={"file": ("roster.zip", b"name,value\n", "application/zip")}
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["body", "file", "file"]


async def test_a_set_that_is_not_oneroster_is_refused_with_every_problem(api: Api) -> None:
    sds_like = {
        "orgs.csv": "sourcedId,name,type,parentSourcedId\n10000,Ministry,ministryofeducation,\n",
        "users.csv": "sourcedId,orgSourcedIds,givenName,familyName,role\n"
        "1,10000,Ora,Klein,Student\n",
    }
    response = await _upload(api, sds_like)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"loc": ["body", "file", "orgs.csv"], "msg": "missing column(s): status, dateLastModified"},
        {
            "loc": ["body", "file", "users.csv"],
            "msg": "missing column(s): status, dateLastModified",
        },
    ]


async def test_every_bad_row_of_every_kind_is_listed_in_one_failure(
    api: Api, container: Container
) -> None:
    # Types (a role, a boolean), references (an org, a class) and repeats (a sourcedId), on
    # four lines of users.csv (lines 5-8 after the header and u1-u3) and one of enrollments.csv.
    files = dict(sets.BULK_1_1)
    files["users.csv"] = sets.USERS_1_1 + (
        BAD_ROLE
        + "u8,active,2026-08-01T00:00:00Z,maybe,s1,student,x,,X,Y,,S8,,,,,,\n"
        + "u7,active,2026-08-01T00:00:00Z,true,nowhere,student,z,,Z,Z,,S7,,,,,,\n"
        + "u2,active,2026-08-01T00:00:00Z,true,s1,student,sam,,Sam,Again,,S2,,,,,04,\n"
    )
    files["enrollments.csv"] = (
        sets.ENROLLMENTS + "e9,active,2026-08-01T00:00:00Z,k9,s1,u2,student,false,,\n"
    )
    job = await _finished_job(api, container, await _upload(api, files))
    assert (job["status"], job["result"]["written"]) == ("failed", False)
    assert [(tuple(e["loc"]), e["msg"]) for e in job["errors"]] == [
        (
            ("users.csv", 5, "role"),
            "role 'janitor' is not one of student, teacher, administrator, aide, guardian, "
            "parent, proctor, relative",
        ),
        (("users.csv", 6, "enabledUser"), "enabledUser 'maybe' is not true or false"),
        (
            ("users.csv", 7, "orgSourcedIds", 0),
            "orgSourcedIds 'nowhere' is not in orgs.csv nor in the roster",
        ),
        (("users.csv", 8, "sourcedId"), "sourcedId 'u2' is also on line 3"),
        (
            ("enrollments.csv", 5, "classSourcedId"),
            "classSourcedId 'k9' is not in classes.csv nor in the roster",
        ),
    ]
    assert await _user_ids(api) == []
