"""What a student is ready to learn: not mastered, every prerequisite mastered."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.associations import Association, NodeLink
from app.domain.case.cycles import cycles
from app.domain.case.ordering import follows_sibling_order, natural_key
from app.domain.frameworks import Competency, Framework, Status
from app.domain.prerequisites import prerequisites_of, ready_to_learn, unlocks_of


def precedes(before: str, after: str) -> Association:
    return Association(
        f"p-{before}-{after}",
        "precedes",
        NodeLink(before, competency_id=before),
        NodeLink(after, competency_id=after),
    )


def framework(
    ids: str, *links: tuple[str, str], parents: dict[str, str] | None = None
) -> Framework:
    parents = parents or {}
    return Framework(
        id="fw",
        title="F",
        competencies=tuple(
            Competency(c, c.upper(), f"Statement {c}", parent_id=parents.get(c), position=i)
            for i, c in enumerate(ids.split())
        ),
        associations=tuple(precedes(a, b) for a, b in links),
    )


def ready(f: Framework, mastered: str = "") -> list[str]:
    return [c.id for c in ready_to_learn(f, mastered.split())]


CHAIN = framework("a b c", ("a", "b"), ("b", "c"))
DIAMOND = framework("a b c d", ("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"))


@pytest.mark.parametrize(
    ("mastered", "expected"),
    [("", ["a"]), ("a", ["b"]), ("a b", ["c"]), ("a b c", []), ("b", ["a", "c"])],
)
def test_a_chain_unlocks_one_step_at_a_time(mastered: str, expected: list[str]) -> None:
    assert ready(CHAIN, mastered) == expected


@pytest.mark.parametrize(
    ("mastered", "expected"),
    [("", ["a"]), ("a", ["b", "c"]), ("a b", ["c"]), ("a c", ["b"]), ("a b c", ["d"])],
)
def test_a_diamond_needs_both_of_its_prerequisites(mastered: str, expected: list[str]) -> None:
    assert ready(DIAMOND, mastered) == expected


def test_prerequisites_and_unlocks_are_direct_and_in_framework_order() -> None:
    assert [c.id for c in prerequisites_of(DIAMOND, "d")] == ["b", "c"]
    assert [c.id for c in unlocks_of(DIAMOND, "a")] == ["b", "c"]
    assert prerequisites_of(DIAMOND, "a") == ()


def test_a_prerequisite_of_a_domain_holds_for_its_standards_and_parents_are_not_listed() -> None:
    f = framework("x d s1 s2", ("x", "d"), parents={"s1": "d", "s2": "d"})
    assert ready(f) == ["x"]
    assert ready(f, "x") == ["s1", "s2"]
    assert ready(f, "x s1") == ["s2"]


def test_retired_competencies_are_never_ready_and_never_block() -> None:
    f = framework("a b c", ("a", "b"), ("b", "c"))
    retired = replace(
        f,
        competencies=tuple(
            replace(c, status=Status.RETIRED) if c.id == "b" else c for c in f.competencies
        ),
    )
    assert ready(retired) == ["a", "c"]


def test_natural_order_compares_numbers_as_numbers() -> None:
    codes = ["L1.10", "L1.2", "L1.1", "6.RP.A.3b", "6.RP.A.3a", "L1.9"]
    assert sorted(codes, key=natural_key) == [
        "6.RP.A.3a",
        "6.RP.A.3b",
        "L1.1",
        "L1.2",
        "L1.9",
        "L1.10",
    ]
    assert follows_sibling_order([1, 2, None, None], [None, None, "a.2", "a.10"])
    assert not follows_sibling_order([2, 1], [None, None])
    assert not follows_sibling_order([None, 1], ["a", "b"])


def test_cycles_are_found_as_groups_in_first_seen_order() -> None:
    edges = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["d"], "e": ["a"]}
    assert cycles(["e", "d", "c", "b", "a"], edges) == [["d"], ["c", "b", "a"]]
    chain = {str(i): [str(i + 1)] for i in range(20_000)}
    assert cycles(map(str, range(20_001)), chain) == []
