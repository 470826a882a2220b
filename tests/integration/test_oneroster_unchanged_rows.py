"""Rows sent again unchanged (issue #14): an import recognises them by the fingerprint their
stored record keeps, stages them without reading them, and writes nothing for them: no new row
version (PostgreSQL's xmin stays), no update time, no change event. Anything else that wrote a
record makes its row read and compared again. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.adapters.db.roster_staging import SqlRosterStaging
from app.adapters.oneroster import csv_files
from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.oneroster.files import FileMode
from app.domain.oneroster.rows import RowRead
from app.domain.oneroster.values import RowValues
from app.domain.roster import RecordStatus, RosterKind, User
from app.ports.roster import RosterQuery
from app.use_cases import roster_reading
from tests.integration import oneroster_sets as sets
from tests.integration.test_oneroster_import import _get, _import

ROSTER_TABLES = ("orgs", "academic_sessions", "courses", "classes", "users", "enrollments")


@pytest.fixture(autouse=True)
def row_by_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every row a chunk of its own, so that read and unchanged chunks follow one another as
    in a large file (a chunk read, then one all unchanged, then one read...)."""
    monkeypatch.setattr(csv_files, "CHUNK_ROWS", 1)


@pytest.fixture
def lines_read(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[int]]:
    """The lines each kind's rows were read from by the domain's rules (not found unchanged)."""
    read: dict[str, list[int]] = {}
    real = roster_reading.read_rows

    def counting(
        kind: RosterKind, chunk: Sequence[tuple[int, RowValues]], mode: FileMode
    ) -> list[RowRead]:
        read.setdefault(kind.value, []).extend(line for line, _ in chunk)
        return real(kind, chunk, mode)

    monkeypatch.setattr(roster_reading, "read_rows", counting)
    return read


async def _stored(container: Container, tenant: Tenant) -> dict[tuple[str, str], tuple[Any, ...]]:
    """Every roster row of the tenant: (table, id) -> (updated_at, source_hash, status, row
    version), the version being PostgreSQL's xmin (the transaction that wrote the row version)."""
    postgres = container.engine.dialect.name == "postgresql"
    found = {}
    async with container.engine.begin() as conn:
        if postgres:
            await conn.execute(sa.text("SET LOCAL mastery.all_tenants = 'on'"))
        for table in ROSTER_TABLES:
            version = "xmin::text" if postgres else "NULL"
            rows = await conn.execute(
                sa.text(
                    f"SELECT id, updated_at, source_hash, status, {version} FROM {table} "
                    "WHERE tenant_id = :t"
                ),
                {"t": tenant.id},
            )
            for id_, *rest in rows:
                found[(table, id_)] = tuple(rest)
    return found


async def _events(container: Container, tenant: Tenant) -> list[str]:
    """The ids the tenant's change events name, in order."""
    async with container.engine.begin() as conn:
        if container.engine.dialect.name == "postgresql":
            await conn.execute(sa.text("SET LOCAL mastery.all_tenants = 'on'"))
        rows = await conn.execute(
            sa.text("SELECT data FROM change_events WHERE tenant_id = :t ORDER BY id"),
            {"t": tenant.id},
        )
        return [(d if isinstance(d, dict) else json.loads(d))["id"] for (d,) in rows]


async def test_an_unchanged_set_is_staged_without_reading_or_writing_a_row(
    container: Container, tenant: Tenant, tmp_path: Path, lines_read: dict[str, list[int]]
) -> None:
    folder = sets.write_set(tmp_path, sets.BULK_1_1)
    await _import(container, tenant, folder)
    assert lines_read["enrollment"] == [2, 3, 4]  # the first import reads every row
    before, events = await _stored(container, tenant), await _events(container, tenant)
    assert all(v[1] is not None for v in before.values())  # every record has its fingerprint
    lines_read.clear()

    again = await _import(container, tenant, folder)

    assert lines_read == {}
    assert await _stored(container, tenant) == before
    assert await _events(container, tenant) == events
    counts = {n: (f.rows, f.created, f.updated, f.unchanged) for n, f in again.files.items()}
    assert counts == {
        "orgs.csv": (2, 0, 0, 2),
        "academicSessions.csv": (2, 0, 0, 2),
        "courses.csv": (1, 0, 0, 1),
        "classes.csv": (1, 0, 0, 1),
        "users.csv": (3, 0, 0, 3),
        "enrollments.csv": (3, 0, 0, 3),
        "demographics.csv": (1, 0, 0, 1),
    }
    assert again.newest_change is not None  # the rows' dates still count, read or not
    async with container.adapters.uow(tenant.id) as uow:  # the links of unread users stay
        in_district = await uow.roster(RosterKind.USER).list(RosterQuery(filters={"org_id": "d1"}))
    assert [u.id for u in in_district.items] == ["u3"]


async def test_one_changed_field_rewrites_that_row_alone(
    container: Container, tenant: Tenant, tmp_path: Path, lines_read: dict[str, list[int]]
) -> None:
    await _import(container, tenant, sets.write_set(tmp_path / "first", sets.BULK_1_1))
    before, events = await _stored(container, tenant), await _events(container, tenant)
    lines_read.clear()
    changed = dict(sets.BULK_1_1)
    changed["users.csv"] = sets.USERS_1_1.replace(",Sam,Study,", ",Samuel,Study,")

    report = await _import(container, tenant, sets.write_set(tmp_path / "second", changed))

    assert lines_read == {"user": [3]}  # u2's line, and no other row of any file
    assert (report.files["users.csv"].updated, report.files["users.csv"].unchanged) == (1, 2)
    after = await _stored(container, tenant)
    rewritten = {key for key in before if after[key] != before[key]}
    assert rewritten == {("users", "u2")}
    assert after[("users", "u2")][1] not in (None, before[("users", "u2")][1])
    assert await _events(container, tenant) == [*events, "u2"]
    sam = await _get(container, tenant, RosterKind.USER, "u2")
    assert isinstance(sam, User)
    assert sam.given_name == "Samuel"


async def test_a_retired_record_listed_again_is_read_and_restored(
    container: Container, tenant: Tenant, tmp_path: Path, lines_read: dict[str, list[int]]
) -> None:
    full = sets.write_set(tmp_path / "full", sets.BULK_1_1)
    await _import(container, tenant, full)
    without_sue = dict(sets.BULK_1_1)
    without_sue["users.csv"] = "\n".join(sets.USERS_1_1.splitlines()[:3]) + "\n"
    without_sue["enrollments.csv"] = "\n".join(sets.ENROLLMENTS.splitlines()[:3]) + "\n"
    await _import(container, tenant, sets.write_set(tmp_path / "without", without_sue))
    retired = await _stored(container, tenant)
    assert retired[("users", "u3")][1:3] == (None, RecordStatus.TOBEDELETED.value)
    lines_read.clear()

    report = await _import(container, tenant, full)

    assert lines_read == {"user": [4], "enrollment": [4]}  # sue's rows, read again
    assert report.files["users.csv"].updated == 1
    assert (await _get(container, tenant, RosterKind.USER, "u3")).status == RecordStatus.ACTIVE


async def test_a_record_saved_through_the_api_is_read_again_from_its_row(
    container: Container, tenant: Tenant, tmp_path: Path, lines_read: dict[str, list[int]]
) -> None:
    folder = sets.write_set(tmp_path, sets.BULK_1_1)
    await _import(container, tenant, folder)
    sam = await _get(container, tenant, RosterKind.USER, "u2")
    assert isinstance(sam, User)
    async with container.adapters.uow(tenant.id) as uow:
        await uow.roster(RosterKind.USER).save(replace(sam, given_name="Edited"))
        await uow.commit()
    assert (await _stored(container, tenant))[("users", "u2")][1] is None
    lines_read.clear()

    report = await _import(container, tenant, folder)

    assert lines_read == {"user": [3]}
    assert report.files["users.csv"].updated == 1
    restored = await _get(container, tenant, RosterKind.USER, "u2")
    assert isinstance(restored, User)
    assert restored.given_name == "Sam"


async def test_a_row_read_and_found_as_stored_keeps_its_fingerprint_without_a_write(
    container: Container, tenant: Tenant, tmp_path: Path, lines_read: dict[str, list[int]]
) -> None:
    await _import(container, tenant, sets.write_set(tmp_path / "first", sets.BULK_1_1))
    before, events = await _stored(container, tenant), await _events(container, tenant)
    # The same courses with their columns in another order: other fingerprints, same records.
    header, *rows = sets.COURSES.splitlines()
    title_first = dict(sets.BULK_1_1)
    title_first["courses.csv"] = "\n".join(_title_first(line) for line in (header, *rows)) + "\n"
    folder = sets.write_set(tmp_path / "reordered", title_first)
    lines_read.clear()

    report = await _import(container, tenant, folder)

    assert lines_read == {"course": [2]}
    assert (report.files["courses.csv"].updated, report.files["courses.csv"].unchanged) == (0, 1)
    after = await _stored(container, tenant)
    assert after[("courses", "c1")][0] == before[("courses", "c1")][0]  # not updated
    assert after[("courses", "c1")][1] != before[("courses", "c1")][1]  # the new fingerprint
    assert await _events(container, tenant) == events
    lines_read.clear()
    await _import(container, tenant, folder)
    assert lines_read == {}  # found unchanged by that fingerprint from now on


def _title_first(line: str) -> str:
    cells = line.split(",")
    return ",".join([*cells[4:5], *cells[:4], *cells[5:]])


async def test_ids_with_quotes_backslashes_and_any_script_are_found_unchanged(
    container: Container, tenant: Tenant, tmp_path: Path, lines_read: dict[str, list[int]]
) -> None:
    # The rows to match travel to the database as one JSON document (decision 0064): what a
    # sourcedId may hold must come back out of it as it went in.
    enrollments = (
        sets.ENROLLMENTS.replace("\ne1,", '\n"e""1 \\n",')
        .replace("\ne2,", "\né2 \\ ü,")
        .replace("\ne3,", "\ne3 😀 线,")
    )
    folder = sets.write_set(tmp_path, sets.BULK_1_1 | {"enrollments.csv": enrollments})
    await _import(container, tenant, folder)
    ids = {i for table, i in await _stored(container, tenant) if table == "enrollments"}
    assert ids == {'e"1 \\n', "é2 \\ ü", "e3 😀 线"}
    lines_read.clear()

    again = await _import(container, tenant, folder)

    assert lines_read == {}
    assert again.files["enrollments.csv"].unchanged == 3


async def test_rows_are_looked_up_only_where_the_roster_holds_records_of_their_kind(
    container: Container,
    tenant: Tenant,
    tmp_path: Path,
    lines_read: dict[str, list[int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A first import has nothing to match: looking up its chunks cost 3.8 s of 106 s at
    # 1.04 million enrollments (a round trip per chunk, decision 0069).
    looked_up: list[str] = []
    real = SqlRosterStaging.add_unchanged

    async def counting(
        self: SqlRosterStaging, kind: RosterKind, rows: Sequence[tuple[int, str, str]]
    ) -> set[int]:
        looked_up.append(kind.value)
        return await real(self, kind, rows)

    monkeypatch.setattr(SqlRosterStaging, "add_unchanged", counting)
    folder = sets.write_set(tmp_path, sets.BULK_1_1)

    first = await _import(container, tenant, folder)

    assert looked_up == []
    assert first.files["enrollments.csv"].created == 3
    assert lines_read["enrollment"] == [2, 3, 4]
    lines_read.clear()

    again = await _import(container, tenant, folder)

    # Each row a chunk (the fixture above): one look per row of each file the set holds.
    assert looked_up == [
        "org",
        "org",
        "academic_session",
        "academic_session",
        "course",
        "class",
        "user",
        "user",
        "user",
        "enrollment",
        "enrollment",
        "enrollment",
        "demographics",
    ]
    assert lines_read == {}
    assert again.files["enrollments.csv"].unchanged == 3


async def test_the_lists_of_unchanged_rows_are_checked_as_those_of_rows_read(
    container: Container, tenant: Tenant, tmp_path: Path, lines_read: dict[str, list[int]]
) -> None:
    # Unchanged rows are staged from their stored records without being read; their list
    # references (a user's orgs, a class's terms) must still be checked against this import.
    await _import(container, tenant, sets.write_set(tmp_path / "first", sets.BULK_1_1))
    manifest = (
        sets.MANIFEST_1_1.format(mode="absent")
        .replace("file.orgs,absent", "file.orgs,delta")
        .replace("file.academicSessions,absent", "file.academicSessions,delta")
        .replace("file.users,absent", "file.users,bulk")
        .replace("file.classes,absent", "file.classes,bulk")
    )
    retiring = {
        "manifest.csv": manifest,
        "orgs.csv": _retiring(sets.ORGS, "d1"),
        "academicSessions.csv": _retiring(sets.SESSIONS, "t1"),
        "users.csv": sets.USERS_1_1,
        "classes.csv": sets.CLASSES,
    }
    lines_read.clear()

    report = await _import(
        container, tenant, sets.write_set(tmp_path / "retiring", retiring), skip_invalid=True
    )

    assert lines_read == {"org": [2], "academic_session": [2]}  # users and classes unchanged
    # Sue's second org (d1) and the class's second term (t1): the position counts from 0.
    assert [(p.loc, p.msg) for p in report.problems] == [
        (
            ("classes.csv", 2, "termSourcedIds", 1),
            "termSourcedIds 't1' is tobedeleted (in academicSessions.csv or the roster)",
        ),
        (
            ("users.csv", 4, "orgSourcedIds", 1),
            "orgSourcedIds 'd1' is tobedeleted (in orgs.csv or the roster)",
        ),
    ]
    users, classes = report.files["users.csv"], report.files["classes.csv"]
    assert (users.rows, users.skipped, users.unchanged) == (3, 1, 2)
    assert (classes.rows, classes.skipped, classes.unchanged) == (1, 1, 0)


def _retiring(file: str, id_: str) -> str:
    """A delta file of `file`'s columns whose one row retires `id_`."""
    header = file.splitlines()[0]
    empty = "," * (header.count(",") - 2)
    return f"{header}\n{id_},tobedeleted,2026-09-01T00:00:00Z{empty}\n"


async def test_a_merged_table_is_analysed_before_its_retirements_run(
    container: Container, tenant: Tenant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A bulk file's retirement is an anti-join of the stored rows against the staged ones:
    # planned while the planner still took the table for empty, it ran 2.6 s for a million
    # enrollments that it did not retire (decision 0069).
    if container.engine.dialect.name != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's; SQLite plans from its indexes alone")
    monkeypatch.setattr(csv_files, "CHUNK_ROWS", 5000)  # the statements of a real import
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        statements.append(" ".join(statement.split())[:60])

    # Enough rows to make the table's statistics stale, whatever other tests left in it: more
    # than 50 and a tenth of what the planner knows (app.adapters.db.statistics), with room
    # for what a test beside this one may add meanwhile.
    async with container.engine.connect() as conn:
        known = await conn.scalar(
            sa.text("SELECT reltuples FROM pg_class WHERE oid = 'enrollments'::regclass")
        )
    extra = 100 + int(max(known or 0, 0) / 5)
    many = sets.ENROLLMENTS + "".join(
        f"e{n},active,2026-08-01T00:00:00Z,k1,s1,u{n % 3 + 1},student,false,,\n"
        for n in range(10, 10 + extra)
    )
    folder = sets.write_set(tmp_path, sets.BULK_1_1 | {"enrollments.csv": many})
    sa.event.listen(container.engine.sync_engine, "before_cursor_execute", seen)
    try:
        report = await _import(container, tenant, folder)
    finally:
        sa.event.remove(container.engine.sync_engine, "before_cursor_execute", seen)

    assert report.files["enrollments.csv"].created == 3 + extra
    analysed = statements.index('ANALYZE "enrollments"')
    retiring = [i for i, s in enumerate(statements) if s.startswith("UPDATE enrollments SET")]
    assert len(retiring) == 2  # the tobedeleted rows', and the bulk file's
    assert analysed < min(retiring)
