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
from app.api.standards import gradebook_assessment_schemas as assessments
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
    Provided.ASSESSMENT_LINE_ITEMS: "assessmentLineItem",
    Provided.ASSESSMENT_RESULTS: "assessmentResult",
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
            case Provided.ASSESSMENT_RESULTS:
                out.append(writer.assessment_result(record))
            case Provided.ASSESSMENT_LINE_ITEMS:
                out.append(writer.assessment_line_item(record))
            case Provided.LINE_ITEMS:
                body = writer.line_item(record)
                # The binding's academicSession: the term or grading period it reports.
                session = writer.ref("academicSession", found.session_of.get(record.id))
                out.append({**body, "academicSession": session} if session else body)
    return out


_LIST = {**PAGED, **imsx_responses(400, 401, 403)}
_CLASS_LIST = {**PAGED, **imsx_responses(400, 401, 403, 404)}
_GET = imsx_responses(400, 401, 403, 404)
_FIELDS = " `fields` selects fields; errors answer in imsx_StatusInfo form."
_PAGED = (
    " Paged with `limit` and `offset` (X-Total-Count and Link headers), filtered with "
    "OneRoster's `filter`, sorted with `sort` and `orderBy`;"
)


def _list_route(kind: Provided, name: str, summary: str, about: str, model: Any) -> None:
    async def get_all(
        collection: Collection, use_cases: UseCasesDep, principal: GradebookReader
    ) -> Response:
        found = await use_cases.gradebook_provider.collection(
            principal, kind, collection.query(FIELDS[kind][0])
        )
        body = _written(collection.request, kind, found)
        return collection.answer(kind.value, body, found.items)

    router.add_api_route(
        f"/{kind.value}",
        get_all,
        methods=["GET"],
        name=name,
        summary=summary,
        description=about + _PAGED + _FIELDS,
        response_model=model,
        responses=_LIST,
    )


def _class_route(kind: Provided, name: str, summary: str, model: Any) -> None:
    async def get_for_class(
        classSourcedId: SourcedId,
        collection: Collection,
        use_cases: UseCasesDep,
        principal: GradebookReader,
    ) -> Response:
        found = await use_cases.gradebook_provider.collection(
            principal, kind, collection.query(FIELDS[kind][0]), class_id=classSourcedId
        )
        body = _written(collection.request, kind, found)
        return collection.answer(kind.value, body, found.items)

    router.add_api_route(
        f"/classes/{{classSourcedId}}/{kind.value}",
        get_for_class,
        methods=["GET"],
        name=name,
        summary=summary,
        description=f"The {kind.value} of one class, as the district-wide list gives them; a "
        "class the district does not have is a 404." + _PAGED + _FIELDS,
        response_model=model,
        responses=_CLASS_LIST,
    )


def _one_route(kind: Provided, name: str, summary: str, about: str, model: Any) -> None:
    async def get_one(
        sourcedId: SourcedId,
        request: Request,
        use_cases: UseCasesDep,
        principal: GradebookReader,
        fields: str | None = None,
    ) -> JSONResponse:
        found = await use_cases.gradebook_provider.one(principal, kind, sourcedId)
        [body] = _written(request, kind, found)
        return JSONResponse({_ONE[kind]: selected(body, chosen(fields))})

    router.add_api_route(
        f"/{kind.value}/{{sourcedId}}",
        get_one,
        methods=["GET"],
        name=name,
        summary=summary,
        description=about + _FIELDS,
        response_model=model,
        responses=_GET,
    )


_LINE_ITEMS = (
    "Per class, term and framework: a line item per standard taught in the class "
    "(learningObjectiveSet: its CASE identifier; scoreScale: the framework's levels) and one "
    "for the course grade when the framework has grade rules."
)
_RESULTS = (
    "A result per student with a level on a standard (score: the level, textScore: its name) "
    "and per student's course grade (textScore: the grade, comment: its reason)."
)
_SCALES = (
    "Per class and framework: its proficiency levels (itemValueLHS the level's name, "
    "itemValueRHS its value) and, with grade rules, its grades (the rule's condition)."
)
_ASSESSMENT = (
    " The same records as the line items and results, with the same sourcedIds, in the "
    "assessment forms a SIS such as Infinite Campus reads."
)

_list_route(
    Provided.CATEGORIES,
    "get_all_provided_categories",
    "List the grade categories (getAllCategories)",
    "`standards-grades` and `course-grades`, each when a line item is in it.",
    s.CategorySet,
)
_one_route(
    Provided.CATEGORIES,
    "get_provided_category",
    "Get a grade category of the district (getCategory)",
    "One category (`standards-grades` or `course-grades`) as OneRoster 1.2 writes it.",
    s.SingleCategory,
)
_list_route(
    Provided.LINE_ITEMS,
    "get_all_provided_line_items",
    "List the standards and course-grade line items (getAllLineItems)",
    _LINE_ITEMS,
    s.LineItemSet,
)
_one_route(
    Provided.LINE_ITEMS,
    "get_provided_line_item",
    "Get a standard's or course grade's line item (getLineItem)",
    "One line item as OneRoster 1.2 writes it, by its sourcedId: "
    "`<class>:<session>:<competency>` for a standard, `<class>:<session>:<framework>:course` "
    "for the course grade.",
    s.SingleLineItem,
)
_list_route(
    Provided.RESULTS,
    "get_all_provided_results",
    "List the students' standards and course grades (getAllResults)",
    _RESULTS,
    s.ResultSet,
)
_one_route(
    Provided.RESULTS,
    "get_provided_result",
    "Get a student's standards or course grade (getResult)",
    "One student's result as OneRoster 1.2 writes it, by its sourcedId `<line item>:<student>`.",
    s.SingleResult,
)
_list_route(
    Provided.SCORE_SCALES,
    "get_all_provided_score_scales",
    "List the classes' proficiency and grade scales (getAllScoreScales)",
    _SCALES,
    scales.ScoreScaleSet,
)
_one_route(
    Provided.SCORE_SCALES,
    "get_provided_score_scale",
    "Get a class's proficiency or grade scale (getScoreScale)",
    "One score scale as OneRoster 1.2 writes it, by its sourcedId: `<class>:<framework>:levels` "
    "(proficiency levels) or `<class>:<framework>:grades` (course grades).",
    scales.SingleScoreScale,
)
_list_route(
    Provided.ASSESSMENT_LINE_ITEMS,
    "get_all_provided_assessment_line_items",
    "List the standards and course grades as assessment line items (getAllAssessmentLineItems)",
    _LINE_ITEMS + _ASSESSMENT,
    assessments.AssessmentLineItemSet,
)
_one_route(
    Provided.ASSESSMENT_LINE_ITEMS,
    "get_provided_assessment_line_item",
    "Get a standard's or course grade's assessment line item (getAssessmentLineItem)",
    "One assessment line item, by the sourcedId of the line item it repeats." + _ASSESSMENT,
    assessments.SingleAssessmentLineItem,
)
_list_route(
    Provided.ASSESSMENT_RESULTS,
    "get_all_provided_assessment_results",
    "List the students' grades as assessment results (getAllAssessmentResults)",
    _RESULTS + _ASSESSMENT,
    assessments.AssessmentResultSet,
)
_one_route(
    Provided.ASSESSMENT_RESULTS,
    "get_provided_assessment_result",
    "Get a student's grade as an assessment result (getAssessmentResult)",
    "One assessment result, by the sourcedId of the result it repeats." + _ASSESSMENT,
    assessments.SingleAssessmentResult,
)
_class_route(
    Provided.LINE_ITEMS,
    "get_provided_line_items_for_class",
    "List a class's standards and course-grade line items (getLineItemsForClass)",
    s.LineItemSet,
)
_class_route(
    Provided.RESULTS,
    "get_provided_results_for_class",
    "List a class's standards and course grades (getResultsForClass)",
    s.ResultSet,
)
_class_route(
    Provided.SCORE_SCALES,
    "get_provided_score_scales_for_class",
    "List a class's proficiency and grade scales (getScoreScalesForClass)",
    scales.ScoreScaleSet,
)
