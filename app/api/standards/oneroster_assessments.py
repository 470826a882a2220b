"""The OneRoster 1.2 Gradebook service's assessment line items and assessment results
(consumer side), beside its line items and results: an assessment platform that sends
AssessmentLineItem/AssessmentResult (as Infinite Campus's 1.2 API names them) has its results
become evidence exactly as results do, through the same use case over their own records
(app.use_cases.gradebook with the ASSESSMENTS book). Errors answer in imsx_StatusInfo form;
collections page, filter, sort and select fields alike."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import JSONResponse

from app.api.deps import UseCasesDep
from app.api.standards import gradebook_answers as answers
from app.api.standards import gradebook_assessment_schemas as s
from app.api.standards.gradebook_json import GRADEBOOK, selected
from app.api.standards.gradebook_one_pass import GradebookRoute
from app.api.standards.gradebook_schemas import put_line_item
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
from app.domain.gradebook_fields import ASSESSMENT_LINE_ITEM_FIELDS, ASSESSMENT_RESULT_FIELDS

router = APIRouter(prefix=GRADEBOOK, tags=["OneRoster gradebook"], route_class=GradebookRoute)


@router.put(
    "/assessmentLineItems/{sourcedId}",
    summary="Create or replace an assessment line item (putAssessmentLineItem)",
    description="How an assessment platform declares an assessment: its score range and the "
    "competencies it assesses (learningObjectiveSet, CASE identifiers), its class optional. Its "
    "assessment results become evidence on those competencies, as a line item's results do. "
    "201 when created, 200 when replaced.",
    response_model=s.SingleAssessmentLineItem,
    responses={201: {"model": s.SingleAssessmentLineItem}, **imsx_responses(400, 401, 403, 422)},
)
async def put_assessment_line_item(
    sourcedId: SourcedId,
    body: s.PutAssessmentLineItemBody,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookWriter,
) -> JSONResponse:
    saved = await use_cases.assessment_gradebook.put_line_item(
        principal, put_line_item(sourcedId, body.assessmentLineItem)
    )
    item = answers.writer(request).assessment_line_item(saved.record)
    return answers.saved({"assessmentLineItem": item}, saved.created)


@router.get(
    "/assessmentLineItems/{sourcedId}",
    summary="Get an assessment line item (getAssessmentLineItem)",
    response_model=s.SingleAssessmentLineItem,
    responses=imsx_responses(400, 401, 403, 404),
)
async def get_assessment_line_item(
    sourcedId: SourcedId,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookReader,
    fields: str | None = None,
) -> JSONResponse:
    """One assessment line item as OneRoster 1.2 writes it, with the competencies its results
    count for. `fields` selects fields."""
    item = await use_cases.assessment_gradebook.get_line_item(principal, sourcedId)
    body = selected(answers.writer(request).assessment_line_item(item), chosen(fields))
    return JSONResponse({"assessmentLineItem": body})


@router.get(
    "/assessmentLineItems",
    summary="List assessment line items (getAllAssessmentLineItems)",
    response_model=s.AssessmentLineItemSet,
    responses={**PAGED, **imsx_responses(400, 401, 403)},
)
async def get_all_assessment_line_items(
    collection: Collection, use_cases: UseCasesDep, principal: GradebookReader
) -> Response:
    """The district's assessment line items, paged with `limit` and `offset` (X-Total-Count and
    Link headers), filtered with OneRoster's `filter` and sorted with `sort` and `orderBy`."""
    page = await use_cases.assessment_gradebook.list_line_items(
        principal, collection.query(ASSESSMENT_LINE_ITEM_FIELDS)
    )
    writer = answers.writer(collection.request)
    items = [writer.assessment_line_item(i) for i in page.items]
    return collection.answer("assessmentLineItems", items, page)


@router.put(
    "/assessmentResults/{sourcedId}",
    summary="Create or replace an assessment result (putAssessmentResult): it becomes evidence",
    description="How an assessment platform sends a student's score on an assessment line "
    "item; it becomes evidence exactly as a result does (a fully graded one per competency it "
    "reaches, any other scoreStatus as a mark). 201 when created, 200 when replaced. "
    "`metadata.masteryEvidence` says what it made of evidence.",
    response_model=s.SingleAssessmentResult,
    responses={201: {"model": s.SingleAssessmentResult}, **imsx_responses(400, 401, 403, 422)},
)
async def put_assessment_result(
    sourcedId: SourcedId,
    body: s.PutAssessmentResultBody,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookWriter,
) -> JSONResponse:
    saved = await use_cases.assessment_gradebook.put_result(
        principal, s.put_assessment_result(sourcedId, body.assessmentResult)
    )
    result = answers.writer(request).assessment_result(saved.record)
    return answers.saved({"assessmentResult": result}, saved.created)


@router.get(
    "/assessmentResults/{sourcedId}",
    summary="Get an assessment result (getAssessmentResult)",
    response_model=s.SingleAssessmentResult,
    responses=imsx_responses(400, 401, 403, 404),
)
async def get_assessment_result(
    sourcedId: SourcedId,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookReader,
    fields: str | None = None,
) -> JSONResponse:
    """One assessment result as OneRoster 1.2 writes it, with `metadata.masteryEvidence`
    naming the competencies it counted for. `fields` selects fields."""
    result = await use_cases.assessment_gradebook.get_result(principal, sourcedId)
    body = selected(answers.writer(request).assessment_result(result), chosen(fields))
    return JSONResponse({"assessmentResult": body})


@router.get(
    "/assessmentResults",
    summary="List assessment results (getAllAssessmentResults)",
    response_model=s.AssessmentResultSet,
    responses={**PAGED, **imsx_responses(400, 401, 403)},
)
async def get_all_assessment_results(
    collection: Collection, use_cases: UseCasesDep, principal: GradebookReader
) -> Response:
    """The district's assessment results, paged with `limit` and `offset` (X-Total-Count and
    Link headers), filtered with OneRoster's `filter` (e.g. on assessmentLineItem.sourcedId) and
    sorted with `sort` and `orderBy`."""
    page = await use_cases.assessment_gradebook.list_results(
        principal, collection.query(ASSESSMENT_RESULT_FIELDS)
    )
    writer = answers.writer(collection.request)
    results = [writer.assessment_result(r) for r in page.items]
    return collection.answer("assessmentResults", results, page)


@router.delete(
    "/assessmentResults/{sourcedId}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an assessment result (deleteAssessmentResult): its evidence is voided",
    responses=imsx_responses(400, 401, 403, 404),
)
async def delete_assessment_result(
    sourcedId: SourcedId, use_cases: UseCasesDep, principal: GradebookDeleter
) -> Response:
    """Deletes an assessment result; the evidence it made is voided and the decisions it fed
    recomputed, as for a result. Answers 204."""
    await use_cases.assessment_gradebook.delete_result(principal, sourcedId)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
