"""A district's SIS connection (its OneRoster REST provider) and roster syncs through it: the
first sync reads everything, later ones only what changed after the newest change already read."""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain.access import Scope, TenantId
from app.domain.audit import OPERATOR, AuditKind
from app.domain.errors import Invalid, NotFound, Problem
from app.domain.jobs import Job
from app.domain.oneroster.connection import (
    OneRosterVersion,
    ProviderAuth,
    RosterConnection,
    secret_problems,
)
from app.ports.clock import Clock
from app.ports.jobs import JobArguments, JobReport, JobRunner, Progress
from app.ports.roster_import import RosterProviders
from app.ports.security import SecretBox
from app.ports.unit_of_work import UnitOfWorkFactory
from app.use_cases.import_report import ImportReport
from app.use_cases.roster_import import ImportRejected, RosterImports

SYNC_JOB = "roster_sync"


@dataclass(frozen=True)
class ConnectionSettings:
    """What a district sets; a missing `client_secret` keeps the stored one."""

    base_url: str
    version: OneRosterVersion
    auth: ProviderAuth
    client_id: str
    client_secret: str | None = None
    token_url: str | None = None
    scopes: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class RosterSync:
    """A district's SIS connection, and roster syncs from its OneRoster REST provider."""

    uow: UnitOfWorkFactory
    clock: Clock
    secrets: SecretBox
    providers: RosterProviders
    jobs: JobRunner
    imports: RosterImports

    async def put_connection(
        self, tenant: TenantId, settings: ConnectionSettings
    ) -> tuple[RosterConnection, bool]:
        """Create or replace the connection; whether it was created. The secret is sealed."""
        async with self.uow(tenant) as uow:
            stored = await uow.roster_connection.get()
            if settings.client_secret:
                sealed = self.secrets.seal(settings.client_secret)
            elif stored is not None:
                sealed = stored.client_secret_sealed
            else:
                raise Invalid(
                    "The connection is not valid",
                    [Problem(("client_secret",), "is required for a new connection")],
                )
            same_provider = stored is not None and stored.base_url == settings.base_url
            connection = RosterConnection(
                base_url=settings.base_url,
                version=settings.version,
                auth=settings.auth,
                client_id=settings.client_id,
                client_secret_sealed=sealed,
                token_url=settings.token_url,
                scopes=settings.scopes,
                # Another provider's changes are not this one's: its first sync reads everything.
                synced_through=stored.synced_through if same_provider and stored else None,
                updated_at=self.clock.now(),
            )
            entered = bool(settings.client_secret)
            if problems := [
                *connection.problems(),
                *secret_problems(stored, connection, secret_entered=entered),
            ]:
                raise Invalid("The connection is not valid", problems)
            await uow.roster_connection.save(connection)
            await uow.commit()
        return connection, stored is None

    async def get_connection(self, tenant: TenantId) -> RosterConnection:
        async with self.uow(tenant, writes=False) as uow:
            connection = await uow.roster_connection.get()
        if connection is None:
            raise NotFound("No SIS connection is set for this district")
        return connection

    async def delete_connection(self, tenant: TenantId) -> None:
        async with self.uow(tenant) as uow:
            if not await uow.roster_connection.delete():
                raise NotFound("No SIS connection is set for this district")
            await uow.commit()

    async def sync_roster(
        self,
        tenant: TenantId,
        *,
        skip_invalid: bool = False,
        progress: Progress | None = None,
        actor: str = OPERATOR,
        allow_mass_retire: bool = False,
    ) -> ImportReport:
        """Import the provider's roster (all of it, or what changed since the last sync) by the
        same rules as a CSV set; on success the newest change read becomes the next starting
        point."""
        connection = await self.get_connection(tenant)
        secret = self.secrets.open(connection.client_secret_sealed)
        source = self.providers.source(connection, secret, connection.synced_through)
        try:
            report = await self.imports.import_roster(
                tenant,
                source,
                skip_invalid=skip_invalid,
                progress=progress,
                actor=actor,
                audit_kind=AuditKind.ROSTER_SYNCED,
                allow_mass_retire=allow_mass_retire,
            )
        finally:
            await source.close()
        newest = report.newest_change
        if newest is not None and connection.moves_forward_to(newest):
            async with self.uow(tenant) as uow:
                current = await uow.roster_connection.get()
                if current is not None and current.base_url == connection.base_url:
                    await uow.roster_connection.save(replace(current, synced_through=newest))
                    await uow.commit()
        return report

    async def start_sync_job(
        self,
        tenant: TenantId,
        *,
        skip_invalid: bool,
        actor: str = OPERATOR,
        allow_mass_retire: bool = False,
    ) -> Job:
        """Sync in the background; not found at once when no connection is set."""
        await self.get_connection(tenant)
        arguments = {
            "skip_invalid": skip_invalid,
            "actor": actor,
            "allow_mass_retire": allow_mass_retire,
        }
        return await self.jobs.enqueue(tenant, SYNC_JOB, Scope.ROSTER_WRITE, arguments)

    async def run_sync_job(
        self, tenant: TenantId, arguments: JobArguments, progress: Progress
    ) -> JobReport:
        """A sync job's work: one import transaction and then the new starting point, so a
        sync interrupted at any moment runs again from the last starting point saved."""
        try:
            report = await self.sync_roster(
                tenant,
                skip_invalid=bool(arguments["skip_invalid"]),
                progress=progress,
                actor=str(arguments.get("actor", OPERATOR)),
                allow_mass_retire=bool(arguments.get("allow_mass_retire", False)),
            )
        except ImportRejected as rejected:
            return JobReport(rejected.report.result(), rejected.report.errors(), failed=True)
        return JobReport(report.result(), report.errors())
