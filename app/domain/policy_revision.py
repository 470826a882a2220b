"""A pending policy revision: a framework change whose decisions are recomputed in steps.

Recomputing a large framework takes many transactions, and a worker may be killed between
any two. So the change is not stored on the framework at once: it waits as a revision, each
step stages the decisions of a range of students under it, and the switch stores the changed
framework and every staged decision in one transaction. Until then readers, and results that
arrive meanwhile, see the framework as it was and the decisions made under it; after it, the
new policy and only its decisions. No reader sees a framework half under one method and half
under another, and a killed recompute resumes after the last step it committed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.frameworks import Framework


@dataclass(frozen=True)
class PolicyRevision:
    """A framework as changed, waiting for its decisions; `students_through` is the last
    student (in id order) whose decisions under it are staged."""

    id: str
    framework: Framework
    begun_at: datetime
    students_through: str | None = None

    @property
    def framework_id(self) -> str:
        return self.framework.id

    def staged_through(self, student_id: str) -> PolicyRevision:
        """The revision after a step that staged every student up to `student_id`."""
        return replace(self, students_through=student_id)


def base_of_change(in_force: Framework, pending: PolicyRevision | None) -> Framework:
    """What a new change applies to: the pending revision when there is one (the district's
    latest intent, which the change supersedes), else the framework in force."""
    return pending.framework if pending is not None else in_force


def computed_at_switch(changed_since_begun: Iterable[str]) -> list[str]:
    """The students whose decisions are computed again in the switch's own transaction, in id
    order: those whose results or decisions changed after the revision began (a result that
    arrived, was voided or resent; an override set or cleared), staged or not (a student's
    first result may arrive after the steps passed its id). Their staged decisions may be
    stale, so a change made during the recompute is never lost."""
    return sorted(set(changed_since_begun))
