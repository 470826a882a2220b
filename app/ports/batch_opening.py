"""What every batch of results reads first, asked of the unit of work as one request."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

from app.domain.frameworks import Framework


@dataclass(frozen=True)
class OpenedBatch:
    """What a batch of results reads before anything else (`BatchOpening.open_batch`)."""

    framework_of: dict[str, str]  # each existing competency's framework id
    frameworks: dict[str, Framework]
    students: set[str]  # those of the students asked that are active students


class BatchOpening(Protocol):
    async def open_batch(
        self,
        competency_ids: Collection[str],
        student_ids: Collection[str],
        *,
        lock: Collection[str] | None,
    ) -> OpenedBatch:
        """What every batch of results reads first, together (one statement on PostgreSQL,
        where each statement costs the server about a quarter of a millisecond of CPU): the
        frameworks of these competencies (as `frameworks.of_competencies`), which of these
        students are active students (as the users' `active_ids`), and unless `lock` is None,
        those students' writers serialised (as `decisions.lock_students`) before anything this
        unit of work reads next."""
        ...
