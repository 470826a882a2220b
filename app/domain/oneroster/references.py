"""The references each kind of record makes, as a table the set-based checks of an import
walk, and the words that say why a reference failed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.oneroster.columns import column
from app.domain.oneroster.files import FILE_OF_KIND
from app.domain.roster import RosterKind


@dataclass(frozen=True)
class ReferenceField:
    """A field of `kind`'s rows (None: roles.csv rows) that names records of `target`, a list
    of them when `many`."""

    kind: RosterKind | None
    field: str
    target: RosterKind
    many: bool = False

    @property
    def column(self) -> str:
        if self.kind is None:
            return ROLE_COLUMNS[self.field]
        return column(self.kind, self.field)


def _refs(kind: RosterKind, *fields: tuple[str, RosterKind, bool]) -> tuple[ReferenceField, ...]:
    return tuple(ReferenceField(kind, name, target, many) for name, target, many in fields)


# Must agree with each record's `references()` (a unit test holds them together); a user's
# role orgs are checked on roles.csv, where the rows that name them are.
REFERENCE_FIELDS: dict[RosterKind, tuple[ReferenceField, ...]] = {
    RosterKind.ORG: _refs(RosterKind.ORG, ("parent_id", RosterKind.ORG, False)),
    RosterKind.ACADEMIC_SESSION: _refs(
        RosterKind.ACADEMIC_SESSION, ("parent_id", RosterKind.ACADEMIC_SESSION, False)
    ),
    RosterKind.COURSE: _refs(
        RosterKind.COURSE,
        ("org_id", RosterKind.ORG, False),
        ("school_year_id", RosterKind.ACADEMIC_SESSION, False),
    ),
    RosterKind.CLASS: _refs(
        RosterKind.CLASS,
        ("course_id", RosterKind.COURSE, False),
        ("school_id", RosterKind.ORG, False),
        ("session_ids", RosterKind.ACADEMIC_SESSION, True),
    ),
    RosterKind.USER: _refs(
        RosterKind.USER,
        ("org_ids", RosterKind.ORG, True),
        ("primary_org_id", RosterKind.ORG, False),
    ),
    RosterKind.ENROLLMENT: _refs(
        RosterKind.ENROLLMENT,
        ("class_id", RosterKind.CLASS, False),
        ("user_id", RosterKind.USER, False),
    ),
    RosterKind.DEMOGRAPHICS: _refs(RosterKind.DEMOGRAPHICS, ("id", RosterKind.USER, False)),
}

# The two references of a roles.csv row, checked like a record's.
ROLE_COLUMNS = {"org_id": "orgSourcedId", "user_id": "userSourcedId"}
ROLE_ORG = ReferenceField(None, "org_id", RosterKind.ORG)
ROLE_USER = ReferenceField(None, "user_id", RosterKind.USER)


class Absence(StrEnum):
    """Why a referenced record is not there to point to."""

    NOWHERE = "nowhere"  # in neither the set nor the roster
    SKIPPED = "skipped"  # its own row in the set has a problem
    RETIRED = "retired"  # tobedeleted, stored so or retired by this import
    UNLISTED = "unlisted"  # stored, but a bulk file that does not list it retires it


@dataclass(frozen=True)
class MissingReference:
    """A row's reference to a record that will not be there after the import."""

    line: int
    field: str
    position: int | None  # the index in a list field
    id: str
    absence: Absence = Absence.NOWHERE
    skipped_line: int | None = None


def missing_message(column_name: str, target: RosterKind, missing: MissingReference) -> str:
    """Why a reference fails, in the words of the files, e.g. "userSourcedId 'u-99' is not in
    users.csv nor in the roster"."""
    file = FILE_OF_KIND[target].name
    said = f"{column_name} {missing.id!r}"
    if missing.absence == Absence.SKIPPED:
        return f"{said} is not imported: its row {file}:{missing.skipped_line} has a problem"
    if missing.absence == Absence.RETIRED:
        return f"{said} is tobedeleted (in {file} or the roster)"
    if missing.absence == Absence.UNLISTED:
        return f"{said} is retired: the bulk {file} does not list it"
    return f"{said} is not in {file} nor in the roster"
