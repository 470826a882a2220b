"""A framework body whose types are wrong answers its repeated competency ids in the same 422
(app/api/rest/framework_one_pass.py), located and worded as the tree's own check words them
when the body can be read (shown first, so the two cannot drift apart)."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api


def problems(response: Any) -> list[tuple[tuple[object, ...], str]]:
    return [(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]]


def tree(code: object = "B2") -> list[dict[str, Any]]:
    """'b' nested under 'a', then again as a root (with `code`)."""
    nested = [{"id": "b", "code": "B", "statement": "b"}]
    return [
        {"id": "a", "code": "A", "statement": "a", "children": nested},
        {"id": "b", "code": code, "statement": "b2"},
        {"id": "a", "code": "A2", "statement": "a2"},
    ]


async def test_repeated_ids_come_with_the_type_errors(api: Api) -> None:
    readable = await api.post(
        "/v1/frameworks", json={"id": "fw", "title": "T", "competencies": tree()}
    )
    assert readable.status_code == 422
    repeats = [
        (("body", "competencies", 1, "id"), "repeats the id 'b'"),
        (("body", "competencies", 2, "id"), "repeats the id 'a'"),
    ]
    assert problems(readable) == repeats
    body = {
        "id": "fw",
        "title": "T",
        "competencies": tree(code=5),
        "calculation": {"method": "decaying_average", "weight": "x"},
    }
    response = await api.post("/v1/frameworks", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert problems(response) == [
        (
            ("body", "calculation", "weight"),
            "Input should be a valid number, unable to parse string as a number",
        ),
        (("body", "competencies", 1, "code"), "Input should be a valid string"),
        *repeats,
    ]
    assert (await api.get("/v1/frameworks")).json()["items"] == []
    # PUT reads the same body.
    replaced = await api.put("/v1/frameworks/fw", json={"title": "T", "competencies": tree(code=5)})
    assert replaced.status_code == 422
    assert problems(replaced) == [
        (("body", "competencies", 1, "code"), "Input should be a valid string"),
        *repeats,
    ]
