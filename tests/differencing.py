"""The caller who subtracts (docs/decisions/0010-disclosure-control.md), written apart from the
rule it attacks: what a published report row tells about its group, and a search of pairs and
triples of rows for the exact count of a small group.

A row is a group of students (a bitmask over the district's students), the scope its decisions
were counted on (competencies and moment), and its published numbers. A reader turns a row into
what the caller can know of the exact numbers, an interval per measure: `read_exact` for the old
rule (numbers exact), `read_ranges` for the published one (the documented ranges, cut only by
what the counts imply of each other; tests/unit/domain/test_disclosure.py checks, by inverting
the rule, that a caller can know no more).

The search adds and subtracts up to three rows so that every student counts 0 or 1 times: the
combination counts a group G. Where G has 1 to min - 1 students, it asks whether the published
numbers pin |G|, or how many of G's decisions have a status, to a single value."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

STEP = 10
"""The published ranges' width in students, as the decision record states it."""

STATUSES = ("mastered", "notYet", "insufficientEvidence", "noEvidence")
MEASURES = ("students", *STATUSES)

Interval = tuple[int, int]
Reading = dict[str, Interval]


PRINTABLE = 10
"""The widest range of percentages (in points) for which a percentage is published."""


def percent_range(students: int, mastered: int, competencies: int) -> tuple[int, int] | None:
    """The percentages mastered a published row allows: the fewest mastered (its start) over
    the most decisions, and the most mastered over the fewest, in whole percents rounded
    outward (at most 100); None without competencies."""
    if not competencies:
        return None
    most_decisions = (students + STEP - 1) * competencies
    most_mastered = mastered + STEP * competencies - 1
    low = Fraction(100 * mastered, most_decisions)
    high = min(Fraction(100), Fraction(100 * most_mastered, students * competencies))
    return (math.floor(low), math.ceil(high))


def published(
    students: int, mastered: int, not_yet: int, insufficient: int, competencies: int
) -> dict[str, int | float | None]:
    """A shown group's numbers as the decision record defines them, worked out with fractions
    (the service uses integers): each count the start of its range (students in tens; the three
    decided statuses in tens of students' worth), decisions and no evidence from them, and the
    percentage mastered only where the ranges pin it within PRINTABLE points (then the ratio of
    the middles, half up to a whole percent, at most 100): see `percent_range`."""
    unit = STEP * competencies
    shown = students // STEP * STEP
    counts = [n // unit * unit if unit else 0 for n in (mastered, not_yet, insufficient)]
    decisions = shown * competencies
    percent: float | None = None
    found = percent_range(shown, counts[0], competencies)
    if found is not None and found[1] - found[0] <= PRINTABLE:
        middle = (counts[0] + Fraction(unit - 1, 2)) / (
            (shown + Fraction(STEP - 1, 2)) * competencies
        )
        percent = float(min(100, int(100 * middle + Fraction(1, 2))))
    return {
        "students": shown,
        "decisions": decisions,
        "mastered": counts[0],
        "notYet": counts[1],
        "insufficientEvidence": counts[2],
        "noEvidence": decisions - sum(counts),
        "percentMastered": percent,
    }


@dataclass(frozen=True)
class Row:
    """One shown row of a report, as the caller sees it."""

    members: int
    scope: Hashable
    competencies: int
    numbers: Mapping[str, int | float | None]


def naive(
    keys: Sequence[Sequence[object]], numbers: Sequence[Mapping[str, int]], min_cell: int
) -> list[Mapping[str, int] | None]:
    """The rule before 0010, kept to show the search breaks it: groups under min_cell hidden;
    then, until nothing changes, the smallest shown group of any line (the groups equal in every
    dimension but one) holding exactly one hidden group is hidden too; the rest exact."""
    hidden = {i for i, n in enumerate(numbers) if n["students"] < min_cell}
    changed = True
    while changed:
        changed = False
        for dim in range(len(keys[0]) if keys else 0):
            lines: dict[tuple[object, ...], list[int]] = defaultdict(list)
            for i, key in enumerate(keys):
                lines[tuple(key[:dim]) + tuple(key[dim + 1 :])].append(i)
            for line in lines.values():
                if len(line) > 1 and sum(i in hidden for i in line) == 1:
                    shown = [i for i in line if i not in hidden]
                    hidden.add(min(shown, key=lambda i: (numbers[i]["students"], i)))
                    changed = True
    return [None if i in hidden else n for i, n in enumerate(numbers)]


def read_exact(row: Row) -> Reading:
    """The old rule published exact numbers."""
    return {m: (int(row.numbers[m] or 0), int(row.numbers[m] or 0)) for m in MEASURES}


def read_ranges(row: Row) -> Reading:
    """The published rule's ranges: students [n, n + 9]; a decided status [n, n + 10c - 1], and
    at most what the most students leave after the other two; no evidence the rest."""
    c = row.competencies
    first = int(row.numbers["students"] or 0)
    last = first + STEP - 1
    box = {
        m: (int(row.numbers[m] or 0), int(row.numbers[m] or 0) + STEP * c - 1) for m in STATUSES[:3]
    }
    least = sum(lo for lo, _ in box.values())
    most = sum(hi for _, hi in box.values())
    found: Reading = {"students": (first, last)}
    for m, (lo, hi) in box.items():
        found[m] = (lo, min(hi, last * c - (least - lo)))
    found["noEvidence"] = (max(0, first * c - most), last * c - least)
    return found


@dataclass(frozen=True)
class Leak:
    """A small group's exact count, worked out from published numbers."""

    measure: str
    plus: tuple[int, ...]
    minus: tuple[int, ...]
    group: int
    value: int
    scope: Hashable = None


def _pin(plus: Sequence[Interval], minus: Sequence[Interval], low: int, high: int) -> Interval:
    lo = sum(a for a, _ in plus) - sum(b for _, b in minus)
    hi = sum(b for _, b in plus) - sum(a for a, _ in minus)
    return max(lo, low), min(hi, high)


def combinations(groups: Iterable[int], min_cell: int) -> Iterator[tuple[tuple[int, ...], ...]]:
    """(plus, minus) pairs and triples of groups whose sum gives each student 0 or 1 and counts
    1 to min_cell - 1 students: X1 - X2, X1 - X2 - X3 and X1 + X2 - X3."""
    every = sorted(set(groups), key=lambda g: (g.bit_count(), g))
    yield from _differences(every, min_cell)
    yield from _sums_less_one(every, min_cell)


def _differences(every: Sequence[int], min_cell: int) -> Iterator[tuple[tuple[int, ...], ...]]:
    """X1 - X2 and X1 - X2 - X3: groups inside X1 (and apart from each other) taken from it."""
    for x1 in every:
        n1 = x1.bit_count()
        inside = [x for x in every if x != x1 and not x & ~x1 and n1 - x.bit_count() < n1]
        for x2 in inside:
            if 0 < n1 - x2.bit_count() < min_cell:
                yield (x1,), (x2,)
        for a, x2 in enumerate(inside):
            for x3 in inside[a + 1 :]:
                if not x2 & x3 and 0 < n1 - x2.bit_count() - x3.bit_count() < min_cell:
                    yield (x1,), (x2, x3)


def _sums_less_one(every: Sequence[int], min_cell: int) -> Iterator[tuple[tuple[int, ...], ...]]:
    """X1 + X2 - X3: a group holding both groups' overlap and inside their union."""
    by_size: dict[int, list[int]] = defaultdict(list)
    for g in every:
        by_size[g.bit_count()].append(g)
    for a, x1 in enumerate(every):
        for x2 in every[a + 1 :]:
            both, either = x1 & x2, x1 | x2
            total = x1.bit_count() + x2.bit_count()
            if both.bit_count() >= min_cell:
                continue
            for size in range(max(total - min_cell + 1, both.bit_count()), total):
                for x3 in by_size.get(size, ()):
                    if x3 not in (x1, x2) and x3 & both == both and not x3 & ~either:
                        yield (x1, x2), (x3,)


def search(rows: Sequence[Row], min_cell: int, read: Callable[[Row], Reading]) -> list[Leak]:
    """Every pair and triple of rows that pins a small group's size or status count."""
    sizes: dict[int, Interval] = {}
    scopes: dict[Hashable, dict[int, Reading]] = defaultdict(dict)
    units: dict[Hashable, int] = {}
    for row in rows:
        reading = read(row)
        # The same group asked twice: the caller keeps what both answers allow.
        sizes[row.members] = _meet(sizes.get(row.members), reading["students"])
        known = scopes[row.scope].get(row.members, {})
        scopes[row.scope][row.members] = {m: _meet(known.get(m), reading[m]) for m in STATUSES}
        units[row.scope] = row.competencies
    leaks: list[Leak] = []
    for plus, minus in combinations(sizes, min_cell):
        group = _group(plus, minus)
        first, last = _pin([sizes[g] for g in plus], [sizes[g] for g in minus], 1, min_cell - 1)
        if first == last:
            leaks.append(Leak("students", plus, minus, group, first))
        for scope, known in scopes.items():
            if not all(g in known for g in (*plus, *minus)):
                continue
            for m in STATUSES:
                lo, hi = _pin(
                    [known[g][m] for g in plus],
                    [known[g][m] for g in minus],
                    0,
                    last * units[scope],
                )
                if lo == hi:
                    leaks.append(Leak(m, plus, minus, group, lo, scope))
    return leaks


def _meet(known: Interval | None, new: Interval) -> Interval:
    return new if known is None else (max(known[0], new[0]), min(known[1], new[1]))


def _group(plus: Sequence[int], minus: Sequence[int]) -> int:
    weights: dict[int, int] = defaultdict(int)
    for sign, masks in ((1, plus), (-1, minus)):
        for mask in masks:
            bit = 0
            while mask >> bit:
                if mask >> bit & 1:
                    weights[bit] += sign
                bit += 1
    assert set(weights.values()) <= {0, 1}, (plus, minus)
    return sum(1 << b for b, w in weights.items() if w)
