"""What a query document may hold, checked after parsing and before validation.

graphql-core's validation runs every rule in one pass, and one of them (overlapping fields can be
merged) compares fields that share a response name pairwise: 1,000 repetitions of one field in a
selection set took seconds of the event loop, with no scope needed and well under the token
limit. So the document's shape is bounded before validation starts: how many fields it selects,
how many of them are aliased, how often one response name (or one fragment) repeats in a
selection set, and every page size (`first`) it asks for, literal or variable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)

# Generous for any real report or page (the README's largest query selects about 40 fields),
# small enough that validation stays in milliseconds.
MAX_FIELDS = 1_000
MAX_ALIASES = 100
# A response name (or a fragment) repeated more often than this in one selection set: legal
# GraphQL, never useful, and the quadratic case of validation.
MAX_REPEATS = 5
PAGE_ARGUMENTS = ("first", "last")


@dataclass(frozen=True)
class Shape:
    """What a document selects, counted without expanding fragments."""

    fields: int
    aliases: int
    repeated: tuple[str, int] | None  # the most repeated response name in one set, if over

    @classmethod
    def of(cls, document: DocumentNode) -> Shape:
        fields = aliases = 0
        worst: tuple[str, int] | None = None
        for selections in _selection_sets(document):
            keys: Counter[str] = Counter()
            for selection in selections.selections:
                if isinstance(selection, FieldNode):
                    fields += 1
                    aliases += selection.alias is not None
                    keys[(selection.alias or selection.name).value] += 1
                elif isinstance(selection, FragmentSpreadNode):
                    keys["..." + selection.name.value] += 1
            if keys:
                name, count = keys.most_common(1)[0]
                if count > MAX_REPEATS and (worst is None or count > worst[1]):
                    worst = (name, count)
        return cls(fields, aliases, worst)


def _selection_sets(document: DocumentNode) -> Iterator[SelectionSetNode]:
    stack: list[SelectionSetNode] = [
        d.selection_set
        for d in document.definitions
        if isinstance(d, (OperationDefinitionNode, FragmentDefinitionNode))
    ]
    while stack:
        selections = stack.pop()
        yield selections
        for selection in selections.selections:
            if isinstance(selection, (FieldNode, InlineFragmentNode)) and selection.selection_set:
                stack.append(selection.selection_set)


def _too_large(message: str, **extensions: Any) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "QUERY_TOO_LARGE", **extensions})


def shape_errors(document: DocumentNode) -> list[GraphQLError]:
    """Why the document is too large to validate, or nothing."""
    shape = Shape.of(document)
    errors = []
    if shape.fields > MAX_FIELDS:
        errors.append(
            _too_large(f"The query selects {shape.fields} fields; at most {MAX_FIELDS} are read")
        )
    if shape.aliases > MAX_ALIASES:
        errors.append(
            _too_large(f"The query has {shape.aliases} aliases; at most {MAX_ALIASES} are read")
        )
    if shape.repeated is not None:
        name, count = shape.repeated
        errors.append(
            _too_large(
                f"{name!r} is selected {count} times in one selection set; at most "
                f"{MAX_REPEATS} times are read"
            )
        )
    return errors


def page_errors(
    document: DocumentNode, variables: Mapping[str, Any] | None, max_page_size: int
) -> list[GraphQLError]:
    """Every page size the document asks for that is not between 1 and the maximum: checked
    before the cost is estimated, since a negative page would lower the estimate."""
    errors = []
    for selections in _selection_sets(document):
        for selection in selections.selections:
            if not isinstance(selection, FieldNode):
                continue
            for argument in selection.arguments or ():
                if argument.name.value not in PAGE_ARGUMENTS:
                    continue
                value = _int_value(argument.value, variables or {})
                if value is not None and not 1 <= value <= max_page_size:
                    loc = [selection.name.value, argument.name.value]
                    errors.append(
                        GraphQLError(
                            "The page size is out of range",
                            extensions={
                                "code": "INVALID",
                                "problems": [
                                    {"loc": loc, "msg": f"must be between 1 and {max_page_size}"}
                                ],
                            },
                        )
                    )
    return errors


def _int_value(value: object, variables: Mapping[str, Any]) -> int | None:
    if isinstance(value, IntValueNode):
        return int(value.value)
    if isinstance(value, VariableNode):
        given = variables.get(value.name.value)
        if isinstance(given, int) and not isinstance(given, bool):
            return given
    return None
