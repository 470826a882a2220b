"""A large policy change under a pending revision, on fakes (the same district as
test_policy_change): a recompute killed between two steps leaves the framework and every
decision as they were, resumes after its last step, and switches everything at once; results
that arrive meanwhile are not lost; a later change supersedes a pending one."""

from __future__ import annotations

from typing import Any

import pytest

from app.bootstrap import Policy
from app.domain.frameworks import Calculation, CalculationMethod
from app.domain.jobs import Job
from app.domain.mastery.record import ChangeCause
from app.use_cases.catalog import UseCases
from app.use_cases.evidence import EvidenceInput
from tests.fakes.wiring import FakeAdapters
from tests.unit.use_cases.district import CALLER, TENANT, day
from tests.unit.use_cases.test_policy_change import (
    HIGHEST,
    MASTERED,
    NOT_YET,
    _district,
    shown,
    to_highest,
)

DECAYING_START = {"n": (NOT_YET, 3.33), "n1": (NOT_YET, 2.65), "n2": (MASTERED, 4.0)}


class Killed(Exception):
    """The worker died right after a step committed."""


class DiesAfterFirstStep:
    async def advance(self, done: int, total: int | None = None, **result: Any) -> None:
        raise Killed


@pytest.fixture
async def pending() -> tuple[FakeAdapters, UseCases, Job]:
    """The change queued as a job with one student per step (s1, then s2)."""
    fakes = FakeAdapters(jobs_inline=False)
    await _district(fakes)
    use_cases = fakes.use_cases(Policy(recompute_inline_limit=5, recompute_step_students=1))
    job = (await use_cases.frameworks.change(CALLER, "math", to_highest)).job
    assert job is not None
    return fakes, use_cases, job


def _policy_entries(fakes: FakeAdapters) -> list[tuple[str, str]]:
    history = fakes.database.tables(TENANT).decision_history
    return [
        (e.change.student_id, e.change.competency_id)
        for e in history
        if e.change.cause is ChangeCause.POLICY
    ]


async def test_a_recompute_killed_between_steps_shows_nothing_of_the_new_policy(
    pending: tuple[FakeAdapters, UseCases, Job],
) -> None:
    fakes, use_cases, job = pending
    with pytest.raises(Killed):
        await use_cases.frameworks.run_recompute_job(TENANT, job.arguments, DiesAfterFirstStep())
    # s1's step committed (staged), yet every reader still sees the old method throughout.
    tables = fakes.database.tables(TENANT)
    assert {s for (_, s, _) in tables.staged_decisions} == {"s1"}
    assert tables.revisions["math"].students_through == "s1"
    assert (await use_cases.frameworks.get_framework(CALLER, "math")).calculation != HIGHEST
    s1 = await shown(use_cases, "s1")
    assert {c: s1[c] for c in DECAYING_START} == DECAYING_START
    assert (await shown(use_cases, "s2"))["n"] == (NOT_YET, 3.0)
    assert _policy_entries(fakes) == []

    # The job begun again resumes after s1 and switches everything in at once.
    await fakes.jobs.run_pending()
    assert (await use_cases.frameworks.get_framework(CALLER, "math")).calculation == HIGHEST
    assert (await shown(use_cases, "s1"))["n1"] == (MASTERED, 3.0)
    assert (await shown(use_cases, "s1"))["n"] == (MASTERED, 3.5)
    # Exactly the entries one uninterrupted recompute writes (test_policy_change): no doubles.
    assert sorted(_policy_entries(fakes)) == [("s1", "n"), ("s1", "n1")]
    assert (tables.revisions, tables.staged_decisions) == ({}, {})


async def test_a_result_that_arrives_during_the_recompute_is_not_lost(
    pending: tuple[FakeAdapters, UseCases, Job],
) -> None:
    fakes, use_cases, job = pending
    with pytest.raises(Killed):
        await use_cases.frameworks.run_recompute_job(TENANT, job.arguments, DiesAfterFirstStep())
    # s1 is staged already; a 1 arrives for s1's n2, decided under the method in force.
    fakes.clock.advance(minutes=1)
    await use_cases.evidence.record_evidence(CALLER, [EvidenceInput("s1", "n2", 1, day(0), "late")])
    await fakes.jobs.run_pending()
    # Under `highest`, n2 stays 4 (its best), n1 is 3: the switch computed s1 again with the
    # new result rather than switching in the stale staged decisions (which had no such
    # result: their n2 counted one result, now two).
    views = await use_cases.mastery.student_mastery(CALLER, "s1", framework_id="math")
    n2 = next(v for v in views if v.competency_id == "n2")
    assert (n2.shown.status, n2.shown.score, n2.computed.evidence_count) == (MASTERED, 4.0, 2)
    assert (await shown(use_cases, "s1"))["n1"] == (MASTERED, 3.0)


async def test_a_change_while_a_revision_is_pending_builds_on_it_and_supersedes_it(
    pending: tuple[FakeAdapters, UseCases, Job],
) -> None:
    fakes, use_cases, first = pending
    second = (
        await use_cases.frameworks.change(CALLER, "math", lambda f: f.with_policy(min_evidence=2))
    ).job
    assert second is not None
    await fakes.jobs.run_pending()
    superseded = await use_cases.jobs.get_job(CALLER, first.id)
    assert superseded.result == {"switched": False}
    framework = await use_cases.frameworks.get_framework(CALLER, "math")
    # Both changes are in force: the first's method and the second's minimum.
    assert (framework.calculation, framework.min_evidence) == (HIGHEST, 2)
    assert framework.calculation == Calculation(CalculationMethod.HIGHEST)
