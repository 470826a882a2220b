"""The roster staging's contract, through the import that drives it: the same OneRoster sets
imported on the fakes, SQLite and PostgreSQL give the same report and the same roster."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

import pytest

from app.domain.access import TenantId
from app.domain.errors import Problem
from app.domain.oneroster.files import FileMode
from app.domain.roster import RecordStatus, RoleAssignment, RoleType, RosterKind, User, UserRole
from app.use_cases.import_report import ImportReport
from app.use_cases.roster_import import ImportRejected, RosterImports
from tests.contracts.conftest import Backend
from tests.fakes.clock import FakeClock, FakeIds
from tests.fakes.jobs import FakeJobRunner
from tests.fakes.oneroster_sets import changed, class_, district, enrollment, row, user
from tests.fakes.roster_import import FakeRosterFiles, FakeRosterSource

AUGUST = datetime(2025, 8, 1, tzinfo=UTC)


def _imports(backend: Backend) -> RosterImports:
    clock = FakeClock()
    return RosterImports(
        uow=backend.uow,
        clock=clock,
        jobs=FakeJobRunner(backend.uow, clock, FakeIds()),
        files=FakeRosterFiles(),
    )


async def _import(
    backend: Backend,
    tenant: TenantId,
    files: Mapping[str, list[dict[str, object]]],
    *,
    skip_invalid: bool = False,
    **source: Any,
) -> ImportReport:
    set_ = FakeRosterSource(files=dict(files), **source)
    return await _imports(backend).import_roster(tenant, set_, skip_invalid=skip_invalid)


def _counts(report: ImportReport, *names: str) -> dict[str, dict[str, int]]:
    wanted = ("rows", "skipped", "stale", "created", "updated", "unchanged", "deleted", "retired")
    return {
        name: {k: v for k, v in report.files[name].as_dict().items() if k in wanted and v}
        for name in names
    }


async def _problems(
    backend: Backend, tenant: TenantId, files: Mapping[str, list[dict[str, object]]], **source: Any
) -> list[Problem]:
    """The problems of a set that is refused."""
    with pytest.raises(ImportRejected) as rejected:
        await _import(backend, tenant, files, **source)
    return rejected.value.problems


def _reference(file: str, line: int, field: str, message: str) -> Problem:
    return Problem((file, line, field), f"{field} {message}")


async def _user(backend: Backend, tenant: TenantId, id_: str) -> User:
    async with backend.uow(tenant) as uow:
        found = await uow.roster(RosterKind.USER).get(id_, include_deleted=True)
    assert isinstance(found, User)
    return found


async def test_a_set_is_imported_then_found_unchanged(backend: Backend, tenant: TenantId) -> None:
    first = await _import(backend, tenant, district())
    assert first.written
    assert first.problem_count == 0
    assert _counts(first, "orgs.csv", "users.csv", "enrollments.csv", "demographics.csv") == {
        "orgs.csv": {"rows": 2, "created": 2},
        "users.csv": {"rows": 3, "created": 3},
        "enrollments.csv": {"rows": 3, "created": 3},
        "demographics.csv": {"rows": 1, "created": 1},
    }
    sam = await _user(backend, tenant, "u2")
    assert (sam.given_name, sam.role, sam.org_ids, sam.grades) == (
        "Sam",
        UserRole.STUDENT,
        ("s1",),
        ("05",),
    )
    assert (sam.status, sam.source_modified_at) == (RecordStatus.ACTIVE, AUGUST)
    again = await _import(backend, tenant, district())
    assert _counts(again, "orgs.csv", "classes.csv", "users.csv") == {
        "orgs.csv": {"rows": 2, "unchanged": 2},
        "classes.csv": {"rows": 1, "unchanged": 1},
        "users.csv": {"rows": 3, "unchanged": 3},
    }


async def test_a_bulk_file_retires_what_it_no_longer_lists(
    backend: Backend, tenant: TenantId
) -> None:
    await _import(backend, tenant, district())
    base = district()
    later = changed(
        base,
        users=[base["users"][0], user("u2", "Samuel", "Study")],
        enrollments=base["enrollments"][:2],
    )
    report = await _import(backend, tenant, later)
    assert _counts(report, "users.csv", "enrollments.csv", "classes.csv") == {
        "users.csv": {"rows": 2, "updated": 1, "unchanged": 1, "retired": 1},
        "enrollments.csv": {"rows": 2, "unchanged": 2, "retired": 1},
        "classes.csv": {"rows": 1, "unchanged": 1},
    }
    assert (await _user(backend, tenant, "u2")).given_name == "Samuel"
    assert (await _user(backend, tenant, "u3")).status == RecordStatus.TOBEDELETED


def _with_a_broken_class() -> dict[str, list[dict[str, object]]]:
    base = district()
    return changed(
        base,
        classes=[*base["classes"], class_("k2", "Math 5 - B", course="c9")],
        enrollments=[*base["enrollments"], enrollment("e4", "k2", "u2")],
    )


async def test_a_missing_reference_rejects_the_set(backend: Backend, tenant: TenantId) -> None:
    with pytest.raises(ImportRejected) as rejected:
        await _import(backend, tenant, _with_a_broken_class())
    assert rejected.value.problems == [
        Problem(
            ("classes.csv", 3, "courseSourcedId"),
            "courseSourcedId 'c9' is not in courses.csv nor in the roster",
        ),
        Problem(
            ("enrollments.csv", 5, "classSourcedId"),
            "classSourcedId 'k2' is not imported: its row classes.csv:3 has a problem",
        ),
    ]
    assert not rejected.value.report.written
    async with backend.uow(tenant) as uow:
        assert await uow.roster(RosterKind.ORG).get_many(["d1", "s1"]) == {}


async def test_a_missing_reference_is_skipped_when_asked(
    backend: Backend, tenant: TenantId
) -> None:
    report = await _import(backend, tenant, _with_a_broken_class(), skip_invalid=True)
    assert report.written
    assert report.problem_count == 2
    assert _counts(report, "classes.csv", "enrollments.csv") == {
        "classes.csv": {"rows": 2, "skipped": 1, "created": 1},
        "enrollments.csv": {"rows": 4, "skipped": 1, "created": 3},
    }
    async with backend.uow(tenant) as uow:
        assert await uow.roster(RosterKind.CLASS).active_ids(["k1", "k2"]) == {"k1"}
        assert await uow.roster(RosterKind.ENROLLMENT).active_ids(["e3", "e4"]) == {"e3"}


async def test_a_delta_skips_stale_rows_and_retires(backend: Backend, tenant: TenantId) -> None:
    await _import(backend, tenant, district())
    delta = {
        "users": [
            user("u2", "Old", "Name", modified="2025-07-01T00:00:00Z"),  # older than stored
            row("u3", status="tobedeleted", modified="2025-09-01T00:00:00Z"),
            user("u4", "Ulla", "New", modified="2025-09-01T00:00:00Z"),
        ],
        "enrollments": [
            enrollment("e3", "k1", "u3", status="tobedeleted", modified="2025-09-01T00:00:00Z")
        ],
    }
    report = await _import(backend, tenant, delta, mode=FileMode.DELTA)
    assert _counts(report, "users.csv", "enrollments.csv") == {
        "users.csv": {"rows": 3, "stale": 1, "created": 1, "deleted": 1},
        "enrollments.csv": {"rows": 1, "deleted": 1},
    }
    assert (await _user(backend, tenant, "u2")).given_name == "Sam"
    sue = await _user(backend, tenant, "u3")
    assert (sue.status, sue.source_modified_at) == (
        RecordStatus.TOBEDELETED,
        datetime(2025, 9, 1, tzinfo=UTC),
    )


async def test_a_reference_to_a_retired_or_unknown_user_is_a_problem(
    backend: Backend, tenant: TenantId
) -> None:
    # Each way a stored record can be gone after an import, beside one that stays, so that
    # the database's anti-joins are held to the fakes (docs/decisions/0066-...).
    await _import(backend, tenant, district())
    retiring = {
        "users": [
            user("u3", "Sue", "Smart", status="tobedeleted", modified="2025-09-01T00:00:00Z")
        ],
        "enrollments": [
            enrollment("e4", "k1", "u3"),  # retired by the users.csv of this set
            enrollment("e5", "k1", "u2"),  # stored, and this delta leaves it alone: fine
            enrollment("e6", "k1", "u7"),  # nowhere
        ],
    }
    tobedeleted = "'u3' is tobedeleted (in users.csv or the roster)"
    assert await _problems(backend, tenant, retiring, mode=FileMode.DELTA) == [
        _reference("enrollments.csv", 2, "userSourcedId", tobedeleted),
        _reference(
            "enrollments.csv", 4, "userSourcedId", "'u7' is not in users.csv nor in the roster"
        ),
    ]
    await _import(backend, tenant, {"users": retiring["users"]}, mode=FileMode.DELTA)
    stored_retired = {"enrollments": [enrollment("e4", "k1", "u3"), enrollment("e5", "k1", "u2")]}
    assert await _problems(backend, tenant, stored_retired, mode=FileMode.DELTA) == [
        _reference("enrollments.csv", 2, "userSourcedId", tobedeleted)
    ]
    base = district()
    unlisted = changed(base, users=[u for u in base["users"] if u["sourcedId"] != "u2"])
    not_listed = "'u2' is retired: the bulk users.csv does not list it"
    assert await _problems(backend, tenant, unlisted) == [
        _reference("enrollments.csv", 3, "userSourcedId", not_listed),
        _reference("demographics.csv", 2, "sourcedId", not_listed),
    ]
    # A row with a problem still lists its record: the stored one stays, and so do the rows
    # that point to it.
    listed = changed(
        base,
        users=[
            user("u2", "Sam", "Study", role="wizard") if u["sourcedId"] == "u2" else u
            for u in base["users"]
        ],
    )
    report = await _import(backend, tenant, listed, skip_invalid=True)
    assert report.problem_count == 1
    assert _counts(report, "users.csv", "enrollments.csv", "demographics.csv") == {
        # u1 unchanged, u2 skipped, u3 active again (the delta above retired it)
        "users.csv": {"rows": 3, "skipped": 1, "updated": 1, "unchanged": 1},
        "enrollments.csv": {"rows": 3, "unchanged": 3},
        "demographics.csv": {"rows": 1, "unchanged": 1},
    }


async def test_a_repeated_row_is_a_problem(backend: Backend, tenant: TenantId) -> None:
    base = district()
    twice = changed(base, users=[*base["users"], user("u2", "Sam", "Again")])
    with pytest.raises(ImportRejected) as rejected:
        await _import(backend, tenant, twice)
    assert rejected.value.problems == [
        Problem(("users.csv", 5, "sourcedId"), "sourcedId 'u2' is also on line 3")
    ]


def _role(
    id_: str, user_id: str, role: str, role_type: str = "primary", **more: object
) -> dict[str, object]:
    return row(id_, userSourcedId=user_id, role=role, roleType=role_type, orgSourcedId="s1", **more)


async def test_a_1_2_set_takes_roles_from_roles_csv(backend: Backend, tenant: TenantId) -> None:
    base = district()
    users = [
        {k: v for k, v in u.items() if k not in ("role", "orgSourcedIds")} for u in base["users"]
    ]
    roles = [
        _role("r1", "u1", "teacher"),
        _role("r2", "u2", "student"),
        _role("r3", "u3", "student"),
        _role("r4", "u9", "student"),  # a user the set does not have
    ]
    set_12 = changed(base, users=users, roles=roles)
    report = await _import(backend, tenant, set_12, version="1.2", skip_invalid=True)
    assert report.listed_problems() == [
        Problem(
            ("roles.csv", 5, "userSourcedId"),
            "userSourcedId 'u9' is not in users.csv nor in the roster",
        )
    ]
    tina = await _user(backend, tenant, "u1")
    assert (tina.role, tina.org_ids) == (UserRole.TEACHER, ("s1",))
    assert tina.roles == (
        RoleAssignment(
            role=UserRole.TEACHER,
            org_id="s1",
            role_type=RoleType.PRIMARY,
            id="r1",
            source_modified_at=AUGUST,
        ),
    )
    # A delta roles.csv alone: Sam also aides the class from September (a secondary role);
    # his user record is rebuilt with it, though users.csv says nothing of him.
    aide = _role(
        "r5",
        "u2",
        "aide",
        role_type="secondary",
        beginDate="2025-09-01",
        modified="2025-09-01T00:00:00Z",
    )
    await _import(backend, tenant, {"roles": [aide]}, version="1.2", mode=FileMode.DELTA)
    sam = await _user(backend, tenant, "u2")
    assert sam.role == UserRole.STUDENT
    assert [(r.id, r.role, r.role_type, r.begin_date) for r in sam.roles] == [
        ("r2", UserRole.STUDENT, RoleType.PRIMARY, None),
        ("r5", UserRole.AIDE, RoleType.SECONDARY, date(2025, 9, 1)),
    ]
