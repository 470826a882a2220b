"""Pending policy revisions (app.domain.policy_revision) and the decisions staged under them."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Protocol

from app.domain.mastery.record import DecisionRecord
from app.domain.mastery.storing import ScaleOf
from app.domain.policy_revision import PolicyRevision


class PolicyRevisionRepository(Protocol):
    async def pending(self, framework_id: str) -> PolicyRevision | None:
        """The framework's pending revision, if any."""
        ...

    async def begin(self, revision: PolicyRevision) -> None:
        """Make `revision` its framework's pending one, ending any earlier one (its staged
        decisions are dropped: the new revision supersedes it)."""
        ...

    async def save(self, revision: PolicyRevision) -> None:
        """Record how far the revision's steps have gone."""
        ...

    async def stage(
        self, revision_id: str, records: Sequence[DecisionRecord], scale_of: ScaleOf, at: datetime
    ) -> None:
        """Stage decisions under the revision (replacing any staged for the same decision; the
        status each shows on the scale `scale_of` gives it)."""
        ...

    async def staged_students(self, revision_id: str, after: str | None, limit: int) -> list[str]:
        """Up to `limit` students with staged decisions after `after`, in id order."""
        ...

    async def staged(self, revision_id: str, student_ids: Collection[str]) -> list[DecisionRecord]:
        """The decisions staged under the revision for these students."""
        ...

    async def end(self, framework_id: str) -> None:
        """Drop the framework's pending revision and everything staged under it."""
        ...
