"""What a query may ask for: its depth, its cost, and the size of a page.

Cost estimates how many objects a query can make the server build before it runs: every field
that returns objects counts one per object, scalars count nothing. A connection's `edges` and
`nodes` return up to `first` objects (the maximum page size when `first` is not given); a plain
list returns as many as its field's `cost_size` hint says (DEFAULT_LIST_SIZE otherwise).
Introspection is free: GraphiQL needs it, and the depth limit bounds it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import (
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from graphql import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from app.api.graphql.document_limits import page_errors, shape_errors
from app.api.graphql.scalars import nul_errors
from app.domain.errors import Invalid, Problem

DEFAULT_LIST_SIZE = 20
PAGE_FIELDS = frozenset({"edges", "nodes"})


@dataclass(frozen=True)
class Limits:
    max_depth: int = 12
    max_cost: int = 100_000
    max_page_size: int = 100
    # A query still running after this long is stopped and answers TIME_BUDGET_EXCEEDED.
    time_budget_seconds: float = 15.0


def page_size(first: int | None, limits: Limits) -> int:
    """A connection's page size; a `first` out of range is an error that says the range."""
    if first is None:
        return limits.max_page_size
    if not 0 <= first <= limits.max_page_size:
        raise Invalid(
            "The page size is out of range",
            [Problem(("first",), f"must be between 0 and {limits.max_page_size}")],
        )
    return first


def _list_size(field: Any) -> int:
    definition = field.extensions.get("strawberry-definition")
    hint = definition.metadata.get("cost_size") if definition is not None else None
    return int(hint) if hint is not None else DEFAULT_LIST_SIZE


def _is_list(kind: Any) -> bool:
    while isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    return isinstance(kind, GraphQLList)


class _Estimate:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
        max_page: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.max_page = max_page

    def _first(self, node: FieldNode) -> int:
        for argument in node.arguments or ():
            if argument.name.value != "first":
                continue
            value = argument.value
            # Out-of-range pages are refused before the estimate (document_limits); a negative
            # one must never lower it.
            if isinstance(value, IntValueNode):
                return min(max(int(value.value), 0), self.max_page)
            if isinstance(value, VariableNode):
                given = self.variables.get(value.name.value)
                if isinstance(given, int):
                    return min(max(given, 0), self.max_page)
        return self.max_page

    def _fields(
        self, selections: SelectionSetNode | None, parent: GraphQLObjectType, seen: frozenset[str]
    ) -> Iterator[tuple[FieldNode, GraphQLObjectType]]:
        for selection in selections.selections if selections else ():
            if isinstance(selection, FieldNode):
                yield selection, parent
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                kind = self.schema.get_type(condition.name.value) if condition else parent
                if isinstance(kind, GraphQLObjectType):
                    yield from self._fields(selection.selection_set, kind, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:
                    continue
                kind = self.schema.get_type(fragment.type_condition.name.value)
                if isinstance(kind, GraphQLObjectType):
                    yield from self._fields(fragment.selection_set, kind, seen | {name})

    def cost(
        self,
        selections: SelectionSetNode | None,
        parent: GraphQLObjectType,
        page: int = 1,
        seen: frozenset[str] = frozenset(),
    ) -> int:
        total = 0
        for node, owner in self._fields(selections, parent, seen):
            name = node.name.value
            field = owner.fields.get(name)
            if name.startswith("__") or field is None:
                continue
            kind = get_named_type(field.type)
            if not isinstance(kind, GraphQLObjectType):
                continue
            if kind.name.endswith("Connection"):
                size, inner = 1, self._first(node)
            elif name in PAGE_FIELDS and owner.name.endswith("Connection"):
                size, inner = page, 1
            else:
                size, inner = (_list_size(field) if _is_list(field.type) else 1), 1
            total += size * (1 + self.cost(node.selection_set, kind, inner, seen))
        return total


def query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    max_page: int,
) -> int:
    """The estimated number of objects the chosen operation may return."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [
        o
        for o in operations
        if operation_name is None or (o.name and o.name.value == operation_name)
    ]
    if not chosen or schema.query_type is None:
        return 0
    estimate = _Estimate(schema, fragments, variables or {}, max_page)
    return estimate.cost(chosen[0].selection_set, schema.query_type)


MAX_TOKENS = 10_000


@lru_cache(maxsize=256)
def _validated(
    schema: GraphQLSchema, document: DocumentNode, rules: tuple[type[ASTValidationRule], ...]
) -> list[GraphQLError]:
    # Strawberry's ValidationCache validates whatever came before it; this cache runs only
    # for documents whose shape passed (parsed documents are shared by the parser cache).
    return validate_document(schema, document, rules)


class QueryLimits(SchemaExtension):
    """Every limit in one extension (each extension's hooks cost time on every request): the
    document's size when it is parsed, its shape and page sizes before it is validated, its
    depth when it is validated (one rule class for the schema's life, so the validation cache
    hits), and its cost before anything runs."""

    def __init__(self, limits: Limits, depth_rule: type[ASTValidationRule]) -> None:
        self.limits = limits
        self.depth_rule = depth_rule

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = MAX_TOKENS
        context.validation_rules = (*context.validation_rules, self.depth_rule)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.pre_execution_errors is None:
            # Strawberry skips its own validation once errors are set.
            context.pre_execution_errors = (
                shape_errors(document) or nul_errors(document, context.variables)
            ) or _validated(context.schema._schema, document, tuple(context.validation_rules))
            if not context.pre_execution_errors:
                context.pre_execution_errors = page_errors(
                    document, context.variables, self.limits.max_page_size
                )
        yield

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.result is None:
            cost = query_cost(
                context.schema._schema,
                document,
                context.operation_name,
                context.variables,
                self.limits.max_page_size,
            )
            if cost > self.limits.max_cost:
                context.result = GraphQLExecutionResult(
                    data=None,
                    errors=[
                        GraphQLError(
                            f"The query's estimated cost is {cost}, over the limit of "
                            f"{self.limits.max_cost}: ask for smaller pages or fewer nested "
                            "lists",
                            extensions={"code": "QUERY_TOO_COSTLY", "cost": cost},
                        )
                    ],
                )
        yield
