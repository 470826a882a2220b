"""Equity reports over REST (issue #12, finding 3: summaries existed only in GraphQL):
`/v1/reports/summary` and `/v1/reports/trend` answer the published counts worked out by hand
(tests/differencing.py's `published`, written apart from the service), protect small groups
as GraphQL does, and come as CSV too."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from typing import Any

import pytest

from app.domain.access import Scope, Tenant
from tests.api.district_data import OBSERVED, post_scores, seed_framework, seed_roster
from tests.api.graphql_data import data
from tests.api.test_graphql_reports import ASIAN, HISPANIC, WHITE
from tests.conftest import Api, Container, token_for
from tests.differencing import published

SNAKE = {
    "notYet": "not_yet",
    "insufficientEvidence": "insufficient_evidence",
    "noEvidence": "no_evidence",
    "percentMastered": "percent_mastered",
}
COUNTS = [
    "students",
    "decisions",
    "mastered",
    "not_yet",
    "insufficient_evidence",
    "no_evidence",
    "percent_mastered",
    "suppressed",
]


@pytest.fixture
async def district(api: Api, container: Container, tenant: Tenant) -> Api:
    """The district of test_graphql_reports: 31 students of school 0, grade 05, 2 competencies."""
    await seed_roster(container, tenant, [*WHITE, *ASIAN, *HISPANIC])
    await seed_framework(container, tenant, 2)
    scores = [(f"w{i}", "c000", 3.0) for i in range(6)]  # 6 mastered
    scores += [("w6", "c000", 2.0), ("w7", "c000", 2.0)]  # 2 not yet
    scores += [(p.id, "c000", 4.0) for p in ASIAN]  # 12 mastered
    scores += [(f"a{i:02d}", "c001", 1.0) for i in range(3)]  # 3 not yet
    scores += [(p.id, "c000", 3.0) for p in HISPANIC]  # 9 mastered
    await post_scores(container, tenant, scores)
    return api


def _shown(students: int, mastered: int, not_yet: int, insufficient: int, c: int) -> dict[str, Any]:
    numbers = published(students, mastered, not_yet, insufficient, c)
    return {**{SNAKE.get(k, k): v for k, v in numbers.items()}, "suppressed": False}


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _counts(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in COUNTS}


HIDDEN = {**dict.fromkeys(COUNTS[:-1]), "suppressed": True}


async def test_the_school_total_is_the_published_count(district: Api) -> None:
    answer = await district.get(
        "/v1/reports/summary", params={"framework_id": "fw", "group_by": ["school", "grade"]}
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["min_cell_size"], body["count_step"], body["next_cursor"]) == (10, 10, None)
    (row,) = body["items"]
    assert (row["school_id"], row["grade"], row["competency_id"]) == ("school-0", "05", None)
    # 31 students x 2 competencies; mastered 6 + 12 + 9; not yet 2 + 3.
    assert _counts(row) == _shown(31, 27, 5, 0, 2)
    assert (row["students"], row["mastered"], row["no_evidence"]) == (30, 20, 40)


async def test_small_groups_are_hidden_as_in_graphql(district: Api) -> None:
    answer = await district.get(
        "/v1/reports/summary",
        params={"framework_id": "fw", "group_by": ["race_ethnicity", "competency"]},
    )
    rows = answer.json()["items"]
    # As test_graphql_reports works out: the 12 Asian students hidden beside the 9 Hispanic
    # ones (complementary suppression); the 10 white students shown.
    assert [(r["race_ethnicity"], r["competency_id"]) for r in rows] == [
        ("asian", "c000"),
        ("asian", "c001"),
        ("hispanic_or_latino", "c000"),
        ("hispanic_or_latino", "c001"),
        ("white", "c000"),
        ("white", "c001"),
    ]
    assert [_counts(r) for r in rows[:4]] == [HIDDEN] * 4
    assert _counts(rows[4]) == _shown(10, 6, 2, 0, 1)
    assert _counts(rows[5]) == _shown(10, 0, 0, 0, 1)
    # A filter of nine students is hidden whole.
    nine = await district.get(
        "/v1/reports/summary",
        params={"framework_id": "fw", "group_by": "grade", "race_ethnicity": "hispanic_or_latino"},
    )
    assert [_counts(r) for r in nine.json()["items"]] == [HIDDEN]


async def test_the_trend_equals_graphqls(district: Api) -> None:
    start = (OBSERVED - timedelta(days=17)).isoformat()
    end = (OBSERVED + timedelta(days=40)).isoformat()  # not now: both reads end at one instant
    rest = await district.get(
        "/v1/reports/trend",
        params={
            "framework_id": "fw",
            "group_by": "english_learner",
            "from": start,
            "to": end,
            "interval": "month",
            "competency_id": "c000",
        },
    )
    assert rest.status_code == 200, rest.text
    graph = await data(
        district,
        f"""{{ masteryTrend(frameworkId: "fw", groupBy: [ENGLISH_LEARNER], from: "{start}",
            to: "{end}", interval: MONTH, filter: {{competencyIds: ["c000"]}}) {{
            points {{ periodStart periodEnd rows {{ key {{ englishLearner }} students
            decisions mastered notYet insufficientEvidence noEvidence percentMastered
            suppressed }} }} }} }}""",
    )
    expected = [
        {
            "period_start": _instant(point["periodStart"]),
            "period_end": _instant(point["periodEnd"]),
            "english_learner": row["key"]["englishLearner"],
            **{SNAKE.get(k, k): v for k, v in row.items() if k != "key"},
        }
        for point in graph["masteryTrend"]["points"]
        for row in point["rows"]
    ]
    names = ["english_learner", *COUNTS]
    found = [
        {
            "period_start": _instant(r["period_start"]),
            "period_end": _instant(r["period_end"]),
            **{k: r[k] for k in names},
        }
        for r in rest.json()["items"]
    ]
    assert found == expected
    # Learners, non-learners, unknown in each period; at the end all 12 learners mastered c000.
    assert len(expected) >= 6
    assert _counts(rest.json()["items"][-2]) == _shown(12, 12, 0, 0, 1)


async def test_a_report_as_csv_is_its_rows(district: Api) -> None:
    params = {"framework_id": "fw", "group_by": ["race_ethnicity", "competency"]}
    rows = (await district.get("/v1/reports/summary", params=params)).json()["items"]
    answer = await district.get("/v1/reports/summary", params={**params, "format": "csv"})
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    parsed = list(csv.DictReader(io.StringIO(answer.text)))
    assert [(r["race_ethnicity"], r["competency_id"], r["suppressed"]) for r in parsed] == [
        (r["race_ethnicity"], r["competency_id"], str(r["suppressed"]).lower()) for r in rows
    ]
    assert parsed[4]["students"] == "10"
    assert parsed[0]["students"] == ""  # hidden


async def test_scopes_and_tenants(district: Api, container: Container, other_api: Api) -> None:
    params = {"framework_id": "fw", "group_by": "grade"}
    mastery_only = token_for(container, district.tenant, frozenset({Scope.MASTERY_READ}))
    denied = await district.http.get(
        "/v1/reports/summary", params=params, headers={"Authorization": f"Bearer {mastery_only}"}
    )
    assert denied.status_code == 403
    assert (await other_api.get("/v1/reports/summary", params=params)).status_code == 404
    bad = await district.get("/v1/reports/summary", params={"framework_id": "fw"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["loc"] == ["query", "group_by"]
