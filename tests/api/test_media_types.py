"""A body sent without its media type, or as another, is a 415 naming the header and what the
operation reads: problem+json on REST, imsx_StatusInfo under the OneRoster gradebook."""

from __future__ import annotations

import json

import pytest

from app.api.standards.gradebook_json import GRADEBOOK
from tests.api.gradebook_data import line_item
from tests.conftest import Api

BATCH = json.dumps({"items": []}).encode()


@pytest.mark.parametrize(
    ("headers", "said"),
    [
        ({}, "no Content-Type"),
        ({"Content-Type": "text/plain"}, "Content-Type text/plain"),
        (
            {"Content-Type": "application/x-www-form-urlencoded"},
            "Content-Type application/x-www-form-urlencoded",
        ),
    ],
)
async def test_a_json_body_sent_as_something_else_is_a_415(
    api: Api, headers: dict[str, str], said: str
) -> None:
    response = await api.request("POST", "/v1/evidence", content=BATCH, headers=headers)
    assert response.status_code == 415
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == "/problems/unsupported-media-type"
    assert body["detail"] == f"The body was sent with {said}; this operation reads application/json"
    assert body["errors"] == [
        {"loc": ["header", "content-type"], "msg": "must be one of application/json"}
    ]


async def test_a_media_type_parameter_and_case_do_not_matter(api: Api) -> None:
    # The empty batch reaches the use case (which refuses it), so the type was accepted.
    response = await api.request(
        "POST",
        "/v1/evidence",
        content=BATCH,
        headers={"Content-Type": "Application/JSON; charset=utf-8"},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [{"loc": ["body", "items"], "msg": "has 0 items"}]


async def test_a_patch_in_the_wrong_type_names_the_patch_formats(api: Api) -> None:
    response = await api.request(
        "PATCH", "/v1/frameworks/any", content=b"{}", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 415
    accepted = "application/merge-patch+json, application/json"
    assert response.headers["accept-patch"] == accepted
    assert response.json()["errors"] == [
        {"loc": ["header", "content-type"], "msg": f"must be one of {accepted}"}
    ]


async def test_a_form_endpoint_refuses_json(api: Api) -> None:
    response = await api.request(
        "POST",
        "/oauth/token",
        content=b'{"grant_type": "client_credentials"}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 415
    assert response.json()["errors"][0]["msg"] == (
        "must be one of application/x-www-form-urlencoded, multipart/form-data"
    )


async def test_no_body_needs_no_media_type(api: Api) -> None:
    # DELETE and bodiless requests are not asked for one (an unknown id: 404, not 415).
    assert (await api.delete("/v1/evidence/nothing")).status_code == 404


async def test_the_gradebook_answers_its_own_status_info(api: Api) -> None:
    response = await api.request(
        "PUT",
        f"{GRADEBOOK}/lineItems/li-1",
        content=json.dumps(line_item("s-1")).encode(),
        headers={"Content-Type": "text/plain"},
    )
    assert response.status_code == 415
    body = response.json()
    assert (body["imsx_codeMajor"], body["imsx_severity"]) == ("failure", "error")
    assert body["imsx_CodeMinor"]["imsx_codeMinorField"] == [
        {
            "imsx_codeMinorFieldName": "header.content-type",
            "imsx_codeMinorFieldValue": "invaliddata",
        }
    ]


async def test_a_route_reading_its_own_body_takes_it_untyped_but_not_mistyped(api: Api) -> None:
    # The CASE import reads its body as a package whatever the type: untyped, the reader
    # answers (here: not a package); typed as something else, 415.
    untyped = await api.request("POST", "/v1/frameworks/import/case", content=b"[]")
    assert untyped.status_code == 422
    mistyped = await api.request(
        "POST",
        "/v1/frameworks/import/case",
        content=b"[]",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert mistyped.status_code == 415
    assert mistyped.json()["errors"] == [
        {"loc": ["header", "content-type"], "msg": "must be one of application/json"}
    ]
