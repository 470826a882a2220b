"""A framework's policy changes on fakes: decisions recomputed at once, or by a job when there
are more than the inline limit; and a simulation that tells exactly what applying the policy
then does.

The evidence (decaying average, 0.65 on the newest):
    s1  n1: 2, 3 -> 2.65 not yet    n2: 4 mastered    g: 3 mastered (a teacher's 2 shows)
        n (rolled up): one of two children mastered, not yet; mean of 2.65 and 4, 3.33
    s2  n1: 3 mastered; n: n2 has nothing yet, not yet, 3.0
Under `highest`, s1's n1 is 3 (mastered), so n is mastered with the mean 3.5; nothing else
moves in status or level: 2 history entries. The records that change are s1's n1, n2, g
(their method) and n, and s2's n1: 5."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.bootstrap import Policy
from app.domain.access import Scope
from app.domain.errors import Invalid
from app.domain.framework_commands import CalculationSpec, CandidatePolicy
from app.domain.frameworks import Calculation, CalculationMethod, Framework
from app.domain.jobs import JobStatus
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.record import ChangeCause
from app.domain.mastery.simulation import StudentChanges, Tally
from app.ports.jobs import JobReport
from app.use_cases.catalog import UseCases
from app.use_cases.evidence import EvidenceInput
from tests.fakes.wiring import FakeAdapters
from tests.unit.use_cases.district import CALLER, TENANT, day, given

MASTERED, NOT_YET = MasteryStatus.MASTERED, MasteryStatus.NOT_YET
HIGHEST = Calculation(CalculationMethod.HIGHEST)


def to_highest(framework: Framework) -> Framework:
    return framework.with_policy(calculation=HIGHEST)


async def _district(fakes: FakeAdapters) -> FakeAdapters:
    await given(fakes)
    use_cases = fakes.use_cases()
    await use_cases.evidence.record_evidence(
        CALLER,
        [
            EvidenceInput("s1", "n1", 2, day(-3), "a"),
            EvidenceInput("s1", "n1", 3, day(-2), "b"),
            EvidenceInput("s1", "n2", 4, day(-2), "c"),
            EvidenceInput("s1", "g", 3, day(-1), "d"),
            EvidenceInput("s2", "n1", 3, day(-1), "e"),
        ],
    )
    await use_cases.overrides.put_override(
        CALLER, "s1", "g", level=2, status=None, reason="retested", expires_at=None
    )
    return fakes


@pytest.fixture
async def district(fakes: FakeAdapters) -> FakeAdapters:
    return await _district(fakes)


async def shown(use_cases: UseCases, student: str) -> dict[str, tuple[MasteryStatus, float | None]]:
    views = await use_cases.mastery.student_mastery(CALLER, student, framework_id="math")
    return {v.competency_id: (v.shown.status, v.shown.score) for v in views}


async def test_the_starting_point(district: FakeAdapters, use_cases: UseCases) -> None:
    assert await shown(use_cases, "s1") == {
        "n": (NOT_YET, 3.33),
        "n1": (NOT_YET, 2.65),
        "n2": (MASTERED, 4.0),
        "g": (NOT_YET, 2),
    }
    assert (await shown(use_cases, "s2"))["n"] == (NOT_YET, 3.0)


async def test_a_policy_change_recomputes_decisions_at_once(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    commits = district.database.commits
    changed = await use_cases.frameworks.change(CALLER, "math", to_highest)
    assert changed.job is None
    assert changed.framework.calculation == HIGHEST
    assert district.database.commits == commits + 1  # the framework and its decisions at once
    assert await shown(use_cases, "s1") == {
        "n": (MASTERED, 3.5),
        "n1": (MASTERED, 3.0),
        "n2": (MASTERED, 4.0),
        "g": (NOT_YET, 2),  # the teacher's override still shows
    }
    assert (await shown(use_cases, "s2"))["n1"] == (MASTERED, 3.0)
    history = district.database.tables(TENANT).decision_history
    policy = [
        (e.change.student_id, e.change.competency_id, e.change.status)
        for e in history
        if e.change.cause is ChangeCause.POLICY
    ]
    assert sorted(policy) == [("s1", "n", MASTERED), ("s1", "n1", MASTERED)]


async def test_a_change_that_moves_no_decision_recomputes_nothing(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    before = dict(district.database.tables(TENANT).decisions)
    changed = await use_cases.frameworks.change(CALLER, "math", lambda f: replace(f, title="Maths"))
    assert changed.framework.title == "Maths"
    assert district.database.tables(TENANT).decisions == before


async def test_over_the_inline_limit_a_job_recomputes() -> None:
    fakes = FakeAdapters(jobs_inline=False)
    await _district(fakes)
    # 6 decisions are stored (s1: n, n1, n2, g; s2: n, n1), one more than the limit.
    use_cases = fakes.use_cases(Policy(recompute_inline_limit=5))
    changed = await use_cases.frameworks.change(CALLER, "math", to_highest)
    job = changed.job
    assert job is not None
    assert (job.kind, job.scope, job.status) == (
        "recompute_decisions",
        Scope.FRAMEWORKS_WRITE,
        JobStatus.QUEUED,
    )
    # Until the job switches the revision in, the framework in force and its decisions are
    # the old ones; the answer shows the framework as it will be.
    assert changed.framework.calculation == HIGHEST
    assert (await use_cases.frameworks.get_framework(CALLER, "math")).calculation != HIGHEST
    assert (await shown(use_cases, "s1"))["n1"] == (NOT_YET, 2.65)
    await fakes.jobs.run_pending()
    assert (await use_cases.frameworks.get_framework(CALLER, "math")).calculation == HIGHEST
    assert (await shown(use_cases, "s1"))["n1"] == (MASTERED, 3.0)
    done = await use_cases.jobs.get_job(CALLER, job.id)
    assert (done.status, done.done, done.result) == (
        JobStatus.SUCCEEDED,
        1,
        {"students_through": "s2", "switched": True, "decisions_changed": 5},
    )


async def test_at_the_inline_limit_it_recomputes_at_once(fakes: FakeAdapters) -> None:
    await _district(fakes)
    use_cases = fakes.use_cases(Policy(recompute_inline_limit=6))
    assert (await use_cases.frameworks.change(CALLER, "math", to_highest)).job is None
    assert fakes.jobs.started == []


async def test_a_simulation_tells_what_applying_the_policy_does(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    commits = district.database.commits
    report = await use_cases.simulation.simulate_policy(
        CALLER, "math", CandidatePolicy(calculation=CalculationSpec(CalculationMethod.HIGHEST))
    )
    assert district.database.commits == commits  # nothing written
    # Every competency of the framework (the retired n3 too) for both students: 10.
    assert report.total == Tally(became_mastered=2, lost_mastery=0, unchanged=8)
    assert report.students == (StudentChanges("s1", ("n", "n1"), ()),)
    assert report.by_competency["n1"] == Tally(1, 0, 1)
    before = {s: await shown(use_cases, s) for s in ("s1", "s2")}
    await use_cases.frameworks.change(CALLER, "math", to_highest)
    after = {s: await shown(use_cases, s) for s in ("s1", "s2")}
    gained = {
        (s, c)
        for s in before
        for c, (status, _) in after[s].items()
        if status is MASTERED and before[s][c][0] is not MASTERED
    }
    lost = {
        (s, c)
        for s in before
        for c, (status, _) in before[s].items()
        if status is MASTERED and after[s][c][0] is not MASTERED
    }
    simulated_gains = {(s.student_id, c) for s in report.students for c in s.became_mastered}
    assert gained == simulated_gains == {("s1", "n"), ("s1", "n1")}
    assert lost == set()


async def test_a_bad_candidate_policy_is_refused(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    commits = district.database.commits
    with pytest.raises(Invalid) as refused:
        await use_cases.simulation.simulate_policy(
            CALLER, "math", CandidatePolicy(mastery_threshold=99.0)
        )
    # The threshold must lie on the framework's scale; nothing is compared or written.
    assert [p.loc for p in refused.value.problems] == [("mastery_threshold",)]
    assert district.database.commits == commits


async def test_a_recompute_without_a_policy_change_is_the_same_job() -> None:
    # `mastery recompute` with a queue: the policy change's job, on the framework as it stands.
    # The engine has not changed since the decisions were stored, so none changes.
    fakes = FakeAdapters(jobs_inline=False)
    await _district(fakes)
    use_cases = fakes.use_cases()
    before = dict(fakes.database.tables(TENANT).decisions)
    job = await use_cases.frameworks.recompute(CALLER, "math")
    assert not isinstance(job, JobReport)
    assert (job.kind, job.scope, job.status) == (
        "recompute_decisions",
        Scope.FRAMEWORKS_WRITE,
        JobStatus.QUEUED,
    )
    await fakes.jobs.run_pending()
    done = await use_cases.jobs.get_job(CALLER, job.id)
    assert (done.status, done.result["switched"], done.result["decisions_changed"]) == (
        JobStatus.SUCCEEDED,
        True,
        0,
    )
    assert fakes.database.tables(TENANT).decisions == before
