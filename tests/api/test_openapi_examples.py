"""The OpenAPI document is worth reading: every operation says what it does, and shows a
request (where it takes a body) and a success answer; every example in the document validates
against its schema (JSON Schema 2020-12, which OpenAPI 3.1's schemas are, checked by
jsonschema-rs with formats on); the request examples of the writing operations are accepted by
the real app over the demo district, and every read answers 200 with its parameters' examples,
so an example a reader copies works."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import jsonschema_rs
import pytest

from app.api.openapi_examples import OPERATIONS, SCHEMAS
from app.bootstrap import Container
from app.main import app as main_app
from tests.conftest import Api

Schema = dict[str, Any]
METHODS = ("get", "put", "post", "patch", "delete")
# What a description must not lean on: the project's own tracker and records.
INTERNAL = re.compile(r"\bissue\b|#\d+|docs/decisions|\bsee the table\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def document() -> Schema:
    return main_app.openapi()


def _operations(document: Schema) -> Iterator[tuple[str, str, Schema]]:
    for path, methods in document["paths"].items():
        for method in METHODS:
            if method in methods:
                yield path, method, methods[method]


def _has_example(content: Schema) -> bool:
    return bool(content.get("example") is not None or content.get("examples"))


def _examples(content: Schema) -> list[Any]:
    found = [content["example"]] if "example" in content else []
    return found + [e["value"] for e in content.get("examples", {}).values()]


def test_every_operation_says_what_it_does(document: Schema) -> None:
    missing, internal = [], []
    for path, method, operation in _operations(document):
        # The scope note is added to every secured operation; a description is more than it.
        text = re.sub(r"\n*Scope: .*\Z", "", operation.get("description", ""), flags=re.S)
        if len(text.split()) < 8:
            missing.append(f"{method.upper()} {path}")
        if INTERNAL.search(operation.get("description", "") + operation.get("summary", "")):
            internal.append(f"{method.upper()} {path}")
    assert missing == []
    assert internal == []


def test_summaries_are_short_and_unique(document: Schema) -> None:
    summaries = [op["summary"] for _, _, op in _operations(document)]
    assert [s for s, n in Counter(summaries).items() if n > 1] == []
    assert [s for s in summaries if len(s) > 90] == []


def test_every_secured_operation_names_its_scope(document: Schema) -> None:
    for _, _, operation in _operations(document):
        for requirement in operation.get("security", []):
            for scope in requirement["OAuth2"]:
                assert f"Scope: `{scope}`" in operation["description"], operation["operationId"]


def test_every_success_answer_and_request_body_has_an_example(document: Schema) -> None:
    missing = []
    for path, method, operation in _operations(document):
        where = f"{method.upper()} {path}"
        for status, answer in operation["responses"].items():
            for media_type, content in answer.get("content", {}).items():
                # A binary answer (Parquet) has no example a document can hold.
                binary = content.get("schema", {}).get("format") == "binary"
                if status.startswith("2") and not binary and not _has_example(content):
                    missing.append(f"{where} {status} {media_type}")
        for media_type, content in operation.get("requestBody", {}).get("content", {}).items():
            if not _has_example(content):
                missing.append(f"{where} request {media_type}")
    assert missing == []


def test_every_example_entry_names_something_the_document_has(document: Schema) -> None:
    """An entry for a renamed operation or schema would otherwise be ignored without a word."""
    operation_ids = {op["operationId"] for _, _, op in _operations(document)}
    assert set(OPERATIONS) - operation_ids == set()
    assert set(SCHEMAS) - set(document["components"]["schemas"]) == set()
    for operation_id, examples in OPERATIONS.items():
        path, _, operation = next(
            o for o in _operations(document) if o[2]["operationId"] == operation_id
        )
        names = {p["name"] for p in operation.get("parameters", [])}
        assert set(examples.parameters) - names == set(), f"{operation_id} {path}"


def _places_with_examples(node: Any, at: str = "") -> Iterator[tuple[str, Schema, list[Any]]]:
    """Every (location, schema, examples) of the document: a media type's or a parameter's or
    a header's examples against its `schema`, and a schema's own `examples` against itself."""
    if isinstance(node, dict):
        if "schema" in node and isinstance(node["schema"], dict):
            found = _examples(node)
            if found:
                yield at, node["schema"], found
        if isinstance(node.get("examples"), list) and ("type" in node or "$ref" in node):
            yield at, node, node["examples"]
        if "example" in node and "schema" not in node and ("type" in node or "anyOf" in node):
            yield at, node, [node["example"]]
        for key, value in node.items():
            yield from _places_with_examples(value, f"{at}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _places_with_examples(value, f"{at}/{i}")


def test_every_example_validates_against_its_schema(document: Schema) -> None:
    components = {"components": document["components"]}
    checked, invalid = 0, []
    for at, schema, examples in _places_with_examples(document["paths"]):
        # The schema is checked as the root of a document holding the components, so that
        # its "#/components/schemas/…" references resolve as they do in the OpenAPI document.
        validator = jsonschema_rs.validator_for({**schema, **components}, validate_formats=True)
        for example in examples:
            checked += 1
            errors = [f"{e.instance_path}: {e.message}" for e in validator.iter_errors(example)]
            if errors:
                invalid.append((at, errors[:3]))
    for at, schema, examples in _places_with_examples(document["components"]):
        validator = jsonschema_rs.validator_for({**schema, **components}, validate_formats=True)
        for example in examples:
            checked += 1
            if not validator.is_valid(example):
                invalid.append((f"components{at}", [str(example)[:80]]))
    assert invalid == []
    assert checked > 150  # the walk found the examples, not an empty document


def test_a_wrong_example_fails_the_check(document: Schema) -> None:
    """The check can fail: the success example of GET /v1/orgs/{id} with its name removed and
    its type misspelt is refused on both counts."""
    components = {"components": document["components"]}
    content = document["paths"]["/v1/orgs/{id}"]["get"]["responses"]["200"]["content"]
    schema = content["application/json"]["schema"]
    broken = {**_examples(content["application/json"])[0], "type": "shcool"}
    del broken["name"]
    validator = jsonschema_rs.validator_for({**schema, **components}, validate_formats=True)
    messages = [e.message for e in validator.iter_errors(broken)]
    assert len(messages) == 2
    assert any('"name" is a required property' in m for m in messages)
    assert any("shcool" in m for m in messages)


# The writing operations whose examples are sent, in an order where each finds what it refers
# to: the demo district has the course, school and students; the class, user and line item the
# later ones name are made by the earlier ones. Not sent: the token form (its client is
# made-up) and the roster upload (its file is a name, not a zip).
SENT_IN_ORDER = (
    "create_client",
    "put_org",
    "put_academic_session",
    "put_course",
    "put_class",
    "put_user",
    "put_enrollment",
    "put_demographics",
    "put_roster_connection",
    "create_framework",
    "import_case",
    "replace_framework",
    "update_framework",
    "add_competency",
    "update_competency",
    "simulate_policy",
    "put_grade_rules",
    "simulate_grade_rules",
    "record_evidence",
    "set_override",
    "issue_credential",
    "put_category",
    "put_score_scale",
    "put_line_item",
    "put_result",
    "put_assessment_line_item",
    "put_assessment_result",
    "register_lti_platform",
    "create_webhook",
    # Last: closing the grading period the roster example made freezes what the others wrote,
    # and the snapshot and report-card reads then answer from it.
    "close_academic_session",
)
# Also not sent: the webhook operations on a subscription, whose id the service draws.
# Reopening is not sent either: the reads after the writes read the closed period's snapshot.
NOT_SENT = {
    "issue_token",
    "import_roster",
    "update_webhook",
    "replay_webhook",
    "reopen_academic_session",
}
# Sent, and refused as its description says: the provider's URL is on loopback, which the
# service does not fetch from unless told to. So the fuzzing run never fetches from outside.
REFUSED = {("import_case", "a-provider-s-package-url"): "it is a loopback address"}


def test_every_writing_operation_is_sent_or_excused(document: Schema) -> None:
    bodies = {op["operationId"] for _, _, op in _operations(document) if "requestBody" in op}
    assert bodies == set(SENT_IN_ORDER) | NOT_SENT


def _filled(path: str, operation: Schema) -> str:
    """The path with its parameters' examples in place."""
    values = {p["name"]: p["example"] for p in operation.get("parameters", []) if "example" in p}
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), path)


@pytest.fixture
async def demo(api: Api, container: Container) -> Api:
    await container.use_cases.demo.load_demo_district(api.tenant.slug)
    return api


async def test_the_request_examples_are_accepted_over_the_demo_district(
    demo: Api, document: Schema
) -> None:
    by_id = {op["operationId"]: (path, method, op) for path, method, op in _operations(document)}
    answers = []
    for operation_id in SENT_IN_ORDER:
        path, method, operation = by_id[operation_id]
        url = _filled(path, operation)
        content = operation["requestBody"]["content"]
        media_type, examples = next(iter(content.items()))
        named = examples.get("examples") or {"example": {"value": examples["example"]}}
        for name, example in named.items():
            response = await demo.request(
                method.upper(), url, json=example["value"], headers={"Content-Type": media_type}
            )
            refusal = REFUSED.get((operation_id, name))
            if refusal is not None:
                assert response.status_code == 422, response.text
                assert refusal in response.text
                continue
            answers.append((operation_id, name, response.status_code, response.text[:300]))
    assert [a for a in answers if not 200 <= a[2] < 300] == []
    assert len(answers) >= len(SENT_IN_ORDER)
    await _every_read_answers_its_examples(demo, document)


# Reads whose example names a record the service numbers itself (a client, a job, a result),
# which a fresh database cannot have under the example's id.
NUMBERED_BY_THE_SERVICE = {
    "get_client",
    "get_job",
    "get_evidence",
    "get_lti_platform",
    "get_webhook",
    "list_webhook_deliveries",
    # A credential and a key are numbered by the service; the public credential documents are
    # under the district's slug, which a test's district does not share with the examples'.
    "get_credential",
    "verify_credential",
    "credential_issuer_key",
    "credential_issuer",
    "credential_achievement",
    "credential_revocations",
}


async def _every_read_answers_its_examples(demo: Api, document: Schema) -> None:
    """Each GET, its parameters set to their examples, answers 200 over the demo district and
    the records the writing examples made: the ids and filters a reader copies exist."""
    answers = []
    for path, method, operation in _operations(document):
        if method != "get" or operation["operationId"] in NUMBERED_BY_THE_SERVICE:
            continue
        query = {
            p["name"]: p["example"]
            for p in operation.get("parameters", [])
            if p["in"] == "query" and "example" in p
        }
        response = await demo.get(_filled(path, operation), params=query)
        answers.append((operation["operationId"], response.status_code, response.text[:200]))
    assert [a for a in answers if a[1] != 200] == []
    assert len(answers) > 40
