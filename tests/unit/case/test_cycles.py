"""cycles() against an independent formula: two nodes share a group exactly when each reaches
the other, which a transitive closure over a small graph answers directly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.case.cycles import cycles

NODES = list(range(7))


def _reach(edges: dict[int, list[int]]) -> dict[int, set[int]]:
    """Every node reachable from each node in one or more steps (Warshall's closure)."""
    reach = {n: set(edges.get(n, ())) for n in NODES}
    for k in NODES:
        for i in NODES:
            if k in reach[i]:
                reach[i] |= reach[k]
    return reach


def _groups_by_closure(edges: dict[int, list[int]]) -> list[list[int]]:
    reach = _reach(edges)
    groups: list[list[int]] = []
    placed: set[int] = set()
    for n in NODES:  # in the order of NODES, so each group is listed by its first node
        if n in placed:
            continue
        group = [m for m in NODES if m == n or (m in reach[n] and n in reach[m])]
        placed.update(group)
        if n in reach[n]:  # on a cycle exactly when it reaches itself
            groups.append(group)
    return groups


edge_lists = st.dictionaries(
    st.sampled_from(NODES), st.lists(st.sampled_from(NODES), max_size=4), max_size=len(NODES)
)


@settings(max_examples=300, deadline=None)
@given(edge_lists)
def test_cycles_are_the_groups_of_mutually_reachable_nodes(edges: dict[int, list[int]]) -> None:
    assert cycles(NODES, edges) == _groups_by_closure(edges)
