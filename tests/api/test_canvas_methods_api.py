"""Canvas's method names and the methods other gradebooks use, through REST and GraphQL: a
framework takes them, decisions follow them, and simulate compares them. Every expected value
is worked out by hand in its comment."""

from __future__ import annotations

from typing import Any

from tests.api.graphql_data import data
from tests.api.mastery_data import FRAMEWORK, by_competency, post, result, seed_framework
from tests.conftest import Api

ONE_TO_FIVE = {
    "levels": [{"value": v, "label": f"L{v}"} for v in range(1, 6)],
    "mastery_threshold": 3,
}


def framework(calculation: dict[str, Any], scale: dict[str, Any] | None = None) -> dict[str, Any]:
    return {**FRAMEWORK, "calculation": calculation, **({"scale": scale} if scale else {})}


async def leaf_after(api: Api, scores: list[float]) -> dict[str, Any]:
    answer = await post(api, *(result(x, day) for day, x in enumerate(scores, start=1)))
    return by_competency(answer["decisions"])["s-1"]


async def test_canvas_decaying_average_and_its_rounding(api: Api) -> None:
    created = await seed_framework(api, framework({"method": "decaying_average"}, ONE_TO_FIVE))
    assert created["calculation"] == {"method": "decaying_average", "weight": 0.65}
    # Canvas: .65*5 + .35*mean(1, 2, 3, 4) = 4.125 -> 4.13
    leaf = await leaf_after(api, [1, 2, 3, 4, 5])
    assert (leaf["status"], leaf["score"]) == ("mastered", 4.13)
    assert leaf["method"] == {"name": "decaying_average", "weight": 0.65}


async def test_weighted_at_99_is_299_not_mastered(api: Api) -> None:
    await seed_framework(api, framework({"method": "decaying_average", "weight": 0.99}))
    # .99*3 + .01*mean(2, 3) is the double 2.99499999999999966..., which Ruby rounds to 2.99
    leaf = await leaf_after(api, [2, 3, 3])
    assert (leaf["status"], leaf["score"]) == ("not_yet", 2.99)


async def test_n_mastery_short_of_n_is_not_decided_yet(api: Api) -> None:
    await seed_framework(api, framework({"method": "n_mastery", "n": 2}))
    leaf = await leaf_after(api, [4])  # one result at the threshold of two needed
    assert (leaf["status"], leaf["score"]) == ("insufficient_evidence", None)


async def test_mode_of_the_last_three_with_a_tie_rule(api: Api) -> None:
    calculation = {"method": "mode", "n": 3, "tie": "highest"}
    created = await seed_framework(api, framework(calculation))
    assert created["calculation"] == calculation
    # Infinite Campus's mode of the last 3: of 1 1 1 3 3, the last 3 are 1 3 3: level 3
    leaf = await leaf_after(api, [1, 1, 1, 3, 3])
    assert (leaf["status"], leaf["score"]) == ("mastered", 3.0)
    assert leaf["method"] == {"name": "mode", "n": 3, "tie": "highest"}
    found = await data(api, '{ framework(id: "fw-math") { calculation { method n tie } } }')
    assert found["framework"]["calculation"] == {"method": "mode", "n": 3, "tie": "highest"}


async def test_parameters_a_method_does_not_take_are_refused(api: Api) -> None:
    await seed_framework(api)
    response = await api.patch(
        "/v1/frameworks/fw-math", {"calculation": {"method": "average", "tie": "highest"}}
    )
    assert response.status_code == 422, response.text
    located = [(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]]
    assert located == [(("body", "calculation", "tie"), "does not apply to average")]


async def test_simulate_the_new_methods(api: Api) -> None:
    await seed_framework(api)  # standard decaying average 0.65, scale 1-4, mastered at 3
    # s-1: 1, 2, 3: .35*(.35*1 + .65*2) + .65*3 = .35*1.65 + 1.95 = 2.5275 -> 2.53, not yet
    await post(api, *(result(x, day) for day, x in enumerate([1, 2, 3], start=1)))
    for candidate, became in [
        # best fit: 1 2 3 lies on a line (squared error 0): its value at k = 3 is 3, mastered
        ({"method": "best_fit"}, 1),
        # max of average 2 and power law: ln x on ln k fits 1·k^1 exactly (1, 2, 3): 3
        ({"method": "max_of_average_and_power_law"}, 1),
        # mode of the last 2 (2, 3), tie to the lower: 2, not yet
        ({"method": "mode", "n": 2, "tie": "lowest"}, 0),
    ]:
        simulated = await api.post(
            "/v1/frameworks/fw-math/simulate", json={"calculation": candidate}
        )
        assert simulated.status_code == 200, simulated.text
        # s-1 and its parent d-nbt (whose other child s-2 has no evidence: never mastered)
        assert simulated.json()["became_mastered"] == became
