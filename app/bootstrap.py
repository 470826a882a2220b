"""The composition root: settings -> engine -> adapters -> each area's use cases, the one place
that knows every layer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, fields, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from app import bootstrap_credentials as credential_wiring
from app import bootstrap_crosswalks as crosswalk_wiring
from app import bootstrap_gradebook_provider as provider_wiring
from app import bootstrap_lti as lti_wiring
from app import bootstrap_replica as replica_wiring
from app import bootstrap_webhooks as webhook_wiring
from app import bootstrap_xapi as xapi_wiring
from app.adapters.case.client import HttpCaseSource
from app.adapters.case.codec import CaseJsonCodec
from app.adapters.db.engine import create_engine, session_factory
from app.adapters.db.frameworks import FrameworkCache
from app.adapters.db.jobs import unfinished_jobs
from app.adapters.db.queries import SqlReadModels
from app.adapters.db.readiness import DatabaseReadiness
from app.adapters.db.row_security import warn_if_row_security_is_bypassed
from app.adapters.db.summary_reads import SummaryCounts
from app.adapters.db.summary_refresh import SummaryRefresher
from app.adapters.db.uow import SqlAccessUnitOfWork, SqlUnitOfWork
from app.adapters.garbage_collection import settle_after_start_up
from app.adapters.jobs.in_process import InProcessJobRunner
from app.adapters.jobs.lifecycle import JobLifecycle
from app.adapters.jobs.uploads import sweep_uploads
from app.adapters.lti.launch_records import SqlLaunchRecords
from app.adapters.oneroster.csv_files import CsvRosterFiles
from app.adapters.oneroster.rest_client import HttpRosterProviders
from app.adapters.oneroster.zip_limits import ZipLimits
from app.adapters.security.page_sessions import JwtPageSessionCodec
from app.adapters.security.secret_box import FernetSecretBox
from app.adapters.security.secrets import Argon2SecretHasher, RandomIds
from app.adapters.security.standing import CachedClientStanding
from app.adapters.security.tokens import JwtTokenCodec
from app.adapters.system import SystemClock
from app.api.logs import configure_logging, guard_personal_data
from app.bootstrap_keepers import server_keepers, stop_server
from app.bootstrap_reads import read_side
from app.bootstrap_settings import job_runner, key_ring, outbound_http
from app.config import Settings
from app.domain.access import TenantId
from app.domain.oneroster.retirement import DEFAULT_MAX_RETIRE_SHARE
from app.domain.reporting import DEFAULT_MIN_CELL
from app.ports.case import CaseCodec, CaseSource
from app.ports.clock import Clock, IdGenerator
from app.ports.health import Readiness
from app.ports.jobs import JobRunner
from app.ports.lti import LaunchRecords, PageSessionCodec
from app.ports.reports import CountsUpkeep, ReadModels, ReadModelsFactory
from app.ports.roster_import import RosterFiles, RosterProviders
from app.ports.security import ClientStanding, SecretBox, SecretHasher, TokenCodec
from app.ports.unit_of_work import (
    AccessUnitOfWork,
    AccessUnitOfWorkFactory,
    UnitOfWork,
    UnitOfWorkFactory,
)
from app.use_cases.access import Access
from app.use_cases.audit import AuditTrail
from app.use_cases.case_import import CaseImports
from app.use_cases.case_provider import CaseProvider
from app.use_cases.catalog import UseCases
from app.use_cases.demo import Demo
from app.use_cases.evidence import EvidenceRecords
from app.use_cases.frameworks import Frameworks
from app.use_cases.gradebook import Gradebook
from app.use_cases.health import Health
from app.use_cases.job_kinds import job_kinds
from app.use_cases.jobs import Jobs
from app.use_cases.overrides import Overrides
from app.use_cases.roster import Roster
from app.use_cases.roster_import import RosterImports
from app.use_cases.roster_sync import RosterSync
from app.use_cases.simulation import PolicySimulation
from app.use_cases.student_records import StudentDataRights

if TYPE_CHECKING:
    from fastapi import FastAPI

    from app.adapters.jobs.queue import QueuedJobRunner


@dataclass(frozen=True, kw_only=True)
class Adapters:
    """The driven adapters of one process, each behind its port: what the use cases are wired
    from. Only this module and the tests' fixtures see them together (a test swaps one, such as
    the clock, and wires again); no use case receives them."""

    uow: UnitOfWorkFactory
    directory: AccessUnitOfWorkFactory
    reads: ReadModelsFactory
    clock: Clock
    ids: IdGenerator
    hasher: SecretHasher
    tokens: TokenCodec
    page_sessions: PageSessionCodec
    lti_launches: LaunchRecords
    lti: lti_wiring.LtiAdapters
    credentials: credential_wiring.CredentialAdapters
    standing: ClientStanding
    secrets: SecretBox
    readiness: Readiness
    jobs: JobRunner
    roster_files: RosterFiles
    roster_providers: RosterProviders
    case_codec: CaseCodec
    case_source: CaseSource
    webhooks: webhook_wiring.WebhookAdapters | None = None
    # The reports' read models on a streaming replica (None: on the primary, as `reads`).
    report_reads: ReadModelsFactory | None = None
    counts_upkeep: CountsUpkeep | None = None


@dataclass(frozen=True, kw_only=True)
class Policy:
    """The numbers a district sets that use cases follow."""

    token_ttl_seconds: int = 3600
    max_batch: int = 1000
    # A policy change that touches more decisions than this runs as a job (202).
    recompute_inline_limit: int = 5000
    # Students whose decisions a recompute job stages per committed step.
    recompute_step_students: int = 200
    # Report cells with fewer distinct students than this are suppressed.
    report_min_cell: int = DEFAULT_MIN_CELL
    # The share of a kind of roster record one import may retire without confirmation.
    roster_max_retire_share: float = DEFAULT_MAX_RETIRE_SHARE
    changes_retention_days: int = 30  # how long the change feed keeps an event

    @classmethod
    def of(cls, settings: Settings) -> Policy:
        # Each number is the setting of the same name (MASTERY_<NAME>).
        return cls(**{f.name: getattr(settings, f.name) for f in fields(cls)})


def wire(adapters: Adapters, policy: Policy) -> UseCases:
    """Every area's use cases, each given only the adapters and numbers it uses."""
    a = adapters
    access = Access(
        directory=a.directory,
        clock=a.clock,
        ids=a.ids,
        hasher=a.hasher,
        tokens=a.tokens,
        standing=a.standing,
        token_ttl_seconds=policy.token_ttl_seconds,
    )
    frameworks = Frameworks(
        uow=a.uow,
        clock=a.clock,
        ids=a.ids,
        jobs=a.jobs,
        recompute_inline_limit=policy.recompute_inline_limit,
        recompute_step_students=policy.recompute_step_students,
    )
    overrides = Overrides(uow=a.uow, clock=a.clock)
    evidence = EvidenceRecords(uow=a.uow, clock=a.clock, ids=a.ids, max_batch=policy.max_batch)
    roster_imports = RosterImports(
        uow=a.uow,
        clock=a.clock,
        jobs=a.jobs,
        files=a.roster_files,
        max_retire_share=policy.roster_max_retire_share,
    )
    case_imports = CaseImports(
        uow=a.uow,
        clock=a.clock,
        codec=a.case_codec,
        source=a.case_source,
        access=access,
        frameworks=frameworks,
    )
    roster = Roster(uow=a.uow, clock=a.clock, reads=a.reads)
    gradebook = Gradebook(uow=a.uow, clock=a.clock, ids=a.ids)
    read = read_side(
        a, policy, access=access, frameworks=frameworks, overrides=overrides, roster=roster
    )
    return UseCases(
        access=access,
        health=Health(readiness=a.readiness),
        jobs=Jobs(uow=a.uow),
        roster=roster,
        roster_imports=roster_imports,
        roster_sync=RosterSync(
            uow=a.uow,
            clock=a.clock,
            secrets=a.secrets,
            providers=a.roster_providers,
            jobs=a.jobs,
            imports=roster_imports,
        ),
        frameworks=frameworks,
        simulation=PolicySimulation(uow=a.uow, clock=a.clock, min_cell_size=policy.report_min_cell),
        prerequisites=read.prerequisites,
        case_imports=case_imports,
        case_provider=CaseProvider(uow=a.uow, codec=a.case_codec),
        evidence=evidence,
        mastery=read.mastery,
        overrides=overrides,
        gradebook=gradebook,
        assessment_gradebook=provider_wiring.assessment_gradebook(a),
        gradebook_provider=provider_wiring.gradebook_provider(a, read.mastery, read.grading_terms),
        reports=read.reports,
        lti_pages=read.lti_pages,
        changes=read.changes,
        grading=read.grading,
        report_cards=read.report_cards,
        forecasts=read.forecasts,
        grading_terms=read.grading_terms,
        learning_records=xapi_wiring.learning_records(a, policy.max_batch),
        caliper_events=xapi_wiring.caliper_events(a, policy.max_batch),
        credentials=credential_wiring.credentials(a, read.mastery, access),
        crosswalks=crosswalk_wiring.crosswalks(a),
        demo=Demo(
            access=access,
            roster_imports=roster_imports,
            case_imports=case_imports,
            evidence=evidence,
            grading=read.grading,
        ),
        audit=AuditTrail(uow=a.uow),
        student_data=StudentDataRights(uow=a.uow, clock=a.clock, counts_upkeep=a.counts_upkeep),
        lti=lti_wiring.lti_tool(a),
        lti_registration=lti_wiring.lti_registration(a),
        lti_services=lti_wiring.lti_services(a, gradebook),
        **webhook_wiring.use_cases(a),
    )


@dataclass
class Container:
    """What a process holds: the engine (to dispose at shutdown), the job runner (to wait for),
    the adapters and policy, and the use cases wired from them (a test wires them again with
    one adapter swapped: `wire(replace(container.adapters, clock=...), container.policy)`)."""

    settings: Settings
    engine: AsyncEngine
    adapters: Adapters
    policy: Policy
    use_cases: UseCases
    jobs: InProcessJobRunner | QueuedJobRunner
    # Brings a tenant's summary counts up to date (docs/decisions/0056-summary-counts.md).
    summary_refresher: SummaryRefresher
    replica: replica_wiring.Replica | None = None

    async def start(self) -> None:
        """What a server or worker does as it starts: jobs a killed process left unfinished
        are taken over (or queued again), and uploads no job will delete are swept."""
        await self.jobs.resume()
        uploads = Path(self.settings.state_dir) / "uploads"
        sweep_uploads(uploads, await unfinished_jobs(session_factory(self.engine)))

    async def close(self, grace_seconds: float | None = None) -> None:
        """Jobs waited for (a server waits `grace_seconds` at most), then the engine."""
        await self.jobs.close(grace_seconds)
        await self.engine.dispose()
        if self.replica is not None:
            await self.replica.engine.dispose()


def build(settings: Settings) -> Container:
    """Wire the real adapters for these settings."""
    guard_personal_data()  # before anything can log: the server, the CLI and workers alike
    engine = create_engine(
        settings.database_url, busy_timeout_seconds=settings.sqlite_busy_timeout_seconds
    )
    sessions = session_factory(engine)
    cache = FrameworkCache()
    replica = replica_wiring.replica(settings, cache)

    def uow(tenant: TenantId, /, *, writes: bool = True, few_rows: bool = False) -> UnitOfWork:
        return SqlUnitOfWork(sessions, cache, tenant, writes=writes, few_rows=few_rows)

    def directory(*, writes: bool = True) -> AccessUnitOfWork:
        return SqlAccessUnitOfWork(sessions, writes=writes)

    clock = SystemClock()
    refresher = SummaryRefresher(sessions, clock)
    counts = SummaryCounts(sessions, catch_up=None if settings.embedded else refresher)

    def reads(tenant: TenantId) -> ReadModels:
        return SqlReadModels(sessions, tenant, counts)

    ids = RandomIds()
    jobs = job_runner(settings, JobLifecycle(uow, clock, ids), sessions)
    keys = key_ring(settings)
    outbound = outbound_http(settings)
    adapters = Adapters(
        uow=uow,
        directory=directory,
        reads=reads,
        clock=clock,
        ids=ids,
        hasher=Argon2SecretHasher(
            time_cost=settings.secret_hash_time_cost,
            memory_cost=settings.secret_hash_memory_kib,
        ),
        tokens=JwtTokenCodec(keys),
        page_sessions=JwtPageSessionCodec(keys),
        lti_launches=SqlLaunchRecords(sessions),
        lti=lti_wiring.lti_adapters(
            sessions, FernetSecretBox(keys), clock, outbound, post_scores=settings.lti_post_scores
        ),
        credentials=credential_wiring.credential_adapters(sessions, FernetSecretBox(keys), clock),
        standing=CachedClientStanding(directory, ttl_seconds=settings.client_standing_seconds),
        secrets=FernetSecretBox(keys),
        readiness=DatabaseReadiness(engine),
        jobs=jobs,
        roster_files=CsvRosterFiles(
            Path(settings.state_dir) / "uploads",
            ZipLimits(
                max_unzipped_bytes=settings.upload_max_unzipped_bytes,
                max_entries=settings.upload_max_entries,
                max_ratio=settings.upload_max_ratio,
            ),
        ),
        roster_providers=HttpRosterProviders(
            outbound,
            timeout_seconds=settings.sis_fetch_timeout_seconds,
            max_page_bytes=settings.sis_page_max_bytes,
        ),
        case_codec=CaseJsonCodec(),
        case_source=HttpCaseSource(
            outbound,
            timeout_seconds=settings.case_fetch_timeout_seconds,
            max_bytes=settings.case_fetch_max_bytes,
        ),
        webhooks=webhook_wiring.webhook_adapters(sessions, cache, outbound, settings),
        report_reads=replica.reads if replica is not None else None,
        # Built counts only: a tenant yet to be built is the keeper's (minutes for millions).
        counts_upkeep=partial(refresher.refresh, build=False),
    )
    policy = Policy.of(settings)
    use_cases = wire(adapters, policy)
    if replica is not None:
        # GraphQL reads through use cases wired on the replica (it has no mutations).
        on_replica = replace(adapters, uow=replica.uow, reads=replica.reads)
        use_cases = replace(use_cases, reading=wire(on_replica, policy))
    jobs.attach(job_kinds(use_cases))
    return Container(settings, engine, adapters, policy, use_cases, jobs, refresher, replica)


@asynccontextmanager
async def running(settings: Settings) -> AsyncIterator[UseCases]:
    """The use cases of a server process for its whole life; then the engine is disposed."""
    container = build(settings)
    keepers = server_keepers(container, settings)
    try:
        await warn_if_row_security_is_bypassed(container.engine)
        await container.start()
        for keeper in keepers:
            keeper.start()
        settle_after_start_up()
        async with webhook_wiring.dispatching(container.use_cases, settings):
            yield container.use_cases
    finally:
        await stop_server(container, keepers, settings)


def create_web_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI app for a server process: logging configured, use cases wired in the lifespan."""
    # Imported here: a CLI command builds the use cases without the web app (0.7 s of imports).
    from app.api.app import create_app
    from app.api.graphql.limits import Limits

    settings = settings or Settings()
    configure_logging(settings.log_level)
    limits = Limits(
        max_depth=settings.graphql_max_depth,
        max_cost=settings.graphql_max_cost,
        max_page_size=settings.graphql_max_page_size,
        time_budget_seconds=settings.graphql_time_budget_seconds,
    )
    return create_app(
        start=partial(running, settings),
        max_body_bytes=settings.max_body_bytes,
        max_upload_bytes=settings.max_upload_bytes,
        graphql_limits=limits,
        token_limits=lti_wiring.request_limits(settings),
        public_base_url=settings.public_url,
        api_docs=settings.api_docs,
        graphiql=settings.graphiql,
    )
