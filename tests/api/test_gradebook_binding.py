"""The OneRoster 1.2 gradebook JSON binding: what a vendor's client sends and reads back,
liberal shapes, imsx_StatusInfo errors field by field, and collection paging and queries."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from app.bootstrap import Container
from app.domain.access import Scope
from tests.api.gradebook_data import GRADEBOOK, line_item, put_result, result, seed_gradebook
from tests.conftest import Api, token_for

BASE = f"http://test{GRADEBOOK}"
# Roster references point at the service's own records, which answer (issue #12, finding 2).
ROSTERING = "http://test/v1"


def _minor(body: dict[str, Any]) -> list[tuple[str, str]]:
    fields = body["imsx_CodeMinor"]["imsx_codeMinorField"]
    return [(f["imsx_codeMinorFieldName"], f["imsx_codeMinorFieldValue"]) for f in fields]


async def test_a_line_item_answers_in_the_binding_with_guidrefs(api: Api) -> None:
    await seed_gradebook(api)
    response = await api.get(f"{GRADEBOOK}/lineItems/li-1")
    assert response.status_code == 200
    item = response.json()["lineItem"]
    assert item.pop("dateLastModified").endswith("Z")
    assert item == {
        "sourcedId": "li-1",
        "status": "active",
        "title": "Place value quiz",
        "assignDate": "2026-09-01T08:00:00.000Z",
        "dueDate": "2026-09-08T23:59:00.000Z",
        "class": {"href": f"{ROSTERING}/classes/class-1", "sourcedId": "class-1", "type": "class"},
        "school": {"href": f"{ROSTERING}/orgs/school-1", "sourcedId": "school-1", "type": "org"},
        "category": {
            "href": f"{BASE}/categories/cat-quizzes",
            "sourcedId": "cat-quizzes",
            "type": "category",
        },
        "resultValueMax": 10.0,
        "learningObjectiveSet": [{"source": "case", "learningObjectiveIds": ["s-1", "s-2"]}],
    }
    again = await api.put(f"{GRADEBOOK}/lineItems/li-1", line_item("s-1", "s-2"))
    assert again.status_code == 200
    assert again.json()["lineItem"] == response.json()["lineItem"]


async def test_liberal_shapes_are_accepted_and_answered_in_the_specs_spelling(api: Api) -> None:
    await seed_gradebook(api)
    item = await api.put(
        f"{GRADEBOOK}/lineItems/li-2",
        {
            "lineItem": {
                "title": "Exit ticket",
                "class": "class-1",  # a bare sourcedId instead of a GUIDRef
                "resultValueMax": "4",  # a number as text
                "learningObjectiveSet": {"source": "CASE", "learningObjectiveIds": ["s-1"]},
                "gradingPeriod": {"sourcedId": "gp-1"},  # not kept, not refused
            }
        },
    )
    assert item.status_code == 201, item.text
    assert item.json()["lineItem"]["class"]["sourcedId"] == "class-1"
    assert item.json()["lineItem"]["learningObjectiveSet"] == [
        {"source": "CASE", "learningObjectiveIds": ["s-1"]}
    ]

    body = await put_result(
        api,
        "r-1",
        {
            "result": {
                "sourcedId": "r-1",
                "lineItem": "li-2",
                "student": "student-1",
                "scoreStatus": "fullyGraded",
                "score": "3",
                "scoreDate": "2026-09-14T15:00:00",  # no zone: UTC
                "late": "true",
                "missing": False,
                "learningObjectiveSet": {
                    "source": "unknown",
                    "learningObjectiveResults": [{"learningObjectiveId": "s-1", "score": "2"}],
                },
            }
        },
    )
    assert body["scoreStatus"] == "fully graded"
    assert body["score"] == 3.0
    assert body["scoreDate"] == "2026-09-14T15:00:00.000Z"
    assert (body["late"], body["missing"]) == ("true", "false")
    assert body["lineItem"] == {
        "href": f"{BASE}/lineItems/li-2",
        "sourcedId": "li-2",
        "type": "lineItem",
    }
    assert body["student"] == {
        "href": f"{ROSTERING}/users/student-1",
        "sourcedId": "student-1",
        "type": "user",
    }
    # The result names no class: it is in its line item's.
    assert body["class"]["sourcedId"] == "class-1"
    assert body["learningObjectiveSet"] == [
        {
            "source": "unknown",
            "learningObjectiveResults": [{"learningObjectiveId": "s-1", "score": 2.0}],
        }
    ]
    # The per-objective score, 2 of 4, is the evidence (its own score, not the overall 3).
    assert body["metadata"] == {"masteryEvidence": {"competencies": ["s-1"], "ignored": []}}


async def test_metadata_is_kept_and_the_report_is_never_taken_from_the_vendor(api: Api) -> None:
    await seed_gradebook(api)
    sent = result(8, metadata={"attempt": 2, "masteryEvidence": {"competencies": ["forged"]}})
    body = await put_result(api, "r-1", sent)
    assert body["metadata"] == {
        "attempt": 2,
        "masteryEvidence": {"competencies": ["s-1", "s-2"], "ignored": []},
    }
    # What a client read, sent back, is no change.
    again = await put_result(api, "r-1", {"result": body}, status=200)
    assert again == body


async def test_result_problems_are_status_info_field_by_field(api: Api) -> None:
    await seed_gradebook(api)
    unknown = await api.put(f"{GRADEBOOK}/results/r-1", result(8, item="li-404", student="nobody"))
    assert unknown.status_code == 422
    assert unknown.headers["content-type"] == "application/json"
    assert unknown.json() == {
        "imsx_codeMajor": "failure",
        "imsx_severity": "error",
        "imsx_description": "The result is not valid (result.lineItem: line item 'li-404' does "
        "not exist; result.student: student 'nobody' does not exist)",
        "imsx_CodeMinor": {
            "imsx_codeMinorField": [
                {
                    "imsx_codeMinorFieldName": "result.lineItem",
                    "imsx_codeMinorFieldValue": "invaliddata",
                },
                {
                    "imsx_codeMinorFieldName": "result.student",
                    "imsx_codeMinorFieldValue": "invaliddata",
                },
            ]
        },
    }

    unread = await api.put(
        f"{GRADEBOOK}/results/r-1",
        {
            "result": {
                "sourcedId": "r-2",
                "lineItem": "li-1",
                "student": "student-1",
                "scoreStatus": "graded",
            }
        },
    )
    assert unread.status_code == 422
    assert _minor(unread.json()) == [
        ("result.sourcedId", "invaliddata"),
        ("result.scoreStatus", "invaliddata"),
        ("result.scoreDate", "invaliddata"),
    ]
    assert unread.json()["imsx_description"] == (
        "The result is not valid (result.sourcedId: is 'r-2', but the path names 'r-1'; "
        "result.scoreStatus: 'graded' is not one of exempt, fully graded, not submitted, "
        "partially graded, submitted; result.scoreDate: is required)"
    )

    repeated = await api.put(
        f"{GRADEBOOK}/results/r-1", result(None, objectives={"s-1": 1, "s-2": 2} | {"s-1 ": 3})
    )
    assert _minor(repeated.json()) == [
        (
            "result.learningObjectiveSet[0].learningObjectiveResults[2].learningObjectiveId",
            "invaliddata",
        )
    ]


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (b'{"result": {', "TargetEndSystem"),  # not JSON
        (b'{"result": {"score": "eight"}}', "result.score"),
        (b'{"results": []}', "result"),
        # Not UTF-8 at all: FastAPI's own 400 "error parsing the body" (found by the fuzzer).
        (b"\x07\xc3\x1c=Qlv\xe9\x08o", "TargetEndSystem"),
    ],
)
async def test_an_unreadable_request_is_a_bad_request(api: Api, content: bytes, field: str) -> None:
    response = await api.request(
        "PUT",
        f"{GRADEBOOK}/results/r-1",
        content=content,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    body = response.json()
    assert (body["imsx_codeMajor"], body["imsx_severity"]) == ("failure", "error")
    assert (field, "invaliddata") in _minor(body)


async def test_unknown_records_and_missing_tokens_and_scopes(
    api: Api, container: Container
) -> None:
    await seed_gradebook(api)
    missing = await api.get(f"{GRADEBOOK}/results/nope")
    assert missing.status_code == 404
    assert missing.json() == {
        "imsx_codeMajor": "failure",
        "imsx_severity": "error",
        "imsx_description": "No result 'nope'",
        "imsx_CodeMinor": {
            "imsx_codeMinorField": [
                {
                    "imsx_codeMinorFieldName": "TargetEndSystem",
                    "imsx_codeMinorFieldValue": "unknownobject",
                }
            ]
        },
    }
    no_class = await api.get(f"{GRADEBOOK}/classes/class-404/results")
    assert (no_class.status_code, _minor(no_class.json())) == (
        404,
        [("TargetEndSystem", "unknownobject")],
    )

    anonymous = await api.http.get(f"{GRADEBOOK}/lineItems")
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"] == 'Bearer realm="mastery"'
    assert _minor(anonymous.json()) == [("TargetEndSystem", "unauthorisedrequest")]

    reader = token_for(container, api.tenant, frozenset({Scope.GRADEBOOK_READONLY}))
    headers = {"Authorization": f"Bearer {reader}"}
    assert (await api.http.get(f"{GRADEBOOK}/lineItems/li-1", headers=headers)).status_code == 200
    denied = await api.http.put(
        f"{GRADEBOOK}/lineItems/li-1", json=line_item("s-1"), headers=headers
    )
    assert denied.status_code == 403
    assert _minor(denied.json()) == [("TargetEndSystem", "forbidden")]
    assert "gradebook.createput" in denied.json()["imsx_description"]


async def test_line_item_problems(api: Api) -> None:
    await seed_gradebook(api)
    response = await api.put(
        f"{GRADEBOOK}/lineItems/li-2",
        line_item("s-1", "", low=5, high=5, title=" ", **{"class": "class-9", "status": "gone"}),
    )
    assert response.status_code == 422
    assert _minor(response.json()) == [
        ("lineItem.resultValueMax", "invaliddata"),
        ("lineItem.learningObjectiveSet[0].learningObjectiveIds[1]", "invaliddata"),
        ("lineItem.title", "invaliddata"),
        ("lineItem.status", "invaliddata"),
    ]
    unknown_class = await api.put(
        f"{GRADEBOOK}/lineItems/li-2", line_item("s-1", **{"class": "class-9"})
    )
    assert unknown_class.status_code == 422
    assert unknown_class.json()["imsx_description"] == (
        "The line item is not valid (lineItem.class: class 'class-9' does not exist)"
    )


async def _three_line_items(api: Api) -> None:
    await seed_gradebook(api)
    for sourced_id, title in [("li-a", "Quiz A"), ("li-b", "Quiz B"), ("li-c", "Test C")]:
        put = await api.put(f"{GRADEBOOK}/lineItems/{sourced_id}", line_item("s-1", title=title))
        assert put.status_code == 201


def _links(header: str) -> dict[str, dict[str, list[str]]]:
    out = {}
    for part in header.split(", "):
        url, rel = part.split("; ")
        out[rel.removeprefix('rel="').removesuffix('"')] = parse_qs(urlsplit(url.strip("<>")).query)
    return out


async def test_collections_page_with_total_and_links(api: Api) -> None:
    await _three_line_items(api)
    first = await api.get(f"{GRADEBOOK}/lineItems", params={"limit": 2})
    assert first.status_code == 200
    assert [i["sourcedId"] for i in first.json()["lineItems"]] == ["li-1", "li-a"]
    assert first.headers["x-total-count"] == "4"
    links = _links(first.headers["link"])
    assert {rel: (q["offset"], q["limit"]) for rel, q in links.items()} == {
        "first": (["0"], ["2"]),
        "next": (["2"], ["2"]),
        "last": (["2"], ["2"]),
    }
    second = await api.get(f"{GRADEBOOK}/lineItems", params={"limit": 2, "offset": 2})
    assert [i["sourcedId"] for i in second.json()["lineItems"]] == ["li-b", "li-c"]
    assert set(_links(second.headers["link"])) == {"first", "prev", "last"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"filter": "title~'quiz'"}, ["li-1", "li-a", "li-b"]),
        ({"filter": "title='Quiz A' OR title='Test C'"}, ["li-a", "li-c"]),
        ({"filter": "title~'quiz' AND sourcedId!='li-1'"}, ["li-a", "li-b"]),
        (
            {"filter": "dateLastModified>'2020-01-01'", "sort": "title", "orderBy": "desc"},
            ["li-c", "li-b", "li-a", "li-1"],
        ),
        (
            {"filter": "class.sourcedId='class-1'", "sort": "nonsense"},
            ["li-1", "li-a", "li-b", "li-c"],
        ),
        ({"filter": "resultValueMax>='10'"}, ["li-1", "li-a", "li-b", "li-c"]),
        ({"filter": "dueDate<'2026-09-01'"}, []),
    ],
)
async def test_collections_filter_and_sort(
    api: Api, params: dict[str, str], expected: list[str]
) -> None:
    await _three_line_items(api)
    response = await api.get(f"{GRADEBOOK}/lineItems", params=params)
    assert response.status_code == 200, response.text
    assert [i["sourcedId"] for i in response.json()["lineItems"]] == expected
    assert response.headers["x-total-count"] == str(len(expected))


async def test_fields_select_what_is_answered(api: Api) -> None:
    await _three_line_items(api)
    response = await api.get(
        f"{GRADEBOOK}/lineItems", params={"fields": "sourcedId,title,nonsense", "limit": 1}
    )
    assert response.json() == {"lineItems": [{"sourcedId": "li-1", "title": "Place value quiz"}]}
    one = await api.get(f"{GRADEBOOK}/lineItems/li-a", params={"fields": "title"})
    assert one.json() == {"lineItem": {"title": "Quiz A"}}


@pytest.mark.parametrize(
    ("params", "field", "code"),
    [
        ({"filter": "grade='4'"}, "filter", "invalid_filter_field"),
        ({"filter": "title='A' AND title='B' OR title='C'"}, "filter", "invalid_filter_field"),
        ({"filter": "dueDate>'soon'"}, "filter", "invalid_filter_field"),
        ({"filter": "title"}, "filter", "invalid_filter_field"),
        ({"limit": 0}, "limit", "invaliddata"),
        ({"offset": -1}, "offset", "invaliddata"),
        ({"orderBy": "sideways"}, "orderBy", "invaliddata"),
    ],
)
async def test_a_query_that_cannot_be_followed_is_a_bad_request(
    api: Api, params: dict[str, Any], field: str, code: str
) -> None:
    response = await api.get(f"{GRADEBOOK}/lineItems", params=params)
    assert response.status_code == 400
    assert _minor(response.json()) == [(field, code)]


async def test_results_of_a_class_and_result_filters(api: Api) -> None:
    await seed_gradebook(api)
    await put_result(api, "r-1", result(8))
    await put_result(api, "r-2", result(None, status="not submitted"))
    of_class = await api.get(f"{GRADEBOOK}/classes/class-1/results")
    assert [r["sourcedId"] for r in of_class.json()["results"]] == ["r-1", "r-2"]
    assert of_class.headers["x-total-count"] == "2"
    graded = await api.get(
        f"{GRADEBOOK}/results", params={"filter": "scoreStatus='fully graded' AND score>='8'"}
    )
    assert [r["sourcedId"] for r in graded.json()["results"]] == ["r-1"]
    by_student = await api.get(
        f"{GRADEBOOK}/results",
        params={"filter": "student.sourcedId='student-1'", "sort": "scoreStatus"},
    )
    # "fully graded" sorts before "not submitted".
    assert [r["sourcedId"] for r in by_student.json()["results"]] == ["r-1", "r-2"]


async def test_a_deleted_line_item_is_hidden_and_its_results_count_for_nothing(api: Api) -> None:
    await seed_gradebook(api)
    await put_result(api, "r-1", result(8))
    deleted = await api.put(
        f"{GRADEBOOK}/lineItems/li-1", line_item("s-1", "s-2", status="tobedeleted")
    )
    assert deleted.status_code == 200
    assert (await api.get(f"{GRADEBOOK}/lineItems/li-1")).status_code == 404
    assert (await api.get(f"{GRADEBOOK}/lineItems")).json()["lineItems"] == []
    listed = await api.get(f"{GRADEBOOK}/lineItems", params={"filter": "status='tobedeleted'"})
    assert [i["sourcedId"] for i in listed.json()["lineItems"]] == ["li-1"]
    report = (await api.get(f"{GRADEBOOK}/results/r-1")).json()["result"]["metadata"]
    assert report["masteryEvidence"]["notCounted"] == "its line item 'li-1' is deleted"
    late = await api.put(f"{GRADEBOOK}/results/r-2", result(8))
    assert _minor(late.json()) == [("result.lineItem", "invaliddata")]


async def test_a_reference_too_long_to_keep_is_refused_not_a_server_error(api: Api) -> None:
    await seed_gradebook(api)
    response = await api.put(f"{GRADEBOOK}/lineItems/li-2", line_item("s-1", school="s" * 300))
    assert response.status_code == 422
    assert _minor(response.json()) == [("lineItem.school", "invaliddata")]


async def test_an_offset_past_the_end_is_an_empty_page(api: Api) -> None:
    await seed_gradebook(api)
    past = await api.get(f"{GRADEBOOK}/lineItems", params={"offset": 10**15})
    assert (past.status_code, past.json(), past.headers["x-total-count"]) == (
        200,
        {"lineItems": []},
        "1",
    )
    beyond = await api.get(f"{GRADEBOOK}/lineItems", params={"offset": 10**19})
    assert _minor(beyond.json()) == [("offset", "invaliddata")]


async def test_every_reference_of_a_result_and_its_line_item_answers_when_followed(
    api: Api,
) -> None:
    """A client that follows a GUIDRef's href finds the record (the roster ones once pointed at
    a rostering path this service does not serve, and answered 404). Categories and score
    scales are references the service keeps but does not serve."""
    await seed_gradebook(api)
    body = await put_result(api, "r-1", result(8))
    item = (await api.get(f"{GRADEBOOK}/lineItems/li-1")).json()["lineItem"]
    refs = [body["lineItem"], body["student"], body["class"], item["class"], item["school"]]
    followed = {ref["href"]: (await api.get(ref["href"])).status_code for ref in refs}
    assert followed == {ref["href"]: 200 for ref in refs}
    student = (await api.get(body["student"]["href"])).json()
    assert student["id"] == body["student"]["sourcedId"]
