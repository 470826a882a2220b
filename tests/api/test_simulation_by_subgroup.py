"""A simulation counted per subgroup (`group_by`), through REST on SQLite and PostgreSQL:
hidden and blurred as reports are (docs/decisions/0010), so that subtracting its numbers and the
reports' from each other gives no small group away. Counts worked out by hand, or counted apart
from the service over tests/report_model.py's learners and published by tests/differencing.py's
own reading of the decision record."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.domain.access import Tenant
from tests.api.district_data import Pupil, post_scores, seed_framework, seed_roster
from tests.api.graphql_data import codes, data, gql
from tests.api.test_report_differencing import _district, _rows, _seed, _summary
from tests.conftest import Api, Container
from tests.differencing import STEP, Row, published, read_exact, read_ranges, search
from tests.report_model import Learner

MIN = 10
GROUPINGS = (
    [],
    ["school"],
    ["grade"],
    ["sex"],
    ["raceEthnicity"],
    ["englishLearner"],
    ["school", "grade"],
    ["grade", "englishLearner"],
)
SIMULATE = "/v1/frameworks/fw/simulate"


def _groups(answer: dict[str, Any], dimension: str) -> dict[object, dict[str, Any]]:
    return {g["value"]: g for g in answer["by_subgroup"] if g["dimension"] == dimension}


async def test_a_group_of_nine_is_hidden_with_its_complement_as_in_the_report(
    api: Api, container: Container, tenant: Tenant
) -> None:
    # 9 English learners, 10 not, 25 with no demographics (unknown); one competency, every
    # student at 2 (not yet under the threshold of 3): at 2, all 44 would master it.
    pupils = [Pupil(f"el{i}", demographics={"english_learner": True}) for i in range(9)]
    pupils += [Pupil(f"no{i}", demographics={"english_learner": False}) for i in range(10)]
    pupils += [Pupil(f"un{i:02d}") for i in range(25)]
    await seed_roster(container, tenant, pupils)
    await seed_framework(container, tenant, 1)
    await post_scores(container, tenant, [(p.id, "c000", 2.0) for p in pupils])
    body = {"scale": {"mastery_threshold": 2}}
    answer = await api.post(f"{SIMULATE}?group_by=english_learner&group_by=grade", json=body)
    assert answer.status_code == 200, answer.text
    got = answer.json()
    assert (got["became_mastered"], got["lost_mastery"], got["unchanged"]) == (44, 0, 0)
    hidden = dict.fromkeys(
        ("students", "decisions", "became_mastered", "lost_mastery", "unchanged"), None
    )
    hidden |= {"students_gaining": None, "students_losing": None, "suppressed": True}
    # Learners (9) hidden; not learners (10), the smallest shown beside them, hidden too;
    # unknown: 25 students (20-29), 25 became mastered (20), unchanged 20 - 20 = 0.
    assert _groups(got, "english_learner") == {
        False: {"dimension": "english_learner", "value": False, **hidden},
        True: {"dimension": "english_learner", "value": True, **hidden},
        None: {
            "dimension": "english_learner",
            "value": None,
            "students": 20,
            "decisions": 20,
            "became_mastered": 20,
            "lost_mastery": 0,
            "unchanged": 0,
            "students_gaining": 20,
            "students_losing": 0,
            "suppressed": False,
        },
    }
    # Grade 05 holds all 44 (40-49): 40 became mastered.
    assert [(g["students"], g["became_mastered"]) for g in _groups(got, "grade").values()] == [
        (40, 40)
    ]
    # The report hides the same two groups.
    report = await api.get("/v1/reports/summary?framework_id=fw&group_by=english_learner")
    assert report.status_code == 200, report.text
    rows = report.json()["items"]
    assert [r["suppressed"] for r in rows] == [True, True, False]
    # The body applies as it is (PATCH), and the report then shows what was simulated.
    applied = await api.patch("/v1/frameworks/fw", body)
    assert applied.status_code in (200, 202), applied.text
    after = await api.get("/v1/reports/summary?framework_id=fw&group_by=grade")
    assert after.json()["items"][0]["mastered"] == 40


async def test_a_simulation_is_counted_only_by_a_students_own_groups(
    api: Api, container: Container, tenant: Tenant
) -> None:
    await seed_framework(container, tenant, 1)
    answer = await api.post(
        f"{SIMULATE}?group_by=class&group_by=sex&group_by=sex&group_by=planet", json={}
    )
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")
    locs = {tuple(e["loc"]) for e in answer.json()["errors"]}
    assert ("query", "group_by", 3) in locs  # not a dimension at all
    none = await api.post(f"{SIMULATE}?group_by=class&group_by=sex&group_by=sex", json={})
    assert none.status_code == 422
    assert [tuple(e["loc"]) for e in none.json()["errors"]] == [
        ("query", "group_by", 0),
        ("query", "group_by", 2),
    ]


# The district's values as the simulation names them.
VALUES: dict[str, Callable[[Learner], object]] = {
    "school": lambda x: x.school,
    "grade": lambda x: x.grade,
    "sex": lambda x: x.sex.lower() if x.sex else None,
    "race_ethnicity": lambda x: x.race.lower(),
    "english_learner": lambda x: x.english_learner,
}
# Candidate thresholds, and the "now" status whose decisions each would change (results are
# 3 for mastered and 2 for not yet): at 2 not yet becomes mastered, at 3.5 mastered is lost.
CANDIDATES = {2.0: ("not_yet", "became_mastered"), 3.5: ("mastered", "lost_mastery")}


def _simulation_rows(
    learners: Sequence[Learner], answer: dict[str, Any], threshold: float
) -> tuple[list[Row], list[Row]]:
    """The shown rows of a simulation, each checked against an independent count, as the
    search reads rows (became mastered as "mastered", lost as "notYet", unchanged as no
    evidence), and the same groups' exact numbers, all of them."""
    status, change = CANDIDATES[threshold]
    compared = [(i, x) for i, x in enumerate(learners) if any(m == "now" for _, m in x.statuses)]
    shown: list[Row] = []
    exact: list[Row] = []
    for dimension, value_of in VALUES.items():
        values = {value_of(x) for _, x in compared}
        groups = _groups(answer, dimension)
        assert sorted(groups, key=repr) == sorted(values, key=repr)
        for value in values:
            members = [(i, x) for i, x in compared if value_of(x) == value]
            bits = sum(1 << i for i, _ in members)
            changed = sum(
                1
                for _, x in members
                for (_, m), s in x.statuses.items()
                if m == "now" and s == status
            )
            students = len(members)
            moved = sum(1 for _, x in members if status in _now(x))
            counts = (changed, 0) if change == "became_mastered" else (0, changed)
            numbers = {"students": students, "mastered": counts[0], "notYet": counts[1]}
            numbers |= {"insufficientEvidence": 0, "noEvidence": 3 * students - changed}
            exact.append(Row(bits, ("simulation", threshold), 3, numbers))
            got = groups[value]
            if got["suppressed"]:
                assert got["students"] is None
                continue
            expected = published(students, *counts, 0, 3)
            assert [got[k] for k in ("students", "decisions", "became_mastered")] == [
                expected["students"],
                expected["decisions"],
                expected["mastered"],
            ]
            assert (got["lost_mastery"], got["unchanged"]) == (
                expected["notYet"],
                expected["noEvidence"],
            )
            gaining = moved if change == "became_mastered" else 0
            losing = moved - gaining
            assert (got["students_gaining"], got["students_losing"]) == (
                gaining // STEP * STEP,
                losing // STEP * STEP,
            )
            read = {k: got[k] for k in ("students", "decisions")}
            read |= {"mastered": got["became_mastered"], "notYet": got["lost_mastery"]}
            read |= {"insufficientEvidence": 0, "noEvidence": got["unchanged"]}
            shown.append(Row(bits, ("simulation", threshold), 3, read))
    return shown, exact


def _now(learner: Learner) -> set[str]:
    return {s for (_, m), s in learner.statuses.items() if m == "now"}


async def test_no_pair_or_triple_of_simulations_and_summaries_pins_a_small_group(
    api: Api, container: Container, tenant: Tenant
) -> None:
    """The reports' differencing district: two candidate policies simulated by every
    dimension, beside summaries by each dimension. Exact per-group numbers give small groups
    away; the published ones, with the reports' own, none."""
    learners = _district()
    await _seed(container, tenant, learners, 3)
    everything = ["c000", "c001", "c002"]
    shown: list[Row] = []
    exact: list[Row] = []
    query = "&".join(f"group_by={d}" for d in VALUES)
    for threshold in CANDIDATES:
        body = {"scale": {"mastery_threshold": threshold}}
        answer = await api.post(f"{SIMULATE}?{query}", json=body)
        assert answer.status_code == 200, answer.text
        rows, all_of_them = _simulation_rows(learners, answer.json(), threshold)
        shown += rows
        exact += all_of_them
    old: list[Row] = []
    for group_by in GROUPINGS:
        found = await _summary(api, group_by, {}, None)
        rows, before = _rows(learners, found, group_by, {}, everything, "now")
        shown += rows
        old += before
    assert len(shown) >= 40
    # Exact, the simulation's groups with the old rule's cells give more groups away than those
    # cells alone: the search sees the simulation's numbers.
    more = set(search(exact + old, MIN, read_exact)) - set(search(old, MIN, read_exact))
    assert "students" in {x.measure for x in more}
    assert search(shown, MIN, read_ranges) == []


async def test_graphql_answers_the_same_simulation_with_the_same_protection(
    api: Api, container: Container, tenant: Tenant
) -> None:
    # As the REST test: 9 learners, 10 not, 25 unknown; at 2 all 44 would master c000.
    pupils = [Pupil(f"el{i}", demographics={"english_learner": True}) for i in range(9)]
    pupils += [Pupil(f"no{i}", demographics={"english_learner": False}) for i in range(10)]
    pupils += [Pupil(f"un{i:02d}") for i in range(25)]
    await seed_roster(container, tenant, pupils)
    await seed_framework(container, tenant, 1)
    await post_scores(container, tenant, [(p.id, "c000", 2.0) for p in pupils])
    answer = await data(
        api,
        """{ policySimulation(frameworkId: "fw", candidate: {masteryThreshold: 2},
               groupBy: [ENGLISH_LEARNER]) {
             becameMastered lostMastery unchanged byCompetency { competencyId becameMastered }
             bySubgroup { dimension value students becameMastered unchanged studentsGaining
                          suppressed } } }""",
    )
    got = answer["policySimulation"]
    assert (got["becameMastered"], got["lostMastery"], got["unchanged"]) == (44, 0, 0)
    assert got["byCompetency"] == [{"competencyId": "c000", "becameMastered": 44}]
    hidden = {"students": None, "becameMastered": None, "unchanged": None}
    hidden |= {"studentsGaining": None, "suppressed": True}
    assert got["bySubgroup"] == [
        {"dimension": "ENGLISH_LEARNER", "value": "false", **hidden},
        {"dimension": "ENGLISH_LEARNER", "value": "true", **hidden},
        {
            "dimension": "ENGLISH_LEARNER",
            "value": None,
            "students": 20,
            "becameMastered": 20,
            "unchanged": 0,
            "studentsGaining": 20,
            "suppressed": False,
        },
    ]


async def test_another_tenants_framework_is_not_found_and_bad_candidates_are_listed(
    api: Api, other_api: Api, container: Container, tenant: Tenant
) -> None:
    await seed_framework(container, tenant, 1)
    query = """{ policySimulation(frameworkId: "fw", candidate: {masteryThreshold: 2})
                 { unchanged } }"""
    theirs = await gql(other_api, query)
    assert codes(theirs) == ["NOT_FOUND"]
    rest = await other_api.post(SIMULATE, json={})
    assert rest.status_code == 404
    bad = await gql(
        api,
        """{ policySimulation(frameworkId: "fw",
               candidate: {calculation: {method: "cleverest", tie: "random"}}) { unchanged } }""",
    )
    assert codes(bad) == ["INVALID"]
    problems = bad["errors"][0]["extensions"]["problems"]
    assert [p["loc"] for p in problems] == [
        ["candidate", "calculation", "method"],
        ["candidate", "calculation", "tie"],
    ]
