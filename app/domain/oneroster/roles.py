"""The roles of a OneRoster 1.2 user: read from roles.csv rows (or a REST provider's user),
merged with the stored ones, and the user's main role and orgs that follow from them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.errors import Problem
from app.domain.oneroster.files import FileMode
from app.domain.oneroster.values import Fields, RowValues
from app.domain.roster import RoleAssignment, RoleType, UserRole

# OneRoster 1.1 names a user's role in users.csv; 1.2 lists roles in roles.csv, with finer
# administrators and without 1.1's plain `administrator`.
ROLES_1_1 = frozenset(
    {
        UserRole.ADMINISTRATOR,
        UserRole.AIDE,
        UserRole.GUARDIAN,
        UserRole.PARENT,
        UserRole.PROCTOR,
        UserRole.RELATIVE,
        UserRole.STUDENT,
        UserRole.TEACHER,
    }
)
ROLES_1_2 = frozenset(UserRole) - {UserRole.ADMINISTRATOR}


@dataclass(frozen=True, slots=True)
class RoleRow:
    """A roles.csv row: `assignment` is None when the row retires the role."""

    user_id: str
    assignment: RoleAssignment | None
    id: str
    modified: datetime | None


def read_roles(
    fields: Fields,
    entries: Sequence[RowValues],
    *,
    prefix: str | None = None,
    ids: Sequence[str | None] | None = None,
    modified: Sequence[datetime | None] | None = None,
) -> tuple[RoleAssignment, ...]:
    """Roles from rows spelt as roles.csv spells them; problems land on `fields`."""
    found = []
    for i, entry in enumerate(entries):
        own = Fields(entry)
        role = own.choice("role", UserRole, among=ROLES_1_2)
        role_type = own.choice("roleType", RoleType)
        org_id = own.required("orgSourcedId")
        begin, end = own.day("beginDate"), own.day("endDate")
        if begin is not None and end is not None and end < begin:
            own.bad("endDate", f"endDate must not be before beginDate ({begin.isoformat()})")
        where = (prefix, i) if prefix else ()
        fields.problems += [Problem((*where, *p.loc), p.msg) for p in own.problems]
        if role is None or role_type is None or own.problems:
            continue
        found.append(
            RoleAssignment(
                role=role,
                org_id=org_id,
                role_type=role_type,
                begin_date=begin,
                end_date=end,
                id=ids[i] if ids else None,
                source_modified_at=modified[i] if modified else None,
            )
        )
    return tuple(found)


def main_role(roles: Sequence[RoleAssignment]) -> UserRole:
    """The user's role: its first primary role, else its first role."""
    for assignment in roles:
        if assignment.role_type == RoleType.PRIMARY:
            return assignment.role
    return roles[0].role


def org_ids_of(roles: Iterable[RoleAssignment], primary_org: str | None) -> tuple[str, ...]:
    """The orgs a user belongs to: its primary org first, then those of its roles."""
    ids = [primary_org] if primary_org else []
    ids += [r.org_id for r in roles]
    return tuple(dict.fromkeys(ids))


def merge_roles(
    stored: Sequence[RoleAssignment], rows: Sequence[RoleRow], mode: FileMode
) -> tuple[RoleAssignment, ...]:
    """A user's roles after roles.csv: in bulk the file's rows are all its roles; in delta each
    row adds, replaces or (tobedeleted) removes the stored role with its sourcedId, unless the
    stored role changed after the row did (a stale row is ignored)."""
    if mode == FileMode.BULK:
        return tuple(r.assignment for r in rows if r.assignment is not None)
    if mode == FileMode.ABSENT:
        return tuple(stored)
    by_id: dict[str | None, RoleAssignment] = {}
    kept_without_id = []
    for assignment in stored:
        if assignment.id is None:
            kept_without_id.append(assignment)
        else:
            by_id[assignment.id] = assignment
    for row in rows:
        before = by_id.get(row.id)
        if _stale(row.modified, before):
            continue
        if row.assignment is None:
            by_id.pop(row.id, None)
        else:
            by_id[row.id] = row.assignment
    return (*kept_without_id, *by_id.values())


def _stale(modified: datetime | None, before: RoleAssignment | None) -> bool:
    if modified is None or before is None or before.source_modified_at is None:
        return False
    return modified < before.source_modified_at
