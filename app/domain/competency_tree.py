"""The shape of a competency tree: its nodes by id, each parent's children in order, the walk
from the roots, and what keeps a list of nodes from being a tree (a repeated id, a parent
that is not in it, a cycle of parents)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from app.domain.errors import ProblemList

# The deepest a competency tree may be. Real frameworks are 3 to 6 levels (domain, cluster,
# standard, component); a bound keeps every walk, rollup and document built from a tree (and
# the recursion of the libraries serialising it) far from their limits: an isChildOf chain
# 1,500 deep once imported and then failed every read of its framework.
MAX_TREE_DEPTH = 64


class TreeNode(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def parent_id(self) -> str | None: ...

    @property
    def position(self) -> int: ...


Node = TypeVar("Node", bound=TreeNode)


@dataclass(frozen=True)
class Tree(Generic[Node]):
    """Nodes by id, each parent's children (None: the roots) by position, and every node
    reached from the roots, depth-first."""

    by_id: dict[str, Node]
    children: dict[str | None, tuple[Node, ...]]
    order: tuple[Node, ...]


def tree_of(nodes: Sequence[Node], problems: ProblemList) -> Tree[Node]:
    """The tree these nodes make, its problems added to `problems` (located in
    `competencies`); cycles are looked for only when nothing else is wrong."""
    by_id = _by_id(nodes, problems)
    children = _children(nodes, by_id, problems)
    order, too_deep = _depth_first(children)
    if not problems and len(order) < len(nodes):
        _cycle_problems(nodes, order, problems)
    if too_deep is not None:
        where = next(i for i, node in enumerate(nodes) if node is too_deep)
        problems.add(
            ("competencies", where, "parent_id"),
            f"nests the competency deeper than the {MAX_TREE_DEPTH} levels a framework may have",
        )
    return Tree(by_id, {k: tuple(v) for k, v in children.items()}, order)


def _by_id(nodes: Sequence[Node], problems: ProblemList) -> dict[str, Node]:
    """Nodes by id; a repeated id is a problem (the first keeps it)."""
    by_id: dict[str, Node] = {}
    for i, node in enumerate(nodes):
        if node.id in by_id:
            problems.add(("competencies", i, "id"), f"repeats the id {node.id!r}")
        else:
            by_id[node.id] = node
    return by_id


def _children(
    nodes: Sequence[Node], by_id: Mapping[str, Node], problems: ProblemList
) -> dict[str | None, list[Node]]:
    """Each parent's children by position, then as listed; a parent that is not among the
    nodes is a problem."""
    index = {id(node): i for i, node in enumerate(nodes)}
    children: dict[str | None, list[Node]] = {}
    for i, node in enumerate(nodes):
        if node.parent_id is not None and node.parent_id not in by_id:
            problems.add(("competencies", i, "parent_id"), "is not in this framework")
        else:
            children.setdefault(node.parent_id, []).append(node)
    for kids in children.values():
        kids.sort(key=lambda node: (node.position, index[id(node)]))
    return children


def _depth_first(
    children: Mapping[str | None, Sequence[Node]],
) -> tuple[tuple[Node, ...], Node | None]:
    """Every node reached from the roots, depth-first, and the first one found deeper than a
    tree may be (None when none is)."""
    out: list[Node] = []
    too_deep: Node | None = None
    seen: set[str] = set()  # repeated ids are reported; this keeps the walk finite meanwhile
    stack = [(node, 1) for node in reversed(children.get(None, ()))]
    while stack:
        node, depth = stack.pop()
        if node.id in seen:
            continue
        seen.add(node.id)
        out.append(node)
        if depth > MAX_TREE_DEPTH and too_deep is None:
            too_deep = node
        stack.extend((child, depth + 1) for child in reversed(children.get(node.id, ())))
    return tuple(out), too_deep


def _cycle_problems(nodes: Sequence[Node], reached: Sequence[Node], problems: ProblemList) -> None:
    """Nodes the walk from the roots never reached: their parents make a cycle."""
    seen = {id(node) for node in reached}
    for i, node in enumerate(nodes):
        if id(node) not in seen:
            problems.add(("competencies", i, "parent_id"), "leads into a cycle of parents")
