"""Cycles in a directed graph, as its strongly connected components (Tarjan's algorithm,
iterative so that a 10,000-item chain does not exhaust the stack)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Generic, TypeVar

N = TypeVar("N", bound=Hashable)


def cycles(nodes: Iterable[N], edges: Mapping[N, Sequence[N]]) -> list[list[N]]:
    """Every group of nodes that reach each other (each is at least one cycle), in the order
    their first node appears in `nodes`; a node with an edge to itself is a group of one."""
    order = list(dict.fromkeys(nodes))
    search = _Components(edges)
    for root in order:
        if root not in search.index:
            search.visit(root)
    rank = {n: i for i, n in enumerate(order)}
    for group in search.found:
        group.sort(key=lambda n: rank.get(n, len(rank)))
    return sorted(search.found, key=lambda g: rank.get(g[0], len(rank)))


class _Components(Generic[N]):
    """Tarjan's bookkeeping: each node's discovery index and the lowest index it reaches, the
    stack of nodes whose component is still open, and the cycles found so far."""

    def __init__(self, edges: Mapping[N, Sequence[N]]) -> None:
        self.edges = edges
        self.index: dict[N, int] = {}
        self.low: dict[N, int] = {}
        self.open: list[N] = []
        self.on_stack: set[N] = set()
        self.found: list[list[N]] = []

    def visit(self, root: N) -> None:
        """Depth-first from `root`, with a stack of (node, next edge to follow) for recursion."""
        work: list[tuple[N, int]] = [(root, 0)]
        while work:
            node, next_edge = work.pop()
            if next_edge == 0:
                self._discover(node)
            targets = self.edges.get(node, ())
            if next_edge < len(targets):
                work.append((node, next_edge + 1))
                self._follow(node, targets[next_edge], work)
                continue
            if work:  # back in the parent: it reaches whatever its child reaches
                parent = work[-1][0]
                self.low[parent] = min(self.low[parent], self.low[node])
            if self.low[node] == self.index[node]:
                self._close(node)

    def _discover(self, node: N) -> None:
        self.index[node] = self.low[node] = len(self.index)
        self.open.append(node)
        self.on_stack.add(node)

    def _follow(self, node: N, target: N, work: list[tuple[N, int]]) -> None:
        if target not in self.index:
            work.append((target, 0))
        elif target in self.on_stack:
            self.low[node] = min(self.low[node], self.index[target])

    def _close(self, root: N) -> None:
        """Pop the component whose first-discovered node is `root`; keep it if it is a cycle."""
        group: list[N] = []
        while True:
            member = self.open.pop()
            self.on_stack.discard(member)
            group.append(member)
            if member == root:
                break
        if len(group) > 1 or root in self.edges.get(root, ()):
            self.found.append(group)
