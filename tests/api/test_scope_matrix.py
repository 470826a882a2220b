"""Every scope against every operation: one table says which scope each REST operation and each
GraphQL field needs, and a token holding exactly one scope is let through (any answer but 401
or 403) or refused (403) as the table says, for every scope and every operation.

The table is written here, not read from the routes, so a route that declares the wrong scope
fails; an operation or a scoped field missing from the table fails too. What a scope grants
beyond itself is written here as well (ALSO), so `app.domain.access.IMPLIES` is checked, not
trusted."""

from __future__ import annotations

import re

import httpx
import pytest
from graphql import GraphQLObjectType

from app.api.app import create_app
from app.api.graphql.limits import Limits
from app.api.graphql.schema import build_schema
from app.bootstrap import Container
from app.domain.access import Scope, Tenant
from tests.api.public_operations import PUBLIC
from tests.conftest import token_for

S = Scope
OR = "/ims/oneroster/gradebook/v1p2"
CASE = "/ims/case/v1p0"
# None: any valid token of the tenant (the job's own scope is checked by the use case).
REST: dict[tuple[str, str], Scope | None] = {
    ("GET", "/v1/clients"): S.ADMIN,
    ("POST", "/v1/clients"): S.ADMIN,
    ("GET", "/v1/clients/{client_id}"): S.ADMIN,
    ("DELETE", "/v1/clients/{client_id}"): S.ADMIN,
    ("POST", "/v1/clients/{client_id}/rotate"): S.ADMIN,
    ("POST", "/v1/clients/{client_id}/disable"): S.ADMIN,
    ("GET", "/v1/audit"): S.ADMIN,
    ("GET", "/v1/webhooks"): S.ADMIN,
    ("POST", "/v1/webhooks"): S.ADMIN,
    ("GET", "/v1/webhooks/{webhook_id}"): S.ADMIN,
    ("PATCH", "/v1/webhooks/{webhook_id}"): S.ADMIN,
    ("DELETE", "/v1/webhooks/{webhook_id}"): S.ADMIN,
    ("POST", "/v1/webhooks/{webhook_id}/rotate-secret"): S.ADMIN,
    ("GET", "/v1/webhooks/{webhook_id}/deliveries"): S.ADMIN,
    ("POST", "/v1/webhooks/{webhook_id}/replay"): S.ADMIN,
    ("GET", "/v1/lti/platforms"): S.ADMIN,
    ("POST", "/v1/lti/platforms"): S.ADMIN,
    ("GET", "/v1/lti/platforms/{id}"): S.ADMIN,
    ("DELETE", "/v1/lti/platforms/{id}"): S.ADMIN,
    ("GET", "/v1/students/{id}/export"): S.ADMIN,
    ("DELETE", "/v1/students/{id}"): S.ADMIN,
    **{
        (method, f"/v1/{kind}{tail}"): scope
        for kind in ("orgs", "academic-sessions", "courses", "classes", "users", "enrollments")
        for method, tail, scope in (
            ("PUT", "/{id}", S.ROSTER_WRITE),
            ("GET", "/{id}", S.ROSTER_READ),
            ("DELETE", "/{id}", S.ROSTER_WRITE),
            ("GET", "", S.ROSTER_READ),
        )
    },
    ("PUT", "/v1/users/{id}/demographics"): S.ROSTER_WRITE,
    ("GET", "/v1/users/{id}/demographics"): S.ROSTER_READ,
    ("DELETE", "/v1/users/{id}/demographics"): S.ROSTER_WRITE,
    ("GET", "/v1/classes/{id}/students"): S.ROSTER_READ,
    ("GET", "/v1/classes/{id}/teachers"): S.ROSTER_READ,
    ("POST", "/v1/roster/imports"): S.ROSTER_WRITE,
    ("GET", "/v1/roster/connection"): S.ADMIN,
    ("PUT", "/v1/roster/connection"): S.ADMIN,
    ("DELETE", "/v1/roster/connection"): S.ADMIN,
    ("POST", "/v1/roster/sync"): S.ROSTER_WRITE,
    ("GET", "/v1/jobs/{id}"): None,
    ("GET", "/v1/jobs"): None,
    ("POST", "/v1/frameworks/import/case"): S.FRAMEWORKS_WRITE,
    ("POST", "/v1/frameworks"): S.FRAMEWORKS_WRITE,
    ("GET", "/v1/frameworks"): S.FRAMEWORKS_READ,
    ("GET", "/v1/frameworks/{id}"): S.FRAMEWORKS_READ,
    ("PATCH", "/v1/frameworks/{id}"): S.FRAMEWORKS_WRITE,
    ("PUT", "/v1/frameworks/{id}"): S.FRAMEWORKS_WRITE,
    ("POST", "/v1/frameworks/{id}/competencies"): S.FRAMEWORKS_WRITE,
    ("GET", "/v1/competencies/{id}"): S.FRAMEWORKS_READ,
    ("PATCH", "/v1/competencies/{id}"): S.FRAMEWORKS_WRITE,
    ("GET", "/v1/competencies/{id}/exact-matches"): S.FRAMEWORKS_READ,
    ("PUT", "/v1/competencies/{id}/exact-matches/{match_id}"): S.FRAMEWORKS_WRITE,
    ("DELETE", "/v1/competencies/{id}/exact-matches/{match_id}"): S.FRAMEWORKS_WRITE,
    # Names the students whose decisions would change: their results, not the framework's.
    ("POST", "/v1/frameworks/{id}/simulate"): S.MASTERY_READ,
    ("PUT", "/v1/frameworks/{id}/grade-rules"): S.FRAMEWORKS_WRITE,
    ("GET", "/v1/frameworks/{id}/grade-rules"): S.FRAMEWORKS_READ,
    ("DELETE", "/v1/frameworks/{id}/grade-rules"): S.FRAMEWORKS_WRITE,
    # Shows every student's grade under the rules given (which are not written).
    ("POST", "/v1/frameworks/{id}/grade-rules/simulate"): S.MASTERY_READ,
    ("GET", "/v1/students/{id}/grades"): S.MASTERY_READ,
    ("GET", "/v1/students/{id}/report-card"): S.MASTERY_READ,
    ("GET", "/v1/students/{id}/forecast"): S.MASTERY_READ,
    ("GET", "/v1/classes/{id}/forecast"): S.MASTERY_READ,
    ("POST", "/v1/academic-sessions/{id}/close"): S.FRAMEWORKS_WRITE,
    ("POST", "/v1/academic-sessions/{id}/reopen"): S.FRAMEWORKS_WRITE,
    ("GET", "/v1/academic-sessions/{id}/snapshot"): S.MASTERY_READ,
    ("GET", "/v1/academic-sessions/{id}/report-cards"): S.MASTERY_READ,
    # Counts of groups, protected: the reports' own scope, as in GraphQL.
    ("GET", "/v1/reports/summary"): S.REPORTS_READ,
    ("GET", "/v1/reports/trend"): S.REPORTS_READ,
    ("POST", "/v1/evidence"): S.EVIDENCE_WRITE,
    ("GET", "/v1/changes"): S.MASTERY_READ,
    ("GET", "/v1/xapi/unmatched"): S.MASTERY_READ,
    ("GET", "/v1/evidence"): S.MASTERY_READ,
    ("GET", "/v1/evidence/{id}"): S.MASTERY_READ,
    ("DELETE", "/v1/evidence/{id}"): S.EVIDENCE_WRITE,
    ("GET", "/v1/students/{id}/mastery"): S.MASTERY_READ,
    ("GET", "/v1/students/{id}/mastery/{competency_id}"): S.MASTERY_READ,
    ("GET", "/v1/students/{id}/mastery/{competency_id}/history"): S.MASTERY_READ,
    ("GET", "/v1/students/{id}/mastery/{competency_id}/overrides"): S.MASTERY_READ,
    ("GET", "/v1/overrides"): S.MASTERY_READ,
    ("PUT", "/v1/students/{id}/mastery/{competency_id}/override"): S.MASTERY_OVERRIDE,
    ("DELETE", "/v1/students/{id}/mastery/{competency_id}/override"): S.MASTERY_OVERRIDE,
    ("GET", "/v1/classes/{id}/mastery"): S.MASTERY_READ,
    ("GET", "/v1/students/{id}/ready"): S.MASTERY_READ,
    # Issuing attests mastery in the district's name: the authority of a teacher's override.
    ("POST", "/v1/students/{id}/credentials"): S.MASTERY_OVERRIDE,
    ("GET", "/v1/students/{id}/credentials"): S.MASTERY_READ,
    ("POST", "/v1/credentials/{id}/revoke"): S.ADMIN,
    **{
        ("GET", f"{CASE}/{kind}{tail}"): S.FRAMEWORKS_READ
        for kind, tail in (
            ("CFDocuments", ""),
            ("CFDocuments", "/{sourcedId}"),
            ("CFPackages", "/{sourcedId}"),
            ("CFItems", "/{sourcedId}"),
            ("CFAssociations", "/{sourcedId}"),
            ("CFItemAssociations", "/{sourcedId}"),
            ("CFItemTypes", "/{sourcedId}"),
        )
    },
    ("PUT", f"{OR}/lineItems/{{sourcedId}}"): S.GRADEBOOK_CREATEPUT,
    ("GET", f"{OR}/lineItems/{{sourcedId}}"): S.GRADEBOOK_READONLY,
    ("GET", f"{OR}/lineItems"): S.GRADEBOOK_READONLY,
    ("PUT", f"{OR}/categories/{{sourcedId}}"): S.GRADEBOOK_CREATEPUT,
    ("GET", f"{OR}/categories/{{sourcedId}}"): S.GRADEBOOK_READONLY,
    ("GET", f"{OR}/categories"): S.GRADEBOOK_READONLY,
    ("DELETE", f"{OR}/categories/{{sourcedId}}"): S.GRADEBOOK_DELETE,
    ("PUT", f"{OR}/results/{{sourcedId}}"): S.GRADEBOOK_CREATEPUT,
    ("GET", f"{OR}/results/{{sourcedId}}"): S.GRADEBOOK_READONLY,
    ("DELETE", f"{OR}/results/{{sourcedId}}"): S.GRADEBOOK_DELETE,
    ("GET", f"{OR}/results"): S.GRADEBOOK_READONLY,
    ("GET", f"{OR}/classes/{{classSourcedId}}/results"): S.GRADEBOOK_READONLY,
    ("PUT", f"{OR}/scoreScales/{{sourcedId}}"): S.GRADEBOOK_CREATEPUT,
    ("GET", f"{OR}/scoreScales/{{sourcedId}}"): S.GRADEBOOK_READONLY,
    ("GET", f"{OR}/scoreScales"): S.GRADEBOOK_READONLY,
    ("DELETE", f"{OR}/scoreScales/{{sourcedId}}"): S.GRADEBOOK_DELETE,
    ("PUT", f"{OR}/assessmentLineItems/{{sourcedId}}"): S.GRADEBOOK_CREATEPUT,
    ("GET", f"{OR}/assessmentLineItems/{{sourcedId}}"): S.GRADEBOOK_READONLY,
    ("GET", f"{OR}/assessmentLineItems"): S.GRADEBOOK_READONLY,
    ("PUT", f"{OR}/assessmentResults/{{sourcedId}}"): S.GRADEBOOK_CREATEPUT,
    ("GET", f"{OR}/assessmentResults/{{sourcedId}}"): S.GRADEBOOK_READONLY,
    ("GET", f"{OR}/assessmentResults"): S.GRADEBOOK_READONLY,
    ("DELETE", f"{OR}/assessmentResults/{{sourcedId}}"): S.GRADEBOOK_DELETE,
    # The provider: the district's grades, read with the gradebook read scope (decision 0051).
    **{
        ("GET", f"/provider{OR}{path}"): S.GRADEBOOK_READONLY
        for path in (
            "/categories",
            "/categories/{sourcedId}",
            "/lineItems",
            "/lineItems/{sourcedId}",
            "/results",
            "/results/{sourcedId}",
            "/scoreScales",
            "/scoreScales/{sourcedId}",
            "/assessmentLineItems",
            "/assessmentLineItems/{sourcedId}",
            "/assessmentResults",
            "/assessmentResults/{sourcedId}",
            "/classes/{classSourcedId}/lineItems",
            "/classes/{classSourcedId}/results",
            "/classes/{classSourcedId}/scoreScales",
        )
    },
}

# GraphQL: every root field (None: any token), with a query that asks only for it ...
GRAPHQL_ROOTS: dict[str, tuple[Scope | None, str]] = {
    "viewer": (None, "{ viewer { tenant } }"),
    "frameworks": (S.FRAMEWORKS_READ, "{ frameworks { totalCount } }"),
    "framework": (S.FRAMEWORKS_READ, '{ framework(id: "x") { id } }'),
    "competency": (S.FRAMEWORKS_READ, '{ competency(id: "x") { id } }'),
    "orgs": (S.ROSTER_READ, "{ orgs { totalCount } }"),
    "org": (S.ROSTER_READ, '{ org(id: "x") { id } }'),
    "classes": (S.ROSTER_READ, "{ classes { totalCount } }"),
    "class": (S.ROSTER_READ, '{ class(id: "x") { id } }'),
    "students": (S.ROSTER_READ, "{ students { totalCount } }"),
    "overrides": (S.MASTERY_READ, "{ overrides { totalCount } }"),
    "student": (S.ROSTER_READ, '{ student(id: "x") { id } }'),
    "masterySummary": (
        S.REPORTS_READ,
        '{ masterySummary(frameworkId: "x", groupBy: [SCHOOL]) { minCellSize } }',
    ),
    "masteryTrend": (
        S.REPORTS_READ,
        '{ masteryTrend(frameworkId: "x", groupBy: [], from: "2026-09-01T00:00:00Z") '
        "{ interval } }",
    ),
    "changes": (S.MASTERY_READ, "{ changes(limit: 1) { nextCursor } }"),
    "policySimulation": (
        S.MASTERY_READ,
        '{ policySimulation(frameworkId: "x", candidate: {masteryThreshold: 2}) { unchanged } }',
    ),
}
# ... and every field below the root that checks a scope of its own (all others need none).
GRAPHQL_FIELDS: dict[str, Scope] = {
    "Class.students": S.ROSTER_READ,
    "Class.teachers": S.ROSTER_READ,
    "Class.masteryGrid": S.MASTERY_READ,
    "Student.orgs": S.ROSTER_READ,
    "Student.classes": S.ROSTER_READ,
    "Student.demographics": S.ROSTER_READ,
    "Student.mastery": S.MASTERY_READ,
    "Student.readyToLearn": S.MASTERY_READ,
    "Student.forecast": S.MASTERY_READ,
}

# What a scope grants besides itself; admin grants everything.
ALSO = {
    (S.EVIDENCE_WRITE, S.GRADEBOOK_CREATEPUT),
    (S.EVIDENCE_WRITE, S.GRADEBOOK_DELETE),
    (S.MASTERY_READ, S.GRADEBOOK_READONLY),
}


def grants(held: Scope, needed: Scope | None) -> bool:
    return needed is None or held in (needed, S.ADMIN) or (held, needed) in ALSO


def _operations() -> set[tuple[str, str]]:
    app = create_app(use_cases=object(), max_body_bytes=1024)  # type: ignore[arg-type]
    return {
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        for method in operations
    }


def test_the_table_names_every_rest_operation() -> None:
    operations = _operations() - PUBLIC
    assert sorted(operations - REST.keys()) == [], "operations missing from the table"
    assert sorted(REST.keys() - operations) == [], "the table names operations that are gone"


def test_the_table_names_every_graphql_field_that_checks_a_scope() -> None:
    schema = build_schema(Limits())
    declared: dict[str, Scope | None] = {}
    for type_name, graphql_type in schema._schema.type_map.items():
        if not isinstance(graphql_type, GraphQLObjectType) or type_name.startswith("__"):
            continue
        for field_name, field in graphql_type.fields.items():
            definition = field.extensions.get("strawberry-definition")
            permissions = getattr(definition, "permission_classes", [])
            scopes = [p.scope for p in permissions]
            assert len(scopes) <= 1, f"{type_name}.{field_name} checks more than one scope"
            declared[f"{type_name}.{field_name}"] = scopes[0] if scopes else None
    roots = {k.removeprefix("Query."): v for k, v in declared.items() if k.startswith("Query.")}
    assert roots == {name: scope for name, (scope, _) in GRAPHQL_ROOTS.items()}
    below = {k: v for k, v in declared.items() if v is not None and not k.startswith("Query.")}
    assert below == GRAPHQL_FIELDS


def _url(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "anything", path)


OPERATIONS = sorted(REST.items(), key=lambda item: item[0])


@pytest.mark.parametrize(
    ("operation", "needed"), OPERATIONS, ids=[f"{m} {p}" for (m, p), _ in OPERATIONS]
)
async def test_each_scope_is_let_through_or_refused_as_the_table_says(
    http: httpx.AsyncClient,
    container: Container,
    tenant: Tenant,
    operation: tuple[str, str],
    needed: Scope | None,
) -> None:
    method, path = operation
    answers = {}
    for held in Scope:
        token = token_for(container, tenant, frozenset({held}))
        response = await http.request(
            method, _url(path), headers={"Authorization": f"Bearer {token}"}
        )
        answers[held] = response.status_code
    expected_refused = {held for held in Scope if not grants(held, needed)}
    assert {h for h, status in answers.items() if status == 403} == expected_refused, answers
    assert 401 not in answers.values(), answers


@pytest.mark.parametrize("field", sorted(GRAPHQL_ROOTS))
async def test_each_scope_reads_a_graphql_root_field_or_is_forbidden(
    http: httpx.AsyncClient, container: Container, tenant: Tenant, field: str
) -> None:
    needed, query = GRAPHQL_ROOTS[field]
    refused = set()
    for held in Scope:
        token = token_for(container, tenant, frozenset({held}))
        response = await http.post(
            "/graphql", json={"query": query}, headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 200, response.text
        codes = [e["extensions"]["code"] for e in response.json().get("errors", [])]
        if "FORBIDDEN" in codes:
            assert codes == ["FORBIDDEN"]
            refused.add(held)
    assert refused == {held for held in Scope if not grants(held, needed)}
