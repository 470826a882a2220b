"""The audit trail's and the student records' contract, on the fakes, SQLite and PostgreSQL:
entries come back newest first and filtered, written only with their transaction, a student's
entries are redacted on erasure; everything held about a student is found and erased, and
nothing of another student or tenant."""

from __future__ import annotations

from dataclasses import replace

from app.domain.access import TenantId
from app.domain.audit import ERASED, AuditEntry, AuditKind, AuditQuery
from app.domain.frameworks import DEFAULT_SCALE
from app.domain.mastery.override import Override
from app.domain.policy_revision import PolicyRevision
from app.domain.scales import Level
from tests.contracts.conftest import Backend
from tests.contracts.records import (
    CLASS,
    COURSE,
    DISTRICT,
    SCHOOL,
    YEAR,
    day,
    demographics,
    enrollment,
    store,
    student,
)
from tests.contracts.test_evidence_contract import FRAMEWORK_OF, result
from tests.contracts.test_mastery_contract import leaf
from tests.contracts.test_revisions_contract import HIGHEST


def _entry(n: float, kind: AuditKind, student_id: str | None = None) -> AuditEntry:
    return AuditEntry(
        at=day(n),
        actor="lms",
        kind=kind,
        subject=f"{student_id}/m1a" if student_id else "math",
        student_id=student_id,
        before={"level": 2.0, "reason": "sick"} if student_id else {"min_evidence": 1},
        after={"level": 3.0, "reason": "retook"} if student_id else {"min_evidence": 2},
    )


ENTRIES = [
    _entry(1, AuditKind.FRAMEWORK_CHANGED),
    _entry(2, AuditKind.OVERRIDE_SET, "s-1"),
    _entry(3, AuditKind.OVERRIDE_SET, "s-2"),
    _entry(4, AuditKind.OVERRIDE_CLEARED, "s-1"),
]


async def _record(backend: Backend, tenant: TenantId, *entries: AuditEntry) -> None:
    async with backend.uow(tenant) as uow:
        for entry in entries:
            await uow.audit.record(entry)
        await uow.commit()


async def test_entries_come_back_newest_first_filtered_and_paged(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    await _record(backend, tenant, *ENTRIES)
    await _record(backend, other_tenant, _entry(5, AuditKind.CLIENT_CREATED))
    async with backend.uow(tenant) as uow:
        everything = await uow.audit.page(AuditQuery(limit=10))
        assert [r.entry for r in everything] == ENTRIES[::-1]
        seqs = [r.seq for r in everything]
        assert seqs == sorted(seqs, reverse=True)
        first = await uow.audit.page(AuditQuery(limit=3))
        rest = await uow.audit.page(AuditQuery(limit=3, before_seq=first[-1].seq))
        assert [r.entry for r in first + rest] == ENTRIES[::-1]
        overrides = await uow.audit.page(
            AuditQuery(limit=10, kinds=frozenset({AuditKind.OVERRIDE_SET}))
        )
        assert [r.entry for r in overrides] == [ENTRIES[2], ENTRIES[1]]
        window = await uow.audit.page(AuditQuery(limit=10, since=day(2), until=day(4)))
        assert [r.entry for r in window] == [ENTRIES[2], ENTRIES[1]]
        about = await uow.audit.about_student("s-1")
        assert [r.entry for r in about] == [ENTRIES[1], ENTRIES[3]]


async def test_an_entry_is_written_only_with_its_transaction(
    backend: Backend, tenant: TenantId
) -> None:
    async with backend.uow(tenant) as uow:
        await uow.audit.record(ENTRIES[0])  # no commit: rolled back
    async with backend.uow(tenant) as uow:
        assert await uow.audit.page(AuditQuery(limit=10)) == []


async def test_a_client_change_is_recorded_with_the_directory(
    backend: Backend, tenant: TenantId
) -> None:
    entry = replace(_entry(1, AuditKind.CLIENT_CREATED), subject="c-1")
    async with backend.directory() as directory:
        await directory.audit(tenant).record(entry)
    async with backend.directory() as directory:
        await directory.audit(tenant).record(replace(entry, subject="c-2"))
        await directory.commit()
    async with backend.uow(tenant) as uow:
        assert [r.entry.subject for r in await uow.audit.page(AuditQuery(limit=10))] == ["c-2"]


async def test_redacting_a_student_takes_their_id_and_facts_out(
    backend: Backend, tenant: TenantId
) -> None:
    await _record(backend, tenant, *ENTRIES)
    async with backend.uow(tenant) as uow:
        assert await uow.audit.redact_student("s-1") == 2
        await uow.commit()
    async with backend.uow(tenant) as uow:
        entries = [r.entry for r in await uow.audit.page(AuditQuery(limit=10))]
        assert await uow.audit.about_student("s-1") == []
    erased = [
        AuditEntry(day(n), "lms", kind, ERASED)
        for n, kind in ((4, AuditKind.OVERRIDE_CLEARED), (2, AuditKind.OVERRIDE_SET))
    ]
    assert entries == [erased[0], ENTRIES[2], erased[1], ENTRIES[0]]


def _override() -> Override:
    return Override(Level(3, "Proficient"), None, "observed", None, day(1), "t-1")


async def _seed_students(backend: Backend, tenant: TenantId) -> None:
    async with backend.uow(tenant) as uow:
        await store(
            uow,
            DISTRICT,
            SCHOOL,
            YEAR,
            COURSE,
            CLASS,
            student("s-1", orgs=("org-s1", "org-d"), grades=("05",)),
            student("s-2", "Bo", "Ng"),
            demographics("s-1"),
            demographics("s-2"),
            enrollment("en-1", "s-1"),
            enrollment("en-2", "s-2"),
        )
    async with backend.uow(tenant) as uow:
        added = await uow.evidence.add_many(
            [result("e1", "s-1"), result("e2", "s-1", "m1b"), result("e3", "s-2")],
            FRAMEWORK_OF,
            day(1),
        )
        await uow.evidence.replace_many([replace(added[0], score=4)], [added[0]], day(2))
        await uow.overrides.add("s-1", "m1a", _override())
        await uow.overrides.add("s-2", "m1a", _override())
        # The last score an LMS gradebook was sent for the student (LTI AGS).
        await uow.lti_marks.save_sent("https://lms.example/li/1", {"s-1": day(1), "s-2": day(1)})
        # A pending policy revision's staged decisions are the student's data too.
        await uow.revisions.begin(PolicyRevision("r1", HIGHEST, day(1)))
        staged = [leaf("s-1", "m1a", 3, 4), leaf("s-2", "m1a", 1)]
        await uow.revisions.stage("r1", staged, lambda _: DEFAULT_SCALE, day(2))
        await uow.commit()


def _counts(held: dict[str, list[dict[str, object]]]) -> dict[str, int]:
    return {section: len(rows) for section, rows in held.items()}


EMPTY = {
    "evidence": 0,
    "decision_history": 0,
    "decisions": 0,
    "staged_decisions": 0,
    "snapshot_decisions": 0,
    "overrides": 0,
    "gradebook_results": 0,
    "gradebook_assessment_results": 0,
    "enrollments": 0,
    "demographics": 0,
    "user_orgs": 0,
    "user_grades": 0,
    "user": 0,
    "evidence_versions": 0,
    "habits_decisions": 0,
    "lti_scores_sent": 0,
    "change_events": 0,
    "learning_records": 0,
    "credentials": 0,
}


async def test_everything_held_about_a_student_is_found_and_erased(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    await _seed_students(backend, tenant)
    await _seed_students(backend, other_tenant)
    s1 = EMPTY | {
        "evidence": 2,
        "staged_decisions": 1,
        "overrides": 1,
        "enrollments": 1,
        "demographics": 1,
        "user_orgs": 2,
        "user_grades": 1,
        "user": 1,
        "evidence_versions": 1,
        "lti_scores_sent": 1,
        # Announced on the change feed: the user, the enrollment, e1 and e2 added, e1 replaced.
        "change_events": 5,
    }
    async with backend.uow(tenant) as uow:
        held = await uow.student_records.held("s-1")
        assert _counts(held) == s1
        assert held["user"][0]["given_name"] == "Ann"
        assert {e["id"] for e in held["evidence"]} == {"e1", "e2"}
        assert await uow.student_records.erase("s-1") == s1
        await uow.commit()
    async with backend.uow(tenant) as uow:
        assert _counts(await uow.student_records.held("s-1")) == EMPTY
        s2 = _counts(await uow.student_records.held("s-2"))
    assert s2 == EMPTY | {
        "evidence": 1,
        "staged_decisions": 1,
        "overrides": 1,
        "enrollments": 1,
        "demographics": 1,
        "user_orgs": 1,
        "user_grades": 1,
        "user": 1,
        "lti_scores_sent": 1,
        "change_events": 3,  # the user, the enrollment, e3 added
    }
    async with backend.uow(other_tenant) as uow:
        assert _counts(await uow.student_records.held("s-1")) == s1
