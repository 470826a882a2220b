"""Grading terms' closes and snapshots in memory (app.ports.grading_terms)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import datetime

from app.domain.grading_terms import FrozenDecision, TermClose, page_key, parse_page_key
from app.domain.roster import Enrollment, EnrollmentRole, RosterKind
from app.ports.grading_terms import SnapshotQuery
from app.ports.paging import Page
from tests.fakes.state import StoredDecision, TenantTables


def _frozen(row: StoredDecision) -> FrozenDecision:
    """As the SQL row keeps it: the shown status written with it, an override's level."""
    record = replace(row.record, state=None)
    override = record.override
    if override is not None and override.level is not None:
        return FrozenDecision(record, row.shown_status, override.level.value, override.level)
    computed = record.computed
    return FrozenDecision(record, row.shown_status, computed.score, computed.level)


class FakeGradingTerms:
    def __init__(self, tables: TenantTables) -> None:
        self._tables = tables

    async def get(self, session_id: str) -> TermClose | None:
        return self._tables.term_closes.get(session_id)

    async def add(self, close: TermClose) -> None:
        assert close.session_id not in self._tables.term_closes, "session_id is the key"
        self._tables.term_closes[close.session_id] = close

    async def save(self, close: TermClose) -> None:
        if close.session_id in self._tables.term_closes:
            self._tables.term_closes[close.session_id] = close

    async def remove(self, session_id: str) -> int:
        self._tables.term_closes.pop(session_id, None)
        mine = [k for k in self._tables.snapshots if k[0] == session_id]
        for key in mine:
            del self._tables.snapshots[key]
        return len(mine)

    async def freeze(self, session_id: str) -> int:
        await self.remove_snapshot(session_id)
        for (student, competency), row in self._tables.decisions.items():
            self._tables.snapshots[(session_id, student, competency)] = _frozen(row)
        return len(self._tables.decisions)

    async def remove_snapshot(self, session_id: str) -> None:
        for key in [k for k in self._tables.snapshots if k[0] == session_id]:
            del self._tables.snapshots[key]

    async def refreeze(
        self, session_id: str, student_ids: Collection[str], framework_ids: Collection[str]
    ) -> None:
        for key, frozen in list(self._tables.snapshots.items()):
            mine = key[0] == session_id and key[1] in student_ids
            if mine and frozen.record.framework_id in framework_ids:
                del self._tables.snapshots[key]
        for (student, competency), row in self._tables.decisions.items():
            if student in student_ids and row.record.framework_id in framework_ids:
                self._tables.snapshots[(session_id, student, competency)] = _frozen(row)

    async def reassessing(self, at: datetime) -> list[TermClose]:
        return [c for c in self._tables.term_closes.values() if c.reassessing(at)]

    def _class_students(self, class_id: str) -> set[str]:
        return {
            r.user_id
            for (kind, _), r in self._tables.roster.items()
            if kind is RosterKind.ENROLLMENT
            and isinstance(r, Enrollment)
            and r.class_id == class_id
            and r.role is EnrollmentRole.STUDENT
        }

    async def snapshot(self, query: SnapshotQuery) -> Page[FrozenDecision]:
        after = parse_page_key(query.after) if query.after is not None else None
        students = None if query.class_id is None else self._class_students(query.class_id)
        found = sorted(
            (
                ((s, c), f)
                for (session, s, c), f in self._tables.snapshots.items()
                if session == query.session_id
                and query.student_id in (None, s)
                and query.framework_id in (None, f.record.framework_id)
                and (students is None or s in students)
                and (after is None or (s, c) > after)
            ),
            key=lambda item: item[0],
        )
        items = [f for _, f in found[: query.limit]]
        more = len(found) > query.limit
        last = items[-1].record if more and items else None
        return Page(items, None if last is None else page_key(last.student_id, last.competency_id))

    async def of_students(
        self, session_id: str, student_ids: Collection[str], framework_id: str | None
    ) -> list[FrozenDecision]:
        return [
            f
            for (session, s, _), f in self._tables.snapshots.items()
            if session == session_id
            and s in student_ids
            and framework_id in (None, f.record.framework_id)
        ]

    async def more_decisions_than(self, limit: int) -> bool:
        return len(self._tables.decisions) > limit
