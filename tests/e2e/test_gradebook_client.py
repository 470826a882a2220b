"""Acceptance: a OneRoster gradebook client written from the specification (gradebook_client.py)
is pointed at a real server process, PUTs line items and results with learningObjectiveSet, and
reads the mastery decisions they led to (values worked by hand)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from tests.api.mastery_data import FRAMEWORK
from tests.api.roster_data import ROSTER, STUDENT
from tests.e2e.gradebook_client import (
    READ_SCOPES,
    GradebookClient,
    GradebookError,
    main,
)
from tests.e2e.launcher import bearer, prepare

# The real server process (a fixture), re-exported so that pytest finds it here.
from tests.e2e.test_cli_and_server import server as server


def _client(env: dict[str, str], scopes: str) -> dict[str, str]:
    done = prepare(env, "clients", "create", "--tenant", "riverside", "--scope", scopes, "--json")
    return dict(json.loads(done.stdout))


def _set_up_the_district(base: str, env: dict[str, str]) -> None:
    """What the district does before any vendor posts: its roster and its framework."""
    admin = _client(env, "admin")
    auth = bearer(base, admin)
    second = [
        ("/v1/users/student-2", {**STUDENT, "given_name": "Sky"}),
        (
            "/v1/enrollments/enroll-s2",
            {"class_id": "class-1", "user_id": "student-2", "role": "student"},
        ),
    ]
    for path, body in [*ROSTER, *second]:
        assert httpx.put(f"{base}{path}", json=body, headers=auth).status_code == 201, path
    assert httpx.post(f"{base}/v1/frameworks", json=FRAMEWORK, headers=auth).status_code == 201


@pytest.fixture
def district(server: tuple[str, dict[str, str]]) -> tuple[str, dict[str, str]]:
    """The server's base URL, and a gradebook client's credentials of a district set up."""
    base, env = server
    prepare(env, "tenants", "create", "riverside")
    _set_up_the_district(base, env)
    return base, _client(env, " ".join(READ_SCOPES))


@pytest.fixture
def vendor(district: tuple[str, dict[str, str]]) -> Iterator[GradebookClient]:
    base, credentials = district
    client = GradebookClient(
        base, credentials["client_id"], credentials["client_secret"], scopes=READ_SCOPES
    )
    yield client
    client.close()


def _decided(client: GradebookClient, student: str) -> dict[str, tuple[str, float | None]]:
    """The student's decisions through REST, checked equal to what GraphQL answers."""
    rest = {d["competency_id"]: (d["status"], d["score"]) for d in client.mastery(student)}
    graph = {d["competency_id"]: (d["status"], d["score"]) for d in client.mastery_graphql(student)}
    assert rest == graph
    return rest


def test_a_gradebook_client_posts_results_and_reads_the_decisions(
    vendor: GradebookClient,
) -> None:
    assert sorted(vendor.granted) == sorted(READ_SCOPES)
    vendor.put_line_item(
        "quiz-1",
        {
            "title": "Place value quiz",
            "class": {"sourcedId": "class-1", "type": "class"},
            "resultValueMin": 0,
            "resultValueMax": 20,
            "learningObjectiveSet": [{"source": "case", "learningObjectiveIds": ["s-1", "s-2"]}],
        },
    )
    vendor.put_line_item(
        "test-1",
        {
            "title": "Unit test",
            "class": {"sourcedId": "class-1", "type": "class"},
            "resultValueMin": 50,
            "resultValueMax": 100,
            "learningObjectiveSet": [{"source": "case", "learningObjectiveIds": ["s-1"]}],
        },
    )
    quiz = vendor.put_result(
        "quiz-1-student-1",
        {
            "lineItem": {"sourcedId": "quiz-1", "type": "lineItem"},
            "student": {"sourcedId": "student-1", "type": "user"},
            "scoreStatus": "fully graded",
            "score": 14,
            "scoreDate": "2026-09-14",
            "learningObjectiveSet": [
                {
                    "source": "case",
                    "learningObjectiveResults": [
                        {"learningObjectiveId": "s-1", "score": 18},
                        {"learningObjectiveId": "s-2", "score": 10},
                    ],
                }
            ],
        },
    )
    assert quiz["metadata"]["masteryEvidence"]["competencies"] == ["s-1", "s-2"]
    vendor.put_result(
        "test-1-student-1",
        {
            "lineItem": {"sourcedId": "test-1", "type": "lineItem"},
            "student": {"sourcedId": "student-1", "type": "user"},
            "scoreStatus": "fully graded",
            "score": 90,
            "scoreDate": "2026-09-20T10:00:00Z",
        },
    )
    exempt = vendor.put_result(
        "quiz-1-student-2",
        {
            "lineItem": {"sourcedId": "quiz-1", "type": "lineItem"},
            "student": {"sourcedId": "student-2", "type": "user"},
            "scoreStatus": "exempt",
            "scoreDate": "2026-09-14",
        },
    )
    # Exempt: evidence marked exempt for both objectives, counted in neither decision.
    assert exempt["metadata"]["masteryEvidence"] == {"competencies": ["s-1", "s-2"], "ignored": []}

    # s-1: 18/20 x 4 = 3.6 on Sep 14, then (90-50)/50 x 4 = 3.2 on Sep 20; decaying average
    # 0.65 x 3.2 + 0.35 x 3.6 = 3.34, mastered. s-2: 10/20 x 4 = 2.0. The domain: the mean
    # (3.34 + 2.0) / 2 = 2.67, not yet (both children must be mastered).
    assert _decided(vendor, "student-1") == {
        "s-1": ("mastered", 3.34),
        "s-2": ("not_yet", 2.0),
        "d-nbt": ("not_yet", 2.67),
    }
    # Student 2's only result is exempt: listed, counted nowhere.
    assert _decided(vendor, "student-2") == {
        "s-1": ("no_evidence", None),
        "s-2": ("no_evidence", None),
        "d-nbt": ("no_evidence", None),
    }

    results = vendor.results_for_class("class-1", limit=2)  # two pages
    assert [r["sourcedId"] for r in results] == [
        "quiz-1-student-1",
        "quiz-1-student-2",
        "test-1-student-1",
    ]

    vendor.delete_result("test-1-student-1")
    assert _decided(vendor, "student-1")["s-1"] == ("mastered", 3.6)

    with pytest.raises(GradebookError) as refused:
        vendor.put_result(
            "quiz-1-nobody",
            {
                "lineItem": {"sourcedId": "quiz-1", "type": "lineItem"},
                "student": {"sourcedId": "nobody", "type": "user"},
                "scoreStatus": "fully graded",
                "score": 1,
                "scoreDate": "2026-09-14",
            },
        )
    assert refused.value.status == 422
    assert refused.value.codes == [("result.student", "invaliddata")]


def test_the_client_script_runs_from_the_command_line(
    district: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    base, credentials = district
    # `=` keeps a secret that starts with "-" (token_urlsafe makes some) from reading as a flag.
    args = ["--base-url", base, "--client-id", credentials["client_id"]]
    args += [f"--client-secret={credentials['client_secret']}", "--class", "class-1"]
    args += ["--student", "student-1", "--objective", "s-1", "--objective", "s-2", "--score", "9"]
    assert main(args) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["result"]["scoreDate"] == "2026-09-14"
    assert printed["mastery_graphql"] == [
        {"competency_id": d["competency_id"], "status": d["status"], "score": d["score"]}
        for d in printed["mastery"]
    ]
    # 9 of 10 -> 3.6 on both standards; the domain is their mean, 3.6, and mastered.
    assert {d["competency_id"]: (d["status"], d["score"]) for d in printed["mastery"]} == {
        "s-1": ("mastered", 3.6),
        "s-2": ("mastered", 3.6),
        "d-nbt": ("mastered", 3.6),
    }
