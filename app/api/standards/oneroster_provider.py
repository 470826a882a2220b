"""The service's own grades as a OneRoster 1.2 Gradebook service (provider side), read-only,
under /provider/ims/oneroster/gradebook/v1p2: a SIS (Infinite Campus, PowerSchool) whose
OneRoster client reads a gradebook changes only its base URL (`https://host/provider`).

Per class, session and framework: a line item per standard (its learningObjectiveSet the
standard's CASE identifier, its scoreScale the framework's levels) and one for the course grade
(the framework's grade rules), the students' results on them, their score scales and two
categories (docs/decisions/0051-gradebook-provider.md). Collections page, filter, sort and
select fields as the consumer's do; errors answer in imsx_StatusInfo form. The gradebook read
scope (or mastery:read, which implies it) reads them."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from app.api.deps import UseCasesDep
from app.api.public_url import public_base
from app.api.standards import gradebook_scale_schemas as scales
from app.api.standards import gradebook_schemas as s
from app.api.standards.gradebook_json import PROVIDER_GRADEBOOK, Writer, selected
from app.api.standards.imsx import ImsxRoute, imsx_responses
from app.api.standards.oneroster_gradebook import (
    PAGED,
    Collection,
    GradebookReader,
    SourcedId,
    chosen,
)
from app.use_cases.gradebook_provider import FIELDS, Provided, ProvidedPage

router = APIRouter(
    prefix=PROVIDER_GRADEBOOK, tags=["OneRoster gradebook provider"], route_class=ImsxRoute
)

# Each collection's single key, as the binding names it.
_ONE = {
    Provided.CATEGORIES: "category",
    Provided.LINE_ITEMS: "lineItem",
    Provided.RESULTS: "result",
    Provided.SCORE_SCALES: "scoreScale",
}


def _written(request: Request, kind: Provided, found: ProvidedPage) -> list[dict[str, Any]]:
    writer = Writer(public_base(request), PROVIDER_GRADEBOOK)
    out = []
    for record in found.items.items:
        match kind:
            case Provided.CATEGORIES:
                out.append(writer.category(record))
            case Provided.SCORE_SCALES:
                out.append(writer.score_scale(record))
            case Provided.RESULTS:
                out.append(writer.result(record))
            case Provided.LINE_ITEMS:
                body = writer.line_item(record)
                # The binding's academicSession: the term or grading period it reports.
                session = writer.ref("academicSession", found.session_of.get(record.id))
                out.append({**body, "academicSession": session} if session else body)
    return out


async def _collection(
    kind: Provided,
    collection: Collection,
    use_cases: UseCasesDep,
    principal: GradebookReader,
    class_id: str | None = None,
) -> Response:
    found = await use_cases.gradebook_provider.collection(
        principal, kind, collection.query(FIELDS[kind][0]), class_id=class_id
    )
    return collection.answer(kind.value, _written(collection.request, kind, found), found.items)


async def _one(
    kind: Provided,
    sourced_id: str,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookReader,
    fields: str | None,
) -> JSONResponse:
    found = await use_cases.gradebook_provider.one(principal, kind, sourced_id)
    [body] = _written(request, kind, found)
    return JSONResponse({_ONE[kind]: selected(body, chosen(fields))})


_LIST = {**PAGED, **imsx_responses(400, 401, 403)}
_CLASS_LIST = {**PAGED, **imsx_responses(400, 401, 403, 404)}
_GET = imsx_responses(400, 401, 403, 404)


@router.get(
    "/categories",
    summary="List the grade categories (getAllCategories)",
    response_model=s.CategorySet,
    responses=_LIST,
)
async def get_all_provided_categories(
    collection: Collection, use_cases: UseCasesDep, principal: GradebookReader
) -> Response:
    """`standards-grades` and `course-grades`, when a line item is in them: paged with `limit`
    and `offset` (X-Total-Count and Link headers), filtered, sorted, fields selected."""
    return await _collection(Provided.CATEGORIES, collection, use_cases, principal)


@router.get(
    "/categories/{sourcedId}",
    summary="Get a grade category of the district (getCategory)",
    response_model=s.SingleCategory,
    responses=_GET,
)
async def get_provided_category(
    sourcedId: SourcedId,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookReader,
    fields: str | None = None,
) -> JSONResponse:
    """One category (`standards-grades` or `course-grades`) as OneRoster 1.2 writes it;
    `fields` selects fields."""
    return await _one(Provided.CATEGORIES, sourcedId, request, use_cases, principal, fields)


@router.get(
    "/lineItems",
    summary="List the standards and course-grade line items (getAllLineItems)",
    response_model=s.LineItemSet,
    responses=_LIST,
)
async def get_all_provided_line_items(
    collection: Collection, use_cases: UseCasesDep, principal: GradebookReader
) -> Response:
    """Per class, term and framework: a line item per standard (learningObjectiveSet: its CASE
    identifier) and one for the course grade when the framework has grade rules. Paged,
    filtered (e.g. `class.sourcedId='class-1'`), sorted, fields selected."""
    return await _collection(Provided.LINE_ITEMS, collection, use_cases, principal)


@router.get(
    "/lineItems/{sourcedId}",
    summary="Get a standard's or course grade's line item (getLineItem)",
    response_model=s.SingleLineItem,
    responses=_GET,
)
async def get_provided_line_item(
    sourcedId: SourcedId,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookReader,
    fields: str | None = None,
) -> JSONResponse:
    """One line item as OneRoster 1.2 writes it, by its sourcedId:
    `<class>:<session>:<competency>` for a standard, `<class>:<session>:<framework>:course` for
    the course grade. `fields` selects fields."""
    return await _one(Provided.LINE_ITEMS, sourcedId, request, use_cases, principal, fields)


@router.get(
    "/results",
    summary="List the students' standards and course grades (getAllResults)",
    response_model=s.ResultSet,
    responses=_LIST,
)
async def get_all_provided_results(
    collection: Collection, use_cases: UseCasesDep, principal: GradebookReader
) -> Response:
    """A result per student with a level on a standard (score: the level, textScore: its name)
    and per student's course grade (textScore: the grade, comment: its reason). Paged, filtered
    (e.g. `student.sourcedId='student-1'`), sorted, fields selected."""
    return await _collection(Provided.RESULTS, collection, use_cases, principal)


@router.get(
    "/results/{sourcedId}",
    summary="Get a student's standards or course grade (getResult)",
    response_model=s.SingleResult,
    responses=_GET,
)
async def get_provided_result(
    sourcedId: SourcedId,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookReader,
    fields: str | None = None,
) -> JSONResponse:
    """One student's result as OneRoster 1.2 writes it, by its sourcedId
    `<line item>:<student>`. `fields` selects fields."""
    return await _one(Provided.RESULTS, sourcedId, request, use_cases, principal, fields)


@router.get(
    "/scoreScales",
    summary="List the classes' proficiency and grade scales (getAllScoreScales)",
    response_model=scales.ScoreScaleSet,
    responses=_LIST,
)
async def get_all_provided_score_scales(
    collection: Collection, use_cases: UseCasesDep, principal: GradebookReader
) -> Response:
    """Per class and framework: its proficiency levels (itemValueLHS the level's name,
    itemValueRHS its value) and, with grade rules, its grades (the rule's condition)."""
    return await _collection(Provided.SCORE_SCALES, collection, use_cases, principal)


@router.get(
    "/scoreScales/{sourcedId}",
    summary="Get a class's proficiency or grade scale (getScoreScale)",
    response_model=scales.SingleScoreScale,
    responses=_GET,
)
async def get_provided_score_scale(
    sourcedId: SourcedId,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookReader,
    fields: str | None = None,
) -> JSONResponse:
    """One score scale as OneRoster 1.2 writes it, by its sourcedId:
    `<class>:<framework>:levels` (proficiency levels) or `<class>:<framework>:grades` (course
    grades). `fields` selects fields."""
    return await _one(Provided.SCORE_SCALES, sourcedId, request, use_cases, principal, fields)


@router.get(
    "/classes/{classSourcedId}/lineItems",
    summary="List a class's standards and course-grade line items (getLineItemsForClass)",
    response_model=s.LineItemSet,
    responses=_CLASS_LIST,
)
async def get_provided_line_items_for_class(
    classSourcedId: SourcedId,
    collection: Collection,
    use_cases: UseCasesDep,
    principal: GradebookReader,
) -> Response:
    """As getAllLineItems, for one class (a class the district does not have is a 404)."""
    return await _collection(
        Provided.LINE_ITEMS, collection, use_cases, principal, class_id=classSourcedId
    )


@router.get(
    "/classes/{classSourcedId}/results",
    summary="List a class's standards and course grades (getResultsForClass)",
    response_model=s.ResultSet,
    responses=_CLASS_LIST,
)
async def get_provided_results_for_class(
    classSourcedId: SourcedId,
    collection: Collection,
    use_cases: UseCasesDep,
    principal: GradebookReader,
) -> Response:
    """As getAllResults, for one class (a class the district does not have is a 404)."""
    return await _collection(
        Provided.RESULTS, collection, use_cases, principal, class_id=classSourcedId
    )


@router.get(
    "/classes/{classSourcedId}/scoreScales",
    summary="List a class's proficiency and grade scales (getScoreScalesForClass)",
    response_model=scales.ScoreScaleSet,
    responses=_CLASS_LIST,
)
async def get_provided_score_scales_for_class(
    classSourcedId: SourcedId,
    collection: Collection,
    use_cases: UseCasesDep,
    principal: GradebookReader,
) -> Response:
    """As getAllScoreScales, for one class (a class the district does not have is a 404)."""
    return await _collection(
        Provided.SCORE_SCALES, collection, use_cases, principal, class_id=classSourcedId
    )
