"""Services: every port implementation the driving adapters need (to be dissolved into the
composition root)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.access import TenantId
from app.domain.reporting import DEFAULT_MIN_CELL
from app.ports.case import CaseCodec, CaseSource
from app.ports.clock import Clock, IdGenerator
from app.ports.health import Readiness
from app.ports.jobs import JobRunner
from app.ports.reports import ReadModels
from app.ports.roster_import import RosterFiles, RosterProviders
from app.ports.security import SecretBox, SecretHasher, TokenCodec
from app.ports.unit_of_work import AccessUnitOfWork, UnitOfWork


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
    report_min_cell: int = DEFAULT_MIN_CELL
