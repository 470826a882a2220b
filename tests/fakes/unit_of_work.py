"""Units of work over the in-memory store (app.ports.unit_of_work): each works on its own copy
of its tenant's tables and writes them back only when it commits, so leaving one without a
commit (a use case that raised) changes nothing, as the SQL unit of work's rollback.

`FakeDatabase` is the store with its factories: `uow(tenant)` for `UnitOfWorkFactory`,
`directory()` for `AccessUnitOfWorkFactory`, `reads(tenant)` for `ReadModelsFactory`. It keeps
every unit of work it opened, so a test can ask whether (and how often) one committed.

A unit opened with `writes=False` refuses to write, as the SQL ones do (READ ONLY on
PostgreSQL, query_only on SQLite): its commit, its roster staging, and leaving it with any table
changed raise `WriteInReadOnlyUnit`, so a use case's mislabelled block fails its unit tests."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Generic, Self

from app.domain.access import Client, Tenant, TenantId
from app.domain.errors import Conflict, Problem
from app.domain.roster import RosterKind, UserRole
from app.ports.batch_opening import OpenedBatch
from app.ports.reports import ReportScope
from app.ports.unit_of_work import WriteInReadOnlyUnit
from tests.fakes.audit import FakeAuditLog
from tests.fakes.case import FakeCaseCatalog
from tests.fakes.changes import FakeChangeFeed
from tests.fakes.evidence import FakeEvidenceRepository
from tests.fakes.frameworks import FakeFrameworkRepository
from tests.fakes.gradebook import (
    FakeAssessments,
    FakeGradebookCategoryRepository,
    FakeGradebookResultRepository,
    FakeGradebookScoreScaleRepository,
    FakeLineItemRepository,
)
from tests.fakes.grading_terms import FakeGradingTerms
from tests.fakes.habits import FakeHabitsDecisionRepository
from tests.fakes.jobs import FakeJobRepository
from tests.fakes.lti_marks import FakeLtiMarks
from tests.fakes.mastery import FakeDecisionRepository, FakeOverrideRepository
from tests.fakes.reports import FakeReadModels
from tests.fakes.revisions import FakePolicyRevisionRepository
from tests.fakes.roster import FakeRosterConnectionRepository, FakeRosterRepository
from tests.fakes.roster_import import FakeRosterStaging
from tests.fakes.state import (
    DirectoryTables,
    Store,
    T,
    TenantTables,
    apply,
    changed_tables,
    copy_of,
)
from tests.fakes.student_records import FakeStudentRecords


class _Transaction(Generic[T]):
    """Open (copy), commit (merge the changes back), close (drop the copy)."""

    _base: T
    _work: T

    def __init__(self, *, writes: bool) -> None:
        self.commits = 0
        self.closed = False
        self.writes = writes
        self._open = False

    @property
    def committed(self) -> bool:
        """Whether the unit of work committed at least once."""
        return self.commits > 0

    def _require_open(self) -> None:
        assert self._open, "use the unit of work inside `async with`"

    def _require_writes(self, what: str) -> None:
        if not self.writes:
            raise WriteInReadOnlyUnit(f"{what} in a unit of work opened with writes=False")

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._open = False
        self.closed = True
        # SQL refuses the write itself; here the copy shows it when the unit closes.
        if not self.writes and (changed := changed_tables(self._base, self._work)):
            raise WriteInReadOnlyUnit(f"wrote {', '.join(changed)} with writes=False")


class FakeUnitOfWork(_Transaction[TenantTables]):
    """One tenant's transaction: its repositories see that tenant's rows and nothing else."""

    def __init__(
        self, database: FakeDatabase, tenant_id: TenantId, *, writes: bool, few_rows: bool = False
    ) -> None:
        super().__init__(writes=writes)
        self.tenant_id = tenant_id
        self.few_rows = few_rows  # said, and kept to be checked: it changes no answer
        self._database = database

    async def __aenter__(self) -> Self:
        self._open = True
        self._base = copy_of(self._database.store.of(self.tenant_id))
        self._work = copy_of(self._base)
        sequences = self._database.store.sequences
        tables = self._work
        self.jobs = FakeJobRepository(tables)
        self.frameworks = FakeFrameworkRepository(tables)
        self.case = FakeCaseCatalog(tables)
        self.evidence = FakeEvidenceRepository(tables, sequences.evidence)
        self.decisions = FakeDecisionRepository(tables, sequences.history)
        self.habits = FakeHabitsDecisionRepository(tables)
        self.revisions = FakePolicyRevisionRepository(tables)
        self.overrides = FakeOverrideRepository(tables, sequences.overrides)
        self.roster_connection = FakeRosterConnectionRepository(tables)
        self.line_items = FakeLineItemRepository(tables)
        self.gradebook_results = FakeGradebookResultRepository(tables)
        self.gradebook_categories = FakeGradebookCategoryRepository(tables)
        self.gradebook_score_scales = FakeGradebookScoreScaleRepository(tables)
        self.assessments = FakeAssessments(tables)
        self.audit = FakeAuditLog(tables, sequences.audit)
        self.student_records = FakeStudentRecords(tables)
        self.lti_marks = FakeLtiMarks(tables)
        self.changes = FakeChangeFeed(tables)
        self.grading_terms = FakeGradingTerms(tables)
        self.staging: list[FakeRosterStaging] = []
        return self

    def roster(self, kind: RosterKind) -> FakeRosterRepository:
        self._require_open()
        return FakeRosterRepository(self._work, kind)

    async def open_batch(
        self,
        competency_ids: Collection[str],
        student_ids: Collection[str],
        *,
        lock: Collection[str] | None,
    ) -> OpenedBatch:
        framework_of, frameworks = await self.frameworks.of_competencies(competency_ids)
        users = self.roster(RosterKind.USER)
        students = await users.active_ids(student_ids, role=UserRole.STUDENT.value)
        if lock:
            await self.decisions.lock_students(lock)
        return OpenedBatch(framework_of, frameworks, students)

    def roster_staging(self) -> FakeRosterStaging:
        self._require_open()
        self._require_writes("roster staging")
        staging = FakeRosterStaging(self._work)
        self.staging.append(staging)
        return staging

    async def commit(self) -> None:
        self._require_open()
        self._require_writes("a commit")
        committed = self._database.store.of(self.tenant_id)
        apply(self._base, self._work, committed)
        # Later writes in this unit of work are measured from what it has just committed.
        self._base = copy_of(self._work)
        self.commits += 1


class FakeTenantRepository:
    def __init__(self, tables: DirectoryTables, database: FakeDatabase) -> None:
        self._tables = tables
        self._database = database

    async def add(self, slug: str, name: str, created_at: datetime) -> Tenant:
        if any(t.slug == slug for t in self._tables.tenants.values()):
            raise Conflict(f"A tenant {slug!r} exists already", [Problem(("slug",), "taken")])
        tenant_id = TenantId(next(self._database.store.sequences.tenants))
        tenant = Tenant(tenant_id, slug, name, created_at)
        self._tables.tenants[tenant_id] = tenant
        return tenant

    async def by_slug(self, slug: str) -> Tenant | None:
        return next((t for t in self._tables.tenants.values() if t.slug == slug), None)

    async def by_id(self, tenant_id: TenantId) -> Tenant | None:
        return self._tables.tenants.get(tenant_id)

    async def list(self) -> list[Tenant]:
        return sorted(self._tables.tenants.values(), key=lambda t: t.slug)


class FakeClientRepository:
    def __init__(self, tables: DirectoryTables) -> None:
        self._tables = tables

    async def add(self, client: Client) -> None:
        assert client.client_id not in self._tables.clients, "client ids are a primary key"
        assert client.tenant_id in self._tables.tenants, "a client belongs to a stored tenant"
        self._tables.clients[client.client_id] = client

    async def get(self, client_id: str) -> Client | None:
        return self._tables.clients.get(client_id)

    async def save(self, client: Client) -> None:
        if client.client_id in self._tables.clients:  # an UPDATE: an unknown id changes nothing
            self._tables.clients[client.client_id] = client

    async def delete(self, client_id: str) -> None:
        self._tables.clients.pop(client_id, None)

    async def for_tenant(self, tenant_id: TenantId) -> list[Client]:
        mine = (c for c in self._tables.clients.values() if c.tenant_id == tenant_id)
        return sorted(mine, key=lambda c: (c.created_at, c.client_id))


class FakeAccessUnitOfWork(_Transaction[DirectoryTables]):
    """The directory's transaction."""

    def __init__(self, database: FakeDatabase, *, writes: bool) -> None:
        super().__init__(writes=writes)
        self._database = database

    async def __aenter__(self) -> Self:
        self._open = True
        self._base = copy_of(self._database.store.directory)
        self._work = copy_of(self._base)
        self.tenants = FakeTenantRepository(self._work, self._database)
        self.clients = FakeClientRepository(self._work)
        # Each tenant's trail, copied on first use and applied with the directory on commit.
        self._audits: dict[TenantId, tuple[TenantTables, TenantTables]] = {}
        return self

    def audit(self, tenant: TenantId) -> FakeAuditLog:
        self._require_open()
        if tenant not in self._audits:
            base = copy_of(self._database.store.of(tenant))
            self._audits[tenant] = (base, copy_of(base))
        return FakeAuditLog(self._audits[tenant][1], self._database.store.sequences.audit)

    async def commit(self) -> None:
        self._require_open()
        self._require_writes("a commit")
        apply(self._base, self._work, self._database.store.directory)
        self._base = copy_of(self._work)
        for tenant, (base, work) in list(self._audits.items()):
            apply(base, work, self._database.store.of(tenant))
            self._audits[tenant] = (copy_of(work), work)
        self.commits += 1


@dataclass
class FakeDatabase:
    """The in-memory store and the factories the use cases are given."""

    store: Store = field(default_factory=Store)
    opened: list[FakeUnitOfWork] = field(default_factory=list)
    directories: list[FakeAccessUnitOfWork] = field(default_factory=list)
    # The scopes every report asked the read models to count, in order.
    report_scopes: list[ReportScope] = field(default_factory=list)

    def uow(
        self, tenant: TenantId, /, *, writes: bool = True, few_rows: bool = False
    ) -> FakeUnitOfWork:
        unit = FakeUnitOfWork(self, tenant, writes=writes, few_rows=few_rows)
        self.opened.append(unit)
        return unit

    def directory(self, *, writes: bool = True) -> FakeAccessUnitOfWork:
        unit = FakeAccessUnitOfWork(self, writes=writes)
        self.directories.append(unit)
        return unit

    def reads(self, tenant: TenantId) -> FakeReadModels:
        return FakeReadModels(lambda: self.store.of(tenant), self.report_scopes)

    def tables(self, tenant: TenantId) -> TenantTables:
        """What is committed for a tenant (for a test's assertions)."""
        return self.store.of(tenant)

    @property
    def commits(self) -> int:
        """Commits of every tenant unit of work so far."""
        return sum(u.commits for u in self.opened)
