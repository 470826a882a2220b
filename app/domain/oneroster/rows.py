"""What a OneRoster row means: the record it describes, or the problems that keep it out.

Rows come from CSV files and REST providers alike, keyed by the standard's column names. A row
whose status is `tobedeleted` retires its record and needs nothing but its sourcedId."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Any

from app.domain.errors import Problem
from app.domain.oneroster.columns import COLUMNS, column
from app.domain.oneroster.files import FileMode
from app.domain.oneroster.roles import ROLES_1_1, RoleRow, main_role, org_ids_of, read_roles
from app.domain.oneroster.values import Fields, RowValues
from app.domain.roster import (
    RECORD_TYPES,
    RecordStatus,
    RoleAssignment,
    RosterKind,
    RosterRecord,
    UserRole,
)

_CLASS_TYPES = ("homeroom", "scheduled")


@dataclass(slots=True)
class RowRead:
    """One row read: the record it describes (None when it retires one or has problems)."""

    line: int
    id: str
    deleting: bool
    modified: datetime | None
    record: RosterRecord | RoleRow | None
    problems: list[Problem]


FieldReader = Callable[[Fields, str], Any]


def _reader_for(hint: Any, default: Any) -> FieldReader:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    optional = isinstance(hint, types.UnionType) and len(args) == 1
    base = args[0] if optional else hint
    required = default is dataclasses.MISSING and not optional
    if typing.get_origin(base) is tuple:
        return lambda f, col: f.texts(col)
    if isinstance(base, type) and issubclass(base, StrEnum):
        enum = base
        return lambda f, col: f.choice(col, enum, required=required)
    if base is date:
        return lambda f, col: f.day(col, required=required)
    if base is bool:
        fallback = None if optional else default
        return lambda f, col: f.flag(col, fallback)
    if required:
        return lambda f, col: f.required(col)
    return lambda f, col: f.text(col)


@cache
def _plan(kind: RosterKind) -> tuple[tuple[str, str, FieldReader], ...]:
    """For each field a row gives a record of `kind`: (field, column, reader)."""
    record_type = RECORD_TYPES[kind]
    hints = typing.get_type_hints(record_type)
    plan = []
    for f in dataclasses.fields(record_type):
        if f.name in COLUMNS[kind] and f.name not in _SPECIAL.get(kind, ()):
            plan.append((f.name, COLUMNS[kind][f.name], _reader_for(hints[f.name], f.default)))
    return tuple(plan)


_SPECIAL = {RosterKind.USER: ("role", "org_ids", "roles"), RosterKind.CLASS: ("class_type",)}


_ACTIVE, _TOBEDELETED = RecordStatus.ACTIVE.value, RecordStatus.TOBEDELETED.value
_DELTA = FileMode.DELTA


def _head(fields: Fields, mode: FileMode) -> tuple[str, bool, datetime | None]:
    """sourcedId, whether the row retires its record, and dateLastModified."""
    id_ = fields.required("sourcedId")
    status = fields.text("status")
    deleting = False
    if status is None:
        if mode is _DELTA:
            fields.bad("status", "status is required in a delta file")
    elif (lowered := status.lower()) == _TOBEDELETED:
        deleting = True
    elif lowered != _ACTIVE:
        fields.bad("status", f"status {status!r} is not one of active, tobedeleted")
    modified = fields.instant("dateLastModified")
    if modified is None and mode is _DELTA and fields.text("dateLastModified") is None:
        fields.bad("dateLastModified", "dateLastModified is required in a delta file")
    return id_, deleting, modified


def read_row(
    kind: RosterKind,
    values: RowValues,
    line: int,
    mode: FileMode,
    roles: tuple[RoleAssignment, ...] | None = None,
) -> RowRead:
    """The record a row of a file of `kind` describes. A 1.2 user's `roles` come from
    roles.csv (None when the row names its role itself, as 1.1 rows do)."""
    fields = Fields(values)
    id_, deleting, modified = _head(fields, mode)
    if deleting:
        return RowRead(line, id_, True, modified, None, fields.problems)
    content: dict[str, Any] = {col_field: read(fields, col) for col_field, col, read in _plan(kind)}
    if kind == RosterKind.USER:
        content.update(_user_roles(fields, content.get("primary_org_id"), roles))
    elif kind == RosterKind.CLASS:
        content["class_type"] = _class_type(fields)
    if fields.problems:
        return RowRead(line, id_, False, modified, None, fields.problems)
    record = RECORD_TYPES[kind](id=id_, source_modified_at=modified, **content)
    problems = [
        Problem((column(kind, str(p.loc[0])), *p.loc[1:]), p.msg) for p in record.problems()
    ]
    return RowRead(line, id_, False, modified, None if problems else record, problems)


def read_role_row(values: RowValues, line: int, mode: FileMode) -> RowRead:
    """A roles.csv row (OneRoster 1.2): one role of one user at one org."""
    fields = Fields(values)
    id_, deleting, modified = _head(fields, mode)
    user_id = fields.required("userSourcedId")
    if deleting:
        row = RoleRow(user_id, None, id_, modified)
        return RowRead(line, id_, True, modified, row if user_id else None, fields.problems)
    assignments = read_roles(fields, [values], ids=[id_], modified=[modified])
    if fields.problems:
        return RowRead(line, id_, False, modified, None, fields.problems)
    return RowRead(line, id_, False, modified, RoleRow(user_id, assignments[0], id_, modified), [])


def _class_type(fields: Fields) -> str | None:
    text = fields.text("classType")
    if text is None or text.lower().startswith("ext:"):
        return text
    if text.lower() not in _CLASS_TYPES:
        fields.bad("classType", f"classType {text!r} is not one of homeroom, scheduled")
    return text.lower()


def _user_roles(
    fields: Fields, primary_org: str | None, roles: tuple[RoleAssignment, ...] | None
) -> dict[str, Any]:
    """A 1.1 row names the user's role and orgs; a 1.2 user holds roles at orgs (listed in
    roles.csv, or embedded by a REST provider), the main one of which is its role."""
    if "role" in fields.values:
        return {
            "role": fields.choice("role", UserRole, among=ROLES_1_1),
            "org_ids": fields.texts("orgSourcedIds"),
            "roles": (),
        }
    if "roles" in fields.values:
        roles = read_roles(fields, fields.nested("roles"), prefix="roles")
    if not roles:
        fields.bad(
            "role", "the user has no role that can be imported (from roles.csv or its roles)"
        )
        return {"role": None, "org_ids": (), "roles": ()}
    return {"role": main_role(roles), "org_ids": org_ids_of(roles, primary_org), "roles": roles}
