"""The ports: what the use cases need from the world, as Protocols the adapters implement."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, Protocol, Self, TypeVar

from app.domain.access import Client, Principal, Scope, Tenant, TenantId
from app.domain.associations import Association
from app.domain.case.package import CaseDocument, CaseItem, CasePackage, ReadPackage
from app.domain.evidence import Evidence
from app.domain.frameworks import Framework
from app.domain.gradebook import LineItem, Result
from app.domain.jobs import Job
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.override import Override
from app.domain.mastery.record import DecisionChange, DecisionRecord
from app.domain.oneroster.connection import RosterConnection
from app.domain.oneroster.files import FileMode, Manifest, RosterFile
from app.domain.oneroster.query import CollectionQuery
from app.domain.oneroster.references import MissingReference, ReferenceField
from app.domain.oneroster.roles import RoleRow
from app.domain.oneroster.rows import RowRead
from app.domain.oneroster.values import RowValues
from app.domain.reporting import Dimension, Key
from app.domain.roster import RecordStatus, RosterKind, RosterRecord
from app.domain.scales import Scale


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware (UTC)."""
        ...


class IdGenerator(Protocol):
    def new_id(self) -> str:
        """A new unique id (a UUID string)."""
        ...

    def new_secret(self) -> str:
        """A new unguessable secret for a client."""
        ...


class SecretHasher(Protocol):
    def hash(self, secret: str) -> str:
        """A slow, salted hash of a secret, safe to store."""
        ...

    def verify(self, secret_hash: str, secret: str) -> bool:
        """Whether `secret` matches the stored hash (constant time)."""
        ...


class TokenCodec(Protocol):
    def issue(self, principal: Principal, issued_at: datetime, ttl_seconds: int) -> str:
        """A signed bearer token for `principal`, valid for `ttl_seconds`."""
        ...

    def read(self, token: str, now: datetime) -> Principal:
        """The principal a token names; raises `Unauthorized` when forged, malformed or expired."""
        ...


@dataclass(frozen=True)
class RosterQuery:
    """A page of roster records: by status, changed since an instant, kind-specific filters."""

    status: RecordStatus | None = RecordStatus.ACTIVE
    updated_since: datetime | None = None
    filters: Mapping[str, str] = field(default_factory=dict)
    after: str | None = None
    limit: int = 100


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a keyset-paged list; `last_key` is set when more may follow."""

    items: list[T]
    last_key: str | None


class RosterRepository(Protocol):
    async def get(self, id: str, *, include_deleted: bool = False) -> RosterRecord | None:
        """One record by id; `tobedeleted` records only when asked for."""
        ...

    async def get_many(self, ids: Collection[str]) -> dict[str, RosterRecord]:
        """The records with these ids, whatever their status."""
        ...

    async def save(self, record: RosterRecord) -> None:
        """Create or replace the record with this id."""
        ...

    async def save_many(self, records: Collection[RosterRecord]) -> None:
        """Create or replace many records at once (one statement per table)."""
        ...

    async def list(self, query: RosterQuery) -> Page[RosterRecord]:
        """A page of records ordered by id."""
        ...

    async def active_ids(self, ids: Collection[str], *, role: str | None = None) -> set[str]:
        """Which of these ids name active records (users: of this role, when given)."""
        ...

    async def count(self, query: RosterQuery) -> int:
        """How many records the query's filters match, on every page."""
        ...


StudentCompetency = tuple[str, str]
"""(student_id, competency_id): the key of one decision."""

EvidenceKey = tuple[str, str, str]
"""(source, source_id, competency_id): what identifies one result across resends."""


class FrameworkRepository(Protocol):
    async def get_many(self, framework_ids: Collection[str]) -> dict[str, Framework]:
        """The frameworks with these ids (parsed frameworks may be cached until they change)."""
        ...

    async def add(self, framework: Framework, at: datetime) -> None:
        """Store a new framework with its competencies."""
        ...

    async def save(self, framework: Framework, at: datetime) -> None:
        """Replace a framework and its competencies (competencies are never deleted)."""
        ...

    async def list(self, after: str | None, limit: int) -> Page[Framework]:
        """A page of frameworks in id order."""
        ...

    async def of_competencies(
        self, competency_ids: Collection[str]
    ) -> tuple[dict[str, str], dict[str, Framework]]:
        """The framework id of each of these competencies that exists, and those frameworks."""
        ...

    async def count(self) -> int:
        """How many frameworks the tenant has."""
        ...


class CaseCatalog(Protocol):
    """Finding frameworks, competencies and associations by their CASE identifiers."""

    async def framework_for_document(self, identifier: str) -> str | None:
        """The id of the framework whose CFDocument identifier (or id) this is."""
        ...

    async def competency_owners(self, identifiers: Collection[str]) -> dict[str, tuple[str, str]]:
        """For each identifier that is a competency's CFItem identifier or id: (framework id,
        competency id)."""
        ...

    async def frameworks_with_association(self, identifier: str) -> list[str]:
        """The frameworks that hold an association with this identifier."""
        ...

    async def frameworks_linking(self, identifier: str) -> list[str]:
        """The frameworks holding an association from or to the node with this identifier."""
        ...

    async def headers(self) -> list[Framework]:
        """Every framework of the tenant without its competencies (for listing documents)."""
        ...

    async def kinds(self) -> dict[str, set[str]]:
        """The competency kinds each framework uses, by framework id."""
        ...


class EvidenceRepository(Protocol):
    async def find(self, keys: Collection[EvidenceKey]) -> dict[EvidenceKey, Evidence]:
        """Stored evidence by (source, source_id, competency_id)."""
        ...

    async def add_many(
        self, items: Sequence[Evidence], framework_of: Mapping[str, str], at: datetime
    ) -> list[Evidence]:
        """Store new evidence; returns it with its arrival order (`seq`) assigned."""
        ...

    async def replace_many(
        self, items: Sequence[Evidence], previous: Sequence[Evidence], at: datetime
    ) -> None:
        """Store new versions of evidence, keeping the previous versions as history."""
        ...

    async def get(self, evidence_id: str) -> Evidence | None: ...

    async def from_sources(self, source: str, source_ids: Collection[str]) -> list[Evidence]:
        """Every result (voided too) that these source ids of `source` made, on any competency."""
        ...

    async def history(
        self, pairs: Collection[StudentCompetency]
    ) -> dict[StudentCompetency, list[Evidence]]:
        """Every result (voided too) of these students on these competencies."""
        ...

    async def for_students(
        self, student_ids: Collection[str], competency_ids: Collection[str]
    ) -> dict[str, list[Evidence]]:
        """Every result of these students on these competencies, by student."""
        ...

    async def students_with_evidence(
        self, competency_ids: Collection[str], after: str | None, limit: int
    ) -> list[str]:
        """A page of the students who have any result on these competencies, in id order."""
        ...

    async def list(
        self,
        *,
        student_id: str | None,
        competency_id: str | None,
        since: datetime | None,
        after: str | None,
        limit: int,
    ) -> Page[Evidence]:
        """A page of evidence in arrival order."""
        ...


class DecisionRepository(Protocol):
    async def lock_students(self, student_ids: Collection[str]) -> None:
        """Serialise writers of the same students' decisions until the transaction ends."""
        ...

    async def get_many(
        self, pairs: Collection[StudentCompetency]
    ) -> dict[StudentCompetency, DecisionRecord]: ...

    async def for_students(
        self,
        student_ids: Collection[str],
        competency_ids: Collection[str] | None = None,
        *,
        with_state: bool = True,
    ) -> list[DecisionRecord]:
        """The stored decisions of these students (on these competencies, when given); without
        their incremental state (None) for reads that only show them."""
        ...

    async def save_many(
        self,
        records: Sequence[DecisionRecord],
        changes: Sequence[DecisionChange],
        scales: Mapping[str, Scale],
        at: datetime,
    ) -> None:
        """Create or replace decisions (their shown status as of `at`, on the scale of their
        framework id in `scales`) and append their history."""
        ...

    async def history(self, student_id: str, competency_id: str) -> list[DecisionChange]: ...

    async def count_for(self, competency_ids: Collection[str]) -> int:
        """How many decisions these competencies have."""
        ...

    async def with_expired_overrides(self, at: datetime) -> list[DecisionRecord]:
        """Decisions whose override has expired at `at` but still shows."""
        ...


class OverrideRepository(Protocol):
    async def add(self, student_id: str, competency_id: str, override: Override) -> None: ...

    async def clear(self, student_id: str, competency_id: str, at: datetime, by: str) -> None: ...

    async def in_force_at(
        self, student_id: str, competency_ids: Collection[str], at: datetime
    ) -> dict[str, Override]:
        """The override in force at `at` on each competency (for `as_of` reads)."""
        ...


class RosterSource(Protocol):
    """A OneRoster set to import: a folder or zip of CSV files, or a SIS's REST provider."""

    async def manifest(self) -> Manifest:
        """The set's version and each file's mode (its problems listed, not raised)."""
        ...

    async def columns(self, file: RosterFile) -> list[str] | None:
        """A CSV file's columns, by the standard's names; None where rows are not a table."""
        ...

    def rows(self, file: RosterFile) -> AsyncIterator[list[tuple[int, RowValues]]]:
        """The file's rows in chunks, each with its line (or position) for reports."""
        ...

    def not_used(self) -> list[str]:
        """The files of the set this service does not read."""
        ...

    async def close(self) -> None: ...


class RosterFiles(Protocol):
    def open(self, path: Path, *, owned: bool = False) -> RosterSource:
        """A OneRoster CSV set in a folder or a zip file; raises `Invalid` when unreadable.
        An `owned` file (an upload) is deleted when the source closes."""
        ...


class RosterProviders(Protocol):
    def source(
        self, connection: RosterConnection, secret: str, since: datetime | None
    ) -> RosterSource:
        """The provider's roster: everything, or what changed after `since` (as delta)."""
        ...


class SecretBox(Protocol):
    def seal(self, secret: str) -> str:
        """`secret` encrypted and authenticated with the service's key, as text to store."""
        ...

    def open(self, sealed: str) -> str:
        """The secret back; raises `Invalid` when the key changed or the text was altered."""
        ...


@dataclass(frozen=True)
class MergeCounts:
    """What merging one kind's staged rows did to the stored records."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0  # retired by a tobedeleted row
    retired: int = 0  # retired because a bulk file no longer lists them


@dataclass(frozen=True)
class MissingReferences:
    """The rows of one reference field whose records will not be there."""

    listed: list[MissingReference]
    count: int  # rows with the problem, listed or not
    newly_skipped: list[int]  # lines skipped by this check (not skipped before)


class RosterStaging(Protocol):
    """An import's rows, staged in the unit of work's transaction and checked as sets before
    they are merged into the roster (one statement per table, never one per row)."""

    async def open(self, modes: Mapping[RosterKind, FileMode]) -> None:
        """Create the staging tables; `modes` says how each kind's file applies."""
        ...

    async def add(self, kind: RosterKind | None, rows: Sequence[RowRead]) -> None:
        """Stage rows of a kind's file (None: roles.csv); rows with problems are staged as
        skipped, so a bulk file still counts them as listed."""
        ...

    async def duplicates(self, kind: RosterKind | None) -> list[tuple[int, str, int]]:
        """Rows repeating an earlier row's sourcedId, as (line, id, first line); skipped."""
        ...

    async def mark_stale(self, kind: RosterKind) -> list[int]:
        """Delta rows older than the stored record's dateLastModified: ignored. Their lines."""
        ...

    async def missing_references(self, ref: ReferenceField, limit: int) -> MissingReferences:
        """Rows whose reference names no record that will be active after the import (roles.csv
        rows for the `ROLE_*` fields); those rows are skipped. At most `limit` are listed."""
        ...

    async def roles_of(self, user_ids: Collection[str]) -> dict[str, list[tuple[int, RoleRow]]]:
        """The staged, valid roles.csv rows of these users with their lines, in file order."""
        ...

    async def users_with_new_roles(self) -> list[str]:
        """Users with valid roles.csv rows but no valid row of their own in users.csv."""
        ...

    async def merge(self, kind: RosterKind, now: datetime) -> MergeCounts:
        """Write the kind's valid rows: upsert what changed, retire what is tobedeleted and,
        for a bulk file, what it no longer lists."""
        ...

    async def close(self) -> None: ...


class RosterConnectionRepository(Protocol):
    async def get(self) -> RosterConnection | None: ...

    async def save(self, connection: RosterConnection) -> None: ...

    async def delete(self) -> bool:
        """Remove the connection; whether there was one."""
        ...


@dataclass(frozen=True)
class Counted(Generic[T]):
    """One page of an offset-paged collection, and how many items the whole collection holds."""

    items: list[T]
    total: int


class LineItemRepository(Protocol):
    async def get(self, id: str, *, shared: bool = False) -> LineItem | None:
        """One line item by sourcedId, whatever its status; `shared`: it cannot change until
        this transaction ends (a result is being derived from it)."""
        ...

    async def save(self, item: LineItem) -> None:
        """Create or replace the line item with this sourcedId."""
        ...

    async def list(self, query: CollectionQuery, *, include_deleted: bool) -> Counted[LineItem]:
        """A page of line items as the query asks (the filter's fields are LINE_ITEM_FIELDS)."""
        ...


class GradebookResultRepository(Protocol):
    async def get(self, id: str) -> Result | None:
        """One result by sourcedId, whatever its status, with its report."""
        ...

    async def save_many(self, results: Sequence[Result]) -> None:
        """Create or replace results (with their reports), one statement per table."""
        ...

    async def for_line_item(self, line_item_id: str) -> list[Result]:
        """Every result (deleted too) on a line item."""
        ...

    async def list(
        self, query: CollectionQuery, *, include_deleted: bool, class_id: str | None = None
    ) -> Counted[Result]:
        """A page of results (of one class, when given); the filter's fields are RESULT_FIELDS."""
        ...


class UnitOfWork(Protocol):
    """One command's transaction, opened for one tenant: its repositories see nothing else."""

    tenant_id: TenantId

    jobs: JobRepository
    frameworks: FrameworkRepository
    case: CaseCatalog
    evidence: EvidenceRepository
    decisions: DecisionRepository
    overrides: OverrideRepository
    roster_connection: RosterConnectionRepository
    line_items: LineItemRepository
    gradebook_results: GradebookResultRepository

    def roster(self, kind: RosterKind) -> RosterRepository:
        """The repository of one kind of roster record."""
        ...

    def roster_staging(self) -> RosterStaging:
        """Staging for one roster import, in this unit of work's transaction."""
        ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed."""
        ...

    async def commit(self) -> None:
        """Make the work durable."""
        ...


class TenantRepository(Protocol):
    async def add(self, slug: str, name: str, created_at: datetime) -> Tenant:
        """Store a new tenant; raises `Conflict` when the slug is taken."""
        ...

    async def by_slug(self, slug: str) -> Tenant | None: ...

    async def by_id(self, tenant_id: TenantId) -> Tenant | None: ...

    async def list(self) -> list[Tenant]: ...


class ClientRepository(Protocol):
    async def add(self, client: Client) -> None: ...

    async def get(self, client_id: str) -> Client | None: ...

    async def save(self, client: Client) -> None: ...

    async def for_tenant(self, tenant_id: TenantId) -> list[Client]: ...


class AccessUnitOfWork(Protocol):
    """The directory of tenants and clients, which lives above any one tenant."""

    tenants: TenantRepository
    clients: ClientRepository

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class JobRepository(Protocol):
    async def add(self, job: Job) -> None: ...

    async def get(self, job_id: str) -> Job | None:
        """A job of this unit of work's tenant."""
        ...

    async def save(self, job: Job) -> None: ...


class Progress(Protocol):
    """What a long-running use case reports as it goes (a job's row, a CLI progress bar)."""

    async def advance(self, done: int, total: int | None = None, **result: Any) -> None:
        """`done` of `total` units are finished; `result` merges into the job's report."""
        ...


JobWork = Callable[[Progress], Awaitable["JobReport"]]


@dataclass
class JobReport:
    """What a job's work hands back: its report, the problems found, and whether it failed."""

    result: dict[str, Any] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    failed: bool = False


class JobRunner(Protocol):
    async def start(self, tenant: TenantId, kind: str, scope: Scope, work: JobWork) -> Job:
        """Record a queued job and run `work` in the background; the job row tracks it."""
        ...


class CaseCodec(Protocol):
    """CASE 1.0 JSON: reading packages, and writing what the CASE provider endpoints serve."""

    def read(self, raw: bytes | str | object) -> ReadPackage:
        """A package from JSON text (or a decoded JSON value), with every problem and leniency."""
        ...

    def package(self, package: CasePackage) -> dict[str, Any]: ...

    def document(self, document: CaseDocument) -> dict[str, Any]: ...

    def item(self, item: CaseItem, document: Mapping[str, str] | None = None) -> dict[str, Any]:
        """A CFItem; with `document` (its CFDocumentURI) when served on its own."""
        ...

    def association(
        self, association: Association, document: Mapping[str, str] | None = None
    ) -> dict[str, Any]: ...

    def definition(self, definition: Mapping[str, Any]) -> dict[str, Any]: ...


@dataclass(frozen=True)
class ProviderAuth:
    """OAuth 2.0 client-credentials settings of a CASE provider that requires a token."""

    token_url: str
    client_id: str
    client_secret: str
    scope: str | None = None


class CaseSource(Protocol):
    async def fetch(self, url: str, auth: ProviderAuth | None) -> bytes:
        """The body a CASE provider answers at `url`. Raises `SourceUnavailable` when it cannot
        be reached or fails, `Invalid` (located at "url" or "auth") when it refuses."""


@dataclass(frozen=True)
class ReportScope:
    """Whose decisions a report counts: the active students matching the filters (school,
    class, grade, and subgroup values by dimension), on these competencies of one framework,
    grouped by `dimensions` in that order."""

    framework_id: str
    competency_ids: tuple[str, ...]
    dimensions: tuple[Dimension, ...] = ()
    school_id: str | None = None
    class_id: str | None = None
    grade: str | None = None
    subgroups: Mapping[Dimension, str | bool] = field(default_factory=dict)
    # The framework's other competencies (retired, filtered out): a short list to exclude
    # is cheaper for the database than a long one to include.
    excluded_competency_ids: tuple[str, ...] = ()


StatusCounts = dict[Key, dict[MasteryStatus, int]]


class ReadModels(Protocol):
    """Set-based reads for reports and GraphQL's batches; each call opens its own short-lived
    session, so concurrent resolvers never share one."""

    async def members(self, class_ids: Collection[str], role: str) -> dict[str, list[str]]:
        """The active users enrolled with `role` in each of these active classes, by id."""
        ...

    async def classes_of(self, user_ids: Collection[str], role: str) -> dict[str, list[str]]:
        """The active classes each of these users is enrolled in with `role`, by id."""
        ...

    async def population(self, scope: ReportScope) -> dict[Key, int]:
        """Distinct students per group (keyed by the dimensions other than competency)."""
        ...

    async def decision_counts(self, scope: ReportScope) -> StatusCounts:
        """Stored decisions (their shown status) per group and status."""
        ...

    async def decision_counts_before(
        self, scope: ReportScope, cuts: Sequence[datetime]
    ) -> list[StatusCounts]:
        """For each cut, the decisions per group and status as their history last showed them
        strictly before it."""
        ...


class Readiness(Protocol):
    async def check(self) -> None:
        """Raise when the database cannot be reached."""
        ...


@dataclass(frozen=True)
class Services:
    """Every port implementation the driving adapters need, wired once by `app.bootstrap`."""

    uow: Callable[[TenantId], UnitOfWork]
    access: Callable[[], AccessUnitOfWork]
    clock: Clock
    ids: IdGenerator
    hasher: SecretHasher
    tokens: TokenCodec
    readiness: Readiness
    jobs: JobRunner
    roster_files: RosterFiles
    roster_providers: RosterProviders
    secrets: SecretBox
    case: CaseCodec
    case_source: CaseSource

    reads: Callable[[TenantId], ReadModels]
    token_ttl_seconds: int = 3600
    max_batch: int = 1000
    # A policy change that touches more decisions than this runs as a job (202).
    recompute_inline_limit: int = 5000
    # Report cells with fewer distinct students than this are suppressed.
    report_min_cell: int = 10
