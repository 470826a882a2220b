"""The registry of job kinds: each kind's name -> the use case that does its work.

Built by the composition root after the use cases (which queue jobs through the runner), and
attached to the runner, which runs a job from its row by looking its kind up here."""

from __future__ import annotations

from app.ports.jobs import JobKind, JobKinds
from app.use_cases.catalog import UseCases
from app.use_cases.frameworks import RECOMPUTE_JOB
from app.use_cases.grading_terms import CLOSE_JOB
from app.use_cases.lti_grades import GRADES_PULL_JOB
from app.use_cases.lti_roster import ROSTER_PULL_JOB
from app.use_cases.lti_scores import SCORES_JOB
from app.use_cases.roster_import import IMPORT_JOB
from app.use_cases.roster_sync import SYNC_JOB
from app.use_cases.webhook_delivery import DELIVERY_JOB


def job_kinds(use_cases: UseCases) -> JobKinds:
    """Every kind of job the service queues."""
    imports = use_cases.roster_imports
    kinds = {
        IMPORT_JOB: JobKind(imports.run_import_job, ended=imports.import_job_ended),
        SYNC_JOB: JobKind(use_cases.roster_sync.run_sync_job),
        RECOMPUTE_JOB: JobKind(use_cases.frameworks.run_recompute_job),
        CLOSE_JOB: JobKind(use_cases.grading_terms.run_close_job),
    }
    if (lti := use_cases.lti_services) is not None:
        kinds[ROSTER_PULL_JOB] = JobKind(lti.roster.run_roster_job)
        kinds[GRADES_PULL_JOB] = JobKind(lti.grades.run_grades_job)
        kinds[SCORES_JOB] = JobKind(lti.scores.run_scores_job)
    if (delivery := use_cases.webhook_delivery) is not None:
        kinds[DELIVERY_JOB] = JobKind(delivery.run_delivery_job)
    return kinds
