"""Records as OneRoster 1.2 CSV rows: the inverse of reading, for sets this service writes
(the demo district)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import Enum

from app.domain.oneroster.columns import COLUMNS, ROLE_COLUMNS
from app.domain.oneroster.files import FILE_OF_KIND, FILES, ROLES, RosterFile
from app.domain.roster import RosterKind, RosterRecord, User

# A 1.2 users.csv takes roles and orgs from roles.csv.
_NOT_IN_USERS_1_2 = ("role", "org_ids", "roles")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ",".join(_text(v) for v in value)
    return str(value)


def _fields(kind: RosterKind) -> list[str]:
    skipped = _NOT_IN_USERS_1_2 if kind == RosterKind.USER else ()
    return [f for f in COLUMNS[kind] if f not in skipped]


def header(file: RosterFile) -> list[str]:
    """The columns of a file this service writes."""
    if file is ROLES:
        return ["sourcedId", "status", "dateLastModified", "userSourcedId", *ROLE_COLUMNS.values()]
    assert file.kind is not None
    return [
        "sourcedId",
        "status",
        "dateLastModified",
        *(COLUMNS[file.kind][f] for f in _fields(file.kind)),
    ]


def rows(record: RosterRecord) -> list[tuple[RosterFile, list[str]]]:
    """The rows one record makes: its own, and for a user one roles.csv row per role."""
    head = [record.id, record.status.value, _text(record.source_modified_at)]
    own = [_text(getattr(record, f)) for f in _fields(record.kind)]
    found = [(FILE_OF_KIND[record.kind], head + own)]
    if isinstance(record, User):
        for i, role in enumerate(record.roles):
            found.append(
                (
                    ROLES,
                    [
                        role.id or f"{record.id}-role-{i}",
                        "active",
                        _text(role.source_modified_at),
                        record.id,
                        *(_text(getattr(role, f)) for f in ROLE_COLUMNS),
                    ],
                )
            )
    return found


def manifest(present: set[RosterFile]) -> list[list[str]]:
    """A 1.2 manifest: the files written are bulk, the rest absent."""
    entries = [["manifest.version", "1.0"], ["oneroster.version", "1.2"]]
    entries += [[f"file.{f.stem}", "bulk" if f in present else "absent"] for f in FILES]
    return [["propertyName", "value"], *entries]
