"""The demo district's reports (issue 12): the README's summary and trend queries answer visible
numbers, the trend rises over the fall, and the summary agrees with the students' own reads at
the same asOf. Counts are checked against an independent recount: the students' REST reads and
the CASE package's own education levels, published by tests/differencing.py's rule."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.bootstrap import Container
from app.domain.access import Tenant
from app.use_cases.demo import demo_roster
from app.use_cases.demo_framework import DEMO_PACKAGE
from tests.api.graphql_data import data
from tests.conftest import Api, new_tenant, token_for
from tests.differencing import published

FW = "e10956d1-5473-5153-b21e-73de64a24a04"
README = Path(__file__).parents[2] / "README.md"


@pytest.fixture(scope="module")
async def demo_district(container: Container) -> Tenant:
    """The demo district, loaded once for this module's tests, which only read it."""
    tenant = await new_tenant(container)
    await container.use_cases.demo.load_demo_district(tenant.slug)
    # No ANALYZE: right after a load the planner has no statistics, as after `make run`.
    return tenant


@pytest.fixture
def demo(http: httpx.AsyncClient, container: Container, demo_district: Tenant) -> Api:
    return Api(http, demo_district, token_for(container, demo_district))


def _readme_report_queries() -> list[str]:
    """The README's numbered GraphQL queries that ask for a summary or a trend."""
    block = re.search(r"```graphql\n(# 1\..*?)```", README.read_text(), re.S)
    assert block is not None, "the README's report queries are gone"
    queries = re.split(r"^# \d\..*$", block.group(1), flags=re.M)
    return [q for q in queries if "masterySummary" in q or "masteryTrend" in q]


async def test_the_readmes_report_queries_answer_visible_numbers(demo: Api) -> None:
    queries = _readme_report_queries()
    assert len(queries) == 2
    for query in queries:
        found = await data(demo, query)
        if "masterySummary" in found:
            rows = found["masterySummary"]["rows"]
        else:
            rows = [r for p in found["masteryTrend"]["points"] for r in p["rows"]]
        assert rows, query
        assert all(not r["suppressed"] and r["students"] for r in rows), query


async def test_the_demo_trend_rises_over_the_fall(demo: Api) -> None:
    found = await data(
        demo,
        f"""{{ masteryTrend(frameworkId: "{FW}", groupBy: [], from: "2026-08-15T00:00:00Z",
            to: "2026-11-30T00:00:00Z", interval: MONTH) {{ points {{ periodEnd rows {{
            students mastered noEvidence percentMasteredLow suppressed }} }} }} }}""",
    )
    rows = [p["rows"][0] for p in found["masteryTrend"]["points"]]
    assert len(rows) == 4  # August, September, October, November
    mastered = [r["mastered"] for r in rows]
    low = [r["percentMasteredLow"] for r in rows]
    no_evidence = [r["noEvidence"] for r in rows]
    # Before the first result nothing is mastered; then it never falls and ends higher.
    assert mastered[0] == 0
    assert mastered[-1] > 0
    assert mastered == sorted(mastered)
    assert low == sorted(low)
    assert low[-1] > low[0]
    assert no_evidence[0] > no_evidence[-1]


def _grade_five_competencies() -> set[str]:
    """The package's own items taught in grade 05 (an item without a level takes its parent's:
    in this package every item has its own)."""
    package = json.loads(DEMO_PACKAGE.read_bytes())
    items = package["CFItems"]
    assert all(i.get("educationLevel") for i in items)
    return {i["identifier"] for i in items if "05" in i["educationLevel"]}


async def test_the_summary_agrees_with_the_students_own_reads_as_of_mid_october(
    demo: Api,
) -> None:
    as_of = "2026-10-15T00:00:00+00:00"
    fifth = _grade_five_competencies()
    students = [
        u.id for u in demo_roster() if getattr(u, "grades", None) == ("05",) and "stu" in u.id
    ]
    statuses: Counter[str] = Counter()
    for student in students:
        answer = await demo.get(
            f"/v1/students/{student}/mastery",
            params={"framework_id": FW, "as_of": as_of},
        )
        assert answer.status_code == 200, answer.text
        statuses.update(d["status"] for d in answer.json()["items"] if d["competency_id"] in fifth)
    assert len(students) == 25
    assert statuses["mastered"] + statuses["not_yet"] > 0
    found = await data(
        demo,
        f"""{{ masterySummary(frameworkId: "{FW}", groupBy: [], filter: {{grade: "05"}},
            asOf: "{as_of}") {{ rows {{ students decisions mastered notYet
            insufficientEvidence noEvidence percentMastered }} }} }}""",
    )
    (row,) = found["masterySummary"]["rows"]
    expected: dict[str, Any] = published(
        25,
        statuses["mastered"],
        statuses["not_yet"],
        statuses["insufficient_evidence"],
        len(fifth),
    )
    assert row == expected


async def test_a_competency_kind_is_found_whatever_its_case(demo: Api) -> None:
    """The package's standards are of kind "Standard"; the schema's own example writes
    "standard". Both count grade 05's standards: the same row, not an empty one."""
    package = json.loads(DEMO_PACKAGE.read_bytes())
    standards = sum(
        1
        for i in package["CFItems"]
        if i.get("CFItemType") == "Standard" and "05" in i["educationLevel"]
    )
    rows = []
    for kind in ("standard", "Standard"):
        found = await data(
            demo,
            f"""{{ masterySummary(frameworkId: "{FW}", groupBy: [],
                filter: {{grade: "05", competencyKind: "{kind}"}})
                {{ rows {{ students decisions }} }} }}""",
        )
        rows.append(found["masterySummary"]["rows"])
    # 25 students published as 20, each on grade 05's standards.
    assert rows[0] == rows[1] == [{"students": 20, "decisions": 20 * standards}]
    assert standards > 0
