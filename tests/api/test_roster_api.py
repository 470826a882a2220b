"""The roster REST API: create or replace, read, list, filter, page and retire records."""

from __future__ import annotations

import pytest

from tests.api.roster_data import (
    CLASS,
    DISTRICT,
    ENROLL_STUDENT,
    ROSTER,
    STUDENT,
    seed_roster,
)
from tests.conftest import Api


async def test_put_creates_then_replaces_and_get_reads_back(api: Api) -> None:
    created = await api.put("/v1/orgs/district-1", DISTRICT)
    assert created.status_code == 201
    body = created.json()
    assert body["id"] == "district-1"
    assert body["status"] == "active"
    assert body["name"] == "Test District"
    assert body["type"] == "district"
    assert body["parent_id"] is None

    replaced = await api.put("/v1/orgs/district-1", {**DISTRICT, "name": "Renamed"})
    assert replaced.status_code == 200
    assert replaced.json()["name"] == "Renamed"
    assert replaced.json()["updated_at"] >= body["updated_at"]

    fetched = await api.get("/v1/orgs/district-1")
    assert fetched.status_code == 200
    assert fetched.json() == replaced.json()


async def test_put_of_the_same_content_is_idempotent(api: Api) -> None:
    first = await api.put("/v1/orgs/district-1", DISTRICT)
    again = await api.put("/v1/orgs/district-1", DISTRICT)
    assert again.status_code == 200
    # Nothing new was said, so nothing changed: not even the timestamp.
    assert again.json() == first.json()


async def test_every_resource_round_trips_its_fields(api: Api) -> None:
    await seed_roster(api)
    for path, body in ROSTER:
        response = await api.get(path)
        assert response.status_code == 200, path
        stored = response.json()
        for field, value in body.items():
            assert stored[field] == value, (path, field)


async def test_an_enrollment_of_unknown_user_and_class_is_rejected_and_nothing_written(
    api: Api,
) -> None:
    response = await api.put("/v1/enrollments/e-1", ENROLL_STUDENT)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problems = response.json()["errors"]
    assert {tuple(p["loc"]) for p in problems} == {("body", "class_id"), ("body", "user_id")}
    assert "class 'class-1' does not exist" in problems[0]["msg"] + problems[1]["msg"]
    assert (await api.get("/v1/enrollments/e-1")).status_code == 404
    listed = await api.get("/v1/enrollments")
    assert listed.json() == {"items": [], "next_cursor": None}


async def test_a_class_needs_its_course_school_and_sessions(api: Api) -> None:
    response = await api.put("/v1/classes/c-1", CLASS)
    assert response.status_code == 422
    locs = {tuple(p["loc"]) for p in response.json()["errors"]}
    assert locs == {("body", "course_id"), ("body", "school_id"), ("body", "session_ids", 0)}


async def test_validation_lists_every_problem(api: Api) -> None:
    response = await api.put(
        "/v1/academic-sessions/s-1",
        {"title": "", "type": "decade", "start_date": "2026-13-01", "end_date": "x"},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["type"] == "/problems/validation"
    assert body["status"] == 422
    locs = {tuple(p["loc"]) for p in body["errors"]}
    assert locs == {
        ("body", "title"),
        ("body", "type"),
        ("body", "start_date"),
        ("body", "end_date"),
    }


async def test_dates_out_of_order_are_a_domain_problem(api: Api) -> None:
    response = await api.put(
        "/v1/academic-sessions/s-1",
        {"title": "Y", "type": "term", "start_date": "2026-09-01", "end_date": "2026-08-01"},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"loc": ["body", "end_date"], "msg": "must not be before start_date (2026-09-01)"}
    ]


async def test_malformed_json_and_unknown_fields_are_422(api: Api) -> None:
    broken = await api.http.put(
        "/v1/orgs/o-1",
        content=b'{"name": ',
        headers={**api.auth, "content-type": "application/json"},
    )
    assert broken.status_code == 422
    assert broken.json()["errors"][0]["type"] == "json_invalid"
    extra = await api.put("/v1/orgs/o-1", {**DISTRICT, "colour": "blue"})
    assert extra.status_code == 422
    assert extra.json()["errors"][0]["loc"] == ["body", "colour"]


async def test_body_id_must_match_the_path(api: Api) -> None:
    response = await api.put("/v1/orgs/o-1", {**DISTRICT, "id": "o-2"})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"loc": ["body", "id"], "msg": "must be 'o-1' or omitted"}]
    same = await api.put("/v1/orgs/o-1", {**DISTRICT, "id": "o-1"})
    assert same.status_code == 201


async def test_delete_retires_a_record_hides_it_and_keeps_it(api: Api) -> None:
    await seed_roster(api)
    assert (await api.delete("/v1/users/student-1")).status_code == 204
    assert (await api.get("/v1/users/student-1")).status_code == 404
    assert (await api.delete("/v1/users/student-1")).status_code == 404
    active = (await api.get("/v1/users")).json()["items"]
    assert [u["id"] for u in active] == ["teacher-1"]
    retired = (await api.get("/v1/users", params={"status": "tobedeleted"})).json()["items"]
    assert [(u["id"], u["status"]) for u in retired] == [("student-1", "tobedeleted")]
    # A retired user cannot be enrolled again until it is PUT back.
    again = await api.put("/v1/enrollments/enroll-2", ENROLL_STUDENT)
    assert again.status_code == 422
    revived = await api.put("/v1/users/student-1", STUDENT)
    assert revived.status_code == 200
    assert revived.json()["status"] == "active"


async def test_lists_page_with_cursors_in_id_order(api: Api) -> None:
    await api.put("/v1/orgs/district-1", DISTRICT)
    ids = [f"school-{n:02d}" for n in range(7)]
    for id_ in reversed(ids):
        await api.put(f"/v1/orgs/{id_}", {"name": id_, "type": "school", "parent_id": "district-1"})
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 3, "type": "school"} | ({"cursor": cursor} if cursor else {})
        page = (await api.get("/v1/orgs", params=params)).json()
        seen += [o["id"] for o in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids
    assert pages == 3  # 3 + 3 + 1


async def test_a_forged_cursor_is_422(api: Api) -> None:
    response = await api.get("/v1/orgs", params={"cursor": "%%%"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "cursor"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"role": "student"}, ["student-1"]),
        ({"role": "teacher"}, ["teacher-1"]),
        ({"org_id": "school-1"}, ["student-1", "teacher-1"]),
        ({"org_id": "district-1"}, []),
        ({"class_id": "class-1"}, ["student-1", "teacher-1"]),
        ({"grade": "04"}, ["student-1"]),
        ({"grade": "05"}, []),
    ],
)
async def test_user_filters(api: Api, params: dict[str, str], expected: list[str]) -> None:
    await seed_roster(api)
    response = await api.get("/v1/users", params=params)
    assert [u["id"] for u in response.json()["items"]] == expected


async def test_updated_since_filters_by_change_time(api: Api) -> None:
    await seed_roster(api)
    late = (await api.put("/v1/users/student-1", {**STUDENT, "given_name": "Samira"})).json()
    response = await api.get("/v1/users", params={"updated_since": late["updated_at"]})
    assert [u["id"] for u in response.json()["items"]] == ["student-1"]


async def test_enrollment_and_class_filters(api: Api) -> None:
    await seed_roster(api)
    by_user = await api.get("/v1/enrollments", params={"user_id": "student-1"})
    assert [e["id"] for e in by_user.json()["items"]] == ["enroll-s1"]
    by_role = await api.get("/v1/enrollments", params={"role": "teacher"})
    assert [e["id"] for e in by_role.json()["items"]] == ["enroll-t1"]
    by_school = await api.get("/v1/classes", params={"school_id": "school-1"})
    assert [c["id"] for c in by_school.json()["items"]] == ["class-1"]
    by_course = await api.get("/v1/courses", params={"org_id": "district-1"})
    assert [c["id"] for c in by_course.json()["items"]] == ["course-1"]


async def test_class_students_and_teachers(api: Api) -> None:
    await seed_roster(api)
    students = await api.get("/v1/classes/class-1/students")
    assert [u["id"] for u in students.json()["items"]] == ["student-1"]
    teachers = await api.get("/v1/classes/class-1/teachers")
    assert [u["id"] for u in teachers.json()["items"]] == ["teacher-1"]
    await api.delete("/v1/enrollments/enroll-s1")
    assert (await api.get("/v1/classes/class-1/students")).json()["items"] == []
    assert (await api.get("/v1/classes/nope/students")).status_code == 404


async def test_demographics_need_an_existing_user(api: Api) -> None:
    response = await api.put("/v1/users/ghost/demographics", {"sex": "male"})
    assert response.status_code == 404
    assert response.json()["detail"] == "No user 'ghost'"


async def test_body_over_the_limit_is_413(api: Api) -> None:
    big = {**DISTRICT, "name": "x" * (11 * 1024 * 1024)}
    response = await api.put("/v1/orgs/o-1", big)
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert (await api.get("/v1/orgs/o-1")).status_code == 404


async def test_streamed_body_over_the_limit_is_413(api: Api) -> None:
    async def chunks():  # no Content-Length: the limit is enforced while reading
        for _ in range(12):
            yield b"x" * (1024 * 1024)

    response = await api.http.put(
        "/v1/orgs/o-1", content=chunks(), headers={**api.auth, "content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["status"] == 413


async def test_every_answer_carries_a_request_id(api: Api) -> None:
    given = await api.get("/v1/orgs", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = await api.get("/v1/orgs/none")
    assert len(made.headers["x-request-id"]) == 32
    assert made.json()["request_id"] == made.headers["x-request-id"]
