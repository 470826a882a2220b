"""The typed Python client (clients/python, generated from openapi/openapi.json) against a real
`mastery serve` process on each database: a token by client credentials, the roster written and
listed, results posted and a decision read, and errors answered as the client's typed problem.

The decision's numbers are the README's, worked out by hand: results 2, 3 and 8 of 8 (4 on the
1-4 scale) under the standard decaying average with weight 0.65 give 2, then 0.65 x 3 +
0.35 x 2 = 2.65, then 0.65 x 4 + 0.35 x 2.65 = 3.5275, shown as 3.53: mastered (threshold 3),
level 3 Proficient; the weights 0.35² = 0.1225, 0.65 x 0.35 = 0.2275 and 0.65 sum to 1."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from mastery_client import AuthenticatedClient, Client
from mastery_client.api.auth import issue_token
from mastery_client.api.evidence import record_evidence
from mastery_client.api.frameworks import create_framework
from mastery_client.api.mastery import student_decision
from mastery_client.api.roster import list_users, put_org, put_user
from mastery_client.models import (
    BodyIssueToken,
    DecisionDetailRead,
    EvidenceBatch,
    EvidenceIn,
    FrameworkCreate,
    FrameworkRead,
    OAuthError,
    OrgWrite,
    ProblemDetails,
    RecordedRead,
    TokenResponse,
    UserList,
    UserRead,
    UserWrite,
)
from mastery_client.types import UNSET

from tests.e2e.launcher import e2e_env, prepare, serving

SCOPES = "roster:read roster:write frameworks:write evidence:write mastery:read"
UTC = datetime.UTC


@pytest.fixture
def served(empty_database: str, tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """A migrated database with one tenant and a client holding SCOPES; the server's base URL
    and the client's credentials."""
    env = e2e_env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "lakeside", "--name", "Lakeside")
    created = json.loads(
        prepare(
            env, "clients", "create", "--tenant", "lakeside", "--scope", SCOPES, "--json"
        ).stdout
    )
    with serving(env) as (base, _output):
        yield base, created


def _token(base: str, credentials: dict[str, str]) -> str:
    """An access token by client credentials (RFC 6749 §4.4, the secret as form fields)."""
    body = BodyIssueToken(
        grant_type="client_credentials",
        client_id=credentials["client_id"],
        client_secret=credentials["client_secret"],
    )
    with Client(base_url=base) as anonymous:
        answer = issue_token.sync(client=anonymous, body=body)
    assert isinstance(answer, TokenResponse)
    assert answer.token_type == "Bearer"
    assert set(answer.scope.split()) == set(SCOPES.split())
    return answer.access_token


def _student(user_id: str, given: str) -> UserWrite:
    return UserWrite(
        id=user_id,
        role="student",
        given_name=given,
        family_name="Tester",
        org_ids=["lakeside-elem"],
    )


def _results(student: str) -> EvidenceBatch:
    """The README's three results on 4.NBT.1, a week apart."""
    rows = [(2.0, None, 2, "quiz-1"), (3.0, None, 9, "quiz-2"), (8.0, 8.0, 16, "test-1")]
    return EvidenceBatch(
        items=[
            EvidenceIn(
                student_id=student,
                competency_id="4.NBT.1",
                score=score,
                max_score=UNSET if top is None else top,
                observed_at=datetime.datetime(2026, 9, day, 10, tzinfo=UTC),
                source_id=source_id,
            )
            for score, top, day, source_id in rows
        ]
    )


def test_the_typed_client_rosters_posts_evidence_and_reads_a_decision(
    served: tuple[str, dict[str, str]],
) -> None:
    base, credentials = served
    with AuthenticatedClient(base_url=base, token=_token(base, credentials)) as api:
        org = put_org.sync_detailed(
            "lakeside-elem", client=api, body=OrgWrite(name="Lakeside Elementary", type_="school")
        )
        assert org.status_code == 201
        for user_id, given in (("stu-2", "Bea"), ("stu-1", "Ada")):
            put = put_user.sync_detailed(user_id, client=api, body=_student(user_id, given))
            assert put.status_code == 201
            assert isinstance(put.parsed, UserRead)
            assert (put.parsed.id, put.parsed.role, put.parsed.given_name) == (
                user_id,
                "student",
                given,
            )

        students = list_users.sync(client=api, role="student")
        assert isinstance(students, UserList)
        # Listed in id order, whatever order they were written in; one page holds both.
        assert [(u.id, u.given_name) for u in students.items] == [
            ("stu-1", "Ada"),
            ("stu-2", "Bea"),
        ]
        assert students.next_cursor is None

        framework = create_framework.sync(
            client=api,
            body=FrameworkCreate.from_dict(
                {
                    "id": "math-4",
                    "title": "Grade 4 Mathematics",
                    "competencies": [
                        {
                            "id": "4.NBT",
                            "code": "4.NBT",
                            "statement": "Number and operations in base ten",
                            "children": [
                                {"id": "4.NBT.1", "code": "4.NBT.1", "statement": "Place value"}
                            ],
                        }
                    ],
                }
            ),
        )
        assert isinstance(framework, FrameworkRead)
        assert framework.id == "math-4"

        recorded = record_evidence.sync(client=api, body=_results("stu-1"))
        assert isinstance(recorded, RecordedRead)
        assert [item.outcome for item in recorded.items] == ["created"] * 3

        decision = student_decision.sync("stu-1", "4.NBT.1", client=api)
        assert isinstance(decision, DecisionDetailRead)
        assert decision.status == "mastered"
        assert decision.score == 3.53
        assert decision.level is not None
        assert (decision.level.value, decision.level.label) == (3.0, "Proficient")
        assert decision.evidence_count == 3
        weights = [row.weight for row in decision.explanation.evidence]
        assert sorted(weights) == pytest.approx([0.1225, 0.2275, 0.65])

        _errors_are_typed_problems(base, credentials, api)


def _errors_are_typed_problems(
    base: str, credentials: dict[str, str], api: AuthenticatedClient
) -> None:
    """A refused secret is OAuth's error, a bad token and a bad batch RFC 9457 problems, each
    parsed into the client's type for that status; the bad batch writes nothing."""
    with Client(base_url=base) as anonymous:
        refused = issue_token.sync_detailed(
            client=anonymous,
            body=BodyIssueToken(
                grant_type="client_credentials",
                client_id=credentials["client_id"],
                client_secret="not-the-secret",
            ),
        )
    assert refused.status_code == 401
    assert isinstance(refused.parsed, OAuthError)
    assert refused.parsed.error == "invalid_client"

    with AuthenticatedClient(base_url=base, token="not-a-token") as stranger:
        unauthorised = list_users.sync_detailed(client=stranger)
    assert unauthorised.status_code == 401
    assert isinstance(unauthorised.parsed, ProblemDetails)
    assert unauthorised.parsed.status == 401

    # An unknown student, an unknown competency and a good result, in one batch: one 422
    # names the two bad items' fields, and the good one is not written either.
    week_4 = datetime.datetime(2026, 9, 23, 10, tzinfo=UTC)
    bad = EvidenceBatch(
        items=[
            EvidenceIn("nobody", "4.NBT.1", week_4, "quiz-3", score=1.0),
            EvidenceIn("stu-1", "no-such-competency", week_4, "quiz-4", score=1.0),
            EvidenceIn("stu-1", "4.NBT.1", week_4, "quiz-5", score=1.0),
        ]
    )
    answer = record_evidence.sync_detailed(client=api, body=bad)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.parsed
    assert isinstance(problem, ProblemDetails)
    assert problem.status == 422
    assert isinstance(problem.errors, list)
    assert sorted((e.loc, e.msg) for e in problem.errors) == [
        (["body", "items", 0, "student_id"], "no student 'nobody'"),
        (["body", "items", 1, "competency_id"], "no competency 'no-such-competency'"),
    ]
    unchanged = student_decision.sync("stu-1", "4.NBT.1", client=api)
    assert isinstance(unchanged, DecisionDetailRead)
    assert (unchanged.evidence_count, unchanged.score) == (3, 3.53)
