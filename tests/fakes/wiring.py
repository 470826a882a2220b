"""Every port faked, wired by the composition root's own `wire`: use cases with no database and
no network, for unit tests (`FakeAdapters().use_cases(Policy(...))`).

The CASE JSON codec is the real one (pure: it reads only its input)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.adapters.case.codec import CaseJsonCodec
from app.adapters.security.keys import KeyRing
from app.adapters.security.page_sessions import JwtPageSessionCodec
from app.adapters.security.standing import CachedClientStanding
from app.bootstrap import Adapters, Policy, wire
from app.bootstrap_credentials import CredentialAdapters
from app.domain.access import ALL_SCOPES, Principal, Scope, TenantId
from app.use_cases.catalog import UseCases
from app.use_cases.job_kinds import job_kinds
from tests.fakes.case import FakeCaseSource
from tests.fakes.clock import FakeClock, FakeIds
from tests.fakes.credentials import MemoryCredentials, MemoryIssuerKeys
from tests.fakes.health import FakeReadiness
from tests.fakes.jobs import FakeJobRunner
from tests.fakes.lti import MemoryLaunchRecords, fake_lti_adapters
from tests.fakes.roster_import import FakeRosterFiles, FakeRosterProviders
from tests.fakes.security import FakeSecretBox, FakeSecretHasher, FakeTokenCodec
from tests.fakes.unit_of_work import FakeDatabase


@dataclass
class FakeAdapters:
    """The fakes of one test, kept at hand so that the test can arrange and inspect them."""

    database: FakeDatabase = field(default_factory=FakeDatabase)
    clock: FakeClock = field(default_factory=FakeClock)
    ids: FakeIds = field(default_factory=FakeIds)
    hasher: FakeSecretHasher = field(default_factory=FakeSecretHasher)
    tokens: FakeTokenCodec = field(default_factory=FakeTokenCodec)
    secrets: FakeSecretBox = field(default_factory=FakeSecretBox)
    readiness: FakeReadiness = field(default_factory=FakeReadiness)
    roster_files: FakeRosterFiles = field(default_factory=FakeRosterFiles)
    roster_providers: FakeRosterProviders = field(default_factory=FakeRosterProviders)
    case_source: FakeCaseSource = field(default_factory=FakeCaseSource)
    jobs_inline: bool = True
    # The real cache of client standing over the fake directory; 0 asks on every call.
    standing_seconds: float = 0.0

    def __post_init__(self) -> None:
        self.jobs = FakeJobRunner(self.database.uow, self.clock, self.ids, inline=self.jobs_inline)
        self.standing = CachedClientStanding(
            self.database.directory, ttl_seconds=self.standing_seconds, monotonic=self.monotonic
        )

    def monotonic(self) -> float:
        """The fake clock's seconds, for the caches that measure intervals."""
        return self.clock.now().timestamp()

    def adapters(self) -> Adapters:
        return Adapters(
            uow=self.database.uow,
            directory=self.database.directory,
            reads=self.database.reads,
            clock=self.clock,
            ids=self.ids,
            hasher=self.hasher,
            tokens=self.tokens,
            # The real codec: it is pure (a signature over claims), so a fake would add nothing.
            page_sessions=JwtPageSessionCodec(KeyRing(("fake-page-session-key-0123456789abcdef",))),
            standing=self.standing,
            secrets=self.secrets,
            readiness=self.readiness,
            jobs=self.jobs,
            roster_files=self.roster_files,
            roster_providers=self.roster_providers,
            case_codec=CaseJsonCodec(),
            lti_launches=MemoryLaunchRecords(),
            lti=fake_lti_adapters(),
            credentials=CredentialAdapters(store=MemoryCredentials(), keys=MemoryIssuerKeys()),
            case_source=self.case_source,
        )

    def use_cases(self, policy: Policy | None = None) -> UseCases:
        """The use cases, with the job kinds they queue attached to the fake runner."""
        use_cases = wire(self.adapters(), policy or Policy())
        self.jobs.attach(job_kinds(use_cases))
        return use_cases


def principal(
    tenant: int = 1, scopes: frozenset[Scope] = ALL_SCOPES, client_id: str = "lms"
) -> Principal:
    """A caller of tenant `tenant` (which need not be in the directory: a unit of work is
    opened for a tenant id, as a token names it)."""
    return Principal(client_id, TenantId(tenant), f"district-{tenant}", scopes)
