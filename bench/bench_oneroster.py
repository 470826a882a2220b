"""OneRoster CSV import at district scale: 100,000 users and 1,000,000 enrollments imported on
PostgreSQL through the real import use case, against a plain asyncpg COPY of the same rows into
the same tables in the same run, with peak memory (a quarter-size set is imported first, so that
memory growing with the file would show). BENCH_ONEROSTER_SET=quarter imports the quarter set
only (twice) and compares it with a plain COPY of the same rows: a shorter run for development."""

from __future__ import annotations

import asyncio
import csv
import os
import random
import resource
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import asyncpg

from app.adapters.garbage_collection import settle_after_start_up
from app.bootstrap import build
from app.config import Settings
from bench.common import Section, asyncpg_dsn, scratch_database

DATA = Path(__file__).parent / ".data"
SCHOOLS = 50
COURSES = 1000
CLASS_SIZE = 25
CLASSES_PER_STUDENT = 10
AT = "2026-08-01T00:00:00Z"


def generate(folder: Path, students: int, teachers: int) -> dict[str, int]:
    """A bulk OneRoster 1.1 set, seeded (the same files every time); rows per file."""
    if (folder / "manifest.csv").exists():
        return {p.name: sum(1 for _ in p.open()) - 1 for p in folder.glob("*.csv")}
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    classes = students * CLASSES_PER_STUDENT // CLASS_SIZE
    tables: dict[str, tuple[list[str], Any]] = {
        "orgs.csv": (
            ["sourcedId", "status", "dateLastModified", "name", "type", "identifier",
             "parentSourcedId"],
            [["d", "active", AT, "District", "district", "D", ""]]
            + [[f"s{i}", "active", AT, f"School {i}", "school", "", "d"] for i in range(SCHOOLS)],
        ),
        "academicSessions.csv": (
            ["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate",
             "parentSourcedId", "schoolYear"],
            [["y", "active", AT, "2026-2027", "schoolYear", "2026-08-17", "2027-06-11", "", "2027"],
             ["t1", "active", AT, "Fall", "term", "2026-08-17", "2027-01-15", "y", "2027"],
             ["t2", "active", AT, "Spring", "term", "2027-01-19", "2027-06-11", "y", "2027"]],
        ),
        "courses.csv": (
            ["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title",
             "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"],
            [[f"c{i}", "active", AT, "y", f"Course {i}", f"C{i}", f"{i % 12 + 1:02d}", "d",
              "Mathematics", ""] for i in range(COURSES)],
        ),
        "classes.csv": (
            ["sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId",
             "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects",
             "subjectCodes", "periods"],
            ([f"k{i}", "active", AT, f"Class {i}", f"{i % 12 + 1:02d}", f"c{i % COURSES}", f"K{i}",
              "scheduled", f"Room {i % 40}", f"s{i % SCHOOLS}", "t1,t2", "Mathematics", "", "1"]
             for i in range(classes)),
        ),
        "users.csv": (
            ["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role",
             "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email",
             "sms", "phone", "agentSourcedIds", "grades", "password"],
            ([f"u{i}", "active", AT, "true", f"s{i % SCHOOLS}",
              "teacher" if i < teachers else "student", f"user{i}", "", f"Given{i}",
              f"Family{rng.randrange(5000)}", "", f"ID{i}", f"user{i}@district.example", "", "",
              "", "" if i < teachers else f"{i % 12 + 1:02d}", ""]
             for i in range(teachers + students)),
        ),
        "enrollments.csv": (
            ["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId",
             "userSourcedId", "role", "primary", "beginDate", "endDate"],
            _enrollments(students, teachers, classes),
        ),
        "demographics.csv": (
            ["sourcedId", "status", "dateLastModified", "birthDate", "sex",
             "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
             "nativeHawaiianOrOtherPacificIslander", "white", "demographicRaceTwoOrMoreRaces",
             "hispanicOrLatinoEthnicity"],
            ([f"u{i}", "active", AT, f"{2010 + i % 8}-0{i % 9 + 1}-1{i % 9}",
              "female" if i % 2 else "male", "false", "false", "false", "false", "true", "false",
              "true" if i % 3 == 0 else "false"] for i in range(teachers, teachers + students)),
        ),
    }  # fmt: skip
    counts = {}
    for name, (header, rows) in tables.items():
        with (folder / name).open("w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            n = 0
            for row in rows:
                writer.writerow(row)
                n += 1
        counts[name] = n
    (folder / "manifest.csv").write_text(
        "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\n"
        + "".join(f"file.{n.removesuffix('.csv')},bulk\n" for n in tables)
    )
    return counts


def _enrollments(students: int, teachers: int, classes: int) -> Any:
    for k in range(classes):
        yield [f"et{k}", "active", AT, f"k{k}", f"s{k % SCHOOLS}", f"u{k % teachers}", "teacher",
               "true", "", ""]  # fmt: skip
    for i in range(students):
        for j in range(CLASSES_PER_STUDENT):
            k = (i // CLASS_SIZE + j * (students // CLASS_SIZE)) % classes
            yield [f"e{i}-{j}", "active", AT, f"k{k}", f"s{k % SCHOOLS}", f"u{teachers + i}",
                   "student", "false", "", ""]  # fmt: skip


async def _import(url: str, folder: Path) -> tuple[float, int, Any]:
    container = build(
        Settings(database_url=url, secret_key="bench-oneroster-signing-key-0123456789-abc")
    )
    settle_after_start_up()  # the collector as in the server and the worker that import
    try:
        tenant = await container.use_cases.access.create_tenant(slug=f"b-{uuid.uuid4().hex[:8]}")
        runs = []
        for _ in range(2):  # the second run finds everything unchanged
            source = container.adapters.roster_files.open(folder)
            started = time.perf_counter()
            report = await container.use_cases.roster_imports.import_roster(tenant.id, source)
            runs.append(time.perf_counter() - started)
            await source.close()
        rows = sum(f.rows for f in report.files.values())
        return runs[0], rows, runs[1]
    finally:
        await container.close()


def _typed(value: str, column: str) -> Any:
    if column in ("start_date", "end_date", "birth_date", "begin_date") and value:
        return date.fromisoformat(value)
    return value or None


async def _plain_copy(url: str, folder: Path) -> tuple[float, int]:
    """COPY the same rows, already in Python, into the same tables: the database's own speed."""
    now = datetime.now(UTC)
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        tenant = await conn.fetchval(
            "INSERT INTO tenants (slug, name, created_at) VALUES ('copy', 'copy', $1) RETURNING id",
            now,
        )
        modified = datetime(2026, 8, 1, tzinfo=UTC)
        plan = _copy_plan()
        prepared = {}
        for name, (table, columns, pick) in plan.items():
            with (folder / name).open(newline="") as f:
                reader = csv.DictReader(f)
                prepared[table] = (
                    columns,
                    [(tenant, "active", now, modified, *pick(r)) for r in reader],
                )
        started = time.perf_counter()
        async with conn.transaction():
            for table, (columns, records) in prepared.items():
                await conn.copy_records_to_table(
                    table,
                    records=records,
                    columns=["tenant_id", "status", "updated_at", "source_modified_at", *columns],
                )
        elapsed = time.perf_counter() - started
        return elapsed, sum(len(r) for _, r in prepared.values())
    finally:
        await conn.close()


def _copy_plan() -> dict[str, tuple[str, list[str], Any]]:
    import json

    def flag(text: str) -> bool | None:
        return None if not text else text == "true"

    return {
        "orgs.csv": ("orgs", ["id", "name", "type", "identifier", "parent_id"],
                     lambda r: (r["sourcedId"], r["name"], r["type"], r["identifier"] or None,
                                r["parentSourcedId"] or None)),
        "academicSessions.csv": (
            "academic_sessions", ["id", "title", "type", "start_date", "end_date", "parent_id",
                                  "school_year"],
            lambda r: (r["sourcedId"], r["title"], r["type"], date.fromisoformat(r["startDate"]),
                       date.fromisoformat(r["endDate"]), r["parentSourcedId"] or None,
                       r["schoolYear"])),
        "courses.csv": ("courses", ["id", "title", "org_id", "course_code", "grades", "subjects",
                                    "school_year_id"],
                        lambda r: (r["sourcedId"], r["title"], r["orgSourcedId"], r["courseCode"],
                                   json.dumps([r["grades"]]), json.dumps([r["subjects"]]),
                                   r["schoolYearSourcedId"])),
        "classes.csv": ("classes", ["id", "title", "course_id", "school_id", "session_ids",
                                    "class_code", "class_type", "location", "grades", "subjects"],
                        lambda r: (r["sourcedId"], r["title"], r["courseSourcedId"],
                                   r["schoolSourcedId"], json.dumps(r["termSourcedIds"].split(",")),
                                   r["classCode"], r["classType"], r["location"],
                                   json.dumps([r["grades"]]), json.dumps([r["subjects"]]))),
        "users.csv": ("users", ["id", "role", "given_name", "family_name", "org_ids", "grades",
                                "identifier", "email", "username", "enabled", "roles"],
                      lambda r: (r["sourcedId"], r["role"], r["givenName"], r["familyName"],
                                 json.dumps([r["orgSourcedIds"]]),
                                 json.dumps([r["grades"]] if r["grades"] else []), r["identifier"],
                                 r["email"], r["username"], True, "[]")),
        "enrollments.csv": ("enrollments", ["id", "class_id", "user_id", "role", "primary"],
                            lambda r: (r["sourcedId"], r["classSourcedId"], r["userSourcedId"],
                                       r["role"], r["primary"] == "true")),
        "demographics.csv": (
            "demographics", ["id", "birth_date", "sex", "white", "hispanic_or_latino"],
            lambda r: (r["sourcedId"], date.fromisoformat(r["birthDate"]), r["sex"],
                       flag(r["white"]), flag(r["hispanicOrLatinoEthnicity"]))),
    }  # fmt: skip


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _quarter_only(section: Section, quarter: dict[str, int]) -> Section:
    async with scratch_database() as url:
        seconds, rows, rerun = await _import(url, DATA / "oneroster-25k")
    async with scratch_database() as url:
        copy_seconds, copy_rows = await _plain_copy(url, DATA / "oneroster-25k")
    section.add(
        f"Quarter set ({sum(quarter.values()):,} rows): import {seconds:.1f} s, again unchanged "
        f"{rerun:.1f} s, plain COPY {copy_seconds:.1f} s ({copy_rows:,} rows); ratio import / "
        f"plain COPY {(rows / seconds) / (copy_rows / copy_seconds):.2f}."
    )
    return section


async def run() -> Section:
    section = Section("OneRoster CSV import (bench_oneroster)")
    if os.environ.get("BENCH_ONEROSTER_SET") == "quarter":
        quarter = generate(DATA / "oneroster-25k", students=24_050, teachers=950)
        return await _quarter_only(section, quarter)
    # 100,000 users; 96,200 students in 10 classes each and a teacher per class of 25 make
    # 1,000,480 enrollments.
    quarter = generate(DATA / "oneroster-25k", students=24_050, teachers=950)
    full = generate(DATA / "oneroster-100k", students=96_200, teachers=3_800)
    section.add(
        f"Set: {sum(full.values()):,} rows "
        + ", ".join(f"{n} {c:,}" for n, c in full.items())
        + " (OneRoster 1.1, bulk, generated into bench/.data/)."
    )
    async with scratch_database() as url:
        before = _peak_mib()
        small_seconds, small_rows, _ = await _import(url, DATA / "oneroster-25k")
        after_small = _peak_mib()
    async with scratch_database() as url:
        seconds, rows, rerun = await _import(url, DATA / "oneroster-100k")
        after_full = _peak_mib()
    async with scratch_database() as url:
        copy_seconds, copy_rows = await _plain_copy(url, DATA / "oneroster-100k")
    rate, copy_rate = rows / seconds, copy_rows / copy_seconds
    section.add("")
    section.add("| run | rows | seconds | rows/s |")
    section.add("| --- | ---: | ---: | ---: |")
    section.add(
        f"| import, quarter set ({sum(quarter.values()):,} rows) | {small_rows:,} | "
        f"{small_seconds:.1f} | {small_rows / small_seconds:,.0f} |"
    )
    section.add(
        f"| import, full set, into an empty roster | {rows:,} | {seconds:.1f} | {rate:,.0f} |"
    )
    section.add(f"| import again, nothing changed | {rows:,} | {rerun:.1f} | {rows / rerun:,.0f} |")
    section.add(
        f"| plain asyncpg COPY of the same rows into the same tables | {copy_rows:,} | "
        f"{copy_seconds:.1f} | {copy_rate:,.0f} |"
    )
    section.add("")
    section.add(
        f"Ratio import / plain COPY: **{rate / copy_rate:.2f}** (issue #14: ≥ 0.7, and the "
        f"import ≤ 45 s; the same set again ≤ 15 s). The collector is set as in the server "
        f"and the worker that run imports (`settle_after_start_up`, decision 0069)."
    )
    section.add(
        f"Peak memory (RSS high-water mark of the process): {before:,.0f} MiB before, "
        f"{after_small:,.0f} MiB after the quarter set, {after_full:,.0f} MiB after the full set "
        f"(4 times the rows: growth {after_full - after_small:,.0f} MiB)."
    )
    return section


if __name__ == "__main__":
    print(asyncio.run(run()).render())
