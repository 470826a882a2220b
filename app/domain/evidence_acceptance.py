"""Accepting a batch of results: which are new, which change or revive stored ones, which
stored ones a source no longer sends (voided), and every problem that refuses the batch.

A batch is all or nothing: one problem anywhere and nothing is written. Results are
identified across resends by (source, source_id, competency): a resent result that is the
same is unchanged, a different one updates the stored one (keeping its id and arrival)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from app.domain.categories import MARKED_SCORE
from app.domain.errors import Invalid, Location, Problem, ProblemList
from app.domain.evidence import (
    CROSSWALK_SOURCE,
    Evidence,
    EvidenceKey,
    EvidenceKind,
    evidence_category_problems,
    evidence_problems,
)
from app.domain.frameworks import Framework
from app.domain.mastery.record import ChangeCause


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class EvidenceInput:
    """One result as a client sends it; `source` defaults to the client's id."""

    student_id: str
    competency_id: str
    score: float | None
    observed_at: datetime
    source_id: str
    max_score: float | None = None
    source: str | None = None
    kind: str = EvidenceKind.SUMMATIVE.value
    comment: str | None = None
    category: str | None = None
    weight: float | None = None
    mark: str | None = None
    # A synced result (a gradebook's) whose category maps onto none of the framework's is
    # stored uncategorised rather than refused: the sender cannot know the framework's names.
    uncategorised_allowed: bool = False

    def key(self, default_source: str) -> EvidenceKey:
        """What identifies this result across resends, its source defaulting to the sender."""
        return (self.source or default_source, self.source_id, self.competency_id)


@dataclass(frozen=True)
class UnreadItem:
    """An item some of whose fields could not be read (their types were refused): the
    references among them that could be read are still checked, so that one answer lists
    those problems too."""

    student_id: str | None = None
    competency_id: str | None = None


Item = EvidenceInput | UnreadItem


@dataclass(frozen=True)
class ItemOutcome:
    id: str
    outcome: Outcome


@dataclass(frozen=True)
class Replacing:
    """A batch that replaces the evidence some source ids made (a gradebook result sent
    again): `earlier` is what those ids made before, voided ones too."""

    earlier: Sequence[Evidence]


@dataclass
class Acceptance:
    """What a batch does to the stored evidence: new results, changed ones (with what each
    was), each item's outcome, and the problems that refuse it (then nothing is written)."""

    created: list[Evidence] = field(default_factory=list)
    updated: list[Evidence] = field(default_factory=list)
    previous: list[Evidence] = field(default_factory=list)
    outcomes: list[ItemOutcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def cause(self) -> ChangeCause:
        """Why the decisions this batch reaches change: a batch of nothing that voids what a
        source sent before is a void; anything else is evidence."""
        return ChangeCause.VOID if self.previous and not self.outcomes else ChangeCause.EVIDENCE

    def raise_if_refused(self) -> None:
        """Raise `Invalid` listing every problem, if there is any."""
        if self.problems:
            detail = f"{len(self.problems)} problem(s) in the batch; nothing was written"
            raise Invalid(detail, list(self.problems))


def accept_batch(
    items: Sequence[Item],
    *,
    sender: str,
    new_id: Callable[[], str],
    frameworks: Mapping[str, Framework],
    framework_of: Mapping[str, str],
    students: Collection[str],
    stored: Mapping[EvidenceKey, Evidence],
    now: datetime,
    replacing: Replacing | None = None,
) -> Acceptance:
    """What this batch of `sender`'s does, given the active students among its students and
    the stored evidence of its keys (`new_id` is called once per item, in order).

    A source that replaces its evidence revives what it voided before and voids what its ids
    no longer send; a client re-posting a voided item (no `replacing`) does not revive it. An
    UnreadItem has only its references checked."""
    context = _Context(sender, new_id, frameworks, framework_of, students, now)
    built, first_at = _checked(items, context)
    if built.problems:
        return Acceptance(problems=built.problems)
    accepted = _compared(built.evidence, stored, revive=replacing is not None)
    if replacing is not None:
        for old in replacing.earlier:
            if old.voided_at is None and old.key not in first_at:
                accepted.updated.append(replace(old, voided_at=now))
                accepted.previous.append(old)
    return accepted


@dataclass
class _Built:
    evidence: list[Evidence] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class _Context:
    """What a batch's items are checked against."""

    sender: str
    new_id: Callable[[], str]
    frameworks: Mapping[str, Framework]
    framework_of: Mapping[str, str]
    students: Collection[str]
    now: datetime


def _checked(items: Sequence[Item], context: _Context) -> tuple[_Built, dict[EvidenceKey, int]]:
    """The batch's evidence and every problem, and the item where each key first appears."""
    problems = ProblemList()
    built: list[Evidence] = []
    first_at: dict[EvidenceKey, int] = {}
    for index, item in enumerate(items):
        at: Location = ("items", index)
        framework = _reference_problems(item, context, problems, at)
        if isinstance(item, UnreadItem):
            continue
        evidence = _evidence(item, context, framework, problems, at)
        if evidence is None:
            continue
        if evidence.key in first_at:
            problems.add(
                (*at, "source_id"),
                f"repeats item {first_at[evidence.key]} (same source, source_id and competency)",
            )
        first_at.setdefault(evidence.key, index)
        built.append(evidence)
    return _Built(built, problems.problems), first_at


def _reference_problems(
    item: Item, context: _Context, problems: ProblemList, at: Location
) -> Framework | None:
    """Record a student or competency the item names that the district does not have (or
    that is retired); the competency's framework, if it has one."""
    student, competency = item.student_id, item.competency_id
    if student is not None and student not in context.students:
        problems.add((*at, "student_id"), f"no student {student!r}")
    if competency is None:
        return None
    framework = context.frameworks.get(context.framework_of.get(competency, ""))
    if framework is None:
        problems.add((*at, "competency_id"), f"no competency {competency!r}")
    elif not framework.takes_evidence(competency):
        problems.add(
            (*at, "competency_id"),
            f"competency {competency!r} is retired and takes no new evidence",
        )
    return framework


def _evidence(
    item: EvidenceInput,
    context: _Context,
    framework: Framework | None,
    problems: ProblemList,
    at: Location,
) -> Evidence | None:
    """The item as evidence, its problems (its own and against the scale) recorded at `at`."""
    if item.score is None and item.mark is None:
        problems.add((*at, "score"), "is required unless the result has a mark")
    try:
        evidence = Evidence(
            id=context.new_id(),
            student_id=item.student_id,
            competency_id=item.competency_id,
            # A mark may come without a score; the score is then never read (MARKED_SCORE).
            score=MARKED_SCORE if item.score is None else item.score,
            max_score=item.max_score,
            observed_at=item.observed_at,
            source=item.source or context.sender,
            source_id=item.source_id,
            kind=item.kind,  # type: ignore[arg-type]  # Evidence checks the name
            comment=item.comment,
            category=item.category,
            weight=item.weight,
            mark=item.mark,  # type: ignore[arg-type]  # Evidence checks the name
        )
    except Invalid as error:
        problems.extend(error.problems, at)
        return None
    if evidence.source == CROSSWALK_SOURCE:
        problems.add((*at, "source"), "is reserved for results counted across frameworks")
    if framework is not None:
        scale = framework.scale_for(evidence.competency_id)
        found = evidence_problems(evidence, scale, received_at=context.now)
        problems.extend(found, at)
        problems.extend(
            evidence_category_problems(
                evidence, framework.categories, required=not item.uncategorised_allowed
            ),
            at,
        )
    return evidence if item.score is not None or item.mark is not None else None


def same_result(a: Evidence, b: Evidence) -> bool:
    """Whether a resent result says what the stored one says (its id and arrival aside)."""
    return (
        a.student_id,
        a.score,
        a.max_score,
        a.observed_at,
        a.kind,
        a.comment,
        a.category,
        a.weight,
        a.mark,
    ) == (
        b.student_id,
        b.score,
        b.max_score,
        b.observed_at,
        b.kind,
        b.comment,
        b.category,
        b.weight,
        b.mark,
    )


def _compared(
    built: Sequence[Evidence], stored: Mapping[EvidenceKey, Evidence], *, revive: bool
) -> Acceptance:
    accepted = Acceptance()
    for evidence in built:
        old = stored.get(evidence.key)
        if old is None:
            accepted.created.append(evidence)
            accepted.outcomes.append(ItemOutcome(evidence.id, Outcome.CREATED))
        elif same_result(old, evidence) and not (revive and old.voided_at is not None):
            accepted.outcomes.append(ItemOutcome(old.id, Outcome.UNCHANGED))
        else:
            voided_at = None if revive else old.voided_at
            accepted.updated.append(replace(evidence, id=old.id, seq=old.seq, voided_at=voided_at))
            accepted.previous.append(old)
            accepted.outcomes.append(ItemOutcome(old.id, Outcome.UPDATED))
    return accepted
