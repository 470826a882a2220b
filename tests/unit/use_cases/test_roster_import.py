"""Importing OneRoster sets on fakes: what each file created, updated and retired, references
that name nothing (the set refused, or their rows skipped), jobs, files and SIS syncs. The set
(tests/fakes/oneroster_sets.py): district d1 and school s1, year y1, course c1, class k1 with
teacher u1 and students u2 and u3, and u2's demographics."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.access import Scope
from app.domain.errors import Invalid, Problem
from app.domain.jobs import JobStatus
from app.domain.oneroster.connection import OneRosterVersion, ProviderAuth
from app.domain.oneroster.files import FileMode
from app.domain.roster import RecordStatus, RosterKind
from app.use_cases.catalog import UseCases
from app.use_cases.roster_import import ImportRejected
from app.use_cases.roster_sync import ConnectionSettings
from tests.fakes.oneroster_sets import changed, class_, district, enrollment, user
from tests.fakes.roster_import import FakeRosterSource
from tests.fakes.wiring import FakeAdapters
from tests.unit.use_cases.district import CALLER, TENANT

MISSING_COURSE = Problem(
    ("classes.csv", 3, "courseSourcedId"),
    "courseSourcedId 'c9' is not in courses.csv nor in the roster",
)
MISSING_CLASS = Problem(
    ("enrollments.csv", 5, "classSourcedId"),
    "classSourcedId 'k2' is not imported: its row classes.csv:3 has a problem",
)


def broken() -> dict[str, list[dict[str, object]]]:
    """The set with a class k2 of a course c9 that is nowhere, and u2 enrolled in it."""
    base = district()
    return changed(
        base,
        classes=[*base["classes"], class_("k2", "Math 5 - B", course="c9")],
        enrollments=[*base["enrollments"], enrollment("e4", "k2", "u2")],
    )


async def status_of(fakes: FakeAdapters, kind: RosterKind, *ids: str) -> dict[str, RecordStatus]:
    async with fakes.database.uow(TENANT) as uow:
        found = await uow.roster(kind).get_many(ids)
    return {i: r.status for i, r in found.items()}


async def test_a_set_creates_then_updates_and_retires(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    imports = use_cases.roster_imports
    first = await imports.import_roster(TENANT, FakeRosterSource(district()))
    assert first.written
    assert {n: (f.rows, f.created) for n, f in first.files.items()} == {
        "orgs.csv": (2, 2),
        "academicSessions.csv": (1, 1),
        "courses.csv": (1, 1),
        "classes.csv": (1, 1),
        "users.csv": (3, 3),
        "enrollments.csv": (3, 3),
        "demographics.csv": (1, 1),
    }
    base = district()
    later = changed(
        base,
        users=[base["users"][0], user("u2", "Samuel", "Study")],
        enrollments=base["enrollments"][:2],
    )
    second = await imports.import_roster(TENANT, FakeRosterSource(later))
    users, places = second.files["users.csv"], second.files["enrollments.csv"]
    assert (users.rows, users.created, users.updated, users.unchanged, users.retired) == (
        2,
        0,
        1,
        1,
        1,
    )
    assert (places.rows, places.unchanged, places.retired) == (2, 2, 1)
    assert await status_of(fakes, RosterKind.USER, "u2", "u3") == {
        "u2": RecordStatus.ACTIVE,
        "u3": RecordStatus.TOBEDELETED,
    }
    assert second.result()["files"]["users.csv"] == {
        "mode": "bulk",
        "rows": 2,
        "imported": 2,
        "skipped": 0,
        "stale": 0,
        "created": 0,
        "updated": 1,
        "unchanged": 1,
        "deleted": 0,
        "retired": 1,
    }


async def test_a_missing_reference_refuses_the_set(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    commits = fakes.database.commits
    with pytest.raises(ImportRejected) as rejected:
        await use_cases.roster_imports.import_roster(TENANT, FakeRosterSource(broken()))
    assert rejected.value.problems == [MISSING_COURSE, MISSING_CLASS]
    assert rejected.value.detail == "2 problem(s) in the roster set; nothing was written"
    assert fakes.database.commits == commits
    assert fakes.database.tables(TENANT).roster == {}


async def test_a_missing_reference_is_skipped_when_asked(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    report = await use_cases.roster_imports.import_roster(
        TENANT, FakeRosterSource(broken()), skip_invalid=True
    )
    assert report.written
    assert report.errors() == [
        {"loc": ["classes.csv", 3, "courseSourcedId"], "msg": MISSING_COURSE.msg},
        {"loc": ["enrollments.csv", 5, "classSourcedId"], "msg": MISSING_CLASS.msg},
    ]
    classes, places = report.files["classes.csv"], report.files["enrollments.csv"]
    assert (classes.rows, classes.skipped, classes.created) == (2, 1, 1)
    assert (places.rows, places.skipped, places.created) == (4, 1, 3)
    assert set(await status_of(fakes, RosterKind.CLASS, "k1", "k2")) == {"k1"}


async def test_a_set_that_cannot_be_read_is_refused_before_any_job(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    base = district()
    nameless = [{k: v for k, v in u.items() if k != "givenName"} for u in base["users"]]
    source = fakes.roster_files.upload_set = FakeRosterSource(changed(base, users=nameless))
    upload = use_cases.roster_imports.keep_upload(io.BytesIO(b"zip"))
    with pytest.raises(Invalid) as refused:
        await use_cases.roster_imports.start_file_import(
            TENANT, upload, skip_invalid=False, upload=True
        )
    assert refused.value.problems == [Problem(("users.csv",), "missing column(s): givenName")]
    assert source.closed
    assert fakes.jobs.started == []
    # Students' names in an upload nobody will import are not kept.
    assert (fakes.roster_files.uploads, fakes.roster_files.discarded) == (set(), [upload])


async def test_an_import_job_reports_what_it_did(fakes: FakeAdapters, use_cases: UseCases) -> None:
    source = fakes.roster_files.upload_set = FakeRosterSource(district())
    upload = use_cases.roster_imports.keep_upload(io.BytesIO(b"zip"))
    job = await use_cases.roster_imports.start_file_import(
        TENANT, upload, skip_invalid=False, upload=True, actor="client-7"
    )
    # Who asked travels with the job, so its audit entry names them however late it runs.
    assert (job.kind, job.scope, job.status, job.arguments) == (
        "roster_import",
        Scope.ROSTER_WRITE,
        JobStatus.QUEUED,
        {
            "path": str(upload),
            "skip_invalid": False,
            "upload": True,
            "actor": "client-7",
            "dry_run": False,
            "allow_mass_retire": False,
        },
    )
    done = await use_cases.jobs.get_job(CALLER, job.id)
    assert done.status is JobStatus.SUCCEEDED
    assert done.result["written"] is True
    assert done.result["files"]["users.csv"]["created"] == 3
    assert done.errors == []
    assert source.closed
    assert (fakes.roster_files.uploads, fakes.roster_files.discarded) == (set(), [upload])
    # Progress after every chunk read, two rows a chunk: orgs 2; sessions, courses and classes
    # 1 each; users 2 + 1; enrollments 2 + 1; demographics 1.
    steps = fakes.jobs.progress[job.id].steps
    assert [done for done, _, _ in steps] == [2, 3, 4, 5, 7, 8, 10, 11, 12]
    assert steps[-1][2]["files"]["users.csv"] == {"rows": 3, "skipped": 0}


async def test_a_refused_import_job_fails_with_its_problems(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    fakes.roster_files.upload_set = FakeRosterSource(broken())
    upload = use_cases.roster_imports.keep_upload(io.BytesIO(b"zip"))
    job = await use_cases.roster_imports.start_file_import(
        TENANT, upload, skip_invalid=False, upload=True
    )
    done = await use_cases.jobs.get_job(CALLER, job.id)
    assert done.status is JobStatus.FAILED
    assert done.result["written"] is False
    # A failed import's upload is deleted too.
    assert (fakes.roster_files.uploads, fakes.roster_files.discarded) == (set(), [upload])
    assert [e["loc"] for e in done.errors] == [
        ["classes.csv", 3, "courseSourcedId"],
        ["enrollments.csv", 5, "classSourcedId"],
    ]


async def test_a_set_in_a_folder(fakes: FakeAdapters, use_cases: UseCases) -> None:
    fakes.roster_files.sets[Path("/sets/lakeside")] = FakeRosterSource(district())
    report = await use_cases.roster_imports.import_file(TENANT, Path("/sets/lakeside"))
    assert report.files["orgs.csv"].created == 2
    assert fakes.roster_files.opened == [Path("/sets/lakeside")]
    with pytest.raises(Invalid):
        await use_cases.roster_imports.import_file(TENANT, Path("/sets/nowhere"))


async def test_a_sync_reads_what_changed_since_the_last(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    settings = ConnectionSettings(
        base_url="https://sis.example.org/ims/oneroster/v1p1",
        version=OneRosterVersion.V1_1,
        auth=ProviderAuth.OAUTH1,
        client_id="district",
        client_secret="s3cret",
    )
    connection, created = await use_cases.roster_sync.put_connection(TENANT, settings)
    assert created
    assert connection.client_secret_sealed == "sealed:key-1:terc3s"  # never stored in clear
    fakes.roster_providers.source_of = FakeRosterSource(district())
    await use_cases.roster_sync.sync_roster(TENANT)
    # The provider was given the secret, and everything (no starting point) was read.
    assert [(secret, since) for _, secret, since in fakes.roster_providers.asked] == [
        ("s3cret", None)
    ]
    newest = datetime(2025, 8, 1, tzinfo=UTC)  # every row's dateLastModified
    assert (await use_cases.roster_sync.get_connection(TENANT)).synced_through == newest
    fakes.roster_providers.source_of = FakeRosterSource(
        {"users": [user("u4", "Ulla", "New", modified="2025-09-01T00:00:00Z")]},
        mode=FileMode.DELTA,
    )
    report = await use_cases.roster_sync.sync_roster(TENANT)
    assert report.files["users.csv"].created == 1
    assert fakes.roster_providers.asked[-1][2] == newest
    assert (await use_cases.roster_sync.get_connection(TENANT)).synced_through == datetime(
        2025, 9, 1, tzinfo=UTC
    )
