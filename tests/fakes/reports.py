"""Read models (app.ports.reports) counted in Python over the fake store's committed rows, by
the joins the SQL read models make: a student is counted once in each group they belong to
(each active school among their orgs, each active class they are enrolled in as a student,
each grade), their subgroups from their active demographics (none: unknown)."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from enum import Enum

from app.domain.mastery.decision import MasteryStatus
from app.domain.reporting import Dimension, Key, race_ethnicity
from app.domain.roster import (
    Demographics,
    Enrollment,
    EnrollmentRole,
    Org,
    OrgType,
    RecordStatus,
    RosterKind,
    RosterRecord,
    User,
    UserRole,
)
from app.ports.reports import ReportScope, StatusCounts
from tests.fakes.roster import records_of
from tests.fakes.state import StoredChange, TenantTables

ACTIVE = RecordStatus.ACTIVE
_SUBGROUP_FIELDS = {
    Dimension.SEX: "sex",
    Dimension.ENGLISH_LEARNER: "english_learner",
    Dimension.SPECIAL_EDUCATION: "special_education",
    Dimension.ECONOMICALLY_DISADVANTAGED: "economically_disadvantaged",
}


def _plain(value: object) -> object:
    """A value as a column holds it (an enum by its value)."""
    return value.value if isinstance(value, Enum) else value


class FakeReadModels:
    """One tenant's read models over what is committed when each is asked."""

    def __init__(
        self, committed: Callable[[], TenantTables], asked: list[ReportScope] | None = None
    ) -> None:
        self._committed = committed
        # Every scope counted, in order (a test's view of what a report asked for).
        self.asked = asked if asked is not None else []

    def _active(self, kind: RosterKind) -> list[RosterRecord]:
        return [r for r in records_of(self._committed(), kind) if r.status == ACTIVE]

    def _enrollments(self, role: str) -> list[Enrollment]:
        users = {u.id for u in self._active(RosterKind.USER) if isinstance(u, User)}
        classes = {c.id for c in self._active(RosterKind.CLASS)}
        return [
            e
            for e in self._active(RosterKind.ENROLLMENT)
            if isinstance(e, Enrollment)
            and e.role == role
            and e.user_id in users
            and e.class_id in classes
        ]

    async def members(self, class_ids: Collection[str], role: str) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {i: [] for i in class_ids}
        for e in self._enrollments(role):
            if e.class_id in found and e.user_id not in found[e.class_id]:
                found[e.class_id].append(e.user_id)
        return {k: sorted(v) for k, v in found.items()}

    async def classes_of(self, user_ids: Collection[str], role: str) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {i: [] for i in user_ids}
        for e in self._enrollments(role):
            if e.user_id in found and e.class_id not in found[e.user_id]:
                found[e.user_id].append(e.class_id)
        return {k: sorted(v) for k, v in found.items()}

    async def line_item_objectives(self) -> dict[str, frozenset[str]]:
        classes = {c.id for c in self._active(RosterKind.CLASS)}
        found: dict[str, set[str]] = {}
        for item in self._committed().line_items.values():
            if item.status is ACTIVE and item.class_id in classes and item.aligned:
                found.setdefault(item.class_id, set()).update(item.aligned)
        return {class_id: frozenset(ids) for class_id, ids in found.items()}

    def _rows(self, scope: ReportScope) -> Iterator[tuple[str, Key]]:
        """(student, group key without the competency) for every group of every student in
        scope: the rows the SQL read models count."""
        tables = self._committed()
        schools = {
            o.id
            for o in self._active(RosterKind.ORG)
            if isinstance(o, Org) and o.type is OrgType.SCHOOL
        }
        active_classes = {c.id for c in self._active(RosterKind.CLASS)}
        studying = [
            e
            for e in self._active(RosterKind.ENROLLMENT)
            if isinstance(e, Enrollment) and e.role == EnrollmentRole.STUDENT
        ]
        demographics = {
            d.id: d for d in self._active(RosterKind.DEMOGRAPHICS) if isinstance(d, Demographics)
        }
        students = [
            u
            for u in records_of(tables, RosterKind.USER)
            if isinstance(u, User) and u.status == ACTIVE and u.role == UserRole.STUDENT
        ]
        dims = set(scope.dimensions)
        for student in sorted(students, key=lambda u: u.id):
            classes = {e.class_id for e in studying if e.user_id == student.id}
            dm = demographics.get(student.id)
            # A filter on a dimension not grouped by: the student has it at all (any org, any
            # class they study in); on one grouped by: only that group is counted.
            places: dict[Dimension, tuple[str | None, set[str]]] = {
                Dimension.SCHOOL: (scope.school_id, set(student.org_ids)),
                Dimension.CLASS: (scope.class_id, classes),
                Dimension.GRADE: (scope.grade, set(student.grades)),
            }
            if any(
                wanted is not None and dim not in dims and wanted not in have
                for dim, (wanted, have) in places.items()
            ):
                continue
            if any(_subgroup(dm, dim) != value for dim, value in scope.subgroups.items()):
                continue
            groups = {
                Dimension.SCHOOL: set(student.org_ids) & schools,
                Dimension.CLASS: classes & active_classes,
                Dimension.GRADE: set(student.grades),
            }
            values: list[Sequence[object]] = []
            for dim in scope.dimensions:
                if dim in groups:
                    wanted = places[dim][0]
                    options = groups[dim] if wanted is None else groups[dim] & {wanted}
                    values.append(sorted(options))
                elif dim is not Dimension.COMPETENCY:
                    values.append([_subgroup(dm, dim)])
            for key in itertools.product(*values):
                yield student.id, key

    async def population(self, scope: ReportScope) -> dict[Key, int]:
        self.asked.append(scope)
        counted = Counter(key for _, key in self._rows(scope))
        if all(d is Dimension.COMPETENCY for d in scope.dimensions):
            # SQL: a count grouped by nothing is one row, 0 when no student is in scope.
            return {(): counted[()]}
        return dict(counted)

    def _in_scope(self, competency_id: str, scope: ReportScope) -> bool:
        # As the SQL: without exclusions every competency of the framework counts.
        return not scope.excluded_competency_ids or competency_id in scope.competency_ids

    async def decision_counts(self, scope: ReportScope) -> StatusCounts:
        decisions = self._committed().decisions
        by_student: dict[str, list[tuple[str, MasteryStatus]]] = {}
        for (student, competency), row in decisions.items():
            if row.record.framework_id == scope.framework_id and self._in_scope(competency, scope):
                by_student.setdefault(student, []).append((competency, row.shown_status))
        return _counted(scope, self._rows(scope), by_student)

    async def decision_counts_before(
        self, scope: ReportScope, cuts: Sequence[datetime], known_before: datetime | None = None
    ) -> list[StatusCounts]:
        entries: dict[tuple[str, str], list[StoredChange]] = {}
        for entry in sorted(self._committed().decision_history, key=lambda e: e.seq):
            c = entry.change
            known = known_before is None or c.changed_at < known_before
            if (
                known
                and c.framework_id == scope.framework_id
                and self._in_scope(c.competency_id, scope)
            ):
                entries.setdefault((c.student_id, c.competency_id), []).append(entry)
        # Each entry holds from the latest valid time of it and the entries recorded before it.
        held: dict[tuple[str, str], list[tuple[datetime, MasteryStatus]]] = {}
        for pair, history in entries.items():
            latest = history[0].change.valid_from
            for entry in history:
                latest = max(latest, entry.change.valid_from)
                held.setdefault(pair, []).append((latest, entry.change.status))
        rows = list(self._rows(scope))
        found: list[StatusCounts] = []
        for cut in cuts:
            shown: dict[str, list[tuple[str, MasteryStatus]]] = {}
            for (student, competency), timeline in held.items():
                before = [status for at, status in timeline if at < cut]
                if before:
                    shown.setdefault(student, []).append((competency, before[-1]))
            found.append(_counted(scope, rows, shown))
        return found


def _counted(
    scope: ReportScope,
    rows: Iterable[tuple[str, Key]],
    by_student: Mapping[str, list[tuple[str, MasteryStatus]]],
) -> StatusCounts:
    """Each student's decisions counted in each of their groups."""
    counted: Counter[tuple[Key, MasteryStatus]] = Counter()
    for student, key in rows:
        for competency, status in by_student.get(student, []):
            if _of_their_group(scope, key, competency):
                counted[(_with_competency(scope.dimensions, key, competency), status)] += 1
    return _status_counts(counted)


def _of_their_group(scope: ReportScope, key: Key, competency: str) -> bool:
    """Whether a decision counts under the grade (or class) its student is grouped by."""
    by_group = scope.group_competencies
    if by_group is None:
        return True
    roster: list[Dimension] = [d for d in scope.dimensions if d is not Dimension.COMPETENCY]
    return competency in by_group.of(key[roster.index(by_group.dimension)])


def _subgroup(dm: Demographics | None, dim: Dimension) -> object:
    if dim is Dimension.RACE_ETHNICITY:
        return race_ethnicity(dm).value
    return None if dm is None else _plain(getattr(dm, _SUBGROUP_FIELDS[dim]))


def _with_competency(dimensions: Sequence[Dimension], key: Key, competency: str) -> Key:
    if Dimension.COMPETENCY not in dimensions:
        return key
    at = dimensions.index(Dimension.COMPETENCY)
    return (*key[:at], competency, *key[at:])


def _status_counts(counted: Counter[tuple[Key, MasteryStatus]]) -> StatusCounts:
    found: StatusCounts = {}
    for (key, status), n in counted.items():
        found.setdefault(key, {})[status] = n
    return found
