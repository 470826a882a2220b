"""Completing plain objects without graphql-core's per-field machinery.

graphql-core resolves every field of every object through the same general path: a resolve
info, a path entry, an awaitable check and a recursive completion per field. A page of 100
students x 200 decisions is 100,000 such fields and spent most of its time there (issue #14,
docs/decisions/0058-graphql-reads.md). Most of those fields are plain attributes (a strawberry
field with no resolver, no permission and no argument) of leaf or plain object types, whose
value needs no more than `getattr` and the type's output coercion.

So this execution context compiles, once per selection in a request, a plan for an object type
whose selected fields are all plain, and completes such objects (and lists of them) with the
plan. Anything unusual falls back to graphql-core's own path, which then reports exactly what it
always did: a null in a non-null field, a value the type cannot coerce, `@defer`, `@stream`, a
field with a resolver, arguments or middleware anywhere in the selection."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLString,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

Complete = Callable[[Any], Any]
"""Completes one field's value (already read from its object) as graphql-core would."""

DEFINITION = "strawberry-definition"


class _Unplanned(Exception):
    """A value the plan does not complete itself: graphql-core's own path will."""


def _leaf(coerce: Callable[[Any], Any]) -> Complete:
    def complete(value: Any) -> Any:
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise _Unplanned
        return coerced

    return complete


def _nullable(inner: Complete) -> Complete:
    def complete(value: Any) -> Any:
        return None if value is None else inner(value)

    return complete


def _required(inner: Complete) -> Complete:
    def complete(value: Any) -> Any:
        if value is None:
            raise _Unplanned
        return inner(value)

    return complete


def _list(item: Complete) -> Complete:
    def complete(values: Any) -> Any:
        if not isinstance(values, list | tuple):
            raise _Unplanned
        return [item(v) for v in values]

    return complete


class Shape(enum.Enum):
    """How a field's value is completed: the commonest leaves are checked inline (a call per
    value was a third of a plan's time), anything else by the step's `Complete`."""

    TYPENAME = enum.auto()
    # String, ID, Float, Int, Boolean: a value of exactly the Python type `known` is its own
    # output (a Float if finite, an Int if within 32 bits).
    OWN = enum.auto()
    ENUM = enum.auto()  # a member's output name, worked out once by the type itself
    OTHER = enum.auto()


@dataclass(frozen=True, slots=True)
class Step:
    """One selected field of a plain object."""

    response_name: str
    attribute: str
    shape: Shape
    required: bool
    finish: Complete
    # ENUM: output names by the id of each member (members live as long as their class);
    # TYPENAME: the type's name; OWN: the Python type whose values are their own output.
    known: Any = None


def _object(steps: list[Step]) -> Complete:
    """An object as a dict of its selected fields, in the selection's order."""
    fields = [(s.response_name, s.attribute, s.shape, s.required, s.finish, s.known) for s in steps]
    typename, member = Shape.TYPENAME, Shape.ENUM

    def complete(source: Any) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, attribute, shape, required, finish, known in fields:
            if shape is typename:
                result[name] = known
                continue
            value = getattr(source, attribute)
            if value is None:
                if required:
                    raise _Unplanned
                result[name] = None
            # `known` is a type only for OWN (ENUM's is a dict, OTHER's None): no other
            # shape's value has it as its type, so the one test serves without the shape's.
            elif (
                type(value) is known
                and (known is not int or _INT_LOW <= value <= _INT_HIGH)
                and (known is not float or value - value == 0.0)  # inf - inf, nan - nan: nan
            ):
                result[name] = value
            elif shape is member and id(value) in known:
                result[name] = known[id(value)]
            else:
                result[name] = finish(value)
        return result

    return complete


def _value_of(plan: Complete) -> Complete:
    """An object's plan for a value that may be an exception (graphql-core reports those)."""

    def complete(value: Any) -> Any:
        if isinstance(value, Exception):
            raise _Unplanned
        return plan(value)

    return complete


# The scalars whose value of exactly this Python type is its own output (Shape.OWN).
_OWN_TYPE: dict[GraphQLScalarType, type] = {
    GraphQLString: str,
    GraphQLID: str,
    GraphQLFloat: float,
    GraphQLInt: int,
    GraphQLBoolean: bool,
}
# GraphQL's Int: a signed 32-bit whole number (graphql-core refuses any other).
_INT_LOW, _INT_HIGH = -(2**31), 2**31 - 1


def _shape(kind: GraphQLOutputType) -> tuple[Shape, Any]:
    """How a field of this (nullable) type completes, with what it needs known."""
    if isinstance(kind, GraphQLScalarType) and kind in _OWN_TYPE:
        return Shape.OWN, _OWN_TYPE[kind]
    wrapped = getattr(kind, "wrapped_cls", None)
    if isinstance(kind, GraphQLEnumType) and isinstance(wrapped, enum.EnumMeta):
        members: list[enum.Enum] = list(wrapped)
        return Shape.ENUM, {id(m): kind.coerce_output_value(m) for m in members}
    return Shape.OTHER, None


def _later(_value: Any) -> Any:
    raise AssertionError("a selection seen once has no plan yet")


def _unused(_value: Any) -> Any:
    raise AssertionError("a __typename step completes nothing")


def _plain_attribute(field: Any) -> str | None:
    """The attribute a strawberry field reads, when it does nothing else."""
    definition = field.extensions.get(DEFINITION)
    if not isinstance(definition, StrawberryField) or not definition.is_basic_field:
        return None
    if field.args or not getattr(field.resolve, "_is_default", False):
        return None
    return definition.python_name


class PlainObjects(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's execution, with plain objects completed by compiled plans."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Keyed as graphql-core memoises collected sub-fields: by the identity of the list of
        # field details, kept alive with the plan so that its id is not reused.
        self._plans: dict[tuple[GraphQLObjectType, int], tuple[object, Complete | None]] = {}

    def _plan(
        self, kind: GraphQLObjectType, details: FieldDetailsList, *, now: bool = True
    ) -> Complete | None:
        """The plan for objects of `kind` under this selection (None: graphql-core's path).
        Unless `now`, a plan is compiled only when the selection comes round again: a query's
        single objects (its viewer, one class) would pay for compiling and gain nothing."""
        key = (kind, id(details))
        found = self._plans.get(key)
        if found is None and not now:
            self._plans[key] = (details, _later)
            return None
        if found is None or found[1] is _later:
            found = (details, self._compile_object(kind, details))
            self._plans[key] = found
        return found[1]

    def _compile_object(
        self, kind: GraphQLObjectType, details: FieldDetailsList
    ) -> Complete | None:
        # Strawberry passes a manager always; it wraps resolvers only when an extension
        # resolves fields (every field would then have to go through it).
        middleware = self.middleware_manager
        if (middleware is not None and middleware.middlewares) or kind.is_type_of is not None:
            return None
        grouped, deferred, forbidden = self.collect_subfields(kind, details)
        if deferred or forbidden:
            return None
        steps: list[Step] = []
        for response_name, field_details in grouped.items():
            first = field_details[0].node
            if first.name.value == "__typename":
                steps.append(Step(response_name, "", Shape.TYPENAME, False, _unused, kind.name))
                continue
            field = self.schema.get_field(kind, first.name.value)
            attribute = None if field is None else _plain_attribute(field)
            if field is None or attribute is None or _has_arguments(field_details):
                return None
            required = isinstance(field.type, GraphQLNonNull)
            inner = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
            complete = self._compile(inner, field_details)
            if complete is None:
                return None
            shape, known = _shape(inner)
            steps.append(Step(response_name, attribute, shape, required, complete, known))
        return _object(steps)

    def _compile(self, kind: GraphQLOutputType, details: FieldDetailsList) -> Complete | None:
        if isinstance(kind, GraphQLNonNull):
            inner = self._compile(kind.of_type, details)
            return None if inner is None else _required(inner)
        if isinstance(kind, GraphQLList):
            if _streams(details):
                return None
            item = self._compile(kind.of_type, details)
            return None if item is None else _nullable(_list(item))
        if is_leaf_type(kind):
            return _nullable(_leaf(kind.coerce_output_value))
        if isinstance(kind, GraphQLObjectType):
            planned = self._plan(kind, details)
            return None if planned is None else _nullable(_value_of(planned))
        return None  # interfaces and unions: their runtime type is resolved per object

    def complete_list_value(
        self,
        return_type: GraphQLList[GraphQLOutputType],
        field_details_list: FieldDetailsList,
        info: Any,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        item = return_type.of_type
        named = item.of_type if isinstance(item, GraphQLNonNull) else item
        if (
            isinstance(named, GraphQLObjectType)
            and isinstance(result, list | tuple)
            and not _streams(field_details_list)
        ):
            plan = self._plan(named, field_details_list, now=len(result) > 1)
            if plan is not None:
                try:
                    return [_item(plan, value, item) for value in result]
                except Exception:
                    pass  # graphql-core completes the list again, and reports what it finds
        return super().complete_list_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def collect_and_execute_subfields(
        self,
        return_type: GraphQLObjectType,
        field_details_list: FieldDetailsList,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        plan = self._plan(return_type, field_details_list, now=False)
        if plan is not None:
            try:
                return plan(result)
            except Exception:
                pass  # as above: plans only read attributes, so running again is safe
        return super().collect_and_execute_subfields(
            return_type, field_details_list, path, result, position_context
        )


def _item(plan: Complete, value: Any, kind: GraphQLOutputType) -> Any:
    if value is None:
        if isinstance(kind, GraphQLNonNull):
            raise _Unplanned
        return None
    if isinstance(value, Exception):
        raise _Unplanned
    return plan(value)


def _has_arguments(details: Iterable[Any]) -> bool:
    return any(d.node.arguments or d.fragment_variable_values for d in details)


def _streams(details: Iterable[Any]) -> bool:
    return any(
        directive.name.value == "stream" for d in details for directive in d.node.directives or ()
    )
