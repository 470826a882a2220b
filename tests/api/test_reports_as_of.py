"""One meaning of "as of" (docs/decisions/0026-as-of-and-denominators.md): the summary, the
trend and each student's own read agree at the same instant, given the results observed up to
it, however late the results were loaded; `knownAt` leaves out what was recorded after it.

Twenty students of one school, c000 alone (latest result counts, 3 is mastered):
    every student   2 on 2026-09-10                    (batch A)
    p00-p11         3 on 2026-10-10                    (batch A: two results of a pair at once)
    p12-p19         3 on 2026-11-10                    (batch B, loaded after batch A)
so, by hand: Sep 30 20 not yet; Oct 15 12 mastered, 8 not yet; Nov 15 20 mastered; and known
at the end of batch A, Nov 15 still reads 12 and 8."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest

from app.bootstrap import Container
from app.domain.access import Tenant
from app.use_cases.evidence import EvidenceInput
from tests.api.district_data import Pupil, principal_of, seed_framework, seed_roster
from tests.api.graphql_data import data
from tests.conftest import Api
from tests.differencing import published

PUPILS = [Pupil(f"p{i:02d}") for i in range(20)]
ONLY_C000 = 'filter: {competencyIds: ["c000"]}'
COUNTS = "students decisions mastered notYet insufficientEvidence noEvidence percentMastered"


def _at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T12:00:00+00:00")


def _result(student: str, score: float, day: str, n: int) -> EvidenceInput:
    return EvidenceInput(
        student_id=student,
        competency_id="c000",
        score=score,
        observed_at=_at(day),
        source_id=f"{student}-{n}",
    )


@pytest.fixture
async def loaded(api: Api, container: Container, tenant: Tenant) -> tuple[Api, datetime]:
    """The district with both batches loaded; returns when batch A was all recorded."""
    await seed_roster(container, tenant, PUPILS)
    await seed_framework(container, tenant, 2)
    record = container.use_cases.evidence.record_evidence
    batch_a = [_result(p.id, 2.0, "2026-09-10", 0) for p in PUPILS]
    batch_a += [_result(p.id, 3.0, "2026-10-10", 1) for p in PUPILS[:12]]
    await record(principal_of(tenant), batch_a)
    known = datetime.now(UTC)
    await record(principal_of(tenant), [_result(p.id, 3.0, "2026-11-10", 2) for p in PUPILS[12:]])
    return api, known


async def _summary(api: Api, extra: str) -> dict[str, Any]:
    query = f"""{{ masterySummary(frameworkId: "fw", groupBy: [], {ONLY_C000} {extra})
        {{ rows {{ {COUNTS} }} }} }}"""
    (row,) = (await data(api, query))["masterySummary"]["rows"]
    return dict(row)


async def _students_say(api: Api, as_of: str) -> Counter[str]:
    """Each student's own read at `as_of`, counted on c000."""
    statuses: Counter[str] = Counter()
    for pupil in PUPILS:
        answer = await api.get(
            f"/v1/students/{pupil.id}/mastery?framework_id=fw&as_of={as_of}".replace("+", "%2B")
        )
        assert answer.status_code == 200, answer.text
        statuses.update(d["status"] for d in answer.json()["items"] if d["competency_id"] == "c000")
    return statuses


@pytest.mark.parametrize(
    ("as_of", "mastered", "not_yet"),
    [
        ("2026-09-01T00:00:00+00:00", 0, 0),
        ("2026-09-30T00:00:00+00:00", 0, 20),
        ("2026-10-15T00:00:00+00:00", 12, 8),
        ("2026-11-15T00:00:00+00:00", 20, 0),
    ],
)
async def test_summary_and_student_reads_agree_as_of_an_instant(
    loaded: tuple[Api, datetime], as_of: str, mastered: int, not_yet: int
) -> None:
    api, _ = loaded
    said = await _students_say(api, as_of)
    assert (said["mastered"], said["not_yet"]) == (mastered, not_yet)
    row = await _summary(api, f', asOf: "{as_of}"')
    assert row == published(20, mastered, not_yet, 0, 1)


async def test_the_trend_counts_each_month_as_the_summary_does(
    loaded: tuple[Api, datetime],
) -> None:
    api, _ = loaded
    query = f"""{{ masteryTrend(frameworkId: "fw", groupBy: [], from: "2026-09-01T00:00:00Z",
        to: "2026-11-30T00:00:00Z", interval: MONTH, {ONLY_C000})
        {{ points {{ periodEnd rows {{ {COUNTS} }} }} }} }}"""
    points = (await data(api, query))["masteryTrend"]["points"]
    assert [p["periodEnd"][:10] for p in points] == ["2026-10-01", "2026-11-01", "2026-11-30"]
    by_hand = [(0, 20), (12, 8), (20, 0)]
    assert [p["rows"] for p in points] == [[published(20, m, n, 0, 1)] for m, n in by_hand]
    # The summary as of each period's end (exclusive) reads the same.
    for point, (m, n) in zip(points, by_hand, strict=True):
        end = datetime.fromisoformat(point["periodEnd"])
        just_before = end.replace(microsecond=0) if end.microsecond else end
        row = await _summary(api, f', asOf: "{just_before.isoformat()}"')
        assert row == published(20, m, n, 0, 1)
    assert (points[0]["rows"][0]["notYet"], points[2]["rows"][0]["mastered"]) == (20, 20)


async def test_known_at_leaves_out_what_was_recorded_later(
    loaded: tuple[Api, datetime],
) -> None:
    api, known = loaded
    nov = "2026-11-15T00:00:00+00:00"
    audit = await _summary(api, f', asOf: "{nov}", knownAt: "{known.isoformat()}"')
    assert audit == published(20, 12, 8, 0, 1)
    assert await _summary(api, f', asOf: "{nov}"') == published(20, 20, 0, 0, 1)
    # Known before anything was loaded: nothing.
    early = '"2026-09-01T00:00:00+00:00"'
    assert await _summary(api, f", knownAt: {early}") == published(20, 0, 0, 0, 1)
