"""What the use-case tests start from, stored straight into the fakes: a district's students and
a math framework.

    n    Number (a domain: rolled up when all its active children are mastered)
      n1 Count
      n2 Compare
      n3 Old (retired)
    g    Geometry (a standard with no children)

on the default scale (1 Beginning, 2 Developing, 3 Proficient, 4 Advanced; mastered from 3),
decaying average with weight 0.65 (the newest result counts 0.65, the rest 0.35)."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.access import Principal
from app.domain.frameworks import Competency, Framework, Status
from app.domain.roster import RecordStatus, User, UserRole
from tests.fakes.clock import START
from tests.fakes.wiring import FakeAdapters, principal

CALLER: Principal = principal()
TENANT = CALLER.tenant_id


def day(n: float) -> datetime:
    """n days from the tests' start (the fake clock's first instant)."""
    return START + timedelta(days=n)


MATH = Framework(
    id="math",
    title="Math",
    competencies=(
        Competency("n", "N", "Number", kind="Domain"),
        Competency("n1", "N.1", "Count", kind="Standard", parent_id="n"),
        Competency("n2", "N.2", "Compare", kind="Standard", parent_id="n", position=1),
        Competency("n3", "N.3", "Old", parent_id="n", position=2, status=Status.RETIRED),
        Competency("g", "G", "Geometry", kind="Standard", position=1),
    ),
)


def person(id_: str, role: UserRole = UserRole.STUDENT, **changes: object) -> User:
    values: dict[str, object] = {
        "given_name": id_.upper(),
        "family_name": "Pupil",
        "org_ids": ("org-s1",),
        "grades": ("05",),
        "updated_at": day(-30),
        **changes,
    }
    return User(id=id_, role=role, **values)  # type: ignore[arg-type]


STUDENTS = (
    person("s1"),
    person("s2"),
    person("t1", UserRole.TEACHER),
    person("s9", status=RecordStatus.TOBEDELETED),
)


async def given(
    fakes: FakeAdapters,
    *users: User,
    frameworks: tuple[Framework, ...] = (MATH,),
) -> None:
    """Store these users (the four above when none) and frameworks for the caller's tenant."""
    async with fakes.database.uow(TENANT) as uow:
        for user in users or STUDENTS:
            await uow.roster(user.kind).save(user)
        for framework in frameworks:
            await uow.frameworks.add(framework, day(-30))
        await uow.commit()
