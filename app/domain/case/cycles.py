"""Cycles in a directed graph, as its strongly connected components (Tarjan's algorithm,
iterative so that a 10,000-item chain does not exhaust the stack)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

N = TypeVar("N", bound=Hashable)


def cycles(nodes: Iterable[N], edges: Mapping[N, Sequence[N]]) -> list[list[N]]:
    """Every group of nodes that reach each other (each is at least one cycle), in the order
    their first node appears in `nodes`; a node with an edge to itself is a group of one."""
    order = list(dict.fromkeys(nodes))
    index: dict[N, int] = {}
    low: dict[N, int] = {}
    on_stack: set[N] = set()
    stack: list[N] = []
    found: list[list[N]] = []
    counter = 0
    for root in order:
        if root in index:
            continue
        work: list[tuple[N, int]] = [(root, 0)]
        while work:
            node, next_edge = work.pop()
            if next_edge == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, ())
            if next_edge < len(targets):
                work.append((node, next_edge + 1))
                target = targets[next_edge]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group: list[N] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in edges.get(node, ()):
                    found.append(group)
    rank = {n: i for i, n in enumerate(order)}
    for group in found:
        group.sort(key=lambda n: rank.get(n, len(rank)))
    return sorted(found, key=lambda g: rank.get(g[0], len(rank)))
