"""An in-memory evidence repository (app.ports.evidence): results keyed by id, each with its
arrival order (`seq`, from a sequence no rollback takes back), versions kept when replaced."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from app.domain.changes import ChangeType, evidence_changed, evidence_replaced
from app.domain.evidence import Evidence
from app.ports.evidence import EvidenceKey
from app.ports.mastery import StudentCompetency
from app.ports.paging import Page
from tests.fakes.state import EvidenceVersion, StoredEvidence, TenantTables


class FakeEvidenceRepository:
    def __init__(self, tables: TenantTables, seq: Iterator[int]) -> None:
        self._tables = tables
        self._seq = seq

    def _all(self) -> list[Evidence]:
        return [s.evidence for s in self._tables.evidence.values()]

    async def find(self, keys: Collection[EvidenceKey]) -> dict[EvidenceKey, Evidence]:
        wanted = set(keys)
        return {
            k: e for e in self._all() if (k := (e.source, e.source_id, e.competency_id)) in wanted
        }

    async def add_many(
        self, items: Sequence[Evidence], framework_of: Mapping[str, str], at: datetime
    ) -> list[Evidence]:
        keys = {(e.source, e.source_id, e.competency_id) for e in self._all()}
        added = []
        for item in items:
            key = (item.source, item.source_id, item.competency_id)
            # The unique keys of the evidence table (an integrity error there).
            assert key not in keys, f"{key} is stored"
            assert item.id not in self._tables.evidence, f"{item.id} is stored"
            keys.add(key)
            stored = replace(item, seq=next(self._seq))
            self._tables.evidence[item.id] = StoredEvidence(
                stored, framework_of[item.competency_id], at, at
            )
            added.append(stored)
        self._tables.change_events += [
            evidence_changed(ChangeType.EVIDENCE_ADDED, e, framework_of[e.competency_id], at)
            for e in added
        ]
        return added

    async def replace_many(
        self, items: Sequence[Evidence], previous: Sequence[Evidence], at: datetime
    ) -> None:
        if not items:
            return
        rows = self._tables.evidence
        self._tables.change_events += evidence_replaced(items, previous, at)
        for old in previous:
            self._tables.evidence_versions.append(EvidenceVersion(old, rows[old.id].version, at))
        for e in items:
            row = rows[e.id]
            # What a resend or a void may change; the key and arrival order stay.
            changed = replace(
                row.evidence,
                student_id=e.student_id,
                score=e.score,
                max_score=e.max_score,
                observed_at=e.observed_at,
                kind=e.kind,
                comment=e.comment,
                voided_at=e.voided_at,
                category=e.category,
                weight=e.weight,
                mark=e.mark,
            )
            rows[e.id] = replace(row, evidence=changed, updated_at=at, version=row.version + 1)

    async def get(self, evidence_id: str) -> Evidence | None:
        row = self._tables.evidence.get(evidence_id)
        return row.evidence if row else None

    async def from_sources(self, source: str, source_ids: Collection[str]) -> list[Evidence]:
        wanted = set(source_ids)
        return [e for e in self._all() if e.source == source and e.source_id in wanted]

    async def history(
        self, pairs: Collection[StudentCompetency]
    ) -> dict[StudentCompetency, list[Evidence]]:
        wanted = set(pairs)
        found: dict[StudentCompetency, list[Evidence]] = defaultdict(list)
        for e in self._all():
            if (e.student_id, e.competency_id) in wanted:
                found[(e.student_id, e.competency_id)].append(e)
        return found

    async def for_students(
        self, student_ids: Collection[str], competency_ids: Collection[str]
    ) -> dict[str, list[Evidence]]:
        students, competencies = set(student_ids), set(competency_ids)
        found: dict[str, list[Evidence]] = defaultdict(list)
        for e in self._all():
            if e.student_id in students and e.competency_id in competencies:
                found[e.student_id].append(e)
        return found

    async def students_with_evidence(
        self, competency_ids: Collection[str], after: str | None, limit: int
    ) -> list[str]:
        wanted = set(competency_ids)
        students = {
            e.student_id
            for e in self._all()
            if e.competency_id in wanted and (after is None or e.student_id > after)
        }
        return sorted(students)[:limit]

    async def students_changed_since(
        self, competency_ids: Collection[str], since: datetime
    ) -> list[str]:
        wanted = set(competency_ids)
        return sorted(
            {
                r.evidence.student_id
                for r in self._tables.evidence.values()
                if r.evidence.competency_id in wanted and r.updated_at >= since
            }
        )

    def versions(self, evidence_id: str) -> list[EvidenceVersion]:
        """The earlier versions of a result, oldest first (what the table keeps; no port asks)."""
        return [v for v in self._tables.evidence_versions if v.evidence.id == evidence_id]

    async def list(
        self,
        *,
        student_id: str | None,
        competency_id: str | None,
        since: datetime | None,
        after: str | None,
        limit: int,
    ) -> Page[Evidence]:
        rows = sorted(self._tables.evidence.values(), key=lambda r: r.evidence.seq)
        items = [
            r.evidence
            for r in rows
            if (student_id is None or r.evidence.student_id == student_id)
            and (competency_id is None or r.evidence.competency_id == competency_id)
            and (since is None or r.updated_at >= since)
            and (after is None or r.evidence.seq > int(after))
        ]
        page = items[:limit]
        return Page(page, str(page[-1].seq) if len(items) > limit and page else None)
