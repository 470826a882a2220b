"""The demo district: one district, two schools, courses, classes, teachers and 150 students
with demographics and enrollments. Seeded, so every generation is the same district; it ships as
a OneRoster 1.2 CSV set (app/demo/oneroster, `mastery demo write-oneroster` regenerates it),
and loading the demo imports that set, so the demo exercises the importer too."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.demo import DEMO_SET, DEMO_SLUG
from app.domain.access import Tenant
from app.domain.errors import NotFound
from app.domain.roster import (
    AcademicSession,
    Course,
    Demographics,
    Enrollment,
    EnrollmentRole,
    Org,
    OrgType,
    RoleAssignment,
    RosterRecord,
    SchoolClass,
    SessionType,
    Sex,
    User,
    UserRole,
)
from app.use_cases.access import Access
from app.use_cases.case_import import CaseImports
from app.use_cases.demo_evidence import load_demo_evidence
from app.use_cases.demo_framework import load_demo_framework, write_demo_grade_rules
from app.use_cases.evidence import EvidenceRecords
from app.use_cases.grading import Grading
from app.use_cases.roster_import import RosterImports

SEED = 20_261_123
STUDENTS_PER_GRADE = 25

_GIVEN = [
    "Ava",
    "Liam",
    "Sofia",
    "Noah",
    "Mia",
    "Mateo",
    "Amara",
    "Ethan",
    "Zoe",
    "Diego",
    "Leila",
    "Omar",
    "Chloe",
    "Kai",
    "Priya",
    "Lucas",
    "Ana",
    "Jamal",
    "Hana",
    "Elijah",
    "Isabella",
    "Yusuf",
    "Grace",
    "Mason",
    "Fatima",
    "Leo",
    "Aaliyah",
    "Ryan",
    "Mei",
    "Carlos",
    "Nora",
    "Tariq",
    "Lily",
    "Andre",
    "Sara",
    "Hugo",
    "Aisha",
    "Owen",
    "Camila",
    "Wei",
]
_FAMILY = [
    "Garcia",
    "Smith",
    "Nguyen",
    "Johnson",
    "Patel",
    "Williams",
    "Kim",
    "Brown",
    "Hernandez",
    "Jones",
    "Chen",
    "Davis",
    "Lopez",
    "Miller",
    "Ali",
    "Wilson",
    "Martinez",
    "Anderson",
    "Singh",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
]


@dataclass(frozen=True)
class _School:
    id: str
    name: str
    grades: tuple[str, ...]


SCHOOLS = (
    _School("demo-north", "North Elementary School", ("03", "04", "05")),
    _School("demo-south", "South Middle School", ("06", "07", "08")),
)
SUBJECTS = (("math", "Mathematics"), ("ela", "English Language Arts"))


def demo_roster() -> list[RosterRecord]:
    """Every record of the demo district, in an order whose references point backwards."""
    rng = random.Random(SEED)
    records: list[RosterRecord] = [
        Org(
            id="demo-district",
            name="Riverside Unified School District",
            type=OrgType.DISTRICT,
            identifier="RUSD",
        ),
        *(
            Org(id=s.id, name=s.name, type=OrgType.SCHOOL, parent_id="demo-district")
            for s in SCHOOLS
        ),
        AcademicSession(
            id="demo-2026",
            title="2026-2027",
            type=SessionType.SCHOOL_YEAR,
            start_date=date(2026, 8, 17),
            end_date=date(2027, 6, 11),
            school_year="2027",
        ),
        AcademicSession(
            id="demo-2026-s1",
            title="Fall 2026",
            type=SessionType.SEMESTER,
            start_date=date(2026, 8, 17),
            end_date=date(2027, 1, 15),
            parent_id="demo-2026",
            school_year="2027",
        ),
        AcademicSession(
            id="demo-2026-s2",
            title="Spring 2027",
            type=SessionType.SEMESTER,
            start_date=date(2027, 1, 19),
            end_date=date(2027, 6, 11),
            parent_id="demo-2026",
            school_year="2027",
        ),
    ]
    teachers: list[User] = []
    students: list[User] = []
    enrollments: list[Enrollment] = []
    demographics: list[Demographics] = []
    number = 0
    for school in SCHOOLS:
        for grade in school.grades:
            grade_students = []
            for _ in range(STUDENTS_PER_GRADE):
                number += 1
                student = _at_school(
                    school.id,
                    id=f"demo-stu-{number:04d}",
                    role=UserRole.STUDENT,
                    given_name=rng.choice(_GIVEN),
                    family_name=rng.choice(_FAMILY),
                    grades=(grade,),
                    identifier=f"S{100000 + number}",
                    username=f"student{number:04d}",
                )
                grade_students.append(student)
                demographics.append(_demographics(rng, student.id, int(grade)))
            students += grade_students
            for code, title in SUBJECTS:
                course_id = f"demo-{code}-{grade}"
                class_id = f"{course_id}-a"
                teacher = _at_school(
                    school.id,
                    id=f"demo-tch-{code}-{grade}",
                    role=UserRole.TEACHER,
                    given_name=rng.choice(_GIVEN),
                    family_name=rng.choice(_FAMILY),
                    identifier=f"T-{code}-{grade}",
                    email=f"{code}{grade}.teacher@riverside.example",
                )
                teachers.append(teacher)
                records.append(
                    Course(
                        id=course_id,
                        title=f"{title} Grade {int(grade)}",
                        org_id="demo-district",
                        course_code=f"{code.upper()}{grade}",
                        grades=(grade,),
                        subjects=(title,),
                    )
                )
                records.append(
                    SchoolClass(
                        id=class_id,
                        title=f"{title} {int(grade)} - A",
                        course_id=course_id,
                        school_id=school.id,
                        session_ids=("demo-2026",),
                        class_code=f"{code}{grade}a",
                        class_type="scheduled",
                        grades=(grade,),
                    )
                )
                enrollments.append(
                    Enrollment(
                        id=f"{class_id}-{teacher.id}",
                        class_id=class_id,
                        user_id=teacher.id,
                        role=EnrollmentRole.TEACHER,
                        primary=True,
                    )
                )
                enrollments += [
                    Enrollment(
                        id=f"{class_id}-{s.id}",
                        class_id=class_id,
                        user_id=s.id,
                        role=EnrollmentRole.STUDENT,
                    )
                    for s in grade_students
                ]
    return [*records, *teachers, *students, *enrollments, *demographics]


def _at_school(school_id: str, *, id: str, role: UserRole, **fields: Any) -> User:
    """A user with one role, at its school (as a 1.2 SIS lists it), and the orgs that follow."""
    assignment = RoleAssignment(role=role, org_id=school_id, id=f"{id}-role")
    return User(
        id=id,
        role=role,
        org_ids=(school_id,),
        primary_org_id=school_id,
        roles=(assignment,),
        **fields,
    )


def _demographics(rng: random.Random, user_id: str, grade: int) -> Demographics:
    race = rng.choices(
        [
            "white",
            "hispanic",
            "black_or_african_american",
            "asian",
            "two",
            "american_indian_or_alaska_native",
            "native_hawaiian_or_other_pacific_islander",
        ],
        weights=[42, 27, 14, 8, 6, 2, 1],
    )[0]
    flags: dict[str, bool] = {
        name: race == name
        for name in (
            "american_indian_or_alaska_native",
            "asian",
            "black_or_african_american",
            "native_hawaiian_or_other_pacific_islander",
            "white",
        )
    }
    if race == "two":
        flags["white"] = flags["asian"] = True
    if race == "hispanic":
        flags["white"] = True
    birth_year = 2026 - 5 - grade
    return Demographics(
        id=user_id,
        sex=rng.choice((Sex.FEMALE, Sex.MALE)),
        birth_date=date(birth_year - (rng.random() < 0.3), rng.randint(1, 12), rng.randint(1, 28)),
        two_or_more_races=race == "two",
        hispanic_or_latino=race == "hispanic",
        english_learner=rng.random() < 0.15,
        special_education=rng.random() < 0.13,
        economically_disadvantaged=rng.random() < 0.45,
        american_indian_or_alaska_native=flags["american_indian_or_alaska_native"],
        asian=flags["asian"],
        black_or_african_american=flags["black_or_african_american"],
        native_hawaiian_or_other_pacific_islander=flags[
            "native_hawaiian_or_other_pacific_islander"
        ],
        white=flags["white"],
    )


@dataclass(frozen=True, kw_only=True)
class Demo:
    """The demo district, loaded through the same use cases as any district's data."""

    access: Access
    roster_imports: RosterImports
    case_imports: CaseImports
    evidence: EvidenceRecords
    grading: Grading

    async def load_demo_district(self, slug: str = DEMO_SLUG) -> Tenant:
        """Create the demo tenant (if needed) and import its OneRoster set; loading twice
        changes nothing."""
        try:
            tenant = await self.access.tenant_by_slug(slug)
        except NotFound:
            tenant = await self.access.create_tenant(slug=slug, name="Riverside Unified (demo)")
        await self.roster_imports.import_file(tenant.id, DEMO_SET)
        imported = await load_demo_framework(self.case_imports, tenant)
        await write_demo_grade_rules(self.grading, tenant, imported.plan.framework.id)
        students = [r for r in demo_roster() if isinstance(r, User) and r.role is UserRole.STUDENT]
        await load_demo_evidence(self.evidence, tenant, imported.plan.framework, students)
        return tenant
