"""The registry of job kinds: each kind's name -> the use case that does its work.

Built by the composition root after the use cases (which queue jobs through the runner), and
attached to the runner, which runs a job from its row by looking its kind up here."""

from __future__ import annotations

from app.ports.jobs import JobKind, JobKinds
from app.use_cases.catalog import UseCases
from app.use_cases.frameworks import RECOMPUTE_JOB
from app.use_cases.roster_import import IMPORT_JOB
from app.use_cases.roster_sync import SYNC_JOB


def job_kinds(use_cases: UseCases) -> JobKinds:
    """Every kind of job the service queues."""
    imports = use_cases.roster_imports
    return {
        IMPORT_JOB: JobKind(imports.run_import_job, ended=imports.import_job_ended),
        SYNC_JOB: JobKind(use_cases.roster_sync.run_sync_job),
        RECOMPUTE_JOB: JobKind(use_cases.frameworks.run_recompute_job),
    }
