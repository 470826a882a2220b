"""Each fake is its port: `make typecheck` (mypy strict over tests/fakes) checks that every
fake here satisfies the Protocol the use cases are typed against. Nothing calls these."""

from __future__ import annotations

from app.ports.case import CaseSource
from app.ports.clock import Clock, IdGenerator
from app.ports.health import Readiness
from app.ports.jobs import JobRunner, Progress
from app.ports.reports import ReadModels
from app.ports.roster_import import RosterFiles, RosterProviders, RosterSource, RosterStaging
from app.ports.security import SecretBox, SecretHasher, TokenCodec
from app.ports.unit_of_work import AccessUnitOfWork, UnitOfWork
from tests.fakes.case import FakeCaseSource
from tests.fakes.clock import FakeClock, FakeIds
from tests.fakes.health import FakeReadiness
from tests.fakes.jobs import FakeJobRunner, FakeProgress
from tests.fakes.reports import FakeReadModels
from tests.fakes.roster_import import (
    FakeRosterFiles,
    FakeRosterProviders,
    FakeRosterSource,
    FakeRosterStaging,
)
from tests.fakes.security import FakeSecretBox, FakeSecretHasher, FakeTokenCodec
from tests.fakes.unit_of_work import FakeAccessUnitOfWork, FakeUnitOfWork


def unit_of_work(fake: FakeUnitOfWork) -> UnitOfWork:  # and so every repository of it
    return fake


def directory(fake: FakeAccessUnitOfWork) -> AccessUnitOfWork:
    return fake


def read_models(fake: FakeReadModels) -> ReadModels:
    return fake


def staging(fake: FakeRosterStaging) -> RosterStaging:
    return fake


def roster_source(fake: FakeRosterSource) -> RosterSource:
    return fake


def roster_files(fake: FakeRosterFiles) -> RosterFiles:
    return fake


def roster_providers(fake: FakeRosterProviders) -> RosterProviders:
    return fake


def case_source(fake: FakeCaseSource) -> CaseSource:
    return fake


def job_runner(fake: FakeJobRunner) -> JobRunner:
    return fake


def progress(fake: FakeProgress) -> Progress:
    return fake


def clock(fake: FakeClock) -> Clock:
    return fake


def ids(fake: FakeIds) -> IdGenerator:
    return fake


def hasher(fake: FakeSecretHasher) -> SecretHasher:
    return fake


def tokens(fake: FakeTokenCodec) -> TokenCodec:
    return fake


def secret_box(fake: FakeSecretBox) -> SecretBox:
    return fake


def readiness(fake: FakeReadiness) -> Readiness:
    return fake
