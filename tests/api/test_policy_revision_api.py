"""Finding 8 on both databases: a recompute killed between two committed steps leaves every
reader on the old method (framework and decisions alike), and the job begun again switches
everything in at once. (The runner here holds the job until the test runs it; the real
runner's taking over of a killed process's jobs is tested in test_job_resumption and e2e.)"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from app.bootstrap import Container, wire
from app.domain.framework_commands import CalculationSpec, UpdateFramework
from app.domain.frameworks import CalculationMethod
from app.domain.jobs import Job, JobStatus
from app.use_cases.catalog import UseCases
from app.use_cases.job_kinds import job_kinds
from tests.api.mastery_data import post, result, seed_framework
from tests.api.roster_data import STUDENT
from tests.conftest import Api, token_for
from tests.fakes.jobs import FakeJobRunner


class Killed(Exception):
    """The worker died right after a step committed."""


class DiesAfterFirstStep:
    async def advance(self, done: int, total: int | None = None, **result: Any) -> None:
        raise Killed


async def leave_a_step_staged(
    container: Container, api: Api, framework_id: str = "fw-math"
) -> tuple[UseCases, FakeJobRunner, Job]:
    """A change to `highest` whose recompute job was killed after its first step (one student
    per step): the framework's revision is pending with that student's decisions staged. The
    job is held by a runner that runs it only when asked (`run_pending`)."""
    a = container.adapters
    held = FakeJobRunner(a.uow, a.clock, a.ids, inline=False)
    policy = dataclasses.replace(
        container.policy, recompute_inline_limit=0, recompute_step_students=1
    )
    use_cases = wire(dataclasses.replace(a, jobs=held), policy)
    held.attach(job_kinds(use_cases))
    principal = a.tokens.read(token_for(container, api.tenant), a.clock.now())
    command = UpdateFramework(calculation=CalculationSpec(CalculationMethod.HIGHEST))
    changed = await use_cases.frameworks.update_framework(principal, framework_id, command)
    job = changed.job
    assert job is not None
    with pytest.raises(Killed):
        await use_cases.frameworks.run_recompute_job(
            api.tenant.id, job.arguments, DiesAfterFirstStep()
        )
    return use_cases, held, job


async def _shown(api: Api) -> list[tuple[str, float, str, str]]:
    found = []
    for student in ("student-1", "student-2"):
        leaf = (await api.get(f"/v1/students/{student}/mastery/s-1")).json()
        found.append((student, leaf["score"], leaf["status"], leaf["method"]["name"]))
    return found


async def test_a_killed_recompute_never_shows_two_methods_and_resumes(
    api: Api, container: Container
) -> None:
    await seed_framework(api)
    assert (await api.put("/v1/users/student-2", STUDENT)).status_code == 201
    # decaying: .65*2 + .35*4 = 2.70 not yet, for both students; `highest` gives 4 mastered.
    for student in ("student-1", "student-2"):
        await post(api, result(4, 1, student=student), result(2, 2, student=student))
    decaying = [
        (s, 2.7, "not_yet", "standard_decaying_average") for s in ("student-1", "student-2")
    ]
    assert await _shown(api) == decaying

    use_cases, held, job = await leave_a_step_staged(container, api)
    principal = container.adapters.tokens.read(
        token_for(container, api.tenant), container.adapters.clock.now()
    )
    # student-1's step is committed, yet the framework and both students still read decaying.
    framework = (await api.get("/v1/frameworks/fw-math")).json()
    assert framework["calculation"] == {"method": "standard_decaying_average", "weight": 0.65}
    assert await _shown(api) == decaying

    await held.run_pending()  # begun again: resumes after student-1, then switches
    done = await use_cases.jobs.get_job(principal, job.id)
    assert (done.status, done.result["switched"]) == (JobStatus.SUCCEEDED, True)
    framework = (await api.get("/v1/frameworks/fw-math")).json()
    assert framework["calculation"] == {"method": "highest"}
    assert await _shown(api) == [
        (s, 4.0, "mastered", "highest") for s in ("student-1", "student-2")
    ]
    history = (await api.get("/v1/students/student-1/mastery/s-1/history")).json()["items"]
    # The batch's two results each left a step (4 mastered, then 2.70 not yet); one entry for
    # the switch (the step staged before the kill wrote no history of its own).
    assert [h["cause"] for h in history] == ["evidence", "evidence", "policy"]
