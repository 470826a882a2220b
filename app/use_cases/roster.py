"""Create, replace, read, list and retire roster records, keeping references whole."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, replace

from app.domain.access import TenantId
from app.domain.errors import Invalid, NotFound, Problem
from app.domain.roster import (
    Demographics,
    EnrollmentRole,
    RecordStatus,
    Reference,
    RosterKind,
    RosterRecord,
    User,
    UserRole,
)
from app.ports.clock import Clock
from app.ports.paging import Page
from app.ports.reports import ReadModelsFactory
from app.ports.roster import RosterQuery
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory

_NAMES = {
    RosterKind.ORG: "org",
    RosterKind.ACADEMIC_SESSION: "academic session",
    RosterKind.COURSE: "course",
    RosterKind.CLASS: "class",
    RosterKind.USER: "user",
    RosterKind.ENROLLMENT: "enrollment",
    RosterKind.DEMOGRAPHICS: "demographics of user",
}


@dataclass(frozen=True)
class Saved:
    """The stored record and whether this call created it."""

    record: RosterRecord
    created: bool


def _not_found(kind: RosterKind, id_: str) -> NotFound:
    return NotFound(f"No {_NAMES[kind]} {id_!r}")


async def missing_references(uow: UnitOfWork, references: list[Reference]) -> list[Problem]:
    """The references that name no active record, one problem each (one query per kind)."""
    by_kind: dict[RosterKind, set[str]] = defaultdict(set)
    for ref in references:
        by_kind[ref.kind].add(ref.id)
    found: dict[RosterKind, set[str]] = {}
    for kind, ids in by_kind.items():
        found[kind] = await uow.roster(kind).active_ids(ids)
    return [
        Problem(ref.loc, f"{_NAMES[ref.kind]} {ref.id!r} does not exist")
        for ref in references
        if ref.id not in found[ref.kind]
    ]


# The order in which kinds can be saved so that every reference points backwards.
SAVE_ORDER = (
    RosterKind.ORG,
    RosterKind.ACADEMIC_SESSION,
    RosterKind.COURSE,
    RosterKind.CLASS,
    RosterKind.USER,
    RosterKind.ENROLLMENT,
    RosterKind.DEMOGRAPHICS,
)


@dataclass(frozen=True)
class BatchOutcome:
    created: int
    updated: int
    unchanged: int


@dataclass(frozen=True, kw_only=True)
class Roster:
    """A district's roster records: orgs, sessions, courses, classes, users, enrollments,
    demographics."""

    uow: UnitOfWorkFactory
    clock: Clock
    reads: ReadModelsFactory

    async def put_record(self, tenant: TenantId, record: RosterRecord) -> Saved:
        """Create or replace a record (idempotent); a record that says nothing new is left as is."""
        problems = record.problems()
        async with self.uow(tenant) as uow:
            problems += await missing_references(uow, list(record.references()))
            if problems:
                raise Invalid(f"The {_NAMES[record.kind]} is not valid", problems)
            repo = uow.roster(record.kind)
            stored = await repo.get(record.id, include_deleted=True)
            if (
                stored is not None
                and stored.status == RecordStatus.ACTIVE
                and stored.same_content(record)
            ):
                return Saved(stored, created=False)
            fresh = replace(record, status=RecordStatus.ACTIVE, updated_at=self.clock.now())
            await repo.save(fresh)
            await uow.commit()
        return Saved(fresh, created=stored is None)

    async def put_demographics(self, tenant: TenantId, record: Demographics) -> Saved:
        """Set a user's demographics; the user must exist."""
        async with self.uow(tenant, writes=False) as uow:
            if not await uow.roster(RosterKind.USER).active_ids([record.id]):
                raise _not_found(RosterKind.USER, record.id)
        return await self.put_record(tenant, record)

    async def get_record(self, tenant: TenantId, kind: RosterKind, id_: str) -> RosterRecord:
        """One active record; retired (`tobedeleted`) and unknown ids are both not found."""
        async with self.uow(tenant, writes=False) as uow:
            record = await uow.roster(kind).get(id_)
        if record is None:
            raise _not_found(kind, id_)
        return record

    async def get_student(self, tenant: TenantId, id_: str) -> User:
        """One active user who is a student; any other id is not found."""
        async with self.uow(tenant, writes=False) as uow:
            record = await uow.roster(RosterKind.USER).get(id_)
        if not isinstance(record, User) or record.role != UserRole.STUDENT:
            raise NotFound(f"No student {id_!r}")
        return record

    async def list_records(
        self, tenant: TenantId, kind: RosterKind, query: RosterQuery
    ) -> Page[RosterRecord]:
        """A page of records of one kind, in id order."""
        async with self.uow(tenant, writes=False) as uow:
            return await uow.roster(kind).list(query)

    async def delete_record(self, tenant: TenantId, kind: RosterKind, id_: str) -> None:
        """Mark a record `tobedeleted`: hidden from reads, kept for history."""
        async with self.uow(tenant) as uow:
            repo = uow.roster(kind)
            record = await repo.get(id_)
            if record is None:
                raise _not_found(kind, id_)
            await repo.save(
                replace(record, status=RecordStatus.TOBEDELETED, updated_at=self.clock.now())
            )
            await uow.commit()

    async def class_members(
        self,
        tenant: TenantId,
        class_id: str,
        role: EnrollmentRole,
        query: RosterQuery,
    ) -> Page[RosterRecord]:
        """The users enrolled in a class with one role (students, teachers)."""
        async with self.uow(tenant, writes=False) as uow:
            if await uow.roster(RosterKind.CLASS).get(class_id) is None:
                raise _not_found(RosterKind.CLASS, class_id)
            filters = {**query.filters, "class_id": class_id, "enrollment_role": role.value}
            return await uow.roster(RosterKind.USER).list(replace(query, filters=filters))

    async def put_records(self, tenant: TenantId, records: list[RosterRecord]) -> BatchOutcome:
        """Create or replace many records in one transaction: all are valid or none is written.
        A record may point to another record of the same batch; records that say nothing new are
        left untouched, so loading the same roster twice changes nothing."""
        problems: list[Problem] = []
        in_batch = {(r.kind, r.id) for r in records}
        now = self.clock.now()
        async with self.uow(tenant) as uow:
            outside: list[Reference] = []
            first_at: dict[tuple[RosterKind, str], int] = {}
            for index, record in enumerate(records):
                key = (record.kind, record.id)
                if key in first_at:
                    problems.append(
                        Problem((index, "id"), f"{record.id!r} is also item {first_at[key]}")
                    )
                first_at.setdefault(key, index)
                problems += [Problem((index, *p.loc), p.msg) for p in record.problems()]
                outside += [
                    Reference((index, *ref.loc), ref.kind, ref.id)
                    for ref in record.references()
                    if (ref.kind, ref.id) not in in_batch
                ]
            problems += await missing_references(uow, outside)
            if problems:
                raise Invalid(
                    f"{len(problems)} problem(s) in the batch; nothing was written", problems
                )
            created = updated = 0
            for kind in SAVE_ORDER:
                of_kind = [r for r in records if r.kind == kind]
                if not of_kind:
                    continue
                repo = uow.roster(kind)
                stored = await repo.get_many([r.id for r in of_kind])
                changed = []
                for record in of_kind:
                    before = stored.get(record.id)
                    if before is None:
                        created += 1
                    elif before.status != RecordStatus.ACTIVE or not before.same_content(record):
                        updated += 1
                    else:
                        continue
                    changed.append(replace(record, status=RecordStatus.ACTIVE, updated_at=now))
                await repo.save_many(changed)
            await uow.commit()
        return BatchOutcome(created, updated, len(records) - created - updated)

    async def active_records(
        self, tenant: TenantId, kind: RosterKind, ids: Collection[str]
    ) -> dict[str, RosterRecord]:
        """The active records among these ids (retired and unknown ids are left out)."""
        async with self.uow(tenant, writes=False) as uow:
            found = await uow.roster(kind).get_many(ids)
        return {i: r for i, r in found.items() if r.status == RecordStatus.ACTIVE}

    async def count_records(self, tenant: TenantId, kind: RosterKind, query: RosterQuery) -> int:
        """How many records of one kind the query's filters match."""
        async with self.uow(tenant, writes=False) as uow:
            return await uow.roster(kind).count(query)

    async def members(
        self, tenant: TenantId, class_ids: Collection[str], role: EnrollmentRole
    ) -> dict[str, list[str]]:
        """The active users enrolled with `role` in each of these active classes, by class id
        (one set-based read, for GraphQL's batches)."""
        return await self.reads(tenant).members(class_ids, role.value)

    async def classes_of(
        self, tenant: TenantId, user_ids: Collection[str], role: EnrollmentRole
    ) -> dict[str, list[str]]:
        """The active classes each of these users is enrolled in with `role`, by user id."""
        return await self.reads(tenant).classes_of(user_ids, role.value)
