"""Grades of aligned assignments in the fake platform (AGS 2.0) become evidence and decisions,
on SQLite and PostgreSQL.

The framework (tests/api/mastery_data.py) is on a 1-4 scale, mastered at 3; one result's
evidence is its score on the line item's range, normalised to score / max x 4, and a decision
with one piece of evidence is that normalised score."""

from __future__ import annotations

import pytest

from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.errors import Invalid
from app.domain.lti.grades import gradebook_result_id
from app.domain.lti.people import person_id
from tests.api.gradebook_data import decisions, evidence_of
from tests.api.lti_services.world import INSTRUCTOR, LEARNER, World, world
from tests.api.mastery_data import seed_framework
from tests.conftest import Api
from tests.fakes.lti_services import BASE


@pytest.fixture
def w(container: Container, tenant: Tenant) -> World:
    return graded_course(world(container, tenant))


def graded_course(w: World) -> World:
    """A course of a teacher and two students, one the SIS's student-1 (tests/api/roster_data.py)
    linked by lis_person_sourcedid."""
    w.fake.members = [
        {"user_id": "u-teach", "roles": [INSTRUCTOR], "given_name": "Ada", "family_name": "B"},
        {"user_id": "u-ana", "roles": [LEARNER], "lis_person_sourcedid": "student-1"},
        {"user_id": "u-ben", "roles": [LEARNER], "given_name": "Ben", "family_name": "O"},
    ]
    return w


def gradebook(w: World) -> tuple[str, str]:
    quiz = w.fake.add_line_item({"label": "Quiz 1", "scoreMaximum": 20, "resourceId": "s-1"})
    essay = w.fake.add_line_item({"label": "Essay", "scoreMaximum": 10, "tag": "mastery:s-2"})
    w.fake.add_line_item({"label": "Homework", "scoreMaximum": 10})  # the LMS's own grade
    w.fake.results[quiz] = [
        {"userId": "u-ana", "resultScore": 16, "resultMaximum": 20, "scoreOf": quiz},
        # scaled by the platform to 1: 0.5 of 1 is 10 of the quiz's 20
        {"userId": "u-ben", "resultScore": 0.5, "scoreOf": quiz},
        {"userId": "u-teach", "scoreOf": quiz},  # no score yet
    ]
    w.fake.results[essay] = [
        {"userId": "u-ana", "resultScore": 6, "resultMaximum": 10, "scoreOf": essay}
    ]
    return quiz, essay


async def test_aligned_grades_become_evidence_and_decisions(w: World, api: Api) -> None:
    await seed_framework(api)
    session = await w.session(w.launch())
    await w.roster().sync_roster(session)
    quiz, _ = gradebook(w)

    pulled = await w.grades().pull_grades(session)

    assert (pulled.line_items, pulled.results_recorded, pulled.skipped) == (2, 3, ())
    mastery = await decisions(api)
    # s-1: 16/20 x 4 = 3.2, mastered; s-2: 6/10 x 4 = 2.4, not yet.
    assert (mastery["s-1"]["score"], mastery["s-1"]["status"]) == (3.2, "mastered")
    assert (mastery["s-2"]["score"], mastery["s-2"]["status"]) == (2.4, "not_yet")
    ben = await decisions(api, person_id(BASE, "u-ben"))
    assert ben["s-1"]["score"] == 2.0  # 10/20 x 4
    evidence = await evidence_of(api, gradebook_result_id(quiz, "u-ana"))
    assert (evidence["s-1"]["score"], evidence["s-1"]["max_score"]) == (16.0, 20.0)


async def test_a_pull_again_updates_in_place_and_never_duplicates(w: World, api: Api) -> None:
    await seed_framework(api)
    session = await w.session(w.launch())
    await w.roster().sync_roster(session)
    quiz, _ = gradebook(w)
    await w.grades().pull_grades(session)

    again = await w.grades().pull_grades(session)
    assert (again.results_recorded, again.results_unchanged) == (0, 3)

    w.fake.results[quiz][0] = {**w.fake.results[quiz][0], "resultScore": 18}
    third = await w.grades().pull_grades(session)
    assert (third.results_recorded, third.results_unchanged) == (1, 2)
    evidence = await evidence_of(api, gradebook_result_id(quiz, "u-ana"))
    assert list(evidence) == ["s-1"]
    assert evidence["s-1"]["score"] == 18.0
    # one piece of evidence, replaced: 18/20 x 4 = 3.6
    assert (await decisions(api))["s-1"]["score"] == 3.6


async def test_grades_wait_for_the_roster_and_name_unknown_students(w: World, api: Api) -> None:
    await seed_framework(api)
    session = await w.session(w.launch())
    gradebook(w)
    with pytest.raises(Invalid) as raised:
        await w.grades().pull_grades(session)
    assert raised.value.problems[0].loc == ("class",)
    await w.roster().sync_roster(session)
    w.fake.members = w.fake.members[:2]  # u-ben left the course listing after the roster pull
    w.fake.results[next(iter(w.fake.results))].append({"userId": "u-new", "resultScore": 1})
    pulled = await w.grades().pull_grades(session)
    assert pulled.results_recorded == 3
    assert len(pulled.skipped) == 1
    assert "does not exist" in pulled.skipped[0].msg
