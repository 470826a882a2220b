"""GraphQL inputs under the service's input bounds (app/domain/input_bounds.py): a string
holding a NUL character, or an instant outside the window the service keeps, is refused where it
is written (a literal or a variable) as a GraphQL error, before any resolver runs. The DateTime
scalar keeps its name and output, so the schema (openapi/schema.graphql) does not change."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

import strawberry
from graphql import DocumentNode, GraphQLError, Node, StringValueNode, ValueNode

from app.domain.input_bounds import NUL, has_nul, in_utc, instant_problem, nul_problem


def nul_errors(document: DocumentNode, variables: Mapping[str, Any] | None) -> list[GraphQLError]:
    """Every string of the document (a literal) or its variables that holds a NUL character.
    (graphql-core forbids redefining String and ID, so they are checked here, beside the
    document's other limits, rather than by their scalars.)"""
    found = [
        GraphQLError(f"The string {nul_problem()}", node, extensions={"code": "INVALID"})
        for node in _string_literals(document)
        if has_nul(node.value)
    ]
    for name, value in (variables or {}).items():
        for path in _nul_paths(value, (name,)):
            where = "$" + ".".join(map(str, path))
            found.append(
                GraphQLError(f"Variable {where} {nul_problem()}", extensions={"code": "INVALID"})
            )
    return found


def _string_literals(document: DocumentNode) -> Iterator[StringValueNode]:
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, StringValueNode):
            yield node
        elif isinstance(node, Node):
            stack.extend(getattr(node, key) for key in node.keys)
        elif isinstance(node, tuple | list):
            stack.extend(node)


def _nul_paths(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
    if isinstance(value, str):
        if has_nul(value):
            yield path
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _nul_paths(item, (*path, str(key).replace(NUL, "\\u0000")))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nul_paths(item, (*path, index))


def _refused(message: str) -> GraphQLError:
    # A GraphQLError, not a ValueError: graphql-core keeps it as the client's error rather
    # than wrapping an exception it would take for a bug (answered INTERNAL).
    return GraphQLError(message, extensions={"code": "INVALID"})


def _instant(value: Any) -> datetime:
    if not isinstance(value, str):
        raise _refused("An instant is an ISO 8601 string")
    if has_nul(value):
        raise _refused(f"The instant {nul_problem()}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _refused(f"{value!r} is not an ISO 8601 instant") from None
    if problem := instant_problem(moment):
        raise _refused(f"The instant {problem}")
    return in_utc(moment)


def _instant_literal(node: ValueNode, variables: dict[str, Any] | None = None) -> datetime:
    if not isinstance(node, StringValueNode):
        raise _refused("An instant is an ISO 8601 string")
    return _instant(node.value)


def _isoformat(value: datetime) -> str:
    return value.isoformat()


BoundedDateTime = strawberry.scalar(
    name="DateTime",
    description="Date with time (isoformat)",
    serialize=_isoformat,
    parse_value=_instant,
    parse_literal=_instant_literal,
)

SCALAR_OVERRIDES: dict[object, Any] = {datetime: BoundedDateTime}
