"""A district of any size, written through the use cases (fast enough for hundreds of records):
schools, one class per school, students with demographics, a flat framework and evidence."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from app.bootstrap import Container
from app.domain.access import ALL_SCOPES, Principal, Tenant
from app.domain.framework_commands import CalculationSpec, CompetencySpec, CreateFramework
from app.domain.frameworks import CalculationMethod
from app.domain.roster import (
    AcademicSession,
    Course,
    Demographics,
    Enrollment,
    EnrollmentRole,
    Org,
    OrgType,
    RosterRecord,
    SchoolClass,
    SessionType,
    User,
    UserRole,
)
from app.use_cases.evidence import EvidenceInput

OBSERVED = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Pupil:
    """A student to create: school (index), grade, demographics flags."""

    id: str
    school: int = 0
    grade: str = "05"
    demographics: dict[str, Any] | None = None


def principal_of(tenant: Tenant) -> Principal:
    return Principal("test-client", tenant.id, tenant.slug, ALL_SCOPES)


def _school(i: int) -> str:
    return f"school-{i}"


async def seed_roster(container: Container, tenant: Tenant, pupils: Sequence[Pupil]) -> None:
    schools = sorted({p.school for p in pupils})
    records: list[RosterRecord] = [Org(id="district", name="District", type=OrgType.DISTRICT)]
    records += [
        Org(id=_school(i), name=f"School {i}", type=OrgType.SCHOOL, parent_id="district")
        for i in schools
    ]
    records.append(
        AcademicSession(
            id="year",
            title="2026-2027",
            type=SessionType.SCHOOL_YEAR,
            start_date=date(2026, 8, 17),
            end_date=date(2027, 6, 11),
        )
    )
    records.append(Course(id="course", title="Math", org_id="district"))
    records += [
        SchoolClass(
            id=f"class-{i}",
            title=f"Math at school {i}",
            course_id="course",
            school_id=_school(i),
            session_ids=("year",),
        )
        for i in schools
    ]
    records.append(
        User(id="teacher", role=UserRole.TEACHER, given_name="Tia", family_name="Teacher")
    )
    records += [
        Enrollment(
            id=f"t-{i}", class_id=f"class-{i}", user_id="teacher", role=EnrollmentRole.TEACHER
        )
        for i in schools
    ]
    for p in pupils:
        records.append(
            User(
                id=p.id,
                role=UserRole.STUDENT,
                given_name=f"Given {p.id}",
                family_name=f"Family {p.id}",
                org_ids=(_school(p.school), "district"),
                grades=(p.grade,),
            )
        )
        records.append(
            Enrollment(
                id=f"e-{p.id}",
                class_id=f"class-{p.school}",
                user_id=p.id,
                role=EnrollmentRole.STUDENT,
            )
        )
        if p.demographics is not None:
            records.append(Demographics(id=p.id, **p.demographics))
    await container.use_cases.roster.put_records(tenant.id, records)


async def seed_framework(
    container: Container, tenant: Tenant, competencies: int, framework_id: str = "fw"
) -> list[str]:
    """A framework of `competencies` standards under no parent; returns their ids."""
    ids = [f"c{i:03d}" for i in range(competencies)]
    command = CreateFramework(
        id=framework_id,
        title="Mathematics",
        calculation=CalculationSpec(CalculationMethod.LATEST),
        competencies=tuple(
            CompetencySpec(id=c, code=f"M.{c}", statement=f"Standard {c}", kind="standard")
            for c in ids
        ),
    )
    await container.use_cases.frameworks.create_framework(principal_of(tenant), command)
    return ids


async def post_scores(
    container: Container,
    tenant: Tenant,
    scores: Sequence[tuple[str, str, float]],
    *,
    at: Callable[[int], datetime] = lambda i: OBSERVED + timedelta(minutes=i),
) -> None:
    """Post (student, competency, score) results, in batches of 1000."""
    items = [
        EvidenceInput(student_id=s, competency_id=c, score=v, observed_at=at(i), source_id=f"r{i}")
        for i, (s, c, v) in enumerate(scores)
    ]
    for start in range(0, len(items), 1000):
        await container.use_cases.evidence.record_evidence(
            principal_of(tenant), items[start : start + 1000]
        )
