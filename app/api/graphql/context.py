"""The request context: the caller (authenticated exactly as REST does), the use cases, the
limits, and DataLoaders built fresh for this request; and the scope checks of fields."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import SecurityScopes
from strawberry.fastapi import BaseContext
from strawberry.permission import BasePermission
from strawberry.types import Info

from app.api.deps import UseCasesDep, current_principal, oauth2
from app.api.graphql.limits import Limits
from app.api.graphql.loaders import Loaders
from app.domain.access import Principal, Scope
from app.domain.errors import Forbidden
from app.use_cases.catalog import UseCases


class Context(BaseContext):
    def __init__(self, use_cases: UseCases, principal: Principal | None, limits: Limits) -> None:
        super().__init__()
        self.use_cases = use_cases
        self.limits = limits
        self._principal = principal
        self._loaders = Loaders(use_cases, principal) if principal is not None else None

    @property
    def principal(self) -> Principal:
        assert self._principal is not None, "operations run only for an authenticated caller"
        return self._principal

    @property
    def loaders(self) -> Loaders:
        assert self._loaders is not None, "operations run only for an authenticated caller"
        return self._loaders

    def release(self) -> None:
        """Let go of what this request's loaders hold: it has been answered."""
        if self._loaders is not None:
            self._loaders.release()


GraphInfo = Info[Context, None]


def _opens_graphiql(request: Request) -> bool:
    # GraphiQL's page itself holds no data; its queries then carry the token the person
    # types into its headers editor.
    return request.method == "GET" and "query" not in request.query_params


def context_getter(limits: Limits) -> Callable[..., AsyncIterator[Context]]:
    """A FastAPI dependency building the context, with REST's authentication: no or a bad
    token answers 401 with a WWW-Authenticate challenge before any query runs. Once the
    answer is made, the context lets go of what its loaders hold (`Loaders.release`)."""

    async def get_context(
        request: Request,
        use_cases: UseCasesDep,
        authorization: Annotated[str | None, Depends(oauth2)],
    ) -> AsyncIterator[Context]:
        reading = use_cases.reading or use_cases
        if authorization is None and _opens_graphiql(request):
            yield Context(reading, None, limits)
            return
        # The token is checked on the primary (a client disabled a moment ago is refused).
        principal = await current_principal(SecurityScopes(), request, use_cases, authorization)
        context = Context(reading, principal, limits)
        try:
            yield context
        finally:
            context.release()

    return get_context


class _ScopePermission(BasePermission):
    scope: Scope

    def has_permission(self, source: Any, info: GraphInfo, **kwargs: Any) -> bool:
        return info.context.principal.allows(self.scope)

    def on_unauthorized(self) -> None:
        raise Forbidden(f"The token lacks the scope {self.scope.value}")


class RosterRead(_ScopePermission):
    scope = Scope.ROSTER_READ


class MasteryRead(_ScopePermission):
    scope = Scope.MASTERY_READ


class FrameworksRead(_ScopePermission):
    scope = Scope.FRAMEWORKS_READ


class ReportsRead(_ScopePermission):
    scope = Scope.REPORTS_READ


def needs(scope: Scope) -> list[type[BasePermission]]:
    """The permission classes (`strawberry.field(permission_classes=...)`) that require
    `scope` of the caller."""
    permission = {
        Scope.ROSTER_READ: RosterRead,
        Scope.MASTERY_READ: MasteryRead,
        Scope.FRAMEWORKS_READ: FrameworksRead,
        Scope.REPORTS_READ: ReportsRead,
    }[scope]
    return [permission]
