"""The xAPI statement resource, written from xAPI 1.0.3 (Part Two: statements; Part Three:
HTTP): the version header, PUT/POST/GET, idempotency and conflicts, normalisation, score
rules (zero included), voiding, Basic and Bearer auth, and tenancy. Both databases; no roster
is needed (statements naming no one are stored all the same)."""

from __future__ import annotations

from typing import Any

from app.bootstrap import Container
from tests.api.xapi_data import V, basic, get, post, put, statement, voiding
from tests.conftest import Api, test_client_id

ID1 = "fd41c918-b88b-4b20-a0a5-a4c32391aaa0"  # the spec's example id (Part Two §2.4.1)
ID2 = "7ccd3322-e1a5-411a-a67d-6a735c76f119"
ID3 = "3a9ac4a6-42f4-4bd6-a0a6-7bf2a6c0c8b5"


async def test_about_answers_without_the_version_header_and_names_the_versions(api: Api) -> None:
    response = await api.get("/xapi/about")
    assert response.status_code == 200
    assert response.json() == {"version": ["1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0"]}
    assert response.headers["X-Experience-API-Version"] == "1.0.3"


async def test_the_version_header_is_required_checked_and_echoed(api: Api) -> None:
    missing = await post(api, statement(ID1), headers={})
    assert missing.status_code == 400
    assert missing.headers["content-type"] == "application/problem+json"
    assert "X-Experience-API-Version" in missing.json()["detail"]
    unknown = await post(api, statement(ID1), headers={"X-Experience-API-Version": "0.95"})
    assert unknown.status_code == 400
    assert (await get(api, statementId=ID1)).status_code == 404  # neither stored anything
    assert (await api.get("/xapi/statements")).status_code == 400
    two = await post(api, statement(ID1), headers={"X-Experience-API-Version": "2.0.0"})
    assert two.status_code == 200, two.text
    assert two.headers["X-Experience-API-Version"] == "2.0.0"
    one = await get(api, statementId=ID1)
    assert one.headers["X-Experience-API-Version"] == "1.0.3"


async def test_put_stores_normalised_with_what_the_lrs_sets(api: Api) -> None:
    body = statement(
        None,
        actor={"mbox": "mailto:Sam.Study@Example.ORG", "name": "Sam"},
        context={"contextActivities": {"parent": {"id": "http://example.com/course/1"}}},
    )
    response = await put(api, ID1, body)
    assert response.status_code == 204, response.text
    got = await get(api, statementId=ID1)
    assert got.status_code == 200
    assert "X-Experience-API-Consistent-Through" in got.headers
    stored = got.json()
    assert stored["id"] == ID1
    assert stored["actor"]["mbox"] == "mailto:sam.study@example.org"
    # A single activity is an array of one.
    assert stored["context"]["contextActivities"] == {
        "parent": [{"id": "http://example.com/course/1"}]
    }
    assert stored["version"] == "1.0.0"
    assert stored["authority"] == {
        "objectType": "Agent",
        "account": {"homePage": "http://test", "name": test_client_id(api.tenant)},
    }
    assert stored["stored"].endswith("Z")
    assert stored["timestamp"] == "2026-09-14T15:00:00Z"


async def test_same_statement_again_is_skipped_and_a_different_one_conflicts(
    api: Api, container: Container
) -> None:
    first = statement(ID1, score={"scaled": 0.8})
    assert (await put(api, ID1, first)).status_code == 204
    before = (await get(api, statementId=ID1)).json()
    # The same content, the timestamp written with another offset: the same instant.
    again = {**first, "timestamp": "2026-09-14T10:00:00-05:00"}
    assert (await put(api, ID1, again)).status_code == 204
    posted = await post(api, [again])
    assert (posted.status_code, posted.json()) == (200, [ID1])
    assert (await get(api, statementId=ID1)).json()["stored"] == before["stored"]
    page = (await get(api)).json()["statements"]
    assert [s["id"] for s in page] == [ID1]  # still one row
    changed = statement(ID1, score={"scaled": 0.5})
    conflict = await put(api, ID1, changed)
    assert conflict.status_code == 409
    assert conflict.json()["errors"] == [
        {"loc": [0, "id"], "msg": f"statement {ID1} is stored with other content"}
    ]
    # A batch with a conflict writes nothing, not even its other statements.
    batch = await post(api, [statement(ID2), changed])
    assert batch.status_code == 409
    assert (await get(api, statementId=ID2)).status_code == 404


async def test_post_stores_an_array_in_order_and_assigns_missing_ids(api: Api) -> None:
    response = await post(api, [statement(ID2), statement(None), statement(ID1)])
    assert response.status_code == 200, response.text
    ids = response.json()
    assert ids[0] == ID2
    assert ids[2] == ID1
    assert len(ids[1]) == 36
    assert ids[1] not in (ID1, ID2)
    assert (await get(api, statementId=ids[1])).json()["id"] == ids[1]
    single = await post(api, statement(ID3))
    assert single.json() == [ID3]


async def test_every_problem_of_a_batch_is_listed_and_nothing_is_stored(api: Api) -> None:
    bad_scaled = statement(ID1, score={"scaled": 1.5})
    bad_raw = statement(ID2, score={"raw": 11, "min": 0, "max": 10})
    bad_range = statement(ID3, score={"raw": 5, "min": 10, "max": 10}, verb={"id": "answered"})
    response = await post(api, [bad_scaled, bad_raw, bad_range])
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert [tuple(e["loc"]) for e in response.json()["errors"]] == [
        (0, "result", "score", "scaled"),
        (1, "result", "score", "raw"),
        (2, "verb", "id"),
        (2, "result", "score", "max"),
        (2, "result", "score", "raw"),
    ]
    for sid in (ID1, ID2, ID3):
        assert (await get(api, statementId=sid)).status_code == 404


async def test_actor_rules_one_identifier_and_a_mailto_mbox(api: Api) -> None:
    two = statement(ID1, actor={"mbox": "mailto:a@example.org", "openid": "http://a.example"})
    none = statement(ID2, actor={"objectType": "Agent", "name": "Nobody"})
    plain = statement(ID3, actor={"mbox": "a@example.org"})
    response = await post(api, [two, none, plain])
    assert response.status_code == 400
    assert [(e["loc"], e["msg"]) for e in response.json()["errors"]] == [
        ([0, "actor"], "must have exactly one inverse functional identifier, has 2"),
        ([1, "actor"], "must have exactly one inverse functional identifier, has 0"),
        ([2, "actor", "mbox"], "must be a mailto: IRI"),
    ]


async def test_a_zero_score_is_kept_as_zero(api: Api) -> None:
    zero = statement(ID1, score={"scaled": 0, "raw": 0, "min": 0, "max": 10})
    assert (await put(api, ID1, zero)).status_code == 204
    assert (await get(api, statementId=ID1)).json()["result"]["score"] == {
        "scaled": 0,
        "raw": 0,
        "min": 0,
        "max": 10,
    }


async def test_put_refuses_a_body_id_other_than_statement_id(api: Api) -> None:
    response = await put(api, ID1, statement(ID2))
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"loc": ["id"], "msg": "must be the statementId of the request"}
    ]


async def test_get_pages_with_more_since_until_and_ascending(
    api: Api, container: Container
) -> None:
    for sid in (ID1, ID2, ID3):  # three batches: three stored instants, in this order
        assert (await post(api, [statement(sid)])).status_code == 200
    newest = await get(api, limit=2)
    body = newest.json()
    assert [s["id"] for s in body["statements"]] == [ID3, ID2]
    assert body["more"].startswith("/xapi/statements?")
    rest = (await api.get(body["more"], headers=V)).json()
    assert ([s["id"] for s in rest["statements"]], rest["more"]) == ([ID1], "")
    oldest = (await get(api, ascending="true")).json()
    assert [s["id"] for s in oldest["statements"]] == [ID1, ID2, ID3]
    stored = {s["id"]: s["stored"] for s in oldest["statements"]}
    since = (await get(api, since=stored[ID1])).json()
    assert {s["id"] for s in since["statements"]} == {ID2, ID3}
    until = (await get(api, until=stored[ID2])).json()
    assert {s["id"] for s in until["statements"]} == {ID1, ID2}
    both = await get(api, statementId=ID1, voidedStatementId=ID2)
    assert both.status_code == 400


async def test_basic_auth_with_the_clients_id_and_secret(api: Api, container: Container) -> None:
    access = container.use_cases.access
    writer = await access.create_client(
        tenant_slug=api.tenant.slug, scopes="evidence:write mastery:read", name="lrs"
    )
    reader = await access.create_client(
        tenant_slug=api.tenant.slug, scopes="mastery:read", name="reader"
    )
    ok = await api.http.post(
        "/xapi/statements",
        json=statement(ID1),
        headers=basic(writer.client_id, writer.client_secret),
    )
    assert (ok.status_code, ok.json()) == (200, [ID1])
    wrong = await api.http.post(
        "/xapi/statements", json=statement(ID2), headers=basic(writer.client_id, "nope")
    )
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == 'Basic realm="xapi"'
    refused = await api.http.post(
        "/xapi/statements",
        json=statement(ID2),
        headers=basic(reader.client_id, reader.client_secret),
    )
    assert refused.status_code == 403
    read = await api.http.get(
        "/xapi/statements",
        params={"statementId": ID1},
        headers=basic(reader.client_id, reader.client_secret),
    )
    assert read.status_code == 200
    assert read.json()["authority"]["account"]["name"] == writer.client_id
    anonymous = await api.http.get("/xapi/statements", headers=V)
    assert anonymous.status_code == 401


async def test_another_tenant_cannot_read_them(api: Api, other_api: Api) -> None:
    assert (await put(api, ID1, statement(ID1))).status_code == 204
    assert (await get(other_api, statementId=ID1)).status_code == 404
    assert (await get(other_api)).json()["statements"] == []


def _ids(page: dict[str, Any]) -> list[str]:
    return [s["id"] for s in page["statements"]]


async def test_voided_statements_are_found_only_as_voided(api: Api) -> None:
    assert (await post(api, [statement(ID1), voiding(ID2, ID1)])).status_code == 200
    # The target arrived in the same batch as its voiding statement; voiding it again is
    # harmless.
    assert (await post(api, [voiding(ID3, ID1)])).status_code == 200
    assert (await get(api, statementId=ID1)).status_code == 404
    voided = await get(api, voidedStatementId=ID1)
    assert voided.status_code == 200
    assert voided.json()["id"] == ID1
    assert (await get(api, voidedStatementId=ID3)).status_code == 404  # not voided
    assert set(_ids((await get(api)).json())) == {ID2, ID3}
    target_is_voiding = await post(api, [voiding("9a6a4b6c-3f1e-4c1e-9d63-2f1c7d3a0b11", ID3)])
    assert target_is_voiding.status_code == 400
