"""Import a OneRoster set (CSV files or a REST provider's roster) into a tenant's roster.

Rows stream in chunks (roster_reading.py): each row is read by the domain's rules, or found
unchanged by its fingerprint and taken as stored, staged in the unit of work's transaction, then
checked as sets (duplicates, stale delta rows, references to what the set and
the roster hold) before every kind is merged with one statement per table. The whole import is
one transaction: by default any problem writes nothing; with `skip_invalid` the rows with
problems are left out, each reported with its file and line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from app.domain.access import Scope, TenantId
from app.domain.audit import OPERATOR, AuditEntry, AuditKind
from app.domain.jobs import Job
from app.domain.oneroster.files import (
    FILE_OF_KIND,
    FILES,
    ROLES,
    USERS,
    FileMode,
    Manifest,
    RosterFile,
)
from app.domain.oneroster.references import (
    REFERENCE_FIELDS,
    ROLE_ORG,
    ROLE_USER,
    ReferenceField,
    missing_message,
)
from app.domain.oneroster.retirement import DEFAULT_MAX_RETIRE_SHARE
from app.domain.oneroster.roles import main_role, merge_roles, org_ids_of
from app.domain.oneroster.rows import RowRead, read_row
from app.domain.oneroster.values import RowValues
from app.domain.roster import RecordStatus, RoleAssignment, RosterKind, User
from app.ports.clock import Clock
from app.ports.jobs import JobArguments, JobReport, JobRunner, Progress
from app.ports.roster_import import RosterFiles, RosterSource, RosterStaging
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.import_report import MAX_LISTED_PROBLEMS, FileReport, ImportReport
from app.use_cases.import_report import ImportRejected as ImportRejected
from app.use_cases.roster import SAVE_ORDER
from app.use_cases.roster_outline import outline
from app.use_cases.roster_reading import Chunk, StagedChunk, stage_file

_ID_CHUNK = 5000
IMPORT_JOB = "roster_import"


@dataclass(frozen=True, kw_only=True)
class RosterImports:
    """OneRoster sets imported into a district's roster: at once (the CLI, the demo, a sync)
    or as background jobs whose progress GET /v1/jobs/{id} shows."""

    uow: UnitOfWorkFactory
    clock: Clock
    jobs: JobRunner
    files: RosterFiles
    max_retire_share: float = DEFAULT_MAX_RETIRE_SHARE

    async def import_roster(
        self,
        tenant: TenantId,
        source: RosterSource,
        *,
        skip_invalid: bool = False,
        progress: Progress | None = None,
        actor: str = OPERATOR,
        audit_kind: AuditKind = AuditKind.ROSTER_IMPORTED,
        dry_run: bool = False,
        allow_mass_retire: bool = False,
    ) -> ImportReport:
        """Import the set; raises `ImportRejected` listing every problem when nothing may be
        written (any problem, unless `skip_invalid`; a mass retirement, unless
        `allow_mass_retire`). The audit trail records the import, by `actor`, in its own
        transaction. A `dry_run` merges as an import would, reports the counts (what would be
        added, changed, retired) and rolls back."""
        manifest = await outline(source)
        report = ImportReport(manifest.version, skip_invalid, manifest.source)
        report.not_used = source.not_used()
        report.notes = list(manifest.notes)
        async with self.uow(tenant) as uow:
            staging = uow.roster_staging()
            await staging.open({f.kind: manifest.mode(f) for f in FILES if f.kind is not None})
            run = _Import(uow, staging, source, manifest, report, progress)
            for file in FILES:
                await run.read(file)
            if report.problem_count and not skip_invalid:
                raise ImportRejected(
                    f"{report.problem_count} problem(s) in the roster set; nothing was written",
                    report.listed_problems(),
                    report=report,
                )
            now = self.clock.now()
            for kind in SAVE_ORDER:
                file = FILE_OF_KIND[kind]
                if manifest.mode(file) != FileMode.ABSENT or (file is USERS and run.derived_users):
                    counts = await staging.merge(kind, now)
                    report.files.get(file.name, FileReport(file.name, FileMode.ABSENT)).add(counts)
            await staging.close()
            refused = report.mass_retirements(self.max_retire_share)
            if refused and not allow_mass_retire:
                for p in refused:
                    report.problem(p.loc, p.msg)
                raise ImportRejected(
                    "The import would retire too much of the roster; nothing was written",
                    refused,
                    report=report,
                )
            if dry_run:  # leaving the unit of work uncommitted rolls every merge back
                report.dry_run = True
                return report
            report.written = True
            # Counts and file names only: an import's rows are the roster, not the trail's.
            facts = {k: v for k, v in report.result().items() if k != "notes"}
            if refused:  # the operator confirmed a mass retirement: the trail says so
                facts["mass_retire_allowed"] = True
            await uow.audit.record(AuditEntry(now, actor, audit_kind, "roster", after=facts))
            await uow.commit()
        return report

    async def import_file(
        self,
        tenant: TenantId,
        path: Path,
        *,
        skip_invalid: bool = False,
        progress: Progress | None = None,
        actor: str = OPERATOR,
        dry_run: bool = False,
        allow_mass_retire: bool = False,
    ) -> ImportReport:
        """Import the OneRoster CSV set at `path` (a folder or a zip) at once."""
        source = self.files.open(path)
        try:
            return await self.import_roster(
                tenant,
                source,
                skip_invalid=skip_invalid,
                progress=progress,
                actor=actor,
                dry_run=dry_run,
                allow_mass_retire=allow_mass_retire,
            )
        finally:
            await source.close()

    def keep_upload(self, stream: BinaryIO) -> Path:
        """Store an uploaded set where the service keeps its state, until its job ends."""
        return self.files.keep_upload(stream)

    async def start_file_import(
        self,
        tenant: TenantId,
        path: Path,
        *,
        skip_invalid: bool,
        upload: bool = False,
        actor: str = OPERATOR,
        dry_run: bool = False,
        allow_mass_retire: bool = False,
    ) -> Job:
        """Check that the set at `path` (a folder or a zip) can be read, raising `Invalid` at
        once if not, then import it as a job. An `upload` is deleted when its job ends,
        whatever the end, or at once when it cannot be read."""
        try:
            source = self.files.open(path)
            try:
                await outline(source)
            finally:
                await source.close()
        except Exception:
            if upload:
                self.files.discard_upload(path)
            raise
        arguments = {
            "path": str(path),
            "skip_invalid": skip_invalid,
            "upload": upload,
            "actor": actor,
            "dry_run": dry_run,
            "allow_mass_retire": allow_mass_retire,
        }
        return await self.jobs.enqueue(tenant, IMPORT_JOB, Scope.ROSTER_WRITE, arguments)

    async def run_import_job(
        self, tenant: TenantId, arguments: JobArguments, progress: Progress
    ) -> JobReport:
        """An import job's work. The import is one transaction, so a job interrupted before it
        committed wrote nothing and runs again from the start; one interrupted after it
        committed imports the same set again, which changes nothing (imports are upserts)."""
        skip_invalid = bool(arguments["skip_invalid"])
        try:
            report = await self.import_file(
                tenant,
                Path(arguments["path"]),
                skip_invalid=skip_invalid,
                progress=progress,
                actor=str(arguments.get("actor", OPERATOR)),
                dry_run=bool(arguments.get("dry_run", False)),
                allow_mass_retire=bool(arguments.get("allow_mass_retire", False)),
            )
        except ImportRejected as rejected:
            return JobReport(rejected.report.result(), rejected.report.errors(), failed=True)
        return JobReport(report.result(), report.errors())

    async def import_job_ended(self, arguments: JobArguments) -> None:
        """An upload is deleted once its job has ended (it holds students' names)."""
        if arguments.get("upload"):
            self.files.discard_upload(Path(arguments["path"]))


class _Import:
    """One import's reading and checking, file by file in the order references point."""

    def __init__(
        self,
        uow: UnitOfWork,
        staging: RosterStaging,
        source: RosterSource,
        manifest: Manifest,
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        self.uow = uow
        self.staging = staging
        self.source = source
        self.manifest = manifest
        self.report = report
        self.progress = progress
        self.done = 0
        self.derived_users = False
        # Users rebuilt because roles.csv changed their roles: staged line -> roles.csv line.
        self.derived_lines: dict[int, int] = {}

    async def read(self, file: RosterFile) -> None:
        mode = self.manifest.mode(file)
        roles_mode = self.manifest.mode(ROLES)
        if mode != FileMode.ABSENT:
            self.report.files[file.name] = FileReport(file.name, mode)
            await self._stage(file, mode)
            await self._check_duplicates(file)
            if file.kind is not None and mode == FileMode.DELTA:
                stale = await self.staging.mark_stale(file.kind)
                self.report.files[file.name].stale = len(stale)
        if file is USERS and roles_mode != FileMode.ABSENT and mode != FileMode.BULK:
            await self._rebuild_users_of_changed_roles(roles_mode)
        if file.kind is not None and mode != FileMode.ABSENT:
            for ref in REFERENCE_FIELDS[file.kind]:
                await self._check(file, ref)
        if file is ROLES and mode != FileMode.ABSENT:
            await self._check(file, ROLE_ORG)
        if file is USERS and roles_mode != FileMode.ABSENT:
            await self._check(ROLES, ROLE_USER)

    async def _stage(self, file: RosterFile, mode: FileMode) -> None:
        columns = await self.source.columns(file)
        joins_roles = file is USERS and columns is not None and "role" not in columns
        file_report = self.report.files[file.name]

        async def staged(chunk: StagedChunk) -> None:
            for row in chunk.reads:
                self.report.saw(row.modified)
                if row.problems:
                    file_report.skipped += 1
                    for p in row.problems:
                        self.report.problem((file.name, row.line, *p.loc), p.msg)
            file_report.rows += len(chunk.reads) + chunk.unchanged
            self.done += len(chunk.reads) + chunk.unchanged
            if self.progress is not None:
                await self.progress.advance(self.done, None, files=self._counts())

        async def with_roles(chunk: Chunk) -> list[RowRead]:
            return await self._users_with_roles(chunk, mode)

        await stage_file(
            self.staging,
            self.source.rows(file),
            file.kind,
            mode,
            # A 1.2 user's record is made from roles.csv too, not from its row alone.
            fingerprinted=file.kind is not None and not joins_roles,
            read_in_session=with_roles if joins_roles else None,
            staged=staged,
        )
        if file.kind is not None and not joins_roles:  # unread rows' dates count all the same
            self.report.saw(await self.staging.newest_unchanged(file.kind))

    def _counts(self) -> dict[str, dict[str, int]]:
        return {n: {"rows": f.rows, "skipped": f.skipped} for n, f in self.report.files.items()}

    async def _users_with_roles(
        self, chunk: Sequence[tuple[int, RowValues]], mode: FileMode
    ) -> list[RowRead]:
        """1.2 users, each with its roles from roles.csv (merged with the stored ones)."""
        ids = [str(values.get("sourcedId") or "").strip() for _, values in chunk]
        roles = await self._roles([i for i in ids if i])
        return [
            read_row(RosterKind.USER, values, line, mode, roles.get(id_, ()))
            for (line, values), id_ in zip(chunk, ids, strict=True)
        ]

    async def _roles(self, user_ids: list[str]) -> dict[str, tuple[RoleAssignment, ...]]:
        """Each user's roles after roles.csv: the file's rows merged with the stored roles."""
        roles_mode = self.manifest.mode(ROLES)
        rows = await self.staging.roles_of(user_ids)
        stored: dict[str, User] = {}
        if roles_mode != FileMode.BULK:
            found = await self.uow.roster(RosterKind.USER).get_many(user_ids)
            stored = {k: v for k, v in found.items() if isinstance(v, User)}
        return {
            user_id: merge_roles(
                stored[user_id].roles if user_id in stored else (),
                [row for _, row in rows.get(user_id, [])],
                roles_mode,
            )
            for user_id in user_ids
        }

    async def _rebuild_users_of_changed_roles(self, roles_mode: FileMode) -> None:
        """Users that roles.csv changes but users.csv does not list: their stored record with
        the new roles (and the main role and orgs that follow) is staged in their place."""
        ids = await self.staging.users_with_new_roles()
        for start in range(0, len(ids), _ID_CHUNK):
            chunk = ids[start : start + _ID_CHUNK]
            found = await self.uow.roster(RosterKind.USER).get_many(chunk)
            rows = await self.staging.roles_of(chunk)
            reads = []
            for user_id in chunk:
                user = found.get(user_id)
                if not isinstance(user, User) or user.status != RecordStatus.ACTIVE:
                    continue  # the roles' user reference check reports it
                first_line = rows[user_id][0][0]
                roles = merge_roles(user.roles, [r for _, r in rows[user_id]], roles_mode)
                if roles == user.roles:
                    continue
                if not roles:
                    self._roles_problem(first_line, f"user {user_id!r} would be left with no role")
                    continue
                line = -(len(self.derived_lines) + 1)
                self.derived_lines[line] = first_line
                rebuilt = replace(
                    user,
                    role=main_role(roles),
                    org_ids=org_ids_of(roles, user.primary_org_id),
                    roles=roles,
                )
                reads.append(RowRead(line, user_id, False, user.source_modified_at, rebuilt, []))
            if reads:
                self.derived_users = True
                await self.staging.add(RosterKind.USER, reads)

    def _roles_problem(self, line: int, msg: str) -> None:
        self.report.problem((ROLES.name, line, "userSourcedId"), msg)
        self.report.files[ROLES.name].skipped += 1

    async def _check_duplicates(self, file: RosterFile) -> None:
        for line, id_, first in await self.staging.duplicates(file.kind):
            self.report.problem(
                (file.name, line, "sourcedId"), f"sourcedId {id_!r} is also on line {first}"
            )
            self.report.files[file.name].skipped += 1

    async def _check(self, file: RosterFile, ref: ReferenceField) -> None:
        """Skip the rows whose reference names nothing; a reference to the same kind is
        checked again until no row is newly skipped (a school under a skipped district)."""
        seen: set[tuple[int, int | None]] = set()
        while True:
            found = await self.staging.missing_references(ref, MAX_LISTED_PROBLEMS)
            column = ref.column
            for missing in found.listed:
                if (missing.line, missing.position) in seen:
                    continue
                seen.add((missing.line, missing.position))
                where = self._where(file, missing.line)
                at = (column,) if missing.position is None else (column, missing.position)
                self.report.problem((*where, *at), missing_message(column, ref.target, missing))
            unlisted = found.count - len(found.listed)
            self.report.problem_count += max(0, unlisted)
            report = self.report.files.get(file.name)
            if report is not None:
                report.skipped += len([line for line in found.newly_skipped if line > 0])
            if ref.target != ref.kind or file is ROLES or not found.newly_skipped:
                return

    def _where(self, file: RosterFile, line: int) -> tuple[str, int]:
        if line < 0 and file is USERS:
            return (ROLES.name, self.derived_lines[line])
        return (file.name, line)
