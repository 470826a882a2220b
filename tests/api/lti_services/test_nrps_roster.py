"""A class roster pulled from the fake platform's NRPS 2.0 service (paged) into the roster, on
SQLite and PostgreSQL; a second pull without one member marks that member's enrollment."""

from __future__ import annotations

import pytest

from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.errors import Forbidden, Invalid, Unauthorized
from app.domain.lti.memberships import enrollment_id, lti_class_id
from app.domain.lti.people import person_id
from app.domain.lti.session import PageRole
from app.domain.roster import (
    Course,
    Enrollment,
    Org,
    OrgType,
    RecordStatus,
    RosterKind,
    SchoolClass,
    User,
)
from app.ports.roster import RosterQuery
from tests.api.lti_services.world import INSTRUCTOR, LEARNER, World, world
from tests.fakes.lti_services import BASE


def _member(user_id: str, role: str, **more: object) -> dict[str, object]:
    return {"user_id": user_id, "roles": [role], "status": "Active", **more}


MEMBERS = [
    _member("t1", INSTRUCTOR, given_name="Ada", family_name="Byron", email="ada@school.test"),
    _member("s1", LEARNER, given_name="Ben", family_name="Okafor"),
    _member("s2", LEARNER, name="Chloé Martin", lis_person_sourcedid="sis-s2"),
    _member("s3", LEARNER, given_name="Dev", family_name="Patel"),
    # a mentor is no class member (NRPS lists observers too)
    _member("m1", "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor"),
]


@pytest.fixture
def w(container: Container, tenant: Tenant) -> World:
    found = world(container, tenant)
    found.fake.members = list(MEMBERS)
    return found


async def _get(w: World, kind: RosterKind, id_: str) -> object:
    async with w.container.adapters.uow(w.tenant.id, writes=False) as uow:
        return await uow.roster(kind).get(id_, include_deleted=True)


async def test_a_paged_pull_creates_the_class_its_teachers_and_students(w: World) -> None:
    pulled = await w.roster().sync_roster(await w.session(w.launch()))
    class_id = lti_class_id(BASE, "ctx-1")
    assert pulled.class_id == class_id
    assert (pulled.users_created, pulled.enrolled, pulled.unenrolled) == (4, 4, 0)
    assert len(w.fake.nrps_requests) == 3  # 5 members, 2 a page
    assert pulled.differences_url == f"{w.fake.memberships_url}?since=v2"
    teacher = await _get(w, RosterKind.USER, person_id(BASE, "t1"))
    assert isinstance(teacher, User)
    assert (teacher.role, teacher.given_name, teacher.family_name, teacher.email) == (
        "teacher",
        "Ada",
        "Byron",
        "ada@school.test",
    )
    linked = await _get(w, RosterKind.USER, "sis-s2")  # the SIS's id the platform sent
    assert isinstance(linked, User)
    assert (linked.role, linked.given_name, linked.family_name) == ("student", "Chloé", "Martin")
    assert await _get(w, RosterKind.USER, person_id(BASE, "m1")) is None
    enrolment = await _get(w, RosterKind.ENROLLMENT, enrollment_id(class_id, "sis-s2"))
    assert isinstance(enrolment, Enrollment)
    assert (enrolment.role, enrolment.status) == ("student", RecordStatus.ACTIVE)


async def test_a_whole_pull_again_marks_who_left_and_changes_nothing_else(w: World) -> None:
    session = await w.session(w.launch())
    await w.roster().sync_roster(session)
    w.fake.members = [m for m in MEMBERS if m["user_id"] != "s1"]
    w.fake.members[0] = {**MEMBERS[0], "given_name": "Augusta"}
    again = await w.roster().sync_roster(session, whole=True)
    assert again.whole
    assert (again.users_created, again.users_updated, again.enrolled, again.unenrolled) == (
        0,
        1,
        0,
        1,
    )
    class_id = lti_class_id(BASE, "ctx-1")
    gone = await _get(w, RosterKind.ENROLLMENT, enrollment_id(class_id, person_id(BASE, "s1")))
    assert isinstance(gone, Enrollment)
    assert gone.status is RecordStatus.TOBEDELETED
    teacher = await _get(w, RosterKind.USER, person_id(BASE, "t1"))
    assert isinstance(teacher, User)
    assert teacher.given_name == "Augusta"


async def test_the_next_pull_reads_only_the_differences(w: World) -> None:
    session = await w.session(w.launch())
    await w.roster().sync_roster(session)
    w.fake.nrps_requests.clear()
    # the differences list: s1 left (Deleted), s4 joined; the others are not listed at all
    w.fake.changes = [
        {**MEMBERS[1], "status": "Deleted"},
        _member("s4", LEARNER, given_name="Eve", family_name="Ng"),
    ]
    again = await w.roster().sync_roster(session)
    assert not again.whole
    assert w.fake.nrps_requests == [f"{w.fake.memberships_url}?since=v2"]
    assert (again.users_created, again.enrolled, again.unenrolled) == (1, 1, 1)
    class_id = lti_class_id(BASE, "ctx-1")
    kept = await _get(w, RosterKind.ENROLLMENT, enrollment_id(class_id, person_id(BASE, "s3")))
    assert isinstance(kept, Enrollment)
    assert kept.status is RecordStatus.ACTIVE  # not listed in the differences: unchanged
    gone = await _get(w, RosterKind.ENROLLMENT, enrollment_id(class_id, person_id(BASE, "s1")))
    assert isinstance(gone, Enrollment)
    assert gone.status is RecordStatus.TOBEDELETED
    # Back again, as a differences list says it
    w.fake.changes = [MEMBERS[1]]
    third = await w.roster().sync_roster(session)
    assert (third.enrolled, third.unenrolled) == (1, 0)


async def test_the_sis_section_named_by_the_launch_is_the_class(w: World) -> None:
    await _sis_section(w, "sec-7")
    pulled = await w.roster().sync_roster(
        await w.session(w.launch(course_section_sourcedid="sec-7"))
    )
    assert pulled.class_id == "sec-7"
    async with w.container.adapters.uow(w.tenant.id, writes=False) as uow:
        query = RosterQuery(filters={"class_id": "sec-7", "enrollment_role": "student"})
        students = await uow.roster(RosterKind.USER).list(query)
    assert sorted(u.id for u in students.items) == sorted(
        [person_id(BASE, "s1"), "sis-s2", person_id(BASE, "s3")]
    )


async def _sis_section(w: World, class_id: str) -> None:
    roster = w.container.use_cases.roster
    for record in (
        Org(id="sch-1", name="North School", type=OrgType.SCHOOL),
        Course(id="maths-7", title="Maths 7", org_id="sch-1"),
        SchoolClass(id=class_id, title="Maths 7 A", course_id="maths-7", school_id="sch-1"),
    ):
        await roster.put_record(w.tenant.id, record)


async def test_only_a_teacher_with_a_live_launch_and_an_nrps_url_may_pull(w: World) -> None:
    with pytest.raises(Forbidden):
        await w.roster().sync_roster(await w.session(w.launch(), PageRole.STUDENT))
    with pytest.raises(Invalid) as raised:
        await w.roster().sync_roster(await w.session(w.launch(memberships_url=None)))
    assert raised.value.problems[0].loc == ("memberships_url",)
    expired = await w.session(w.launch())
    with pytest.raises(Unauthorized):
        await w.roster().sync_roster(type(expired)(**{**expired.__dict__, "launch_id": "nope"}))


async def test_a_broken_member_list_writes_nothing(w: World) -> None:
    w.fake.members = [*MEMBERS[:3], {"roles": [LEARNER]}]
    with pytest.raises(Exception) as raised:
        await w.roster().sync_roster(await w.session(w.launch()))
    assert raised.value.problems[0].loc == ("members", 3)  # type: ignore[attr-defined]
    assert await _get(w, RosterKind.USER, person_id(BASE, "t1")) is None
