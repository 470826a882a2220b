"""The OneRoster 1.2 Gradebook service's score scales (consumer side), beside the line items,
results and categories of app.api.standards.oneroster_gradebook: a vendor that declares the
scale of its line items (scoreScale) PUTs it here, and reads it back. Errors answer in
imsx_StatusInfo form; collections page, filter, sort and select fields alike."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import JSONResponse

from app.api.deps import UseCasesDep
from app.api.public_url import public_base
from app.api.standards import gradebook_answers as answers
from app.api.standards import gradebook_scale_schemas as s
from app.api.standards.gradebook_json import GRADEBOOK, Writer, selected
from app.api.standards.gradebook_one_pass import GradebookRoute
from app.api.standards.imsx import imsx_responses
from app.api.standards.oneroster_gradebook import (
    PAGED,
    Collection,
    GradebookDeleter,
    GradebookReader,
    GradebookWriter,
    SourcedId,
    chosen,
)
from app.domain.gradebook import SCORE_SCALE_FIELDS

router = APIRouter(prefix=GRADEBOOK, tags=["OneRoster gradebook"], route_class=GradebookRoute)


@router.put(
    "/scoreScales/{sourcedId}",
    summary="Create or replace a score scale (putScoreScale)",
    description="How a gradebook declares the scale its line items and results are scored on "
    "(its class, and each value: itemValueLHS as shown, itemValueRHS what it stands for). "
    "Kept and served as sent: decisions use the frameworks' own scales. 201 when created, "
    "200 when replaced; every problem (its class or course missing too) in one answer.",
    response_model=s.SingleScoreScale,
    responses={201: {"model": s.SingleScoreScale}, **imsx_responses(400, 401, 403, 422)},
)
async def put_score_scale(
    sourcedId: SourcedId,
    body: s.PutScoreScaleBody,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookWriter,
) -> JSONResponse:
    scale, created = await use_cases.gradebook.put_score_scale(
        principal, s.put_score_scale(sourcedId, body.scoreScale)
    )
    return answers.saved({"scoreScale": answers.writer(request).score_scale(scale)}, created)


@router.get(
    "/scoreScales/{sourcedId}",
    summary="Get a score scale (getScoreScale)",
    response_model=s.SingleScoreScale,
    responses=imsx_responses(400, 401, 403, 404),
)
async def get_score_scale(
    sourcedId: SourcedId,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookReader,
    fields: str | None = None,
) -> JSONResponse:
    """One score scale as OneRoster 1.2 writes it. `fields` selects fields. Errors answer in
    imsx_StatusInfo form."""
    scale = await use_cases.gradebook.get_score_scale(principal, sourcedId)
    body = selected(answers.writer(request).score_scale(scale), chosen(fields))
    return JSONResponse({"scoreScale": body})


@router.get(
    "/scoreScales",
    summary="List score scales (getAllScoreScales)",
    response_model=s.ScoreScaleSet,
    responses={**PAGED, **imsx_responses(400, 401, 403)},
)
async def get_all_score_scales(
    collection: Collection, use_cases: UseCasesDep, principal: GradebookReader
) -> Response:
    """The district's gradebook score scales, paged with `limit` and `offset` (X-Total-Count and
    Link headers), filtered with OneRoster's `filter` syntax (e.g. class.sourcedId) and sorted
    with `sort` and `orderBy`."""
    page = await use_cases.gradebook.list_score_scales(
        principal, collection.query(SCORE_SCALE_FIELDS)
    )
    writer = Writer(public_base(collection.request))
    return collection.answer("scoreScales", [writer.score_scale(c) for c in page.items], page)


@router.delete(
    "/scoreScales/{sourcedId}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a score scale (deleteScoreScale)",
    responses=imsx_responses(400, 401, 403, 404),
)
async def delete_score_scale(
    sourcedId: SourcedId,
    use_cases: UseCasesDep,
    principal: GradebookDeleter,
) -> Response:
    """Marks a score scale tobedeleted (kept for history, no longer read). Answers 204."""
    await use_cases.gradebook.delete_score_scale(principal, sourcedId)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
