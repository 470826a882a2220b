"""FastAPI dependencies: the wired use cases, and the authenticated principal with its scopes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.openapi.models import OAuthFlowClientCredentials, OAuthFlows
from fastapi.security import OAuth2, SecurityScopes

from app.api.context import client_id
from app.api.problems import AuthProblem
from app.domain.access import Principal, Scope
from app.domain.errors import Unauthorized
from app.use_cases.catalog import UseCases

SCOPE_DESCRIPTIONS = {
    Scope.ROSTER_READ: "Read orgs, sessions, courses, classes, users, enrollments, demographics",
    Scope.ROSTER_WRITE: "Create, replace and retire roster records",
    Scope.FRAMEWORKS_READ: "Read competency frameworks",
    Scope.FRAMEWORKS_WRITE: "Author and change competency frameworks",
    Scope.EVIDENCE_WRITE: "Post and void assessment evidence",
    Scope.MASTERY_READ: "Read mastery decisions, explanations and evidence",
    Scope.MASTERY_OVERRIDE: "Set and clear a teacher's override of a decision",
    Scope.REPORTS_READ: "Read district summaries and trends",
    Scope.ADMIN: "Everything, including the tenant's clients and imports",
    Scope.GRADEBOOK_CREATEPUT: "OneRoster 1.2 gradebook: put line items and results",
    Scope.GRADEBOOK_READONLY: "OneRoster 1.2 gradebook: read line items and results",
    Scope.GRADEBOOK_DELETE: "OneRoster 1.2 gradebook: delete results",
}

oauth2 = OAuth2(
    flows=OAuthFlows(
        clientCredentials=OAuthFlowClientCredentials(
            tokenUrl="/oauth/token", scopes={s.value: d for s, d in SCOPE_DESCRIPTIONS.items()}
        )
    ),
    scheme_name="OAuth2",
    description="OAuth 2.0 client credentials; send the token as `Authorization: Bearer …`.",
    auto_error=False,
)


async def get_use_cases(request: Request) -> UseCases:
    # async: FastAPI runs a plain `def` dependency in a worker thread, on every request.
    use_cases: UseCases = request.app.state.use_cases
    return use_cases


UseCasesDep = Annotated[UseCases, Depends(get_use_cases)]


def challenge(error: str | None = None, scope: str | None = None) -> str:
    parts = ['Bearer realm="mastery"']
    if error:
        parts.append(f'error="{error}"')
    if scope:
        parts.append(f'scope="{scope}"')
    return ", ".join(parts)


async def authenticated(use_cases: UseCases, authorization: str | None) -> Principal:
    """The caller of an Authorization header; AuthProblem (401) without a valid bearer token.
    BearerFirst calls it before a body is read: a client's standing is cached briefly, so this
    rarely costs a database round trip (docs/decisions/0017-clients-tokens-audit.md)."""
    if not authorization:
        raise AuthProblem(401, "A bearer token is required", challenge())
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthProblem(401, "Use the Bearer authentication scheme", challenge("invalid_request"))
    try:
        return await use_cases.access.authenticate(token.strip())
    except Unauthorized as exc:
        raise AuthProblem(401, exc.detail, challenge("invalid_token")) from exc


AUTHENTICATED = "principal"
"""Where BearerFirst leaves the principal of a request it has authenticated (request state)."""


async def current_principal(
    security_scopes: SecurityScopes,
    request: Request,
    use_cases: UseCasesDep,
    authorization: Annotated[str | None, Depends(oauth2)],
) -> Principal:
    """The caller, from its bearer token; 401 without a valid token, 403 without the scope.
    A request BearerFirst has authenticated already (one with a body) is not checked again."""
    known = getattr(request.state, AUTHENTICATED, None)
    principal = (
        known if isinstance(known, Principal) else await authenticated(use_cases, authorization)
    )
    client_id.set(principal.client_id)
    needed = [Scope(s) for s in security_scopes.scopes]
    missing = [s for s in needed if not principal.allows(s)]
    if missing:
        wanted = " ".join(missing)
        raise AuthProblem(
            403, f"The token lacks the scope {wanted}", challenge("insufficient_scope", wanted)
        )
    return principal


def authorized(scope: Scope) -> object:
    """A dependency: the principal, which must hold `scope`."""
    return Security(current_principal, scopes=[scope.value])


RosterReader = Annotated[Principal, authorized(Scope.ROSTER_READ)]
RosterWriter = Annotated[Principal, authorized(Scope.ROSTER_WRITE)]
FrameworkReader = Annotated[Principal, authorized(Scope.FRAMEWORKS_READ)]
FrameworkWriter = Annotated[Principal, authorized(Scope.FRAMEWORKS_WRITE)]
EvidenceWriter = Annotated[Principal, authorized(Scope.EVIDENCE_WRITE)]
MasteryReader = Annotated[Principal, authorized(Scope.MASTERY_READ)]
ReportsReader = Annotated[Principal, authorized(Scope.REPORTS_READ)]
MasteryOverrider = Annotated[Principal, authorized(Scope.MASTERY_OVERRIDE)]
Admin = Annotated[Principal, authorized(Scope.ADMIN)]
