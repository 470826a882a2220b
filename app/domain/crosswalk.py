"""Mastery across frameworks: a result for a competency counts for its exact matches in the
district's other frameworks (docs/decisions/0053-crosswalk.md).

- Only `exactMatchOf` carries evidence, in both directions (CASE defines it as "the same
  competency": a match is a match from either end). `isPartOf`, `isRelatedTo`, `isPeerOf` and
  the rest say that two competencies are near, not the same: a result on one is not evidence
  of the other, so they carry nothing.
- One hop: a result is carried to the direct matches of the competency it was posted for, and a
  carried result is never carried again (no chains through a third framework, no way back).
- Across frameworks only: a match inside one framework would count the same result twice in
  one tree. A retired match takes no evidence, so nothing is carried to it.
- The score keeps its share of the top of its scale, as every result with a `max_score` is put
  on a scale (`evidence.normalise`): a result without `max_score` is carried with the top of
  its own scale as `max_score`, so 3 on a 0-4 scale counts as 3.75 on a 0-5 one.
- The carried result is the original's copy in everything else (student, observed_at, kind,
  mark, weight; the category when the other framework has one of that name), identified by
  the source `crosswalk`, the original's id as source_id and the matched competency: resent,
  changed, voided or revived with the original, in the same transaction.
- One assessment counts once per framework: a result is not carried to a match for which its
  source sent a result of the same student under the same source_id itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from app.domain.associations import AssociationType
from app.domain.categories import category_named
from app.domain.evidence import CROSSWALK_SOURCE, Evidence, EvidenceKey
from app.domain.evidence_acceptance import same_result
from app.domain.frameworks import Framework

EXACT_MATCH = AssociationType.EXACT_MATCH_OF.value


@dataclass(frozen=True)
class ExactMatch:
    """A competency of another framework that a competency exactly matches."""

    framework_id: str
    competency_id: str


@dataclass(frozen=True)
class Crosswalk:
    """Each competency's exact matches in the district's other frameworks."""

    matches: Mapping[str, tuple[ExactMatch, ...]] = field(default_factory=dict)

    def of(self, competency_id: str) -> tuple[ExactMatch, ...]:
        """The exact matches of one competency (none when it has none)."""
        return self.matches.get(competency_id, ())

    def __bool__(self) -> bool:
        return bool(self.matches)


def crosswalk_of(
    links: Iterable[tuple[str, str]], owners: Mapping[str, tuple[str, str]]
) -> Crosswalk:
    """The crosswalk of `exactMatchOf` links (origin identifier, destination identifier),
    both ends named by CASE identifier or id and found in `owners` (identifier -> (framework
    id, competency id)); a link to a node that is no competency of the district is left out."""
    found: dict[str, dict[str, ExactMatch]] = {}
    for origin, destination in links:
        if origin not in owners or destination not in owners:
            continue
        a, b = owners[origin], owners[destination]
        if a[0] == b[0]:
            continue  # inside one framework: see the module's rules
        found.setdefault(a[1], {})[b[1]] = ExactMatch(*b)
        found.setdefault(b[1], {})[a[1]] = ExactMatch(*a)
    return Crosswalk({k: tuple(v.values()) for k, v in found.items()})


def added_exact_match_ends(before: Framework | None, after: Framework) -> set[str]:
    """The identifiers at both ends of the exactMatchOf associations `after` keeps that
    `before` (the framework as it was, if it was) did not."""
    had = {a.identifier for a in before.associations} if before is not None else set()
    return {
        end.identifier
        for a in after.associations
        if a.type == EXACT_MATCH and a.identifier not in had
        for end in (a.origin, a.destination)
    }


def crosswalk_note(framework: Framework, competency_id: str) -> str:
    """What a carried result says of where it comes from."""
    code = framework.competency(competency_id).code
    return f"counted from {code} ({framework.title}) via {EXACT_MATCH}"


def carried(
    original: Evidence, source: Framework, target: Framework, competency_id: str, new_id: str
) -> Evidence:
    """The original result as it counts for `competency_id` of `target` (module's rules)."""
    top = source.scale_for(original.competency_id).highest
    category = original.category
    if category_named(target.categories, category) is None:
        category = None
    return replace(
        original,
        id=new_id,
        competency_id=competency_id,
        max_score=original.max_score if original.max_score is not None else float(top),
        source=CROSSWALK_SOURCE,
        source_id=original.id,
        comment=crosswalk_note(source, original.competency_id),
        category=category,
        seq=0,
    )


def carried_keys(originals: Iterable[Evidence], crosswalk: Crosswalk) -> set[EvidenceKey]:
    """The keys of the carried copies of these originals."""
    return {
        (CROSSWALK_SOURCE, e.id, m.competency_id)
        for e in originals
        if e.source != CROSSWALK_SOURCE
        for m in crosswalk.of(e.competency_id)
    }


@dataclass
class Carried:
    """What carrying a batch across does to the stored carried copies."""

    created: list[Evidence] = field(default_factory=list)
    updated: list[Evidence] = field(default_factory=list)
    previous: list[Evidence] = field(default_factory=list)


def carry_across(
    originals: Sequence[Evidence],
    crosswalk: Crosswalk,
    frameworks: Mapping[str, Framework],
    framework_of: Mapping[str, str],
    stored: Mapping[EvidenceKey, Evidence],
    new_id: Callable[[], str],
    *,
    now: datetime,
    sent: Mapping[EvidenceKey, str] | None = None,
) -> Carried:
    """The carried copies of these originals (each as it now stands, voided or not), compared
    with the stored copies: new ones, and changed ones with what each was. `sent`: the results
    (not voided) the sources sent for a match themselves, key -> student: the same assessment
    of the same student aligned to both standards is not carried on top of it (it would count
    twice), and a copy carried before it arrived is voided."""
    sent = sent or {}
    out = Carried()
    for original in originals:
        if original.source == CROSSWALK_SOURCE:
            continue
        source = frameworks[framework_of[original.competency_id]]
        for match in crosswalk.of(original.competency_id):
            target = frameworks.get(match.framework_id)
            key = (CROSSWALK_SOURCE, original.id, match.competency_id)
            old = stored.get(key)
            if target is None or (old is None and not target.takes_evidence(match.competency_id)):
                continue
            copy = carried(original, source, target, match.competency_id, new_id())
            own = sent.get((original.source, original.source_id, match.competency_id))
            if own == original.student_id:
                copy = replace(copy, voided_at=copy.voided_at or now)
            if old is None:
                if copy.voided_at is None:
                    out.created.append(copy)
            elif not same_result(old, copy) or (old.voided_at is None) != (copy.voided_at is None):
                voided_at = old.voided_at if old.voided_at and copy.voided_at else copy.voided_at
                out.updated.append(replace(copy, id=old.id, seq=old.seq, voided_at=voided_at))
                out.previous.append(old)
    return out


def sent_keys(originals: Iterable[Evidence], crosswalk: Crosswalk) -> set[EvidenceKey]:
    """The keys a source would use for these originals' matches, had it sent them itself."""
    return {
        (e.source, e.source_id, m.competency_id)
        for e in originals
        if e.source != CROSSWALK_SOURCE
        for m in crosswalk.of(e.competency_id)
    }


def voided_copies(copies: Iterable[Evidence], voided_at: Mapping[str, datetime]) -> Carried:
    """The stored carried copies of voided originals (`voided_at`: when each was voided, by
    its id), voided with them."""
    out = Carried()
    for old in copies:
        if old.voided_at is None and old.source_id in voided_at:
            out.updated.append(replace(old, voided_at=voided_at[old.source_id]))
            out.previous.append(old)
    return out


def crosswalk_sentence(counted: Sequence[Evidence]) -> str:
    """The explanation's word on the counted results carried from another framework."""
    notes = list(dict.fromkeys(e.comment for e in counted if e.source == CROSSWALK_SOURCE))
    if not notes:
        return ""
    n = sum(1 for e in counted if e.source == CROSSWALK_SOURCE)
    results = "result" if n == 1 else "results"
    return f" {n} counted {results} from another framework: {'; '.join(map(str, notes))}."


def copies_between(evidence: Sequence[Evidence], a: str, b: str) -> list[Evidence]:
    """The carried copies among `evidence` (of some students on competencies `a` and `b`) that
    were carried from one of the two to the other."""
    on: dict[str, set[str]] = {a: set(), b: set()}
    for e in evidence:
        if e.source != CROSSWALK_SOURCE and e.competency_id in on:
            on[e.competency_id].add(e.id)
    other = {a: b, b: a}
    return [
        e
        for e in evidence
        if e.source == CROSSWALK_SOURCE
        and e.competency_id in other
        and e.source_id in on[other[e.competency_id]]
    ]
