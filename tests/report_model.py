"""A district small enough to count by hand: learners with a school, grade, sex, race/ethnicity
and English-learner flag, and the status of each of their decisions at each moment. It counts
any summary exactly (plain loops, no SQL and no domain code) and names the students of any row,
so tests can attack what the service publishes with tests/differencing.py."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# The summary dimensions a learner has, by their GraphQL key field.
FIELDS = ("school", "grade", "sex", "raceEthnicity", "englishLearner", "competency")
_ATTRIBUTES = {
    "school": "school",
    "grade": "grade",
    "sex": "sex",
    "raceEthnicity": "race",
    "englishLearner": "english_learner",
}
STATUS_FIELDS = {
    "mastered": "mastered",
    "not_yet": "notYet",
    "insufficient_evidence": "insufficientEvidence",
}


@dataclass(frozen=True)
class Learner:
    id: str
    school: str = "school-0"
    grade: str = "03"
    sex: str | None = None  # "FEMALE", "MALE"
    race: str = "UNKNOWN"  # a RaceEthnicity name with at most one flag set
    english_learner: bool | None = None
    # (competency, moment) -> "mastered" | "not_yet" | "insufficient_evidence"; none: no evidence
    statuses: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def value(self, name: str) -> object:
        return getattr(self, _ATTRIBUTES[name])

    def demographics(self) -> dict[str, Any]:
        """The OneRoster demographics that give this learner's subgroups."""
        flags: dict[str, Any] = {"english_learner": self.english_learner}
        if self.sex is not None:
            flags["sex"] = self.sex.lower()
        if self.race != "UNKNOWN":
            flags[self.race.lower()] = True
        return flags


@dataclass(frozen=True)
class Cell:
    """One row of a summary, counted exactly."""

    key: dict[str, object]
    members: int
    students: int
    covered: tuple[str, ...]  # the competencies its decisions are on
    counts: dict[str, int]  # mastered, notYet, insufficientEvidence, noEvidence

    @property
    def competencies(self) -> int:
        return len(self.covered)


def _bits(learners: Sequence[Learner], holds: Callable[[Learner], bool]) -> int:
    return sum(1 << i for i, learner in enumerate(learners) if holds(learner))


@dataclass
class _Index:
    """Bitmasks of the learners by value of each field, and by status of each decision."""

    learners: Sequence[Learner]
    by_value: dict[tuple[str, object], int]
    by_status: dict[tuple[str, str, str], int]


_INDEXES: dict[int, _Index] = {}


def _index(learners: Sequence[Learner]) -> _Index:
    known = _INDEXES.get(id(learners))
    if known is not None and known.learners is learners:
        return known
    values = {(f, x.value(f)) for x in learners for f in _ATTRIBUTES}
    by_value = {(f, v): _bits(learners, lambda x, f=f, v=v: x.value(f) == v) for f, v in values}
    keys = {(c, moment, status) for x in learners for (c, moment), status in x.statuses.items()}
    by_status = {
        (c, moment, status): _bits(
            learners, lambda x, k=(c, moment), s=status: x.statuses.get(k) == s
        )
        for c, moment, status in keys
    }
    _INDEXES.clear()  # one district at a time
    _INDEXES[id(learners)] = _Index(learners, by_value, by_status)
    return _INDEXES[id(learners)]


def mask(learners: Sequence[Learner], where: Mapping[str, object]) -> int:
    """The learners (bit i for learners[i]) whose values match `where`."""
    index = _index(learners)
    found = (1 << len(learners)) - 1
    for k, v in where.items():
        found &= index.by_value.get((k, v), 0)
    return found


def count(
    learners: Sequence[Learner],
    group_by: Sequence[str],
    where: Mapping[str, object],
    competencies: Sequence[str],
    moment: str,
) -> list[Cell]:
    """The summary grouped by `group_by` (GraphQL key fields) over the learners matching
    `where`, on `competencies` as they stood at `moment`: one cell per group with a learner."""
    index = _index(learners)
    roster = [d for d in group_by if d != "competency"]
    chosen = mask(learners, where)
    per_competency = "competency" in group_by
    scopes = [[c] for c in competencies] if per_competency else [list(competencies)]
    values = [sorted({v for f, v in index.by_value if f == d}, key=repr) for d in roster]
    cells = []
    for combination in itertools.product(*values):
        roster_key = dict(zip(roster, combination, strict=True))
        members = chosen
        for k, v in roster_key.items():
            members &= index.by_value[(k, v)]
        if not members:
            continue
        for scope in scopes:
            key = {**roster_key, "competency": scope[0]} if per_competency else roster_key
            tally = {
                name: sum(
                    (members & index.by_status.get((c, moment, status), 0)).bit_count()
                    for c in scope
                )
                for status, name in STATUS_FIELDS.items()
            }
            decisions = members.bit_count() * len(scope)
            tally["noEvidence"] = decisions - sum(tally.values())
            cells.append(Cell(key, members, members.bit_count(), tuple(scope), tally))
    return cells
