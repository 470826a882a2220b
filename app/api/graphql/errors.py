"""GraphQL errors: domain errors carry the REST kind's code and status; limits say which limit;
anything unexpected is logged with the request id and answered without internals."""

from __future__ import annotations

import logging
from typing import Any

from graphql import GraphQLError
from strawberry.types import ExecutionContext
from strawberry.types.execution import ExecutionResult

from app.api.context import request_id
from app.api.problems import graphql_extensions
from app.api.unavailable import database_unavailable
from app.domain.errors import DomainError

log = logging.getLogger("mastery.graphql")

UNEXPECTED = "An unexpected error occurred; quote the request id when reporting it."


def is_expected(error: GraphQLError) -> bool:
    """Errors that are the client's to fix: a domain error, or a GraphQL error of the query
    itself (syntax, validation, limits), which has no original exception."""
    original = error.original_error
    return original is None or isinstance(original, (DomainError, GraphQLError))


def _query_error_code(error: GraphQLError) -> str:
    """The code of an error in the query itself, found before anything ran."""
    message = error.message
    if "exceeds maximum operation depth" in message or "nested too deeply" in message:
        return "QUERY_TOO_DEEP"
    if "more than" in message and "tokens" in message:
        return "QUERY_TOO_LARGE"
    if message.startswith("Syntax Error"):
        return "GRAPHQL_PARSE_FAILED"
    return "GRAPHQL_VALIDATION_FAILED"


def _answered(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if isinstance(original, DomainError):
        error.extensions = {**(error.extensions or {}), **graphql_extensions(original)}
        return error
    if is_expected(error):
        if original is None and error.path is None and "code" not in (error.extensions or {}):
            error.extensions = {**(error.extensions or {}), "code": _query_error_code(error)}
        return error
    return GraphQLError(
        UNEXPECTED,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={"code": "INTERNAL", "request_id": request_id.get()},
    )


def unavailable(errors: list[GraphQLError] | None) -> BaseException | None:
    """The first resolver error that says the database cannot be reached: the whole request
    then answers 503 with Retry-After as REST does (the request middleware answers it), not a
    200 whose data is partial, since every other field may have failed the same way."""
    for error in errors or ():
        if error.original_error is not None and database_unavailable(error.original_error):
            return error.original_error
    return None


def log_unexpected(errors: list[GraphQLError], context: ExecutionContext | None) -> None:
    """Schema.process_errors: only errors that are bugs are logged (with their traceback); the
    database out of reach is not one (the request middleware logs it as a warning)."""
    for error in errors:
        if not is_expected(error) and unavailable([error]) is None:
            original: Any = error.original_error
            log.error(
                "unexpected GraphQL error at %s",
                ".".join(map(str, error.path or ())),
                exc_info=(type(original), original, original.__traceback__),
            )


def answered(result: ExecutionResult) -> ExecutionResult:
    """The result with every error turned into what the client may see."""
    if result.errors:
        result.errors = [_answered(e) for e in result.errors]
    return result
