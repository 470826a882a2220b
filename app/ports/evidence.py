"""Evidence: the results students' decisions are made from."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Protocol

from app.domain.evidence import Evidence
from app.domain.evidence import EvidenceKey as EvidenceKey  # the ports' callers name it here
from app.ports.mastery import StudentCompetency
from app.ports.paging import Page


class EvidenceRepository(Protocol):
    async def find(self, keys: Collection[EvidenceKey]) -> dict[EvidenceKey, Evidence]:
        """Stored evidence by (source, source_id, competency_id)."""
        ...

    async def add_many(
        self, items: Sequence[Evidence], framework_of: Mapping[str, str], at: datetime
    ) -> list[Evidence]:
        """Store new evidence; returns it with its arrival order (`seq`) assigned."""
        ...

    async def replace_many(
        self, items: Sequence[Evidence], previous: Sequence[Evidence], at: datetime
    ) -> None:
        """Store new versions of evidence, keeping the previous versions as history."""
        ...

    async def get(self, evidence_id: str) -> Evidence | None: ...

    async def from_sources(self, source: str, source_ids: Collection[str]) -> list[Evidence]:
        """Every result (voided too) that these source ids of `source` made, on any competency."""
        ...

    async def history(
        self, pairs: Collection[StudentCompetency]
    ) -> dict[StudentCompetency, list[Evidence]]:
        """Every result (voided too) of these students on these competencies."""
        ...

    async def for_students(
        self, student_ids: Collection[str], competency_ids: Collection[str]
    ) -> dict[str, list[Evidence]]:
        """Every result of these students on these competencies, by student."""
        ...

    async def students_with_evidence(
        self, competency_ids: Collection[str], after: str | None, limit: int
    ) -> list[str]:
        """A page of the students who have any result on these competencies, in id order."""
        ...

    async def students_changed_since(
        self, competency_ids: Collection[str], since: datetime
    ) -> list[str]:
        """The students with a result on these competencies received, resent or voided at or
        after `since`."""
        ...

    async def list(
        self,
        *,
        student_id: str | None,
        competency_id: str | None,
        since: datetime | None,
        after: str | None,
        limit: int,
    ) -> Page[Evidence]:
        """A page of evidence in arrival order."""
        ...
