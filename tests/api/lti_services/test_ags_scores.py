"""Mastery posted to the fake platform's gradebook (AGS 2.0 scores), on SQLite and PostgreSQL:
one line item per competency of the course, levels on the competency's scale, timestamps
strictly increasing, a 429 waited out."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest

from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.errors import Forbidden
from app.use_cases.lti_scores import LtiScores
from tests.api.lti_services.test_ags_grades import gradebook, graded_course
from tests.api.lti_services.world import World, world
from tests.api.mastery_data import seed_framework
from tests.conftest import Api
from tests.fakes.clock import FakeClock


@pytest.fixture
def w(container: Container, tenant: Tenant) -> World:
    return graded_course(world(container, tenant))


def _scores(w: World, clock: FakeClock, *, enabled: bool = True) -> LtiScores:
    return LtiScores(
        uow=w.container.adapters.uow,
        launched=replace(w.launched, clock=clock),
        services=w.services,
        jobs=w.container.adapters.jobs,
        enabled=enabled,
    )


def _posted(w: World, url: str) -> list[tuple[str, Any, Any]]:
    return [(s["userId"], s["scoreGiven"], s["scoreMaximum"]) for s in w.fake.scores[url]]


async def test_levels_are_posted_to_one_line_item_per_competency(w: World, api: Api) -> None:
    await seed_framework(api)
    session = await w.session(w.launch())
    await w.roster().sync_roster(session)
    gradebook(w)
    await w.grades().pull_grades(session)
    clock = FakeClock(w.container.adapters.clock.now())
    scores = _scores(w, clock)
    w.fake.busy_once = 1

    posted = await scores.post_scores(session)

    ours = {i["resourceId"]: i for i in w.fake.line_items.values() if i.get("tag") == "mastery"}
    assert sorted(ours) == ["s-1", "s-2"]
    assert (ours["s-1"]["label"], ours["s-1"]["scoreMaximum"]) == ("4.NBT.1 Place value", 4.0)
    # s-1: Ana 3.2 -> level 3 (Proficient), Ben 2.0 -> level 2; s-2: Ana 2.4 -> level 2
    assert sorted(_posted(w, ours["s-1"]["id"])) == [("u-ana", 3.0, 4.0), ("u-ben", 2.0, 4.0)]
    assert _posted(w, ours["s-2"]["id"]) == [("u-ana", 2.0, 4.0)]
    assert (posted.line_items_created, posted.scores_posted) == (2, 3)
    first = w.fake.scores[ours["s-1"]["id"]][0]
    assert (first["activityProgress"], first["gradingProgress"]) == ("Completed", "FullyGraded")
    # the 429 was waited out after its Retry-After, then sent again
    assert w.sleeps.asked == [1.0]
    assert w.fake.score_attempts == 4

    # the clock has not moved: the next scores are a millisecond after the last ones, which
    # the database remembers (another process may post next)
    again = await _scores(w, clock).post_scores(session)
    assert (again.line_items_created, again.scores_posted) == (0, 3)
    stamps = [datetime.fromisoformat(s["timestamp"]) for s in w.fake.scores[ours["s-2"]["id"]]]
    assert stamps[1] - stamps[0] == timedelta(milliseconds=1)


async def test_posting_is_off_unless_turned_on(w: World) -> None:
    session = await w.session(w.launch())
    with pytest.raises(Forbidden):
        await _scores(w, FakeClock(), enabled=False).post_scores(session)
