"""Units of work: one command's transaction, for one tenant or for the directory of tenants."""

from __future__ import annotations

from typing import Protocol

from app.domain.access import TenantId
from app.domain.roster import RosterKind
from app.ports import gradebook as book
from app.ports.audit import AuditLog
from app.ports.batch_opening import BatchOpening
from app.ports.case import CaseCatalog
from app.ports.changes import ChangeFeed
from app.ports.directory import ClientRepository, TenantRepository
from app.ports.evidence import EvidenceRepository
from app.ports.frameworks import FrameworkRepository
from app.ports.grading_terms import GradingTermRepository
from app.ports.habits import HabitsDecisionRepository
from app.ports.jobs import JobRepository
from app.ports.lti_services import LtiMarks
from app.ports.mastery import DecisionRepository, OverrideRepository
from app.ports.policy_revisions import PolicyRevisionRepository
from app.ports.roster import RosterConnectionRepository, RosterRepository
from app.ports.roster_import import RosterStaging
from app.ports.student_records import StudentRecordStore
from app.ports.transaction import Transaction


class UnitOfWork(Transaction, BatchOpening, Protocol):
    """One command's transaction, opened for one tenant: its repositories see nothing else."""

    # Read-only properties, not attributes: an adapter's repository of a narrower type fits.
    @property
    def tenant_id(self) -> TenantId: ...

    @property
    def jobs(self) -> JobRepository: ...

    @property
    def frameworks(self) -> FrameworkRepository: ...

    @property
    def case(self) -> CaseCatalog: ...

    @property
    def evidence(self) -> EvidenceRepository: ...

    @property
    def decisions(self) -> DecisionRepository: ...

    @property
    def habits(self) -> HabitsDecisionRepository: ...

    @property
    def revisions(self) -> PolicyRevisionRepository: ...

    @property
    def overrides(self) -> OverrideRepository: ...

    @property
    def roster_connection(self) -> RosterConnectionRepository: ...

    @property
    def line_items(self) -> book.LineItemRepository: ...

    @property
    def gradebook_results(self) -> book.GradebookResultRepository: ...

    @property
    def gradebook_categories(self) -> book.GradebookCategoryRepository: ...

    @property
    def gradebook_score_scales(self) -> book.GradebookScoreScaleRepository: ...

    @property
    def assessments(self) -> book.AssessmentRecords: ...

    @property
    def audit(self) -> AuditLog: ...

    @property
    def student_records(self) -> StudentRecordStore: ...

    @property
    def lti_marks(self) -> LtiMarks: ...

    @property
    def changes(self) -> ChangeFeed: ...

    @property
    def grading_terms(self) -> GradingTermRepository: ...

    def roster(self, kind: RosterKind) -> RosterRepository:
        """The repository of one kind of roster record."""
        ...

    def roster_staging(self) -> RosterStaging:
        """Staging for one roster import, in this unit of work's transaction."""
        ...


class AccessUnitOfWork(Transaction, Protocol):
    """The directory of tenants and clients, which lives above any one tenant."""

    @property
    def tenants(self) -> TenantRepository: ...

    @property
    def clients(self) -> ClientRepository: ...

    def audit(self, tenant: TenantId) -> AuditLog:
        """The trail of a client's tenant, in this transaction."""
        ...


class UnitOfWorkFactory(Protocol):
    """Opens a unit of work for one tenant: what a use case is given to do its work."""

    def __call__(
        self, tenant: TenantId, /, *, writes: bool = True, few_rows: bool = False
    ) -> UnitOfWork:
        """`writes=False` for a block that only reads: it never waits for another writer (on
        SQLite), and a write in it fails with `WriteInReadOnlyUnit` (it is a bug).
        `few_rows=True` for a block whose every statement reads and writes a few rows (a
        single result's): PostgreSQL may then run a plan it made before rather than plan each
        statement anew, which is right for a few rows and can be ruinous for thousands."""
        ...


class AccessUnitOfWorkFactory(Protocol):
    """Opens a unit of work on the directory of tenants and clients (`writes` as above)."""

    def __call__(self, *, writes: bool = True) -> AccessUnitOfWork: ...


class WriteInReadOnlyUnit(RuntimeError):
    """A unit of work opened with `writes=False` was asked to write: the block that opened it is
    mislabelled. A bug of ours (answered 500), never the caller's."""
