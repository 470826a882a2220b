"""The bearer token checked before a request's body is read: a pure ASGI middleware in front
of the body limit, the input guard and the routes, so that a caller without a valid token
cannot make the service read, parse or spool a body (a 9 MB JSON document, a 200 MB upload).

Only that a valid token is present is checked here; each route still checks the scope it needs
(app/api/deps.py). The principal found is kept in the request's state, so that the route's
check does not authenticate the same token a second time."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.deps import AUTHENTICATED, authenticated
from app.api.middleware import header
from app.api.problems import AuthProblem
from app.api.refusals import send_refusal

# Requests that carry a body to a route that needs a token. /oauth/token authenticates the
# client by the body itself; GraphiQL's page (GET /graphql) has no body.
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_PROTECTED_PREFIXES = ("/v1/", "/ims/", "/graphql")


class BearerFirst:
    """Answers 401 to a request with a body and no valid bearer token, before reading it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in _BODY_METHODS
            or not scope["path"].startswith(_PROTECTED_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        try:
            principal = await authenticated(
                scope["app"].state.use_cases, header(scope, b"authorization")
            )
        except AuthProblem as refused:
            challenge = [(b"www-authenticate", refused.challenge.encode())]
            await send_refusal(
                scope, send, 401, refused.detail, kind="unauthorized", headers=challenge
            )
            return
        scope.setdefault("state", {})[AUTHENTICATED] = principal
        await self.app(scope, receive, send)
