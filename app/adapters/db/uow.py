"""Units of work over an async session: rollback unless committed (cosmicpython's shape)."""

from __future__ import annotations

from collections.abc import Collection
from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db.access import SqlClientRepository, SqlTenantRepository
from app.adapters.db.audit import SqlAuditLog
from app.adapters.db.batch_opening import open_batch
from app.adapters.db.case import SqlCaseCatalog
from app.adapters.db.changes import SqlChangeFeed
from app.adapters.db.decisions import SqlDecisionRepository, SqlOverrideRepository
from app.adapters.db.engine import READ, WRITE
from app.adapters.db.errors import failure_of, failures_translated
from app.adapters.db.evidence import SqlEvidenceRepository
from app.adapters.db.frameworks import FrameworkCache, SqlFrameworkRepository
from app.adapters.db.gradebook import (
    SqlGradebookCategoryRepository,
    SqlGradebookResultRepository,
    SqlLineItemRepository,
)
from app.adapters.db.gradebook_scales import SqlAssessments, SqlGradebookScoreScaleRepository
from app.adapters.db.grading_terms import SqlGradingTerms
from app.adapters.db.habits import SqlHabitsDecisionRepository
from app.adapters.db.jobs import SqlJobRepository
from app.adapters.db.lookups import SeenRevision
from app.adapters.db.lti_marks import SqlLtiMarks
from app.adapters.db.native import is_postgres
from app.adapters.db.revisions import SqlPolicyRevisionRepository
from app.adapters.db.roster import SqlRosterRepository
from app.adapters.db.roster_connection import SqlRosterConnectionRepository
from app.adapters.db.roster_staging import SqlRosterStaging
from app.adapters.db.row_security import all_tenants_session, tenant_session
from app.adapters.db.student_records import SqlStudentRecords
from app.adapters.db.xapi import SqlLearningRecords
from app.domain.access import TenantId
from app.domain.roster import RosterKind, UserRole
from app.ports.batch_opening import OpenedBatch


class _SessionScope:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], *, writes: bool) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None
        self._read_only = not writes

    @property
    def session(self) -> AsyncSession:
        assert self._session is not None, "use the unit of work inside `async with`"
        return self._session

    async def _open(self, session: AsyncSession) -> None:
        # Begins the transaction now (on PostgreSQL, naming whose rows it may see): a unit that
        # writes waits here for SQLite's write lock, and answers `Busy` when it is not granted.
        try:
            async with failures_translated(read_only=self._read_only):
                await session.connection(execution_options=READ if self._read_only else WRITE)
        except BaseException:
            await session.close()
            raise
        self._session = session

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session, self._session = self.session, None
        try:
            await session.rollback()
        finally:
            await session.close()
        if exc is not None and (failure := failure_of(exc, read_only=self._read_only)):
            raise failure from exc

    async def commit(self) -> None:
        await self.session.commit()


class SqlUnitOfWork(_SessionScope):
    """One tenant's transaction; every repository it hands out is bound to that tenant."""

    jobs: SqlJobRepository
    frameworks: SqlFrameworkRepository
    case: SqlCaseCatalog
    evidence: SqlEvidenceRepository
    decisions: SqlDecisionRepository
    habits: SqlHabitsDecisionRepository
    revisions: SqlPolicyRevisionRepository
    overrides: SqlOverrideRepository
    line_items: SqlLineItemRepository
    gradebook_results: SqlGradebookResultRepository
    gradebook_categories: SqlGradebookCategoryRepository
    gradebook_score_scales: SqlGradebookScoreScaleRepository
    assessments: SqlAssessments
    audit: SqlAuditLog
    student_records: SqlStudentRecords
    lti_marks: SqlLtiMarks
    changes: SqlChangeFeed
    learning_records: SqlLearningRecords
    grading_terms: SqlGradingTerms

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        cache: FrameworkCache,
        tenant_id: TenantId,
        *,
        writes: bool = True,
        few_rows: bool = False,
    ) -> None:
        super().__init__(sessions, writes=writes)
        self.tenant_id = tenant_id
        self._few_rows = few_rows
        self._cache = cache
        self._roster: dict[RosterKind, SqlRosterRepository] = {}
        self.roster_connection: SqlRosterConnectionRepository

    async def __aenter__(self) -> Self:
        await self._open(tenant_session(self._sessions, self.tenant_id, few_rows=self._few_rows))
        self._roster = {}
        session, tenant = self.session, self.tenant_id
        self.jobs = SqlJobRepository(session, tenant)
        # The tenant's lookups revision as this unit of work last read it (app.adapters.db.lookups).
        seen, lookups = SeenRevision(), self._cache.lookups
        self.frameworks = SqlFrameworkRepository(session, tenant, self._cache, seen)
        self.case = SqlCaseCatalog(session, tenant, lookups, seen)
        self.evidence = SqlEvidenceRepository(session, tenant)
        self.decisions = SqlDecisionRepository(session, tenant)
        self.habits = SqlHabitsDecisionRepository(session, tenant)
        self.revisions = SqlPolicyRevisionRepository(session, tenant)
        self.overrides = SqlOverrideRepository(session, tenant)
        self.roster_connection = SqlRosterConnectionRepository(session, tenant)
        self.line_items = SqlLineItemRepository(session, tenant)
        self.gradebook_results = SqlGradebookResultRepository(session, tenant)
        self.gradebook_categories = SqlGradebookCategoryRepository(session, tenant)
        self.gradebook_score_scales = SqlGradebookScoreScaleRepository(session, tenant)
        self.assessments = SqlAssessments(session, tenant)
        self.audit = SqlAuditLog(session, tenant)
        self.student_records = SqlStudentRecords(session, tenant)
        self.lti_marks = SqlLtiMarks(session, tenant)
        self.changes = SqlChangeFeed(session, tenant)
        self.learning_records = SqlLearningRecords(session, tenant)
        self.grading_terms = SqlGradingTerms(session, tenant, lookups, seen)
        return self

    def roster_staging(self) -> SqlRosterStaging:
        return SqlRosterStaging(self.session, self.tenant_id)

    def roster(self, kind: RosterKind) -> SqlRosterRepository:
        if kind not in self._roster:
            self._roster[kind] = SqlRosterRepository(self.session, self.tenant_id, kind)
        return self._roster[kind]

    async def open_batch(
        self,
        competency_ids: Collection[str],
        student_ids: Collection[str],
        *,
        lock: Collection[str] | None,
    ) -> OpenedBatch:
        if is_postgres(self.session):
            return await open_batch(
                self.session, self.tenant_id, self.frameworks, competency_ids, student_ids, lock
            )
        # SQLite: no round trips to save, and the unit of work's BEGIN IMMEDIATE serialises
        # writers already.
        framework_of, frameworks = await self.frameworks.of_competencies(competency_ids)
        users = self.roster(RosterKind.USER)
        students = await users.active_ids(student_ids, role=UserRole.STUDENT.value)
        return OpenedBatch(framework_of, frameworks, students)


class SqlAccessUnitOfWork(_SessionScope):
    """The tenant and client directory's transaction: it spans tenants by design (a token
    request names a client, not a tenant), so it sees every tenant's clients."""

    tenants: SqlTenantRepository
    clients: SqlClientRepository

    def __init__(self, sessions: async_sessionmaker[AsyncSession], *, writes: bool = True) -> None:
        super().__init__(sessions, writes=writes)

    async def __aenter__(self) -> Self:
        await self._open(all_tenants_session(self._sessions))
        self.tenants = SqlTenantRepository(self.session)
        self.clients = SqlClientRepository(self.session)
        return self

    def audit(self, tenant: TenantId) -> SqlAuditLog:
        return SqlAuditLog(self.session, tenant)
