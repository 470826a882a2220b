"""The audit trail on fakes: overrides, policy changes, imports and clients are recorded with
who, what, when, before and after, in the transaction of the change (a change that fails leaves
no entry); a student's data is exported whole and erased on request, and the trail forgets
them."""

from __future__ import annotations

import pytest

from app.domain.audit import ERASED, OPERATOR, AuditEntry, AuditKind, AuditQuery
from app.domain.errors import Invalid, NotFound, Problem
from app.domain.framework_commands import UpdateCompetency, UpdateFramework
from app.domain.mastery.decision import MasteryStatus
from app.domain.oneroster.connection import OneRosterVersion, ProviderAuth
from app.domain.roster import RosterKind
from app.use_cases.catalog import UseCases
from app.use_cases.evidence import EvidenceInput
from app.use_cases.roster_import import ImportRejected
from app.use_cases.roster_sync import ConnectionSettings
from tests.fakes import oneroster_sets
from tests.fakes.clock import START
from tests.fakes.roster_import import FakeRosterSource
from tests.fakes.wiring import FakeAdapters
from tests.unit.use_cases.district import CALLER, TENANT, day, given
from tests.unit.use_cases.test_roster_import import broken


async def _trail(use_cases: UseCases, tenant: int = TENANT) -> list[AuditEntry]:
    page = await use_cases.audit.entries(tenant, AuditQuery(limit=100))  # type: ignore[arg-type]
    return [r.entry for r in reversed(page.items)]


@pytest.fixture
async def district(fakes: FakeAdapters, use_cases: UseCases) -> FakeAdapters:
    await given(fakes)
    await use_cases.evidence.record_evidence(CALLER, [EvidenceInput("s1", "g", 2, day(-2), "r1")])
    return fakes


async def test_setting_and_clearing_an_override_is_recorded_with_before_and_after(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await use_cases.overrides.put_override(
        CALLER, "s1", "g", level=4, status=None, reason="portfolio", expires_at=day(10)
    )
    district.clock.advance(hours=1)
    await use_cases.overrides.put_override(
        CALLER, "s1", "g", level=None, status="mastered", reason="retook", expires_at=None
    )
    district.clock.advance(hours=1)
    await use_cases.overrides.clear_override(CALLER, "s1", "g")
    first = {
        "level": 4.0,
        "status": None,
        "reason": "portfolio",
        "expires_at": day(10).isoformat(),
        "set_by": "lms",
    }
    second = {"level": None, "status": "mastered", "reason": "retook", "expires_at": None}
    second |= {"set_by": "lms"}
    assert await _trail(use_cases) == [
        AuditEntry(START, "lms", AuditKind.OVERRIDE_SET, "s1/g", "s1", None, first),
        AuditEntry(day(1 / 24), "lms", AuditKind.OVERRIDE_SET, "s1/g", "s1", first, second),
        AuditEntry(day(2 / 24), "lms", AuditKind.OVERRIDE_CLEARED, "s1/g", "s1", second, None),
    ]


async def test_a_refused_override_leaves_no_entry(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    with pytest.raises(Invalid):
        await use_cases.overrides.put_override(
            CALLER, "s1", "g", level=None, status=None, reason="", expires_at=None
        )
    assert await _trail(use_cases) == []


async def test_a_policy_change_is_recorded_and_a_title_change_is_not(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await use_cases.frameworks.update_framework(CALLER, "math", UpdateFramework(title="Maths"))
    await use_cases.frameworks.update_framework(CALLER, "math", UpdateFramework(min_evidence=2))
    (entry,) = await _trail(use_cases)
    assert (entry.kind, entry.subject, entry.actor) == (
        AuditKind.FRAMEWORK_CHANGED,
        "math",
        "lms",
    )
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["min_evidence"], entry.after["min_evidence"]) == (1, 2)
    assert entry.before["calculation"] == {
        "method": "standard_decaying_average",
        "weight": 0.65,
        "n": None,
    }
    assert {k for k in entry.before if entry.before[k] != entry.after[k]} == {"min_evidence"}


async def test_a_competencys_own_threshold_is_a_recorded_policy_change(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await use_cases.frameworks.update_competency(
        CALLER, "g", UpdateCompetency(mastery_threshold=3.5)
    )
    (entry,) = await _trail(use_cases)
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["competency_scales"], entry.after["competency_scales"]) == (
        {},
        {"g": {"levels": None, "scale_threshold": None, "mastery_threshold": 3.5}},
    )


async def test_client_changes_are_recorded_in_their_tenants_trail(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    tenant = await use_cases.access.create_tenant(slug="lakeside")
    made = await use_cases.access.create_client(
        tenant_slug="lakeside", scopes="roster:read", name="SIS", actor="admin-1"
    )
    await use_cases.access.rotate_client_secret(client_id=made.client_id)
    await use_cases.access.disable_client(client_id=made.client_id, actor="admin-1")
    await use_cases.access.delete_client(client_id=made.client_id)
    trail = await _trail(use_cases, tenant.id)
    assert [(e.kind, e.actor, e.subject) for e in trail] == [
        (AuditKind.CLIENT_CREATED, "admin-1", made.client_id),
        (AuditKind.CLIENT_ROTATED, OPERATOR, made.client_id),
        (AuditKind.CLIENT_DISABLED, "admin-1", made.client_id),
        (AuditKind.CLIENT_DELETED, OPERATOR, made.client_id),
    ]
    created = {"name": "SIS", "scopes": "roster:read", "disabled_at": None, "token_version": 0}
    assert (trail[0].before, trail[0].after) == (None, created)
    assert trail[1].after == created | {"token_version": 1}
    assert trail[2].after == created | {"token_version": 2, "disabled_at": START.isoformat()}
    assert (trail[3].before, trail[3].after) == (trail[2].after, None)
    assert all("hash" not in str(e) and "secret" not in str(e) for e in trail)


async def test_a_students_data_is_exported_whole_and_the_export_recorded(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await use_cases.overrides.put_override(
        CALLER, "s1", "g", level=4, status=None, reason="portfolio", expires_at=None
    )
    exported = await use_cases.student_data.export_student(CALLER, "s1")
    records = exported["records"]
    assert records["user"][0]["given_name"] == "S1"
    assert [e["score"] for e in records["evidence"]] == [2]
    assert [(d["competency_id"], d["status"]) for d in records["decisions"]] == [
        ("g", MasteryStatus.MASTERED.value)
    ]
    assert len(records["overrides"]) == 1
    assert len(records["decision_history"]) == 2  # the result, then the override
    assert [a["kind"] for a in exported["audit"]] == ["override.set"]
    assert (await _trail(use_cases))[-1] == AuditEntry(
        START, "lms", AuditKind.STUDENT_EXPORTED, "s1", "s1"
    )
    with pytest.raises(NotFound):
        await use_cases.student_data.export_student(CALLER, "nobody")


async def test_erasing_a_student_needs_confirmation_and_leaves_no_trace_of_them(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await use_cases.overrides.put_override(
        CALLER, "s1", "g", level=4, status=None, reason="portfolio", expires_at=None
    )
    await use_cases.evidence.record_evidence(CALLER, [EvidenceInput("s2", "g", 3, day(-1), "r2")])
    for confirm in (None, "s2"):
        with pytest.raises(Invalid) as refused:
            await use_cases.student_data.erase_student(CALLER, "s1", confirm=confirm)
        assert refused.value.problems == [
            Problem(("query", "confirm"), "repeat the student's id to confirm the erasure")
        ]
    erased = await use_cases.student_data.erase_student(CALLER, "s1", confirm="s1")
    assert erased == {
        "evidence": 1,
        "decision_history": 2,
        "decisions": 1,
        "habits_decisions": 0,
        "staged_decisions": 0,
        "snapshot_decisions": 0,
        "overrides": 1,
        "gradebook_results": 0,
        "gradebook_assessment_results": 0,
        "enrollments": 0,
        "demographics": 0,
        "user_orgs": 1,
        "user_grades": 1,
        "user": 1,
        "evidence_versions": 0,
        "lti_scores_sent": 0,
        # The user, the result added, and the two decision changes (the result, the override).
        "change_events": 4,
        "learning_records": 0,
        "credentials": 0,
        "audit_entries_redacted": 1,
    }
    tables = district.database.tables(TENANT)
    assert (RosterKind.USER, "s1") not in tables.roster
    assert all(e.evidence.student_id == "s2" for e in tables.evidence.values())
    assert all(key[0] == "s2" for key in tables.decisions)
    trail = await _trail(use_cases)
    assert "s1" not in repr(trail)
    assert [(e.kind, e.subject) for e in trail] == [
        (AuditKind.OVERRIDE_SET, ERASED),
        (AuditKind.STUDENT_ERASED, ERASED),
    ]
    assert trail[-1].after == erased
    with pytest.raises(NotFound):
        await use_cases.student_data.export_student(CALLER, "s1")


async def test_imports_and_syncs_are_recorded_with_their_counts_and_a_refused_one_is_not(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    imports = use_cases.roster_imports
    with pytest.raises(ImportRejected):
        await imports.import_roster(TENANT, FakeRosterSource(broken()), actor="sis-loader")
    await imports.import_roster(
        TENANT, FakeRosterSource(oneroster_sets.district()), actor="sis-loader"
    )
    settings = ConnectionSettings(
        base_url="https://sis.example.org/ims/oneroster/v1p1",
        version=OneRosterVersion.V1_1,
        auth=ProviderAuth.OAUTH1,
        client_id="district",
        client_secret="s3cret",
    )
    await use_cases.roster_sync.put_connection(TENANT, settings)
    fakes.roster_providers.source_of = FakeRosterSource(oneroster_sets.district())
    await use_cases.roster_sync.sync_roster(TENANT)
    imported, synced = await _trail(use_cases)
    assert (imported.kind, imported.actor, imported.subject) == (
        AuditKind.ROSTER_IMPORTED,
        "sis-loader",
        "roster",
    )
    assert (synced.kind, synced.actor) == (AuditKind.ROSTER_SYNCED, OPERATOR)
    assert imported.after is not None
    assert synced.after is not None
    assert imported.after["files"]["users.csv"]["created"] == 3
    assert synced.after["files"]["users.csv"]["created"] == 0
    assert imported.after["written"] is True
    assert "'u2'" not in repr(imported)  # counts, never the rows
