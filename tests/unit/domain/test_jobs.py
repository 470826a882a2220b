"""A job's attempts: begun again after an interruption, given up after MAX_ATTEMPTS."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.access import Scope, TenantId
from app.domain.jobs import MAX_ATTEMPTS, Job, JobStatus

AT = datetime(2026, 9, 1, tzinfo=UTC)


def _job(status: JobStatus, attempts: int) -> Job:
    return Job("j", TenantId(1), "k", Scope.ROSTER_WRITE, status, AT, attempts=attempts)


def test_each_beginning_counts_an_attempt() -> None:
    begun = _job(JobStatus.QUEUED, 0).begun(AT)
    assert (begun.status, begun.attempts, begun.started_at) == (JobStatus.RUNNING, 1, AT)
    assert begun.begun(AT).attempts == 2


def test_an_interrupted_job_is_begun_again_until_its_last_attempt() -> None:
    assert MAX_ATTEMPTS == 3
    assert _job(JobStatus.QUEUED, 0).may_begin_again
    assert _job(JobStatus.RUNNING, 2).may_begin_again
    assert not _job(JobStatus.RUNNING, 3).may_begin_again
    assert not _job(JobStatus.SUCCEEDED, 1).may_begin_again


def test_a_job_given_up_fails_saying_why() -> None:
    gone = _job(JobStatus.RUNNING, 3).given_up(AT)
    assert (gone.status, gone.finished_at, gone.errors) == (
        JobStatus.FAILED,
        AT,
        [{"loc": [], "msg": "the job was interrupted 3 times; given up"}],
    )
