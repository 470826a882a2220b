"""Issue 11, finding 1, through GraphQL on both databases: small-cell suppression within one
answer was undone by subtracting two answers. Here the finding's own subtraction, then every
pair and triple of many summaries and a trend over a seeded district with small subgroups,
attacked with tests/differencing.py; the district is counted apart (tests/report_model.py), the
old rule is a reference copy, and every published row must equal the decision record's ranges
of the exact count."""

from __future__ import annotations

import asyncio
import itertools
import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from app.bootstrap import Container
from app.domain.access import Tenant
from app.use_cases.evidence import EvidenceInput
from tests.api.district_data import OBSERVED, Pupil, principal_of, seed_framework, seed_roster
from tests.api.graphql_data import data
from tests.conftest import Api
from tests.differencing import Row, naive, published, read_exact, read_ranges, search
from tests.report_model import Learner, count

MIN = 10
NUMBERS = "students decisions mastered notYet insufficientEvidence noEvidence percentMastered"
KEY = "school { id } grade sex raceEthnicity englishLearner competency { id }"
DIMENSIONS = {
    "school": "SCHOOL",
    "grade": "GRADE",
    "sex": "SEX",
    "raceEthnicity": "RACE_ETHNICITY",
    "englishLearner": "ENGLISH_LEARNER",
    "competency": "COMPETENCY",
}
FILTERS = {
    "school": "schoolId",
    "grade": "grade",
    "sex": "sex",
    "raceEthnicity": "raceEthnicity",
    "englishLearner": "englishLearner",
}
SCORE = {"mastered": 3.0, "not_yet": 2.0}


async def _seed(
    container: Container, tenant: Tenant, learners: Sequence[Learner], competencies: int
) -> dict[str, datetime]:
    """The learners, a framework, and their results in two batches ("then", observed on one
    day, then "now", observed the next); returns the moments, in the school's time (asOf),
    between which the decisions changed: before any result, after the first day's last, and
    after the second day's last."""
    pupils = [Pupil(x.id, int(x.school.split("-")[1]), x.grade, x.demographics()) for x in learners]
    await seed_roster(container, tenant, pupils)
    await seed_framework(container, tenant, competencies)
    moments = {"none": OBSERVED - timedelta(microseconds=1)}
    for day, moment in enumerate(("then", "now")):
        scores = [
            (x.id, c, SCORE[status])
            for x in learners
            for (c, at), status in sorted(x.statuses.items())
            if at == moment and (moment == "then" or x.statuses.get((c, "then")) != status)
        ]
        # The later batch is observed later (the latest result decides), with its own ids.
        items = [
            EvidenceInput(
                student_id=student,
                competency_id=c,
                score=score,
                observed_at=OBSERVED + timedelta(days=day, minutes=i),
                source_id=f"{moment}-{i}",
            )
            for i, (student, c, score) in enumerate(scores)
        ]
        if items:
            await container.use_cases.evidence.record_evidence(principal_of(tenant), items)
        assert len(items) < 24 * 60, "each batch is observed within its own day"
        moments[moment] = max(
            (i.observed_at for i in items), default=OBSERVED + timedelta(days=day)
        )
    if container.engine.dialect.name == "postgresql":
        # A fresh test database has no planner statistics (a server's autovacuum gathers
        # them): without them every report query nests loops over the students.
        async with container.engine.begin() as connection:
            await connection.execute(sa.text("ANALYZE"))
    return moments


def _literal(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.isupper():
        return value  # an enum
    return f'"{value}"'


def _arguments(
    group_by: Sequence[str], where: dict[str, object], competencies: Sequence[str] | None
) -> str:
    terms = [f"{FILTERS[k]}: {_literal(v)}" for k, v in where.items()]
    if competencies is not None:
        terms.append("competencyIds: [" + ", ".join(f'"{c}"' for c in competencies) + "]")
    dims = ", ".join(DIMENSIONS[d] for d in group_by)
    return f'frameworkId: "fw", groupBy: [{dims}], filter: {{{", ".join(terms)}}}'


def _key(found: dict[str, Any], group_by: Sequence[str]) -> dict[str, object]:
    key: dict[str, object] = {}
    for d in group_by:
        value = found[d]
        key[d] = value["id"] if isinstance(value, dict) else value
    return key


def _rows(
    learners: Sequence[Learner],
    answer: list[dict[str, Any]],
    group_by: Sequence[str],
    where: dict[str, object],
    competencies: Sequence[str],
    moment: str,
) -> tuple[list[Row], list[Row]]:
    """The shown rows of an answer, each checked against the exact count it publishes, and
    the rows the old rule would have shown for the same summary."""
    cells = count(learners, group_by, where, competencies, moment)
    by_key = {_hashable(c.key): c for c in cells}
    assert sorted(by_key) == sorted(_hashable(_key(r["key"], group_by)) for r in answer)
    shown = []
    for row in answer:
        cell = by_key[_hashable(_key(row["key"], group_by))]
        if row["suppressed"]:
            assert row["students"] is None
            continue
        c = cell.counts
        expected = published(
            cell.students, c["mastered"], c["notYet"], c["insufficientEvidence"], cell.competencies
        )
        assert {n: row[n] for n in NUMBERS.split()} == expected, (group_by, where, cell)
        shown.append(Row(cell.members, (moment, cell.covered), cell.competencies, row))
    keys = [tuple(cell.key.values()) for cell in cells]
    old = naive(keys, [{"students": c.students, **c.counts} for c in cells], MIN)
    old_rows = [
        Row(c.members, (moment, c.covered), c.competencies, n)
        for c, n in zip(cells, old, strict=True)
        if n is not None
    ]
    return shown, old_rows


def _hashable(key: dict[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, repr(v)) for k, v in key.items()))


async def _summary(
    api: Api,
    group_by: Sequence[str],
    where: dict[str, object],
    competencies: Sequence[str] | None,
    as_of: datetime | None = None,
) -> list[dict[str, Any]]:
    at = f', asOf: "{as_of.isoformat()}"' if as_of else ""
    query = f"""{{ masterySummary({_arguments(group_by, where, competencies)}{at}) {{
        rows {{ key {{ {KEY} }} {NUMBERS} suppressed }} }} }}"""
    rows: list[dict[str, Any]] = (await data(api, query))["masterySummary"]["rows"]
    return rows


def _findings_district() -> list[Learner]:
    """Grade 03 as in the finding, on 7 competencies: 22 students who are not English learners
    master 134 decisions (two all 7, twenty 6), and 3 learners 14 (4, 5 and 5): 25 students and
    148 mastered. Grade 04: 20 and 2 students, nothing mastered."""
    learners = []
    for i in range(22):
        done = 7 if i < 2 else 6
        statuses = {(f"c{j:03d}", "now"): "mastered" for j in range(done)}
        learners.append(Learner(f"g3-{i:02d}", english_learner=False, statuses=statuses))
    for i, done in enumerate((4, 5, 5)):
        statuses = {(f"c{j:03d}", "now"): "mastered" for j in range(done)}
        learners.append(Learner(f"g3-el{i}", english_learner=True, statuses=statuses))
    learners += [Learner(f"g4-{i:02d}", grade="04", english_learner=False) for i in range(20)]
    learners += [Learner(f"g4-el{i}", grade="04", english_learner=True) for i in range(2)]
    return learners


async def test_grade_total_minus_grade_without_english_learners_gives_nothing_away(
    api: Api, container: Container, tenant: Tenant
) -> None:
    """The finding's attack: groupBy [GRADE] minus groupBy [GRADE] with englishLearner: false
    gave grade 3's English learners, 3 students and 14 mastered, though groupBy [GRADE,
    ENGLISH_LEARNER] hid them."""
    learners = _findings_district()
    await _seed(container, tenant, learners, 7)
    competencies = [f"c{j:03d}" for j in range(7)]
    crossed = await _summary(api, ["grade", "englishLearner"], {}, None)
    assert [r["suppressed"] for r in crossed] == [True] * 4
    grades = await _summary(api, ["grade"], {}, None)
    without = await _summary(api, ["grade"], {"englishLearner": False}, None)
    # Grade 03: 25 students (20-29) and 148 of 175 mastered (140-209: ranges of 70 decisions);
    # without the learners 22 (20-29) and 134 (70-139). The difference pins neither 3 nor 14.
    assert (grades[0]["students"], grades[0]["mastered"]) == (20, 140)
    assert (without[0]["students"], without[0]["mastered"]) == (20, 70)
    shown: list[Row] = []
    old: list[Row] = []
    for answer, group_by, where in (
        (crossed, ["grade", "englishLearner"], {}),
        (grades, ["grade"], {}),
        (without, ["grade"], {"englishLearner": False}),
    ):
        now, before = _rows(learners, answer, group_by, where, competencies, "now")
        shown += now
        old += before
    assert search(shown, MIN, read_ranges) == []
    learners_of_grade_3 = sum(1 << i for i in range(22, 25))
    assert {(x.measure, x.group, x.value) for x in search(old, MIN, read_exact)} >= {
        ("students", learners_of_grade_3, 3),
        ("mastered", learners_of_grade_3, 14),
    }


def _district() -> list[Learner]:
    """Two schools and two grades whose English learners, sexes and races make groups of every
    size from 1 up; results on 3 competencies, some changed between "then" and "now"."""
    rng = random.Random(11)
    races = ["WHITE", "ASIAN", "BLACK_OR_AFRICAN_AMERICAN", "UNKNOWN"]
    learners = []
    for school, grade, others, learning in (
        (0, "03", 22, 3),
        (0, "04", 13, 5),
        (1, "03", 13, 1),
        (1, "04", 21, 9),
    ):
        for i in range(others + learning):
            statuses: dict[tuple[str, str], str] = {}
            for c in ("c000", "c001", "c002"):
                then = rng.choice([None, "mastered", "not_yet"])
                now = rng.choice([then, then, "mastered"]) if then else then
                if then:
                    statuses[(c, "then")] = then
                if now:
                    statuses[(c, "now")] = now
            learners.append(
                Learner(
                    f"s{school}-{grade}-{i:02d}",
                    f"school-{school}",
                    grade,
                    rng.choice(["FEMALE", "MALE"]),
                    rng.choice(races),
                    None if (school, i) == (0, others + learning - 1) else i < learning,
                    statuses,
                )
            )
    return learners


GROUPINGS = [
    [],
    ["school"],
    ["grade"],
    ["sex"],
    ["raceEthnicity"],
    ["englishLearner"],
    ["competency"],
    ["school", "grade"],
    ["grade", "englishLearner"],
    ["grade", "sex"],
    ["school", "englishLearner"],
    ["grade", "competency"],
]
WHERE: list[dict[str, object]] = [
    {},
    {"school": "school-0"},
    {"school": "school-1"},
    {"grade": "03"},
    {"grade": "04"},
    {"englishLearner": True},
    {"englishLearner": False},
    {"sex": "FEMALE"},
    {"grade": "03", "englishLearner": False},
]


async def test_no_pair_or_triple_of_summaries_and_trends_pins_a_small_group(
    api: Api, container: Container, tenant: Tenant
) -> None:
    """Every grouping above under every filter above, on all competencies and on c000, now and
    as of "then", and a weekly trend: the old rule gives small groups away, the published
    rule none, and every shown row is the ranges of its exact count."""
    learners = _district()
    moments = await _seed(container, tenant, learners, 3)
    everything = ["c000", "c001", "c002"]
    shown: list[Row] = []
    old: list[Row] = []
    queries = [
        (g, w, scope, moment)
        for g, w in itertools.product(GROUPINGS, WHERE)
        if not set(g) & set(w)
        for scope, moment in ((everything, "now"), (["c000"], "now"), (everything, "then"))
    ]
    answers: list[list[dict[str, Any]]] = []
    for start in range(0, len(queries), 8):  # a few at a time, as a dashboard would ask
        answers += await asyncio.gather(
            *(
                _summary(api, g, w, scope, moments["then"] if moment == "then" else None)
                for g, w, scope, moment in queries[start : start + 8]
            )
        )
    for (group_by, where, scope, moment), answer in zip(queries, answers, strict=True):
        now, before = _rows(learners, answer, group_by, where, scope, moment)
        shown += now
        old += before
    start = (OBSERVED - timedelta(days=15)).isoformat()
    trend = await data(
        api,
        f"""{{ masteryTrend(frameworkId: "fw", groupBy: [GRADE, SEX], from: "{start}",
            interval: WEEK) {{ points {{ periodEnd rows {{ key {{ {KEY} }} {NUMBERS}
            suppressed }} }} }} }}""",
    )
    points = trend["masteryTrend"]["points"]
    for point in points:
        end = datetime.fromisoformat(point["periodEnd"])
        moment = "none" if end <= moments["none"] else "now" if end > moments["now"] else ""
        assert moment, "no week ends while the results are posted"
        now, before = _rows(learners, point["rows"], ["grade", "sex"], {}, everything, moment)
        shown += now
        old += before
    assert len(queries) > 200
    assert len({r.members for r in shown}) > 40
    leaks = search(old, MIN, read_exact)
    assert {x.measure for x in leaks} >= {"students", "mastered", "notYet", "noEvidence"}
    assert search(shown, MIN, read_ranges) == []
