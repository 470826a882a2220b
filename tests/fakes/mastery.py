"""In-memory decisions, their history and overrides (app.ports.mastery). Which override is in
force is the domain's rule (`overrides_in_force`), asked here exactly as the SQL adapter asks."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace
from datetime import datetime

from app.domain.changes import decision_changed
from app.domain.mastery.override import Override, RecordedOverride, overrides_in_force
from app.domain.mastery.override_history import ListedOverride, OverrideFilter, override_entries
from app.domain.mastery.record import DecisionChange, DecisionRecord
from app.domain.mastery.storing import ScaleOf
from app.domain.roster import Enrollment, EnrollmentRole, RecordStatus
from app.ports.mastery import StudentCompetency
from app.ports.paging import Page
from tests.fakes.state import StoredChange, StoredDecision, StoredOverride, TenantTables


class FakeDecisionRepository:
    def __init__(self, tables: TenantTables, seq: Iterator[int]) -> None:
        self._tables = tables
        self._seq = seq
        # The students each call to lock_students named, in order (a lock has no state here).
        self.locked: list[set[str]] = []

    async def lock_students(self, student_ids: Collection[str]) -> None:
        self.locked.append(set(student_ids))

    async def get_many(
        self, pairs: Collection[StudentCompetency]
    ) -> dict[StudentCompetency, DecisionRecord]:
        rows = self._tables.decisions
        return {p: rows[p].record for p in pairs if p in rows}

    async def for_students(
        self,
        student_ids: Collection[str],
        competency_ids: Collection[str] | None = None,
        *,
        with_state: bool = True,
    ) -> list[DecisionRecord]:
        students = set(student_ids)
        competencies = None if competency_ids is None else set(competency_ids)
        found = [
            row.record
            for (s, c), row in self._tables.decisions.items()
            if s in students and (competencies is None or c in competencies)
        ]
        return found if with_state else [replace(r, state=None) for r in found]

    async def save_many(
        self,
        records: Sequence[DecisionRecord],
        changes: Sequence[DecisionChange],
        scale_of: ScaleOf,
        at: datetime,
    ) -> None:
        for r in records:
            shown = r.shown(at, scale_of(r)).status
            self._tables.decisions[(r.student_id, r.competency_id)] = StoredDecision(r, shown)
        for change in changes:
            self._tables.decision_history.append(StoredChange(next(self._seq), change))
        self._tables.change_events += [decision_changed(c) for c in changes]

    async def history(self, student_id: str, competency_id: str) -> list[DecisionChange]:
        entries = sorted(self._tables.decision_history, key=lambda e: e.seq)
        return [
            e.change
            for e in entries
            if (e.change.student_id, e.change.competency_id) == (student_id, competency_id)
        ]

    async def count_for(self, competency_ids: Collection[str]) -> int:
        wanted = set(competency_ids)
        return sum(1 for _, c in self._tables.decisions if c in wanted)

    async def students_changed_since(
        self, competency_ids: Collection[str], since: datetime
    ) -> list[str]:
        wanted = set(competency_ids)
        return sorted(
            {
                s
                for (s, c), row in self._tables.decisions.items()
                if c in wanted and row.record.updated_at >= since
            }
        )

    async def with_expired_overrides(self, at: datetime) -> list[DecisionRecord]:
        return [
            row.record
            for row in self._tables.decisions.values()
            if row.record.override is not None
            and row.record.override.expires_at is not None
            and row.record.override.expires_at <= at
        ]


class FakeOverrideRepository:
    def __init__(self, tables: TenantTables, seq: Iterator[int]) -> None:
        self._tables = tables
        self._seq = seq

    async def add(self, student_id: str, competency_id: str, override: Override) -> None:
        seq = next(self._seq)
        recorded = RecordedOverride(competency_id, override, None)
        self._tables.overrides[seq] = StoredOverride(seq, student_id, recorded)

    async def clear(self, student_id: str, competency_id: str, at: datetime, by: str) -> None:
        for seq, row in list(self._tables.overrides.items()):
            recorded = row.recorded
            mine = (row.student_id, recorded.competency_id) == (student_id, competency_id)
            if mine and recorded.cleared_at is None:
                cleared = replace(recorded, cleared_at=at, cleared_by=by)
                self._tables.overrides[seq] = replace(row, recorded=cleared, cleared_by=by)

    async def in_force_at(
        self, student_ids: Collection[str], competency_ids: Collection[str], at: datetime
    ) -> dict[str, dict[str, Override]]:
        students, wanted = set(student_ids), set(competency_ids)
        rows = sorted(self._tables.overrides.values(), key=lambda r: r.seq)  # the order set in
        by_student: dict[str, list[RecordedOverride]] = {}
        for r in rows:
            if r.student_id in students and r.recorded.competency_id in wanted:
                by_student.setdefault(r.student_id, []).append(r.recorded)
        return {s: overrides_in_force(recorded, at) for s, recorded in by_student.items()}

    async def of_decision(self, student_id: str, competency_id: str) -> list[RecordedOverride]:
        rows = sorted(self._tables.overrides.values(), key=lambda r: r.seq)
        return [
            r.recorded
            for r in rows
            if (r.student_id, r.recorded.competency_id) == (student_id, competency_id)
        ]

    async def listed(
        self, which: OverrideFilter, *, after: str | None, limit: int
    ) -> Page[ListedOverride]:
        t = self._tables
        framework_of = {c.id: f.id for f in t.frameworks.values() for c in f.competencies}
        students = {
            r.user_id
            for r in t.roster.values()
            if isinstance(r, Enrollment)
            and r.class_id == which.class_id
            and r.role is EnrollmentRole.STUDENT
            and r.status is RecordStatus.ACTIVE
        }
        found: list[tuple[int, ListedOverride]] = []
        for row in sorted(t.overrides.values(), key=lambda r: r.seq):
            recorded, cid = row.recorded, row.recorded.competency_id
            if (
                (after is not None and row.seq <= int(after))
                or cid not in framework_of
                or which.student_id not in (None, row.student_id)
                or which.competency_id not in (None, cid)
                or (which.class_id is not None and row.student_id not in students)
                or (which.active is not None and recorded.in_force(which.at) != which.active)
            ):
                continue
            history = [
                c.change
                for c in t.decision_history
                if (c.change.student_id, c.change.competency_id) == (row.student_id, cid)
            ]
            [entry] = override_entries([recorded], history, which.at)
            found.append(
                (row.seq, ListedOverride(row.student_id, framework_of[cid], entry, row.seq))
            )
        page = [i for _, i in found[:limit]]
        return Page(page, str(page[-1].seq) if len(found) > limit and page else None)

    async def count_listed(self, which: OverrideFilter) -> int:
        return len((await self.listed(which, after=None, limit=len(self._tables.overrides))).items)
