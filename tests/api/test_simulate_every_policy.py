"""Every kind of policy a framework and its competencies carry, simulated and then applied with
the same body (PATCH /v1/frameworks/{id} takes what simulate takes): the simulation names exactly
the decisions whose mastery applying it changes. Worked by hand over one student: s-1 has 4
(day 1) then 2 (day 2), the decaying average (w = 0.65) .65 x 2 + .35 x 4 = 2.7, not yet; s-2 has
3, mastered at the threshold 3; d-nbt rolls up "all": not yet. Categories, their weights and the
missing level over a categorised framework after them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.api.mastery_data import FRAMEWORK, by_competency, post, result, seed_framework
from tests.conftest import Api

Body = Callable[[dict[str, Any]], dict[str, Any]]


def _tree(*changes: Callable[[dict[str, Any]], None]) -> Body:
    """A body that sends the competency tree as GET answers it, with `changes` made to it."""

    def body(current: dict[str, Any]) -> dict[str, Any]:
        tree = [dict(current["competencies"][0])]
        tree[0]["children"] = [dict(c) for c in tree[0]["children"]]
        for change in changes:
            change(tree[0])
        return {"competencies": tree}

    return body


def _set(path: tuple[int, ...], **fields: Any) -> Callable[[dict[str, Any]], None]:
    def change(root: dict[str, Any]) -> None:
        node = root
        for i in path:
            node = node["children"][i]
        node.update(fields)

    return change


# (what changes, the body, competencies that would gain mastery, that would lose it)
CASES: list[tuple[str, Body, list[str], list[str]]] = [
    # .2 x 2 + .8 x 4 = 3.6: s-1 mastered, and with s-2 the domain.
    (
        "method and parameter",
        lambda _: {"calculation": {"method": "decaying_average", "weight": 0.2}},
        ["d-nbt", "s-1"],
        [],
    ),
    # The last 2 results, 4 and 2, equally frequent: the higher, 4.
    (
        "mode's tie rule",
        lambda _: {"calculation": {"method": "mode", "n": 2, "tie": "highest"}},
        ["d-nbt", "s-1"],
        [],
    ),
    ("threshold down", lambda _: {"scale": {"mastery_threshold": 2.5}}, ["d-nbt", "s-1"], []),
    ("threshold up", lambda _: {"scale": {"mastery_threshold": 3.5}}, [], ["s-2"]),
    # s-2 has one result of the two needed: insufficient evidence.
    ("minimum evidence", lambda _: {"min_evidence": 2}, [], ["s-2"]),
    # Bands label scores for display; mastery follows the threshold alone.
    (
        "performance bands",
        lambda _: {
            "scale": {
                "bands": [
                    {"at_least": 1, "label": "Below", "color": "#d73027"},
                    {"at_least": 2.5, "label": "Near", "color": "#fee08b"},
                    {"at_least": 3, "label": "At", "color": "#1a9850"},
                ]
            }
        },
        [],
        [],
    ),
    # The parent's score by the lowest child: its status follows the rule, unchanged.
    ("rollup score", lambda _: {"rollup_score": "lowest"}, [], []),
    # At least one child mastered (s-2): the domain is mastered.
    (
        "rollup rule",
        _tree(_set((), rollup={"rule": "at_least", "k": 1})),
        ["d-nbt"],
        [],
    ),
    # One child of two mastered (s-2) is the 50% the rule asks for.
    (
        "rollup percent",
        _tree(_set((), rollup={"rule": "percent", "percent": 50})),
        ["d-nbt"],
        [],
    ),
    (
        "competency's method",
        _tree(_set((0,), calculation={"method": "highest"})),
        ["d-nbt", "s-1"],
        [],
    ),
    ("competency's minimum evidence", _tree(_set((1,), min_evidence=2)), [], ["s-2"]),
    # s-1's own threshold 2.5 on the scale it inherits: 2.7 is mastered, and with s-2 the domain.
    ("competency's threshold", _tree(_set((0,), mastery_threshold=2.5)), ["d-nbt", "s-1"], []),
    # s-2 on a scale of its own, 0-100 with threshold 80: its 3 is far below.
    (
        "competency's scale",
        _tree(
            _set(
                (1,),
                scale={
                    "levels": [{"value": 0, "label": "Not yet"}, {"value": 100, "label": "Met"}],
                    "mastery_threshold": 80,
                },
            )
        ),
        [],
        ["s-2"],
    ),
    # Weights move the weighted score only; statuses follow the rule.
    (
        "competency's weight",
        _tree(
            _set((), rollup={"rule": "all", "score": "weighted"}),
            _set((0,), weight=3),
        ),
        [],
        [],
    ),
]


async def _mastered(api: Api) -> dict[str, bool]:
    found = (await api.get("/v1/students/student-1/mastery")).json()["items"]
    return {c: d["status"] == "mastered" for c, d in by_competency(found).items()}


@pytest.mark.parametrize(("kind", "body", "gains", "losses"), CASES, ids=[c[0] for c in CASES])
async def test_a_simulation_names_what_applying_the_same_body_changes(
    api: Api, kind: str, body: Body, gains: list[str], losses: list[str]
) -> None:
    await seed_framework(api)
    await post(api, result(4, 1), result(2, 2), result(3, 1, competency="s-2"))
    current = (await api.get("/v1/frameworks/fw-math")).json()
    await _simulated_then_applied(api, body(current), gains, losses)


async def _simulated_then_applied(
    api: Api, sent: dict[str, Any], gains: list[str], losses: list[str]
) -> None:
    """Simulate `sent`, check it names `gains` and `losses` (student-1's, of 3 decisions), then
    PATCH the framework with it and check the shown decisions changed exactly so."""
    simulated = await api.post("/v1/frameworks/fw-math/simulate", json=sent)
    assert simulated.status_code == 200, simulated.text
    got = simulated.json()
    changed = [s for s in got["students"] if s["student_id"] == "student-1"]
    named = (
        (sorted(changed[0]["became_mastered"]), sorted(changed[0]["lost_mastery"]))
        if changed
        else ([], [])
    )
    assert named == (gains, losses)
    assert (got["became_mastered"], got["lost_mastery"], got["unchanged"]) == (
        len(gains),
        len(losses),
        3 - len(gains) - len(losses),
    )
    before = await _mastered(api)
    applied = await api.patch("/v1/frameworks/fw-math", sent)
    assert applied.status_code in (200, 202), applied.text
    after = await _mastered(api)
    assert sorted(c for c in after if after[c] and not before[c]) == gains
    assert sorted(c for c in after if before[c] and not after[c]) == losses


# A categorised framework (averages per category, 50/50): s-1 has practice 2 and summative 4,
# (50 x 2 + 50 x 4) / 100 = 3.0, mastered; s-2 has practice 3 and a summative marked missing,
# counted as the lowest level, 1: (50 x 3 + 50 x 1) / 100 = 2.0, not yet; d-nbt, not yet.
HALVES = [{"name": "practice", "weight": 50}, {"name": "summative", "weight": 50}]
CATEGORY_CASES: list[tuple[str, dict[str, Any], list[str], list[str]]] = [
    # s-1: (80 x 2 + 20 x 4) / 100 = 2.4; s-2: (80 x 3 + 20 x 1) / 100 = 2.6.
    (
        "category weights",
        {"categories": [{"name": "practice", "weight": 80}, {"name": "summative", "weight": 20}]},
        [],
        ["s-1"],
    ),
    # Summative listed, not counted: s-1 has practice 2 alone; s-2 practice 3 alone.
    (
        "a category not counted",
        {"categories": [HALVES[0], {"name": "summative", "weight": 0, "counted": False}]},
        ["s-2"],
        ["s-1"],
    ),
    # Missing counts as 4: s-2 (50 x 3 + 50 x 4) / 100 = 3.5; with s-1, d-nbt is mastered.
    ("missing level", {"missing_level": 4}, ["d-nbt", "s-2"], []),
]


@pytest.mark.parametrize(
    ("kind", "body", "gains", "losses"), CATEGORY_CASES, ids=[c[0] for c in CATEGORY_CASES]
)
async def test_a_category_policy_simulates_what_applying_it_changes(
    api: Api, kind: str, body: dict[str, Any], gains: list[str], losses: list[str]
) -> None:
    categorised = {**FRAMEWORK, "calculation": {"method": "average"}, "categories": HALVES}
    await seed_framework(api, categorised)
    await post(
        api,
        result(2, 1, category="practice"),
        result(4, 2, category="summative"),
        result(3, 1, competency="s-2", category="practice"),
        {**result(0, 2, competency="s-2", category="summative"), "score": None, "mark": "missing"},
    )
    await _simulated_then_applied(api, body, gains, losses)
