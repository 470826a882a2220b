"""The learning records store: xAPI statements (and Caliper events, app.use_cases.caliper)
stored idempotently, voided, read back, and turned into evidence through the same path as
/v1/evidence, in one unit of work per batch: a refused batch writes nothing."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from app.domain.access import Principal
from app.domain.caliper import GRADE_EVENT
from app.domain.errors import Conflict, Invalid, NotFound, Problem, ProblemList
from app.domain.evidence_acceptance import EvidenceInput
from app.domain.roster import RosterKind, UserRole
from app.domain.xapi import Authority, comparable, normalised, voided_target
from app.domain.xapi_evidence import (
    SOURCE,
    Clues,
    Match,
    lookup_keys,
    match,
    observed_at,
    statement_clues,
)
from app.ports.clock import Clock, IdGenerator
from app.ports.xapi import XAPI, LearningRecord, RecordQuery, RecordsUnitOfWork
from app.ports.xapi import RecordsUnitOfWorkFactory as Units
from app.use_cases.evidence import sync_evidence


@dataclass(frozen=True)
class Stored:
    """The ids of a batch in the order sent, and which of them were new."""

    ids: list[str]
    new: set[str]


async def _competencies(
    uow: RecordsUnitOfWork, keys: Collection[str]
) -> dict[str, tuple[str, bool]]:
    """Lookup key -> (competency id, takes evidence), for keys naming a competency by its id
    or its CASE identifier."""
    framework_of, frameworks = await uow.frameworks.of_competencies(keys)
    named = {k: k for k in framework_of}
    missing = set(keys) - framework_of.keys()
    if missing:
        for identifier, (fid, cid) in (await uow.case.competency_owners(missing)).items():
            framework_of[cid] = fid
            named[identifier] = cid
        frameworks = {**frameworks, **await uow.frameworks.get_many(set(framework_of.values()))}
    return {k: (cid, frameworks[framework_of[cid]].takes_evidence(cid)) for k, cid in named.items()}


async def matches(uow: RecordsUnitOfWork, clues: Sequence[Clues]) -> list[Match]:
    """Whom and what each statement counts for: three lookups for the whole batch."""
    sourced = {c.sourced_id for c in clues if c.sourced_id}
    students = await uow.roster(RosterKind.USER).active_ids(sourced, role=UserRole.STUDENT.value)
    by_email = await uow.learning_records.students_by_email({c.email for c in clues if c.email})
    keys = {k for c in clues for iri in c.competency_iris for k in lookup_keys(iri)}
    competencies = await _competencies(uow, keys) if keys else {}
    return [
        match(c, students_by_id=students, students_by_email=by_email, competencies=competencies)
        for c in clues
    ]


def evidence_of(
    record: LearningRecord, found: Match, clues: Clues, now: datetime
) -> list[EvidenceInput]:
    """The evidence a matched record makes: one per competency."""
    if record.voided or found.unmatched is not None or found.student_id is None:
        return []
    if clues.score is None:
        return []
    score, max_score = clues.score
    when = observed_at(record.body.get("timestamp" if record.kind == XAPI else "eventTime"), now)
    return [
        EvidenceInput(
            student_id=found.student_id,
            competency_id=cid,
            score=score,
            max_score=max_score,
            observed_at=when,
            source=SOURCE if record.kind == XAPI else record.kind,
            source_id=record.id,
            uncategorised_allowed=True,
        )
        for cid in found.competency_ids
    ]


def _scores(record: LearningRecord) -> bool:
    """Whether a record is meant to carry a score: every statement but a voiding one; of
    Caliper's events, a GradeEvent only (the others are kept, and are not unmatched)."""
    return record.kind == XAPI or record.body.get("type") == GRADE_EVENT


async def record_batch(
    uow: RecordsUnitOfWork,
    ids: IdGenerator,
    principal: Principal,
    records: Sequence[tuple[LearningRecord, Clues]],
    now: datetime,
    *,
    voiding: Collection[str] = (),
    lock: Collection[str] = (),
) -> None:
    """Store new records, void statements, and make the evidence both say (no commit)."""
    found = await matches(uow, [c for _, c in records])
    items: list[EvidenceInput] = []
    kept: list[LearningRecord] = []
    for (record, clue), m in zip(records, found, strict=True):
        items += evidence_of(record, m, clue, now)
        kept.append(
            replace(
                record,
                student_id=m.student_id,
                competency_ids=m.competency_ids,
                unmatched=None if record.voids or not _scores(record) else m.unmatched,
            )
        )
    source_ids = [r.id for r, _ in records if r.kind == XAPI] + list(voiding)
    kinds = {r.kind for r, _ in records} | {XAPI}
    for kind in sorted(kinds):
        mine = [i for i in items if i.source == (SOURCE if kind == XAPI else kind)]
        wanted = source_ids if kind == XAPI else [r.id for r, _ in records if r.kind == kind]
        if mine or wanted:
            await sync_evidence(
                uow,
                ids,
                principal,
                source=SOURCE if kind == XAPI else kind,
                source_ids=wanted,
                items=mine,
                now=now,
                lock=lock,
            )
    await uow.learning_records.add_many(kept)
    await uow.learning_records.void(voiding)


@dataclass(frozen=True, kw_only=True)
class LearningRecordStore:
    """xAPI statements: stored, voided, read; and what they count for."""

    uow: Units
    clock: Clock
    ids: IdGenerator
    max_batch: int

    async def store_statements(
        self,
        principal: Principal,
        sent: Sequence[object],
        *,
        home_page: str,
        statement_id: str | None = None,
    ) -> Stored:
        """Store a batch (all or nothing): a statement already stored the same is skipped, one
        stored different is a Conflict; voiding statements void their targets' evidence."""
        now = self.clock.now()
        problems = ProblemList()
        if not 1 <= len(sent) <= self.max_batch:
            problems.add((), f"a batch holds 1 to {self.max_batch} statements")
        authority = Authority(home_page, principal.client_id)
        batch: list[dict[str, Any]] = []
        for index, value in enumerate(sent):
            found = ProblemList()
            if (
                statement_id is not None
                and isinstance(value, dict)
                and value.setdefault("id", statement_id) != statement_id
            ):
                found.add(("id",), "must be the statementId of the request")
            statement = normalised(
                value, found, new_id=self.ids.new_id(), stored=now, authority=authority
            )
            problems.extend(found.problems, (index,) if statement_id is None else ())
            batch.append(statement)
        order = [s.get("id", "") for s in batch]
        for index, sid in enumerate(order):
            if order.index(sid) != index:
                problems.add((index, "id"), f"repeats the id of statement {order.index(sid)}")
        problems.raise_if_any("The statements are not valid; none was stored")
        async with self.uow(principal.tenant_id) as uow:
            stored = await uow.learning_records.get_many(XAPI, order)
            clashes = [
                Problem((i, "id"), f"statement {s['id']} is stored with other content")
                for i, s in enumerate(batch)
                if s["id"] in stored and comparable(stored[s["id"]].body) != comparable(s)
            ]
            if clashes:
                raise Conflict("A statement id is taken by another statement", clashes)
            fresh = [s for s in batch if s["id"] not in stored]
            targets = {t for s in fresh if (t := voided_target(s))}
            # A target may be stored already, or arrive in this very batch.
            voided = await uow.learning_records.get_many(XAPI, targets)
            voids_of = {s["id"]: voided_target(s) for s in fresh}
            for i, s in enumerate(batch):
                target = voided_target(s)
                if (
                    target is not None
                    and s in fresh
                    and (
                        (target in voided and voided[target].voids is not None)
                        or voids_of.get(target) is not None
                    )
                ):
                    problems.add((i, "object", "id"), "a voiding statement cannot be voided")
            problems.raise_if_any("The statements are not valid; none was stored")
            records = [
                (
                    LearningRecord(
                        XAPI,
                        s["id"],
                        now,
                        s,
                        principal.client_id,
                        voided=s["id"] in targets,
                        voids=voided_target(s),
                    ),
                    statement_clues(s),
                )
                for s in fresh
            ]
            lock = {t.student_id for t in voided.values() if t.student_id}
            await record_batch(
                uow, self.ids, principal, records, now, voiding=set(voided), lock=lock
            )
            await uow.commit()
        return Stored(order, {s["id"] for s in fresh})

    async def statement(self, principal: Principal, id: str, *, voided: bool) -> LearningRecord:
        """One statement; a voided one only when asked for as voided, and only then."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            found = (await uow.learning_records.get_many(XAPI, [id])).get(id)
        if found is None or found.voided != voided:
            raise NotFound(f"No statement {id!r}")
        return found

    async def page(self, principal: Principal, query: RecordQuery) -> list[LearningRecord]:
        """A page of statements (or unmatched records), by when they were stored."""
        if not 1 <= query.limit <= self.max_batch:
            raise Invalid("The limit is not valid", [Problem(("query", "limit"), "out of range")])
        async with self.uow(principal.tenant_id, writes=False) as uow:
            return await uow.learning_records.page(query)
