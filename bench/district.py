"""A synthetic district written with COPY: schools, classes of 30, students with demographics,
a 200-competency framework with a decision for every student and competency, and a 50-competency
framework decided for the students of the first school (class grids, student pages)."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import asyncpg

from app.bootstrap import Container
from app.domain.access import ALL_SCOPES, Principal, Tenant
from app.domain.framework_commands import CalculationSpec, CompetencySpec, CreateFramework
from app.domain.frameworks import CalculationMethod
from app.domain.roster import RACE_FLAGS, Demographics
from bench.common import asyncpg_dsn

NOW = datetime(2026, 10, 1, tzinfo=UTC)
STATUSES = ["mastered"] * 4 + ["not_yet"] * 3 + ["insufficient_evidence", "no_evidence", "mastered"]
LEVELS = {"mastered": (3.0, "Proficient"), "not_yet": (2.0, "Developing")}
PER_SCHOOL = 1000
CLASS_SIZE = 30


@dataclass(frozen=True)
class District:
    tenant: Tenant
    students: int
    competencies: int
    schools: int


def _framework(framework_id: str, count: int) -> CreateFramework:
    return CreateFramework(
        id=framework_id,
        title=f"Framework of {count}",
        calculation=CalculationSpec(CalculationMethod.LATEST),
        competencies=tuple(
            CompetencySpec(
                id=f"{framework_id}-c{i:03d}",
                code=f"S.{i}",
                statement=f"Standard {i}",
                kind="standard",
            )
            for i in range(count)
        ),
    )


def _student(i: int) -> str:
    return f"s{i:06d}"


def demographics(student_id: str, i: int) -> Demographics:
    """The `i`th student's demographics, deterministic and varied, as a district has them
    (about 1 in 4 Hispanic or Latino, some multi-race, some unknown): the subgroups every
    equity report and the summary and trend counts are kept under."""
    flags = {flag: (i * (k + 3)) % 7 == 0 for k, flag in enumerate(RACE_FLAGS)}
    return Demographics(
        id=student_id,
        hispanic_or_latino=i % 4 == 0,
        english_learner=i % 5 == 0,
        special_education=i % 9 == 0,
        economically_disadvantaged=i % 3 == 0,
        **flags,
    )


async def _copy(
    conn: asyncpg.Connection, table: str, columns: list[str], rows: Iterator[str]
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        batch: list[str] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= 50_000:
                yield "".join(batch).encode()
                batch = []
        if batch:
            yield "".join(batch).encode()

    await conn.copy_to_table(table, source=chunks(), columns=columns, format="text")


def _decisions(tenant: int, framework_id: str, students: range, competencies: int) -> Iterator[str]:
    method = json.dumps({"name": "latest"})
    at = NOW.isoformat()
    for s in students:
        sid = _student(s)
        for c in range(competencies):
            status = STATUSES[(s * 31 + c * 17) % len(STATUSES)]
            value, label = LEVELS.get(status, (None, None))
            score = "\\N" if value is None else str(value)
            label_text = "\\N" if label is None else label
            yield (
                f"{tenant}\t{sid}\t{framework_id}-c{c:03d}\t{framework_id}\t{status}\t{score}\t"
                f"{score}\t{label_text}\t{status}\t{score}\t{score}\t{label_text}\t"
                f"{0 if status == 'no_evidence' else 1}\t{method}\t{at}\n"
            )


DECISION_COLUMNS = [
    "tenant_id",
    "student_id",
    "competency_id",
    "framework_id",
    "status",
    "score",
    "level_value",
    "level_label",
    "computed_status",
    "computed_score",
    "computed_level_value",
    "computed_level_label",
    "evidence_count",
    "method",
    "updated_at",
]
SECONDARY = [
    "ix_decisions_tenant_id_framework_id_competency_id",
    "ix_decisions_tenant_id_override_expires_at",
]


async def bench_token(container: Container, tenant: Tenant) -> str:
    """A token of a real client of the tenant: a token is honoured only while its client
    exists (docs/decisions/0017-clients-tokens-audit.md)."""
    access = container.use_cases.access
    made = await access.create_client(
        tenant_slug=tenant.slug, scopes=" ".join(sorted(ALL_SCOPES)), name="bench"
    )
    issued = await access.issue_token(
        client_id=made.client_id, client_secret=made.client_secret, scope=None
    )
    return issued.access_token


async def build(
    container: Container, url: str, slug: str, students: int, competencies: int, *, grid: bool
) -> District:
    """Create a tenant with `students` students and `competencies` x `students` decisions."""
    started = time.perf_counter()
    tenant = await container.use_cases.access.create_tenant(slug=slug)
    principal = Principal("bench", tenant.id, tenant.slug, ALL_SCOPES)
    await container.use_cases.frameworks.create_framework(principal, _framework("fw", competencies))
    if grid:
        await container.use_cases.frameworks.create_framework(principal, _framework("grid", 50))
    schools = max(1, students // PER_SCHOOL)
    t, at = tenant.id, NOW.isoformat()
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await _copy(
            conn,
            "orgs",
            ["tenant_id", "id", "status", "updated_at", "name", "type", "parent_id"],
            iter(
                [f"{t}\tdistrict\tactive\t{at}\tDistrict\tdistrict\t\\N\n"]
                + [
                    f"{t}\tschool-{k}\tactive\t{at}\tSchool {k}\tschool\tdistrict\n"
                    for k in range(schools)
                ]
            ),
        )
        await _copy(
            conn,
            "courses",
            ["tenant_id", "id", "status", "updated_at", "title", "org_id", "grades", "subjects"],
            iter([f"{t}\tcourse\tactive\t{at}\tMath\tdistrict\t[]\t[]\n"]),
        )
        classes = (students + CLASS_SIZE - 1) // CLASS_SIZE
        await _copy(
            conn,
            "classes",
            [
                "tenant_id",
                "id",
                "status",
                "updated_at",
                "title",
                "course_id",
                "school_id",
                "session_ids",
                "grades",
                "subjects",
            ],
            (
                f"{t}\tclass-{k}\tactive\t{at}\tMath {k}\tcourse\t"
                f"school-{(k * CLASS_SIZE) // PER_SCHOOL % schools}\t[]\t[]\t[]\n"
                for k in range(classes)
            ),
        )
        await _copy(
            conn,
            "users",
            [
                "tenant_id",
                "id",
                "status",
                "updated_at",
                "role",
                "given_name",
                "family_name",
                "org_ids",
                "grades",
                "enabled",
            ],
            (
                f"{t}\t{_student(i)}\tactive\t{at}\tstudent\tGiven{i}\tFamily{i}\t"
                f'["school-{i // PER_SCHOOL % schools}", "district"]\t["{3 + i % 6:02d}"]\ttrue\n'
                for i in range(students)
            ),
        )
        await _copy(
            conn,
            "user_orgs",
            ["tenant_id", "user_id", "org_id"],
            (
                f"{t}\t{_student(i)}\t{org}\n"
                for i in range(students)
                for org in (f"school-{i // PER_SCHOOL % schools}", "district")
            ),
        )
        await _copy(
            conn,
            "user_grades",
            ["tenant_id", "user_id", "grade"],
            (f"{t}\t{_student(i)}\t{3 + i % 6:02d}\n" for i in range(students)),
        )
        await _copy(
            conn,
            "enrollments",
            ["tenant_id", "id", "status", "updated_at", "class_id", "user_id", "role", "primary"],
            (
                f"{t}\te{i}\tactive\t{at}\tclass-{i // CLASS_SIZE}\t{_student(i)}\tstudent\tfalse\n"
                for i in range(students)
            ),
        )
        flags = [
            *RACE_FLAGS,
            "hispanic_or_latino",
            "english_learner",
            "special_education",
            "economically_disadvantaged",
        ]

        def demographics_rows() -> Iterator[str]:
            for i in range(students):
                d = demographics(_student(i), i)
                values = "\t".join("true" if getattr(d, f) else "false" for f in flags)
                yield f"{t}\t{d.id}\tactive\t{at}\t{values}\n"

        await _copy(
            conn,
            "demographics",
            ["tenant_id", "id", "status", "updated_at", *flags],
            demographics_rows(),
        )
        for index in SECONDARY:  # bulk load first, index after: several times faster
            await conn.execute(f"DROP INDEX IF EXISTS {index}")
        # A bulk load past the service: without the summary counts' capture triggers (and the
        # foreign-key checks), then the tenant's counts marked to be built from its decisions
        # (build_counts), as an operator does after such a load (docs/decisions/0056).
        await conn.execute("SET session_replication_role = replica")
        await _copy(
            conn, "decisions", DECISION_COLUMNS, _decisions(t, "fw", range(students), competencies)
        )
        if grid:
            await _copy(
                conn,
                "decisions",
                DECISION_COLUMNS,
                _decisions(t, "grid", range(min(students, PER_SCHOOL)), 50),
            )
        await conn.execute("RESET session_replication_role")
        await conn.execute(
            "INSERT INTO summary_refreshes (tenant_id, built, refreshed_at) VALUES ($1, false, "
            "now()) ON CONFLICT (tenant_id) DO UPDATE SET built = false",
            t,
        )
    finally:
        await conn.close()
    print(
        f"  {slug}: {students} students x {competencies} competencies loaded "
        f"in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    return District(tenant, students, competencies, schools)


async def build_counts(container: Container, tenant: Tenant) -> float:
    """Build the tenant's summary counts from its decisions (the refresher's first build);
    the seconds it took."""
    started = time.perf_counter()
    refreshed = await container.summary_refresher.refresh(tenant.id)
    assert refreshed.rebuilt, refreshed
    return time.perf_counter() - started


async def finish(url: str) -> None:
    """Rebuild the decisions' secondary indexes and analyse, as after a real bulk load."""
    started = time.perf_counter()
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.execute("SET maintenance_work_mem = '512MB'")
        await conn.execute(
            "CREATE INDEX IF NOT EXISTS ix_decisions_tenant_id_framework_id_competency_id "
            "ON decisions (tenant_id, framework_id, competency_id, status, student_id)"
        )
        await conn.execute(
            "CREATE INDEX IF NOT EXISTS ix_decisions_tenant_id_override_expires_at "
            "ON decisions (tenant_id, override_expires_at) WHERE override_expires_at IS NOT NULL"
        )
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()
    print(f"  indexes and VACUUM ANALYZE in {time.perf_counter() - started:.0f} s", flush=True)
