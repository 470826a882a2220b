"""No token of one district reads or changes another district's data: checked for every
operation of the API, enumerated from its OpenAPI document, so a new endpoint cannot be
forgotten (this test fails until the operation has a row in CASES below)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest

from app.api.app import create_app
from app.bootstrap import Container
from app.domain.access import Scope, TenantId
from app.domain.case.identifiers import derived
from app.ports.jobs import JobArguments, JobKind, JobReport, Progress
from app.use_cases.job_kinds import job_kinds
from tests.api import gradebook_data as gradebook
from tests.api import xapi_data
from tests.api.mastery_data import FRAMEWORK, post, result, seed_framework
from tests.api.public_operations import PUBLIC
from tests.api.roster_data import ROSTER
from tests.conftest import Api, test_client_id
from tests.feed_horizon import settled
from tests.integration.oneroster_sets import zip_set

CONNECTION = {
    "base_url": "https://sis.example",
    "oneroster_version": "1.2",
    "auth": "oauth2",
    "token_url": "https://sis.example/oauth/token",
    "client_id": "first-district",
    "client_secret": "first-district-secret",
}
BODIES = dict(ROSTER)
LTI_PLATFORM = {
    "issuer": "https://lms.tenancy.test",
    "client_id": "first-district",
    "auth_login_url": "https://lms.tenancy.test/auth",
    "token_url": "https://lms.tenancy.test/token",
    "jwks_url": "https://lms.tenancy.test/jwks",
    "deployment_ids": ["1"],
}
G = gradebook.GRADEBOOK
P = f"/provider{G}"
# An assessment result of student-1 on assessment line item ali-1.
ASSESSED = {
    "assessmentLineItem": "ali-1",
    "student": "student-1",
    "scoreStatus": "fully graded",
    "score": 8,
    "scoreDate": "2026-09-14",
}
SCALE = {
    "title": "Levels",
    "type": "proficiency",
    "class": "class-1",
    "scoreScaleValue": [{"itemValueLHS": "Proficient", "itemValueRHS": "3"}],
}
# A receiver the service never reaches in these tests: the tenant has no event after it.
HOOK = {"url": "https://hooks.tenancy.test/in", "event_types": ["decision.changed"]}

# A bulk users file naming only a user of the first district's ids: were the import to reach
# the first district, it would rename teacher-1 and retire every other user.
_LEAKING_SET = {
    "manifest.csv": "propertyName,value\noneroster.version,1.1\nfile.users,bulk\n",
    "users.csv": "sourcedId,status,dateLastModified,orgSourcedIds,role,givenName,familyName\n"
    "teacher-1,active,,,teacher,Written By,The Other District\n",
}


def _altered(body: dict[str, Any]) -> dict[str, Any]:
    """The owner's body with one field changed, so that a write through to the owner's record
    would show in the witness read."""
    for key in ("name", "title", "given_name"):
        if key in body:
            return {**body, key: "written by the other district"}
    if "sex" in body:
        return {**body, "sex": "male"}
    return {**body, "primary": not body.get("primary", False)}


@dataclass(frozen=True)
class Case:
    """How the other district calls an operation on the first district's data.

    `list`: it must see an empty list where the owner sees items. `hidden`: it must get 404.
    `own`: a write that may succeed only as the other district's own record or job (201,
    202) or fail (404/409/422) because the first district's references do not exist for it.
    Either way, `witness` (a read of the owner's data) answers the owner the same before and
    after. `send` holds other request arguments (a multipart upload).
    """

    url: str
    expect: str
    body: Any = None
    witness: str | None = None
    send: dict[str, Any] | None = None
    items: str = "items"  # where a list answer keeps its items


CASES = {
    **{
        ("PUT", template): Case(url, "own", _altered(BODIES[url]), url)
        for template, url in [
            ("/v1/orgs/{id}", "/v1/orgs/school-1"),
            ("/v1/academic-sessions/{id}", "/v1/academic-sessions/session-1"),
            ("/v1/courses/{id}", "/v1/courses/course-1"),
            ("/v1/classes/{id}", "/v1/classes/class-1"),
            ("/v1/users/{id}", "/v1/users/student-1"),
            ("/v1/enrollments/{id}", "/v1/enrollments/enroll-s1"),
            ("/v1/users/{id}/demographics", "/v1/users/student-1/demographics"),
        ]
    },
    ("GET", "/v1/orgs/{id}"): Case("/v1/orgs/school-1", "hidden"),
    ("GET", "/v1/academic-sessions/{id}"): Case("/v1/academic-sessions/session-1", "hidden"),
    ("GET", "/v1/courses/{id}"): Case("/v1/courses/course-1", "hidden"),
    ("GET", "/v1/classes/{id}"): Case("/v1/classes/class-1", "hidden"),
    ("GET", "/v1/users/{id}"): Case("/v1/users/student-1", "hidden"),
    ("GET", "/v1/enrollments/{id}"): Case("/v1/enrollments/enroll-s1", "hidden"),
    ("GET", "/v1/users/{id}/demographics"): Case("/v1/users/student-1/demographics", "hidden"),
    ("GET", "/v1/classes/{id}/students"): Case("/v1/classes/class-1/students", "hidden"),
    ("GET", "/v1/classes/{id}/teachers"): Case("/v1/classes/class-1/teachers", "hidden"),
    ("DELETE", "/v1/orgs/{id}"): Case("/v1/orgs/school-1", "hidden", witness="/v1/orgs/school-1"),
    ("DELETE", "/v1/academic-sessions/{id}"): Case(
        "/v1/academic-sessions/session-1", "hidden", witness="/v1/academic-sessions/session-1"
    ),
    ("DELETE", "/v1/courses/{id}"): Case(
        "/v1/courses/course-1", "hidden", witness="/v1/courses/course-1"
    ),
    ("DELETE", "/v1/classes/{id}"): Case(
        "/v1/classes/class-1", "hidden", witness="/v1/classes/class-1"
    ),
    ("DELETE", "/v1/users/{id}"): Case(
        "/v1/users/student-1", "hidden", witness="/v1/users/student-1"
    ),
    ("DELETE", "/v1/enrollments/{id}"): Case(
        "/v1/enrollments/enroll-s1", "hidden", witness="/v1/enrollments/enroll-s1"
    ),
    ("DELETE", "/v1/users/{id}/demographics"): Case(
        "/v1/users/student-1/demographics", "hidden", witness="/v1/users/student-1/demographics"
    ),
    ("GET", "/v1/orgs"): Case("/v1/orgs", "list"),
    ("GET", "/v1/academic-sessions"): Case("/v1/academic-sessions", "list"),
    ("GET", "/v1/courses"): Case("/v1/courses", "list"),
    ("GET", "/v1/classes"): Case("/v1/classes", "list"),
    ("GET", "/v1/users"): Case("/v1/users", "list"),
    ("GET", "/v1/enrollments"): Case("/v1/enrollments", "list"),
    ("GET", "/v1/jobs/{id}"): Case("/v1/jobs/{job}", "hidden"),
    ("GET", "/v1/jobs"): Case("/v1/jobs", "list"),
    # Each district lists its own clients (its test client at least): that the other's list
    # holds none of the owner's is checked in test_clients_api.py.
    ("GET", "/v1/clients"): Case("/v1/clients", "own", witness="/v1/clients"),
    ("POST", "/v1/clients"): Case("/v1/clients", "own", {"scope": "roster:read"}, "/v1/clients"),
    ("GET", "/v1/clients/{client_id}"): Case("/v1/clients/{client}", "hidden"),
    ("POST", "/v1/clients/{client_id}/rotate"): Case(
        "/v1/clients/{client}/rotate", "hidden", witness="/v1/clients/{client}"
    ),
    ("POST", "/v1/clients/{client_id}/disable"): Case(
        "/v1/clients/{client}/disable", "hidden", witness="/v1/clients/{client}"
    ),
    ("DELETE", "/v1/clients/{client_id}"): Case(
        "/v1/clients/{client}", "hidden", witness="/v1/clients/{client}"
    ),
    ("GET", "/v1/audit"): Case("/v1/audit", "list"),
    # A JSON array: that the other's list holds none of the owner's is checked in
    # test_webhooks_api.py, as for clients.
    ("GET", "/v1/webhooks"): Case("/v1/webhooks", "own", witness="/v1/webhooks"),
    ("POST", "/v1/webhooks"): Case("/v1/webhooks", "own", HOOK, "/v1/webhooks"),
    ("GET", "/v1/webhooks/{webhook_id}"): Case("/v1/webhooks/{webhook}", "hidden"),
    ("PATCH", "/v1/webhooks/{webhook_id}"): Case(
        "/v1/webhooks/{webhook}", "hidden", {"status": "disabled"}, "/v1/webhooks/{webhook}"
    ),
    ("DELETE", "/v1/webhooks/{webhook_id}"): Case(
        "/v1/webhooks/{webhook}", "hidden", witness="/v1/webhooks/{webhook}"
    ),
    ("POST", "/v1/webhooks/{webhook_id}/rotate-secret"): Case(
        "/v1/webhooks/{webhook}/rotate-secret", "hidden", witness="/v1/webhooks/{webhook}"
    ),
    ("GET", "/v1/webhooks/{webhook_id}/deliveries"): Case(
        "/v1/webhooks/{webhook}/deliveries", "hidden"
    ),
    ("POST", "/v1/webhooks/{webhook_id}/replay"): Case(
        "/v1/webhooks/{webhook}/replay", "hidden", {"after": None}, "/v1/webhooks/{webhook}"
    ),
    ("GET", "/v1/changes"): Case("/v1/changes", "list"),
    ("GET", "/v1/xapi/unmatched"): Case("/v1/xapi/unmatched", "list"),
    ("GET", "/v1/lti/platforms"): Case("/v1/lti/platforms", "list"),
    # The other district may register a platform of its own; the owner's stays as it was.
    ("POST", "/v1/lti/platforms"): Case(
        "/v1/lti/platforms",
        "own",
        {**LTI_PLATFORM, "client_id": "the-other-districts"},
        "/v1/lti/platforms/{platform}",
    ),
    ("GET", "/v1/lti/platforms/{id}"): Case("/v1/lti/platforms/{platform}", "hidden"),
    ("DELETE", "/v1/lti/platforms/{id}"): Case(
        "/v1/lti/platforms/{platform}", "hidden", witness="/v1/lti/platforms/{platform}"
    ),
    ("GET", "/v1/students/{id}/export"): Case("/v1/students/student-1/export", "hidden"),
    ("DELETE", "/v1/students/{id}"): Case(
        "/v1/students/student-1?confirm=student-1", "hidden", witness="/v1/users/student-1"
    ),
    ("PUT", "/v1/roster/connection"): Case(
        "/v1/roster/connection",
        "own",
        {**CONNECTION, "client_id": "written-by-the-other-district"},
        "/v1/roster/connection",
    ),
    ("GET", "/v1/roster/connection"): Case("/v1/roster/connection", "hidden"),
    ("DELETE", "/v1/roster/connection"): Case(
        "/v1/roster/connection", "hidden", witness="/v1/roster/connection"
    ),
    ("POST", "/v1/roster/imports"): Case(
        "/v1/roster/imports",
        "own",
        witness="/v1/users",
        send={"files": {"file": ("set.zip", zip_set(_LEAKING_SET), "application/zip")}},
    ),
    # The other district has no SIS connection: it cannot sync, least of all the first's.
    ("POST", "/v1/roster/sync"): Case("/v1/roster/sync", "own", witness="/v1/users"),
    ("GET", "/v1/frameworks"): Case("/v1/frameworks", "list"),
    ("POST", "/v1/frameworks"): Case(
        "/v1/frameworks", "own", {**FRAMEWORK, "title": "Theirs"}, "/v1/frameworks/fw-math"
    ),
    ("GET", "/v1/frameworks/{id}"): Case("/v1/frameworks/fw-math", "hidden"),
    ("PATCH", "/v1/frameworks/{id}"): Case(
        "/v1/frameworks/fw-math", "hidden", {"title": "Renamed"}, "/v1/frameworks/fw-math"
    ),
    ("PUT", "/v1/frameworks/{id}"): Case(
        "/v1/frameworks/fw-math",
        "hidden",
        {"title": "Replaced", "competencies": []},
        "/v1/frameworks/fw-math",
    ),
    ("POST", "/v1/frameworks/{id}/competencies"): Case(
        "/v1/frameworks/fw-math/competencies",
        "hidden",
        {"code": "X", "statement": "x"},
        "/v1/frameworks/fw-math",
    ),
    ("POST", "/v1/frameworks/{id}/simulate"): Case(
        "/v1/frameworks/fw-math/simulate", "hidden", {"calculation": {"method": "latest"}}
    ),
    ("PUT", "/v1/frameworks/{id}/grade-rules"): Case(
        "/v1/frameworks/fw-math/grade-rules",
        "hidden",
        {"rules": "THEIRS: count(mastered) >= 0\notherwise: X"},
        "/v1/frameworks/fw-math/grade-rules",
    ),
    ("GET", "/v1/frameworks/{id}/grade-rules"): Case(
        "/v1/frameworks/fw-math/grade-rules", "hidden"
    ),
    ("DELETE", "/v1/frameworks/{id}/grade-rules"): Case(
        "/v1/frameworks/fw-math/grade-rules", "hidden", witness="/v1/frameworks/fw-math/grade-rules"
    ),
    ("POST", "/v1/frameworks/{id}/grade-rules/simulate"): Case(
        "/v1/frameworks/fw-math/grade-rules/simulate",
        "hidden",
        {"rules": "A: mean(level) >= 3\notherwise: B"},
    ),
    ("GET", "/v1/students/{id}/grades"): Case(
        "/v1/students/student-1/grades?framework_id=fw-math", "hidden"
    ),
    ("GET", "/v1/students/{id}/report-card"): Case(
        "/v1/students/student-1/report-card?framework_id=fw-math", "hidden"
    ),
    ("GET", "/v1/students/{id}/forecast"): Case(
        "/v1/students/student-1/forecast?framework_id=fw-math", "hidden"
    ),
    ("GET", "/v1/classes/{id}/forecast"): Case(
        "/v1/classes/class-1/forecast?framework_id=fw-math&by=2027-01-29", "hidden"
    ),
    ("POST", "/v1/academic-sessions/{id}/close"): Case(
        "/v1/academic-sessions/term-1/close",
        "hidden",
        {},
        "/v1/academic-sessions/term-1/snapshot",
    ),
    ("POST", "/v1/academic-sessions/{id}/reopen"): Case(
        "/v1/academic-sessions/term-1/reopen",
        "hidden",
        {"reason": "theirs"},
        "/v1/academic-sessions/term-1/snapshot",
    ),
    ("GET", "/v1/academic-sessions/{id}/snapshot"): Case(
        "/v1/academic-sessions/term-1/snapshot", "hidden"
    ),
    ("GET", "/v1/academic-sessions/{id}/report-cards"): Case(
        "/v1/academic-sessions/term-1/report-cards?framework_id=fw-math&class_id=class-1",
        "hidden",
    ),
    ("GET", "/v1/competencies/{id}"): Case("/v1/competencies/s-1", "hidden"),
    ("GET", "/v1/competencies/{id}/exact-matches"): Case(
        "/v1/competencies/s-1/exact-matches", "hidden"
    ),
    # Both ends the owner's (of one framework: the other district must get 404, not 422).
    ("PUT", "/v1/competencies/{id}/exact-matches/{match_id}"): Case(
        "/v1/competencies/s-1/exact-matches/s-2",
        "hidden",
        witness="/v1/competencies/s-1/exact-matches",
    ),
    ("DELETE", "/v1/competencies/{id}/exact-matches/{match_id}"): Case(
        "/v1/competencies/s-1/exact-matches/s-2",
        "hidden",
        witness="/v1/competencies/s-1/exact-matches",
    ),
    ("PATCH", "/v1/competencies/{id}"): Case(
        "/v1/competencies/s-1", "hidden", {"statement": "theirs"}, "/v1/competencies/s-1"
    ),
    ("POST", "/v1/evidence"): Case(
        "/v1/evidence",
        "own",
        {"items": [result(1, 9)]},
        "/v1/students/student-1/mastery/s-1",
    ),
    ("GET", "/v1/evidence"): Case("/v1/evidence", "list"),
    ("GET", "/v1/evidence/{id}"): Case("/v1/evidence/{evidence}", "hidden"),
    ("DELETE", "/v1/evidence/{id}"): Case(
        "/v1/evidence/{evidence}", "hidden", witness="/v1/evidence/{evidence}"
    ),
    ("GET", "/v1/students/{id}/mastery"): Case("/v1/students/student-1/mastery", "hidden"),
    ("GET", "/v1/students/{id}/mastery/{competency_id}"): Case(
        "/v1/students/student-1/mastery/s-1", "hidden"
    ),
    ("GET", "/v1/students/{id}/mastery/{competency_id}/history"): Case(
        "/v1/students/student-1/mastery/s-1/history", "hidden"
    ),
    ("GET", "/v1/students/{id}/mastery/{competency_id}/overrides"): Case(
        "/v1/students/student-1/mastery/s-2/overrides", "hidden"
    ),
    ("GET", "/v1/overrides"): Case("/v1/overrides", "list"),
    # student-1 has mastered s-2 (the override below): the owner could issue its badge.
    ("POST", "/v1/students/{id}/credentials"): Case(
        "/v1/students/student-1/credentials",
        "hidden",
        {"competency_id": "s-2"},
        "/v1/students/student-1/credentials",
    ),
    ("GET", "/v1/students/{id}/credentials"): Case("/v1/students/student-1/credentials", "hidden"),
    ("POST", "/v1/credentials/{id}/revoke"): Case(
        "/v1/credentials/{credential}/revoke",
        "hidden",
        witness="/v1/students/student-1/credentials",
    ),
    ("PUT", "/v1/students/{id}/mastery/{competency_id}/override"): Case(
        "/v1/students/student-1/mastery/s-1/override",
        "hidden",
        {"status": "not_yet", "reason": "theirs"},
        "/v1/students/student-1/mastery/s-1",
    ),
    ("DELETE", "/v1/students/{id}/mastery/{competency_id}/override"): Case(
        "/v1/students/student-1/mastery/s-1/override",
        "hidden",
        witness="/v1/students/student-1/mastery/s-1",
    ),
    ("GET", "/v1/classes/{id}/mastery"): Case(
        "/v1/classes/class-1/mastery?framework_id=fw-math", "hidden"
    ),
    ("GET", "/v1/reports/summary"): Case(
        "/v1/reports/summary?framework_id=fw-math&group_by=school", "hidden"
    ),
    ("GET", "/v1/reports/trend"): Case(
        "/v1/reports/trend?framework_id=fw-math&group_by=school&from=2026-09-01T00:00:00Z",
        "hidden",
    ),
    # The OneRoster gradebook: the other district has no class-1, line item or student-1.
    ("PUT", f"{G}/lineItems/{{sourcedId}}"): Case(
        f"{G}/lineItems/li-1",
        "own",
        gradebook.line_item("s-1", title="written by the other district"),
        f"{G}/lineItems/li-1",
    ),
    ("GET", f"{G}/lineItems/{{sourcedId}}"): Case(f"{G}/lineItems/li-1", "hidden"),
    ("GET", f"{G}/lineItems"): Case(f"{G}/lineItems", "list", items="lineItems"),
    ("PUT", f"{G}/categories/{{sourcedId}}"): Case(
        f"{G}/categories/cat-quizzes",
        "own",
        {"category": {"title": "written by the other district"}},
        f"{G}/categories/cat-quizzes",
    ),
    ("GET", f"{G}/categories/{{sourcedId}}"): Case(f"{G}/categories/cat-quizzes", "hidden"),
    ("GET", f"{G}/categories"): Case(f"{G}/categories", "list", items="categories"),
    ("DELETE", f"{G}/categories/{{sourcedId}}"): Case(
        f"{G}/categories/cat-quizzes", "hidden", witness=f"{G}/categories/cat-quizzes"
    ),
    ("PUT", f"{G}/results/{{sourcedId}}"): Case(
        f"{G}/results/r-1", "own", gradebook.result(1), f"{G}/results/r-1"
    ),
    ("GET", f"{G}/results/{{sourcedId}}"): Case(f"{G}/results/r-1", "hidden"),
    ("GET", f"{G}/results"): Case(f"{G}/results", "list", items="results"),
    ("GET", f"{G}/classes/{{classSourcedId}}/results"): Case(
        f"{G}/classes/class-1/results", "hidden"
    ),
    ("DELETE", f"{G}/results/{{sourcedId}}"): Case(
        f"{G}/results/r-1", "hidden", witness=f"{G}/results/r-1"
    ),
    ("PUT", f"{G}/scoreScales/{{sourcedId}}"): Case(
        f"{G}/scoreScales/sc-1",
        "own",
        {"scoreScale": {**SCALE, "title": "written by the other district"}},
        f"{G}/scoreScales/sc-1",
    ),
    ("GET", f"{G}/scoreScales/{{sourcedId}}"): Case(f"{G}/scoreScales/sc-1", "hidden"),
    ("GET", f"{G}/scoreScales"): Case(f"{G}/scoreScales", "list", items="scoreScales"),
    ("DELETE", f"{G}/scoreScales/{{sourcedId}}"): Case(
        f"{G}/scoreScales/sc-1", "hidden", witness=f"{G}/scoreScales/sc-1"
    ),
    ("PUT", f"{G}/assessmentLineItems/{{sourcedId}}"): Case(
        f"{G}/assessmentLineItems/ali-1",
        "own",
        {"assessmentLineItem": {"title": "written by the other district"}},
        f"{G}/assessmentLineItems/ali-1",
    ),
    ("GET", f"{G}/assessmentLineItems/{{sourcedId}}"): Case(
        f"{G}/assessmentLineItems/ali-1", "hidden"
    ),
    ("GET", f"{G}/assessmentLineItems"): Case(
        f"{G}/assessmentLineItems", "list", items="assessmentLineItems"
    ),
    ("PUT", f"{G}/assessmentResults/{{sourcedId}}"): Case(
        f"{G}/assessmentResults/ar-1",
        "own",
        {"assessmentResult": {**ASSESSED, "score": 1}},
        f"{G}/assessmentResults/ar-1",
    ),
    ("GET", f"{G}/assessmentResults/{{sourcedId}}"): Case(f"{G}/assessmentResults/ar-1", "hidden"),
    ("GET", f"{G}/assessmentResults"): Case(
        f"{G}/assessmentResults", "list", items="assessmentResults"
    ),
    ("DELETE", f"{G}/assessmentResults/{{sourcedId}}"): Case(
        f"{G}/assessmentResults/ar-1", "hidden", witness=f"{G}/assessmentResults/ar-1"
    ),
    # The provider (decision 0051): class-1 reports in session-1 (it has no term).
    **{
        ("GET", f"{P}/{kind}"): Case(f"{P}/{kind}", "list", items=kind)
        for kind in (
            "categories",
            "lineItems",
            "results",
            "scoreScales",
            "assessmentLineItems",
            "assessmentResults",
        )
    },
    **{
        ("GET", f"{P}/{kind}/{{sourcedId}}"): Case(f"{P}/{kind}/{sourced_id}", "hidden")
        for kind, sourced_id in (
            ("categories", "standards-grades"),
            ("lineItems", "class-1:session-1:s-1"),
            ("results", "class-1:session-1:s-1:student-1"),
            ("scoreScales", "class-1:fw-math:levels"),
            ("assessmentLineItems", "class-1:session-1:s-1"),
            ("assessmentResults", "class-1:session-1:s-1:student-1"),
        )
    },
    **{
        ("GET", f"{P}/classes/{{classSourcedId}}/{kind}"): Case(
            f"{P}/classes/class-1/{kind}", "hidden"
        )
        for kind in ("lineItems", "results", "scoreScales")
    },
}


# fw-math's CASE identifiers (derived from its ids), and a package that reuses them.
DOCUMENT, S1, DOMAIN = (
    derived("CFDocument", "fw-math"),
    derived("CFItem", "s-1"),
    derived("CFItem", "d-nbt"),
)
CASE = "/ims/case/v1p0"
THEIR_PACKAGE = {
    "CFDocument": {"identifier": DOCUMENT, "title": "Theirs", "creator": "them"},
    "CFItems": [{"identifier": S1, "fullStatement": "Theirs", "humanCodingScheme": "T.1"}],
    "CFAssociations": [],
}
CASES.update(
    {
        ("POST", "/v1/frameworks/import/case"): Case(
            "/v1/frameworks/import/case", "own", THEIR_PACKAGE, "/v1/frameworks/fw-math"
        ),
        ("GET", "/v1/students/{id}/ready"): Case(
            "/v1/students/student-1/ready?framework_id=fw-math", "hidden"
        ),
        ("GET", f"{CASE}/CFDocuments"): Case(f"{CASE}/CFDocuments", "list", items="CFDocuments"),
        ("GET", f"{CASE}/CFDocuments/{{sourcedId}}"): Case(
            f"{CASE}/CFDocuments/{DOCUMENT}", "hidden"
        ),
        ("GET", f"{CASE}/CFPackages/{{sourcedId}}"): Case(
            f"{CASE}/CFPackages/{DOCUMENT}", "hidden"
        ),
        ("GET", f"{CASE}/CFItems/{{sourcedId}}"): Case(f"{CASE}/CFItems/{S1}", "hidden"),
        ("GET", f"{CASE}/CFItemAssociations/{{sourcedId}}"): Case(
            f"{CASE}/CFItemAssociations/{S1}", "hidden"
        ),
        ("GET", f"{CASE}/CFAssociations/{{sourcedId}}"): Case(
            f"{CASE}/CFAssociations/{derived('isChildOf', f'{S1}:{DOMAIN}')}", "hidden"
        ),
        ("GET", f"{CASE}/CFItemTypes/{{sourcedId}}"): Case(
            f"{CASE}/CFItemTypes/{derived('CFItemType', 'standard')}", "hidden"
        ),
    }
)


def _operations() -> list[tuple[str, str]]:
    app = create_app(use_cases=object(), max_body_bytes=1024)  # type: ignore[arg-type]
    return sorted(
        (method.upper(), path)
        for path, ops in app.openapi()["paths"].items()
        for method in ops
        if (method.upper(), path) not in PUBLIC
    )


OPERATIONS = _operations()


async def _seed_gradebook(api: Api) -> None:
    category = await api.put(f"{G}/categories/cat-quizzes", {"category": {"title": "Quizzes"}})
    assert category.status_code == 201, category.text
    item = await api.put(f"{G}/lineItems/li-1", gradebook.line_item("s-1", "s-2"))
    assert item.status_code == 201, item.text
    assert (await api.put(f"{G}/results/r-1", gradebook.result(8))).status_code == 201
    scale = await api.put(f"{G}/scoreScales/sc-1", {"scoreScale": SCALE})
    assert scale.status_code == 201, scale.text
    assessed = {
        "title": "Check",
        "resultValueMax": 10,
        "learningObjectiveSet": {"source": "case", "learningObjectiveIds": ["s-1"]},
    }
    item = await api.put(f"{G}/assessmentLineItems/ali-1", {"assessmentLineItem": assessed})
    assert item.status_code == 201, item.text
    made = await api.put(f"{G}/assessmentResults/ar-1", {"assessmentResult": ASSESSED})
    assert made.status_code == 201, made.text


async def _seed_for(api: Api, container: Container, path: str) -> dict[str, str]:
    """What the owner holds beyond the common seed for the operations under `path`, and the
    ids it was given."""
    ids = {}
    if path.startswith("/v1/lti/"):
        body = {**LTI_PLATFORM, "client_id": f"first-{uuid.uuid4().hex}"}
        ids["platform"] = (await api.post("/v1/lti/platforms", json=body)).json()["id"]
    if path.startswith(G):
        await _seed_gradebook(api)
    if "/grade-rules" in path or path.endswith("/grades"):
        rules = {"rules": "A: mean(level) >= 3\notherwise: B"}
        assert (await api.put("/v1/frameworks/fw-math/grade-rules", rules)).status_code == 200
    if path.startswith("/v1/academic-sessions/{id}/"):  # a closed term of the owner's
        term = {"title": "T1", "type": "term", "start_date": "2026-08-17", "end_date": "2026-10-31"}
        assert (await api.put("/v1/academic-sessions/term-1", term)).status_code == 201
        assert (await api.post("/v1/academic-sessions/term-1/close")).status_code == 200
    if path.startswith("/v1/webhooks"):
        await settled(container.engine)  # it starts after every event written so far
        ids["webhook"] = (await api.post("/v1/webhooks", json=HOOK)).json()["id"]
    if "credential" in path:
        issued = await api.post("/v1/students/student-1/credentials", json={"competency_id": "s-2"})
        ids["credential"] = issued.json()["id"]
    if path.startswith("/v1/xapi/"):  # a statement of no one on the roster: unmatched
        unmatched = xapi_data.statement(None, actor={"mbox": "mailto:nobody@example.org"})
        assert (await xapi_data.post(api, unmatched)).status_code == 200
    return ids


async def _finished_work(_: TenantId, arguments: JobArguments, progress: Progress) -> JobReport:
    return JobReport(result={"rows": 1})


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
async def test_another_tenant_cannot_see_or_change_it(
    api: Api, other_api: Api, container: Container, method: str, path: str
) -> None:
    assert (method, path) in CASES, f"add ({method!r}, {path!r}) to CASES in {__file__}"
    await seed_framework(api)
    recorded = await post(api, result(3, 1))
    override = await api.put(
        "/v1/students/student-1/mastery/s-2/override", {"status": "mastered", "reason": "seen"}
    )
    assert override.status_code == 200
    assert (await api.put("/v1/roster/connection", CONNECTION)).status_code == 201
    container.jobs.attach({**job_kinds(container.use_cases), "test": JobKind(_finished_work)})
    job = await container.adapters.jobs.enqueue(api.tenant.id, "test", Scope.ROSTER_READ, {})
    await container.jobs.wait()
    ids = {
        "job": job.id,
        "evidence": recorded["items"][0]["id"],
        "client": test_client_id(api.tenant),
    }
    case = CASES[(method, path)]
    ids.update(await _seed_for(api, container, path))
    url = case.url.format(**ids)
    witness = case.witness.format(**ids) if case.witness else None
    if witness and "override" in url:
        witness = witness.replace("/s-1", "/s-2")
        url = url.replace("/s-1/", "/s-2/")
    before = (await api.get(witness)).json() if witness else None

    if case.expect == "list":
        await settled(container.engine)  # the change feed shows only ended transactions
        mine = (await api.get(url)).json()[case.items]
        assert mine, f"the owner sees nothing at {url}: the check would prove nothing"
        theirs = await other_api.get(url)
        assert theirs.status_code == 200
        assert theirs.json()[case.items] == []
    else:
        kwargs = {"json": case.body} if case.body is not None else dict(case.send or {})
        if method == "GET":
            assert (await api.get(url)).status_code == 200
        theirs = await other_api.request(method, url, **kwargs)
        if case.expect == "hidden":
            assert theirs.status_code == 404, theirs.text
            if G in path:  # the standard's own error answer, imsx_StatusInfo
                minor = theirs.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
                assert minor[0]["imsx_codeMinorFieldValue"] == "unknownobject"
            else:
                assert theirs.json()["type"] == "/problems/not-found"
        else:
            assert theirs.status_code in (200, 201, 202, 404, 409, 422), theirs.text
            await container.jobs.wait()
    if witness:
        assert (await api.get(witness)).json() == before
