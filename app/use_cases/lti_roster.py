"""A class roster pulled from the LMS (NRPS 2.0) into the district's roster: members become
users (or are linked to the SIS's), and enrollments of the class; one transaction, so a pull
that fails midway writes nothing. The rules are in app/domain/lti/memberships.py."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.access import Scope, TenantId
from app.domain.errors import Problem, SourceUnavailable
from app.domain.jobs import Job
from app.domain.lti.launch import Launch
from app.domain.lti.memberships import (
    Member,
    enrollment_id,
    lti_class_id,
    lti_school_id,
    made_by_pulls,
    read_members,
)
from app.domain.lti.session import PageSession
from app.domain.roster import (
    Course,
    Enrollment,
    EnrollmentRole,
    Org,
    OrgType,
    RecordStatus,
    RosterKind,
    RosterRecord,
    SchoolClass,
    User,
    UserRole,
)
from app.ports.jobs import JobArguments, JobReport, JobRunner, Progress
from app.ports.lti_services import PlatformServices
from app.ports.roster import RosterQuery
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.lti_launched import LaunchedFrom, service_url

ROSTER_PULL_JOB = "lti_roster_pull"


@dataclass(frozen=True)
class RosterPulled:
    class_id: str
    users_created: int
    users_updated: int
    enrolled: int
    unenrolled: int
    differences_url: str | None
    whole: bool  # all members were listed (not only the differences since the last pull)

    def result(self) -> dict[str, object]:
        return {
            "class_id": self.class_id,
            "users_created": self.users_created,
            "users_updated": self.users_updated,
            "enrolled": self.enrolled,
            "unenrolled": self.unenrolled,
            "whole": self.whole,
        }


@dataclass(frozen=True, kw_only=True)
class LtiRoster:
    uow: UnitOfWorkFactory
    launched: LaunchedFrom
    services: PlatformServices
    jobs: JobRunner

    async def sync_roster(self, session: PageSession, *, whole: bool = False) -> RosterPulled:
        """Pull the roster of the course a teacher launched from: what changed since the last
        pull when the platform gave a differences URL then, else (or when asked) all of it."""
        return await self._pull(session.tenant_id, session.launch_id, session, whole=whole)

    async def start_roster_job(self, session: PageSession) -> Job:
        await self.launched.teacher(session)
        arguments = {"launch_id": session.launch_id}
        return await self.jobs.enqueue(
            session.tenant_id, ROSTER_PULL_JOB, Scope.ROSTER_WRITE, arguments
        )

    async def run_roster_job(
        self, tenant: TenantId, arguments: JobArguments, progress: Progress
    ) -> JobReport:
        pulled = await self._pull(
            tenant, str(arguments["launch_id"]), None, whole=bool(arguments.get("whole", False))
        )
        return JobReport(pulled.result())

    async def _pull(
        self, tenant: TenantId, launch_id: str | None, session: PageSession | None, *, whole: bool
    ) -> RosterPulled:
        if session is not None:
            found = await self.launched.teacher(session)
        else:
            found = await self.launched.launched(tenant, launch_id)
        launch = found.launch
        url = service_url(launch.memberships_url, "memberships_url", "roster service (NRPS)")
        context = _context(launch)
        since = None
        if not whole:
            async with self.uow(tenant, writes=False) as uow:
                since = await uow.lti_marks.differences_url(launch.issuer, context)
        pull = await self.services.memberships(found.platform, since or url)
        problems: list[Problem] = []
        members = read_members(launch.issuer, pull.members, problems)
        if problems:
            raise SourceUnavailable("The platform's roster is not what NRPS 2.0 says", problems)
        now = self.launched.clock.now()
        async with self.uow(tenant) as uow:
            class_id = await _class_of(uow, launch, now)
            created, updated = await _save_users(uow, members, now)
            # A differences list names only who changed: the others are as they were.
            enrolled, unenrolled = await _save_enrollments(
                uow, class_id, members, now, whole=since is None
            )
            await uow.lti_marks.save_pull(launch.issuer, context, pull.differences_url, now)
            await uow.commit()
        return RosterPulled(
            class_id, created, updated, enrolled, unenrolled, pull.differences_url, since is None
        )


def _context(launch: Launch) -> str:
    return launch.context_id or launch.resource_link_id or launch.target_link_uri


async def class_of_launch(uow: UnitOfWork, launch: Launch) -> str | None:
    """The roster class of the launch's course: the SIS's section when the launch names one the
    roster has, else the service's own class, when a roster pull has made it."""
    classes = uow.roster(RosterKind.CLASS)
    for class_id in (
        launch.course_section_sourcedid,
        lti_class_id(launch.issuer, _context(launch)),
    ):
        if class_id and await classes.active_ids([class_id]):
            return class_id
    return None


async def _class_of(uow: UnitOfWork, launch: Launch, now: datetime) -> str:
    """The launch's class, or the service's own class for the course, made (with its course and
    school) on the first pull."""
    found = await class_of_launch(uow, launch)
    if found is not None:
        return found
    context = _context(launch)
    class_id = lti_class_id(launch.issuer, context)
    school_id = lti_school_id(launch.issuer)
    title = launch.context_title or context
    made: list[RosterRecord] = [
        Org(id=school_id, name=f"LMS {launch.issuer}", type=OrgType.SCHOOL, updated_at=now),
        Course(id=class_id, title=title, org_id=school_id, updated_at=now),
        SchoolClass(
            id=class_id, title=title, course_id=class_id, school_id=school_id, updated_at=now
        ),
    ]
    for record in made:  # the school and course may be there already (another course, retired)
        if record.kind is RosterKind.CLASS or not await uow.roster(record.kind).active_ids(
            [record.id]
        ):
            await uow.roster(record.kind).save(record)
    return class_id


async def _save_users(uow: UnitOfWork, members: list[Member], now: datetime) -> tuple[int, int]:
    """New people are made; people the pulls made take the LMS's names and email; the SIS's
    people are only linked (the SIS is what names them)."""
    users = uow.roster(RosterKind.USER)
    stored = await users.get_many({m.person_id for m in members})
    fresh: dict[str, User] = {}
    created = updated = 0
    for m in members:
        user = User(
            id=m.person_id,
            role=UserRole(m.role),
            given_name=m.given_name,
            family_name=m.family_name,
            email=m.email,
            updated_at=now,
        )
        before = stored.get(m.person_id)
        if before is None:
            created += m.person_id not in fresh
            fresh[m.person_id] = user
        elif made_by_pulls(before.id) and (
            not before.same_content(user) or before.status is not RecordStatus.ACTIVE
        ):
            updated += m.person_id not in fresh
            fresh[m.person_id] = user
    if fresh:
        await users.save_many(list(fresh.values()))
    return created, updated


async def _class_enrollments(uow: UnitOfWork, class_id: str) -> list[Enrollment]:
    repo = uow.roster(RosterKind.ENROLLMENT)
    found: list[Enrollment] = []
    after: str | None = None
    while True:
        page = await repo.list(
            RosterQuery(status=None, filters={"class_id": class_id}, after=after, limit=1000)
        )
        found += [e for e in page.items if isinstance(e, Enrollment)]
        if page.last_key is None:
            return found
        after = page.last_key


async def _save_enrollments(
    uow: UnitOfWork, class_id: str, members: list[Member], now: datetime, *, whole: bool
) -> tuple[int, int]:
    """Active members enrolled (an enrollment of the SIS's counts as one); members who left,
    and (in a whole list) the pulls' enrollments of people no longer listed, tobedeleted."""
    existing = await _class_enrollments(uow, class_id)
    by_user: dict[str, Enrollment] = {}
    for e in existing:
        if e.status is RecordStatus.ACTIVE or e.user_id not in by_user:
            by_user[e.user_id] = e
    listed = {m.person_id: m for m in members}
    changes: list[Enrollment] = []
    enrolled = unenrolled = 0
    for person, m in listed.items():
        before = by_user.get(person)
        if m.active:
            wanted = Enrollment(
                id=before.id if before else enrollment_id(class_id, person),
                class_id=class_id,
                user_id=person,
                role=EnrollmentRole(m.role),
                updated_at=now,
            )
            if before is None or (
                made_by_pulls(before.id)
                and (before.status is not RecordStatus.ACTIVE or before.role != wanted.role)
            ):
                changes.append(wanted)
                enrolled += 1
        elif (
            before is not None and made_by_pulls(before.id) and before.status is RecordStatus.ACTIVE
        ):
            changes.append(replace(before, status=RecordStatus.TOBEDELETED, updated_at=now))
            unenrolled += 1
    for person, e in by_user.items():
        if (
            whole
            and person not in listed
            and made_by_pulls(e.id)
            and e.status is RecordStatus.ACTIVE
        ):
            changes.append(replace(e, status=RecordStatus.TOBEDELETED, updated_at=now))
            unenrolled += 1
    if changes:
        await uow.roster(RosterKind.ENROLLMENT).save_many(changes)
    return enrolled, unenrolled
