"""Equity reports through GraphQL, with counts worked out by hand: subgroups, students without
a decision as no evidence, small-cell and complementary suppression, history and trends."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from app.api.app import create_app
from app.bootstrap import Container, wire
from app.domain.access import Tenant
from tests.api.district_data import Pupil, post_scores, seed_framework, seed_roster
from tests.api.graphql_data import data
from tests.conftest import Api

COUNTS = (
    "students decisions mastered notYet insufficientEvidence noEvidence percentMastered suppressed"
)

# School 0: 10 white students (not English learners), 12 Asian English learners, 9 students
# who are Hispanic or Latino (and white; learner status unknown). Two competencies.
WHITE = [Pupil(f"w{i}", demographics={"white": True, "english_learner": False}) for i in range(10)]
ASIAN = [
    Pupil(f"a{i:02d}", demographics={"asian": True, "english_learner": True}) for i in range(12)
]
HISPANIC = [
    Pupil(f"h{i}", demographics={"white": True, "hispanic_or_latino": True}) for i in range(9)
]


@pytest.fixture
async def district(api: Api, container: Container, tenant: Tenant) -> Api:
    await seed_roster(container, tenant, [*WHITE, *ASIAN, *HISPANIC])
    await seed_framework(container, tenant, 2)
    scores = [(f"w{i}", "c000", 3.0) for i in range(6)]  # 6 mastered
    scores += [("w6", "c000", 2.0), ("w7", "c000", 2.0)]  # 2 not yet; w8, w9 nothing
    scores += [(p.id, "c000", 4.0) for p in ASIAN]  # 12 mastered
    scores += [(f"a{i:02d}", "c001", 1.0) for i in range(3)]  # 3 not yet
    scores += [(p.id, "c000", 3.0) for p in HISPANIC]  # 9 mastered
    await post_scores(container, tenant, scores)
    return api


def _row(key: dict[str, Any], counts: list[Any]) -> dict[str, Any]:
    names = COUNTS.split()
    return {"key": key, **dict(zip(names, counts, strict=True))}


HIDDEN = [None] * 7 + [True]


async def _summary(api: Api, group_by: str, key: str, extra: str = "") -> list[dict[str, Any]]:
    query = f"""{{ masterySummary(frameworkId: "fw", groupBy: [{group_by}] {extra}) {{
        minCellSize rows {{ key {{ {key} }} {COUNTS} }} }} }}"""
    found = (await data(api, query))["masterySummary"]
    assert found["minCellSize"] == 10
    rows: list[dict[str, Any]] = found["rows"]
    return rows


async def test_race_by_competency_with_small_cell_and_complementary_suppression(
    district: Api,
) -> None:
    rows = await _summary(district, "RACE_ETHNICITY, COMPETENCY", "raceEthnicity competency { id }")
    assert rows == [
        _row(
            {"raceEthnicity": "ASIAN", "competency": {"id": "c000"}},
            [12, 12, 12, 0, 0, 0, 100.0, False],
        ),
        _row(
            {"raceEthnicity": "ASIAN", "competency": {"id": "c001"}},
            [12, 12, 0, 3, 0, 9, 0.0, False],
        ),
        # 9 students: hidden.
        _row({"raceEthnicity": "HISPANIC_OR_LATINO", "competency": {"id": "c000"}}, HIDDEN),
        _row({"raceEthnicity": "HISPANIC_OR_LATINO", "competency": {"id": "c001"}}, HIDDEN),
        # 10 students, shown alone, but the smallest visible cell beside a hidden one in each
        # competency's column: hidden, or 9 = total - 12 - 10.
        _row({"raceEthnicity": "WHITE", "competency": {"id": "c000"}}, HIDDEN),
        _row({"raceEthnicity": "WHITE", "competency": {"id": "c001"}}, HIDDEN),
    ]


async def test_a_group_of_nine_is_suppressed_and_one_of_ten_is_not(district: Api) -> None:
    ten = await _summary(district, "", "grade", ", filter: {englishLearner: false}")
    assert ten == [_row({"grade": None}, [10, 20, 6, 2, 0, 12, 30.0, False])]
    nine = await _summary(district, "", "grade", ", filter: {raceEthnicity: HISPANIC_OR_LATINO}")
    assert nine == [_row({"grade": None}, HIDDEN)]


async def test_school_totals_count_undecided_pairs_as_no_evidence(district: Api) -> None:
    rows = await _summary(district, "SCHOOL, GRADE", "school { id name } grade")
    # 31 students x 2 competencies; mastered 6 + 12 + 9; not yet 2 + 3.
    assert rows == [
        _row(
            {"school": {"id": "school-0", "name": "School 0"}, "grade": "05"},
            [31, 62, 27, 5, 0, 30, 43.55, False],
        )
    ]


async def test_the_summary_equals_the_decisions_rest_shows(district: Api) -> None:
    statuses: Counter[str] = Counter()
    for pupil in [*WHITE, *ASIAN, *HISPANIC]:
        answer = await district.get(f"/v1/students/{pupil.id}/mastery?framework_id=fw")
        statuses.update(d["status"] for d in answer.json()["items"])
    (row,) = await _summary(district, "", "grade")
    assert (row["mastered"], row["notYet"], row["insufficientEvidence"], row["noEvidence"]) == (
        statuses["mastered"],
        statuses["not_yet"],
        statuses["insufficient_evidence"],
        statuses["no_evidence"],
    )


async def test_history_gives_the_summary_as_of_and_the_trend(district: Api) -> None:
    now = datetime.now(UTC)
    before = (now - timedelta(days=30)).isoformat()
    (then,) = await _summary(district, "", "grade", f', asOf: "{before}"')
    assert then == _row({"grade": None}, [31, 62, 0, 0, 0, 62, 0.0, False])
    start = (now - timedelta(days=40)).isoformat()
    found = await data(
        district,
        f"""{{ masteryTrend(frameworkId: "fw", groupBy: [ENGLISH_LEARNER], from: "{start}",
            interval: MONTH) {{ interval points {{ periodStart periodEnd
            rows {{ key {{ englishLearner }} students mastered noEvidence percentMastered
                    suppressed }} }} }} }}""",
    )
    points = found["masteryTrend"]["points"]
    assert len(points) >= 2
    first, last = points[0], points[-1]
    assert datetime.fromisoformat(first["periodStart"]).day == 1
    # Before any result arrived; learners (12), non-learners (10), unknown (9, hidden, and
    # so the smallest visible, the 10 non-learners, too). Keys sort false, true, unknown.
    assert first["rows"] == [
        {
            "key": {"englishLearner": False},
            "students": None,
            "mastered": None,
            "noEvidence": None,
            "percentMastered": None,
            "suppressed": True,
        },
        {
            "key": {"englishLearner": True},
            "students": 12,
            "mastered": 0,
            "noEvidence": 24,
            "percentMastered": 0.0,
            "suppressed": False,
        },
        {
            "key": {"englishLearner": None},
            "students": None,
            "mastered": None,
            "noEvidence": None,
            "percentMastered": None,
            "suppressed": True,
        },
    ]
    assert last["rows"][1] == {
        "key": {"englishLearner": True},
        "students": 12,
        "mastered": 12,
        "noEvidence": 9,
        "percentMastered": 50.0,
        "suppressed": False,
    }


class _Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at


async def test_an_expired_override_stops_counting(district: Api, container: Container) -> None:
    clock = _Clock(datetime.now(UTC))
    app = create_app(use_cases=wire(replace(container.adapters, clock=clock), container.policy))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        api = Api(client, district.tenant, district.token)
        expires = (clock.at + timedelta(minutes=5)).isoformat()
        response = await api.put(
            "/v1/students/w8/mastery/c000/override",
            {"status": "mastered", "reason": "observed", "expires_at": expires},
        )
        assert response.status_code == 200, response.text
        (row,) = await _summary(api, "", "grade", ", filter: {englishLearner: false}")
        assert row["mastered"] == 7
        clock.at += timedelta(minutes=6)
        (row,) = await _summary(api, "", "grade", ", filter: {englishLearner: false}")
        assert row["mastered"] == 6
        assert row["noEvidence"] == 12
