"""Recording, reading and voiding evidence: every batch is all-or-nothing."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from app.domain.access import Principal
from app.domain.errors import Invalid, NotFound, Problem, ProblemList
from app.domain.evidence import Evidence, EvidenceKind, evidence_problems
from app.domain.frameworks import Framework
from app.domain.mastery.record import ChangeCause, DecisionRecord
from app.domain.mastery.refresh import Touch, touches_of
from app.domain.roster import RosterKind, UserRole
from app.ports.clock import Clock, IdGenerator
from app.ports.evidence import EvidenceKey
from app.ports.mastery import StudentCompetency
from app.ports.paging import Page
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.deciding import refresh


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class EvidenceInput:
    """One result as a client sends it; `source` defaults to the client's id."""

    student_id: str
    competency_id: str
    score: float
    observed_at: datetime
    source_id: str
    max_score: float | None = None
    source: str | None = None
    kind: str = EvidenceKind.SUMMATIVE.value
    comment: str | None = None


@dataclass(frozen=True)
class ItemOutcome:
    id: str
    outcome: Outcome


@dataclass(frozen=True)
class RecordedBatch:
    """What happened to each item, and every decision the batch changed (rollups included)."""

    items: list[ItemOutcome]
    decisions: list[DecisionRecord]
    frameworks: dict[str, Framework]
    # The instant the decisions are to be shown as of: when a command commits the batch, just
    # after its commit, as a read then would show them.
    shown_at: datetime


def _same_result(a: Evidence, b: Evidence) -> bool:
    return (a.student_id, a.score, a.max_score, a.observed_at, a.kind, a.comment) == (
        b.student_id,
        b.score,
        b.max_score,
        b.observed_at,
        b.kind,
        b.comment,
    )


async def _named_by_case_identifier(
    uow: UnitOfWork, items: list[EvidenceInput], framework_of: dict[str, str]
) -> list[EvidenceInput]:
    """The items with a competency named by its CASE identifier (the CFItem identifier this
    service serves for a framework authored here, which vendors align to) named by its id;
    `items` itself when every competency id is known (the usual case: no query)."""
    missing = {i.competency_id for i in items} - framework_of.keys()
    if not missing:
        return items
    owners = await uow.case.competency_owners(missing)
    if not owners:
        return items
    return [
        replace(i, competency_id=owners[i.competency_id][1]) if i.competency_id in owners else i
        for i in items
    ]


def _build(
    index: int,
    item: EvidenceInput,
    new_id: str,
    source: str,
    framework: Framework | None,
    now: datetime,
    problems: ProblemList,
) -> Evidence | None:
    try:
        evidence = Evidence(
            id=new_id,
            student_id=item.student_id,
            competency_id=item.competency_id,
            score=item.score,
            max_score=item.max_score,
            observed_at=item.observed_at,
            source=source,
            source_id=item.source_id,
            kind=item.kind,  # type: ignore[arg-type]  # Evidence checks the name
            comment=item.comment,
        )
    except Invalid as error:
        problems.extend(error.problems, ("items", index))
        return None
    if framework is not None:
        scale = framework.scale
        problems.extend(evidence_problems(evidence, scale, received_at=now), ("items", index))
    return evidence


async def sync_evidence(
    uow: UnitOfWork,
    ids: IdGenerator,
    principal: Principal,
    *,
    source: str,
    source_ids: Collection[str],
    items: list[EvidenceInput],
    now: datetime,
    lock: Collection[str] = (),
) -> RecordedBatch:
    """In the caller's unit of work (no commit): make the evidence these source ids carry be
    exactly `items`. Items are recorded or updated (a voided one counts again); what the
    source ids made before and no longer make is voided. `lock`: more students whose decisions
    this may reach (those of the evidence before, when the caller knows them)."""
    return await _write(uow, ids, principal, items, now, replacing=(source, source_ids), lock=lock)


async def _write(
    uow: UnitOfWork,
    ids: IdGenerator,
    principal: Principal,
    items: list[EvidenceInput],
    now: datetime,
    *,
    replacing: tuple[str, Collection[str]] | None = None,
    lock: Collection[str] = (),
) -> RecordedBatch:
    framework_of, frameworks = await uow.frameworks.of_competencies(
        {i.competency_id for i in items}
    )
    named = await _named_by_case_identifier(uow, items, framework_of)
    if named is not items:
        items = named
        framework_of, frameworks = await uow.frameworks.of_competencies(
            {i.competency_id for i in items}
        )
    students = await uow.roster(RosterKind.USER).active_ids(
        {i.student_id for i in items}, role=UserRole.STUDENT.value
    )
    built, seen = _checked(items, students, framework_of, frameworks, ids, principal, now)

    await uow.decisions.lock_students({e.student_id for e in built} | set(lock))
    stored = await uow.evidence.find(seen.keys())
    # A source that replaces its evidence (a gradebook result sent again) revives what it
    # voided before; a client re-posting a voided item through /v1/evidence does not.
    changes = _compared(built, stored, revive=replacing is not None)
    created, updated, previous = changes.created, changes.updated, changes.previous
    if replacing is not None:
        source, source_ids = replacing
        for old in await uow.evidence.from_sources(source, source_ids):
            if old.voided_at is None and (old.source, old.source_id, old.competency_id) not in seen:
                updated.append(replace(old, voided_at=now))
                previous.append(old)
        more = {e.competency_id for e in previous} - framework_of.keys()
        if more:
            more_of, more_frameworks = await uow.frameworks.of_competencies(more)
            framework_of = {**framework_of, **more_of}
            frameworks = {**frameworks, **more_frameworks}
    created = await uow.evidence.add_many(created, framework_of, now)
    await uow.evidence.replace_many(updated, previous, now)
    touches = touches_of(created, updated, previous)
    cause = ChangeCause.VOID if previous and not built else ChangeCause.EVIDENCE
    refreshed = await refresh(uow, frameworks, framework_of, touches, now, cause)
    return RecordedBatch(changes.outcomes, refreshed.records, frameworks, now)


def _checked(
    items: list[EvidenceInput],
    students: Collection[str],
    framework_of: dict[str, str],
    frameworks: dict[str, Framework],
    ids: IdGenerator,
    principal: Principal,
    now: datetime,
) -> tuple[list[Evidence], dict[EvidenceKey, int]]:
    """The batch's evidence, and the item where each key first appears; raises `Invalid`
    listing every problem of the batch."""
    problems = ProblemList()
    built: list[Evidence] = []
    seen: dict[EvidenceKey, int] = {}
    for index, item in enumerate(items):
        framework = frameworks.get(framework_of.get(item.competency_id, ""))
        if item.student_id not in students:
            problems.add(("items", index, "student_id"), f"no student {item.student_id!r}")
        if framework is None:
            problems.add(("items", index, "competency_id"), f"no competency {item.competency_id!r}")
        elif not framework.takes_evidence(item.competency_id):
            problems.add(
                ("items", index, "competency_id"),
                f"competency {item.competency_id!r} is retired and takes no new evidence",
            )
        source = item.source or principal.client_id
        evidence = _build(index, item, ids.new_id(), source, framework, now, problems)
        if evidence is None:
            continue
        key = (evidence.source, evidence.source_id, evidence.competency_id)
        if key in seen:
            problems.add(
                ("items", index, "source_id"),
                f"repeats item {seen[key]} (same source, source_id and competency)",
            )
        seen.setdefault(key, index)
        built.append(evidence)
    problems.raise_if_any(f"{len(problems.problems)} problem(s) in the batch; nothing was written")
    return built, seen


@dataclass
class _Changes:
    """What a batch does to the stored evidence: new results, changed ones (with what they
    were), and each item's outcome."""

    created: list[Evidence] = field(default_factory=list)
    updated: list[Evidence] = field(default_factory=list)
    previous: list[Evidence] = field(default_factory=list)
    outcomes: list[ItemOutcome] = field(default_factory=list)


def _compared(
    built: list[Evidence], stored: Mapping[EvidenceKey, Evidence], *, revive: bool
) -> _Changes:
    changes = _Changes()
    for evidence in built:
        old = stored.get((evidence.source, evidence.source_id, evidence.competency_id))
        if old is None:
            changes.created.append(evidence)
            changes.outcomes.append(ItemOutcome(evidence.id, Outcome.CREATED))
        elif _same_result(old, evidence) and not (revive and old.voided_at is not None):
            changes.outcomes.append(ItemOutcome(old.id, Outcome.UNCHANGED))
        else:
            voided_at = None if revive else old.voided_at
            changes.updated.append(replace(evidence, id=old.id, seq=old.seq, voided_at=voided_at))
            changes.previous.append(old)
            changes.outcomes.append(ItemOutcome(old.id, Outcome.UPDATED))
    return changes


@dataclass(frozen=True, kw_only=True)
class EvidenceRecords:
    """Assessment results: recorded in all-or-nothing batches, read, voided."""

    uow: UnitOfWorkFactory
    clock: Clock
    ids: IdGenerator
    max_batch: int

    async def record_evidence(
        self, principal: Principal, items: list[EvidenceInput]
    ) -> RecordedBatch:
        """Store a batch of results and update every decision they reach, or nothing at all."""
        if not 1 <= len(items) <= self.max_batch:
            raise Invalid(
                f"A batch holds 1 to {self.max_batch} items",
                [Problem(("items",), f"has {len(items)} items")],
            )
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            batch = await _write(uow, self.ids, principal, items, now)
            await uow.commit()
        return replace(batch, shown_at=self.clock.now())

    async def get_evidence(self, principal: Principal, evidence_id: str) -> Evidence:
        """One result of the caller's district."""
        async with self.uow(principal.tenant_id) as uow:
            evidence = await uow.evidence.get(evidence_id)
        if evidence is None:
            raise NotFound(f"No evidence {evidence_id!r}")
        return evidence

    async def list_evidence(
        self,
        principal: Principal,
        *,
        student_id: str | None,
        competency_id: str | None,
        since: datetime | None,
        after: str | None,
        limit: int,
    ) -> Page[Evidence]:
        """A page of evidence in arrival order."""
        if after is not None and not after.isdigit():
            raise Invalid("The cursor is not valid", [Problem(("query", "cursor"), "not a cursor")])
        async with self.uow(principal.tenant_id) as uow:
            return await uow.evidence.list(
                student_id=student_id,
                competency_id=competency_id,
                since=since,
                after=after,
                limit=limit,
            )

    async def void_evidence(self, principal: Principal, evidence_id: str) -> RecordedBatch:
        """Void a result: kept, no longer counted; its decision (and rollups) are recomputed."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            evidence = await uow.evidence.get(evidence_id)
            if evidence is None:
                raise NotFound(f"No evidence {evidence_id!r}")
            if evidence.voided_at is not None:
                unchanged = [ItemOutcome(evidence.id, Outcome.UNCHANGED)]
                return RecordedBatch(unchanged, [], {}, self.clock.now())
            await uow.decisions.lock_students([evidence.student_id])
            framework_of, frameworks = await uow.frameworks.of_competencies(
                {evidence.competency_id}
            )
            await uow.evidence.replace_many([replace(evidence, voided_at=now)], [evidence], now)
            touch = Touch(evidence.student_id, evidence.competency_id, recompute=True)
            refreshed = await refresh(uow, frameworks, framework_of, [touch], now, ChangeCause.VOID)
            await uow.commit()
        updated = [ItemOutcome(evidence.id, Outcome.UPDATED)]
        return RecordedBatch(updated, refreshed.records, frameworks, self.clock.now())

    async def evidence_of_decisions(
        self, principal: Principal, pairs: Collection[StudentCompetency]
    ) -> dict[StudentCompetency, list[Evidence]]:
        """Every result (voided too) behind each (student, competency), in arrival order."""
        async with self.uow(principal.tenant_id) as uow:
            found = await uow.evidence.history(pairs)
        return {p: sorted(found.get(p, []), key=lambda e: e.seq or 0) for p in pairs}
