"""A student's Open Badges 3.0 / CLR 2.0 credentials (decision 0049): issue one (scope
`mastery:override`: a badge attests mastery in the district's name, the authority of a
teacher's override), list them (`mastery:read`), revoke one (`admin`). The public side
(verification, keys, issuer, achievements, revocation list) is app/api/standards/credentials.py."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from app.api.deps import Admin, MasteryOverrider, MasteryReader, UseCasesDep
from app.api.problems import responses
from app.api.public_url import public_base
from app.domain.credentials import CredentialKind, IssuedCredential
from app.use_cases.credentials import credential_url

router = APIRouter(tags=["credentials"])
Id = Annotated[str, Path(min_length=1, max_length=255)]


class CredentialCreate(BaseModel):
    competency_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=255,
        description="Issue an OpenBadgeCredential of this mastered competency.",
    )
    kind: Literal["open_badge", "clr"] | None = Field(
        default=None,
        description="`clr`: a ClrCredential of every competency the student has mastered.",
    )


class CredentialRead(BaseModel):
    id: str
    kind: CredentialKind
    competency_id: str | None = Field(description="The competency (an open badge's), or null.")
    issued_at: datetime
    revoked: bool
    revoked_at: datetime | None
    url: str = Field(description="The credential's public URL (its `id` in the document).")


class CredentialIssued(CredentialRead):
    jwt: str = Field(description="The credential signed as a VC-JWT (compact JWS, RS256).")
    credential: dict[str, Any] = Field(description="The credential as JSON (the JWT's payload).")


class CredentialList(BaseModel):
    items: list[CredentialRead]


def _read(request: Request, c: IssuedCredential) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind,
        "competency_id": c.competency_id,
        "issued_at": c.issued_at,
        "revoked": c.revoked_at is not None,
        "revoked_at": c.revoked_at,
        "url": credential_url(public_base(request), c.id),
    }


@router.post(
    "/v1/students/{id}/credentials",
    response_model=CredentialIssued,
    status_code=201,
    summary="Award a student an Open Badge or a CLR",
    operation_id="issue_credential",
    responses=responses(401, 403, 404, 409, 422),
)
async def issue_credential(
    request: Request,
    use_cases: UseCasesDep,
    principal: MasteryOverrider,
    id: Id,
    body: CredentialCreate,
) -> Any:
    """`{"competency_id"}`: an Open Badges 3.0 `OpenBadgeCredential` attesting that the student
    has mastered the competency (409 if the decision shown is not mastered); `{"kind": "clr"}`:
    a CLR 2.0 `ClrCredential` of every competency the student has mastered (409 if none).
    Answered signed as a VC-JWT (`jwt`) and as JSON (`credential`); the student is named by a
    salted hash of their id, never by name."""
    wanted = body.model_dump(exclude_none=True)
    issued, document = await use_cases.credentials.issue(
        principal, id, wanted, public_base(request)
    )
    return JSONResponse(
        CredentialIssued(**_read(request, issued), jwt=issued.jws, credential=document).model_dump(
            mode="json"
        ),
        status_code=201,
    )


@router.get(
    "/v1/students/{id}/credentials",
    response_model=CredentialList,
    summary="A student's credentials",
    operation_id="list_student_credentials",
    responses=responses(401, 403, 404),
)
async def list_student_credentials(
    request: Request, use_cases: UseCasesDep, principal: MasteryReader, id: Id
) -> Any:
    """The credentials issued to a student, oldest first, revoked ones included."""
    found = await use_cases.credentials.of_student(principal, id)
    return CredentialList(items=[CredentialRead(**_read(request, c)) for c in found])


@router.post(
    "/v1/credentials/{id}/revoke",
    response_model=CredentialRead,
    summary="Revoke a credential",
    operation_id="revoke_credential",
    responses=responses(401, 403, 404),
)
async def revoke_credential(
    request: Request, use_cases: UseCasesDep, principal: Admin, id: Id
) -> Any:
    """From now on the district's revocation list names the credential, and its public
    verification answers `revoked`. Revoking again changes nothing."""
    revoked = await use_cases.credentials.revoke(principal, id)
    return CredentialRead(**_read(request, revoked))
