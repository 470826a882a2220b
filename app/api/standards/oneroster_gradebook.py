"""The OneRoster 1.2 Gradebook service (consumer side) under /ims/oneroster/gradebook/v1p2: an
LMS or assessment vendor whose client speaks OneRoster changes its base URL and its line items
and results become mastery evidence.

Bodies and errors are the binding's JSON (`{"lineItem": {…}}`, imsx_StatusInfo); collections
page with limit/offset, answer X-Total-Count and a Link header, and take filter, sort/orderBy
and fields. Each gradebook scope grants exactly its operations; the service's own evidence:write
and mastery:read grant them too (app.domain.access.IMPLIES)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.api.deps import UseCasesDep, authorized
from app.api.public_url import public_url
from app.api.standards import gradebook_answers as answers
from app.api.standards import gradebook_schemas as s
from app.api.standards.gradebook_json import GRADEBOOK, selected
from app.api.standards.gradebook_one_pass import GradebookRoute
from app.api.standards.imsx import imsx_responses
from app.domain.access import Principal, Scope
from app.domain.gradebook import CATEGORY_FIELDS, LINE_ITEM_FIELDS, RESULT_FIELDS
from app.domain.oneroster.query import DEFAULT_LIMIT, FieldKind, collection_query
from app.ports.paging import Counted

router = APIRouter(prefix=GRADEBOOK, tags=["OneRoster gradebook"], route_class=GradebookRoute)

GradebookWriter = Annotated[Principal, authorized(Scope.GRADEBOOK_CREATEPUT)]
GradebookReader = Annotated[Principal, authorized(Scope.GRADEBOOK_READONLY)]
GradebookDeleter = Annotated[Principal, authorized(Scope.GRADEBOOK_DELETE)]
# Far past any collection, and inside the 64-bit integers both databases take for OFFSET.
MAX_OFFSET = 10**15
SourcedId = Annotated[str, Path(min_length=1, max_length=255, description="The sourcedId.")]


class CollectionParams:
    """The binding's query parameters of a collection."""

    def __init__(
        self,
        request: Request,
        limit: Annotated[int, Query(ge=1, description="Page size (at most 1000).")] = (
            DEFAULT_LIMIT
        ),
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        sort: Annotated[str | None, Query(description="A field to sort on.")] = None,
        orderBy: Annotated[str | None, Query(description="asc or desc")] = None,
        filter: Annotated[
            str | None, Query(description="e.g. dateLastModified>'2026-09-01' AND status='active'")
        ] = None,
        fields: Annotated[
            str | None, Query(description="Comma-separated fields to return.")
        ] = None,
    ) -> None:
        self.request = request
        self.params = (filter, sort, orderBy, offset, limit)
        self.fields = chosen(fields)

    def query(self, fields: dict[str, FieldKind]) -> Any:
        filter_text, sort, order_by, offset, limit = self.params
        return collection_query(
            filter_text=filter_text,
            sort=sort,
            order_by=order_by,
            offset=offset,
            limit=limit,
            fields=fields,
        )

    def answer(self, key: str, records: list[dict[str, Any]], page: Counted[Any]) -> Response:
        _, _, _, offset, limit = self.params
        limit = min(limit, 1000)
        body = {key: [selected(r, self.fields) for r in records]}
        headers = {"X-Total-Count": str(page.total)}
        if links := _links(self.request, offset, limit, page.total):
            headers["Link"] = links
        return JSONResponse(body, headers=headers)


Collection = Annotated[CollectionParams, Depends()]


def chosen(fields: str | None) -> list[str] | None:
    """The fields a `fields` query parameter selects (comma-separated), if any."""
    return [f.strip() for f in fields.split(",")] if fields else None


def _links(request: Request, offset: int, limit: int, total: int) -> str:
    """RFC 8288 links to the first, previous, next and last pages (those that exist)."""

    def at(start: int, rel: str) -> str:
        url = public_url(request, offset=start, limit=limit)
        return f'<{url}>; rel="{rel}"'

    last = max(0, (total - 1) // limit * limit)
    links = [at(0, "first")]
    if offset > 0:
        links.append(at(max(0, offset - limit), "prev"))
    if offset + limit < total:
        links.append(at(offset + limit, "next"))
    links.append(at(last, "last"))
    return ", ".join(links)


# What every collection answers besides its records.
PAGED: dict[int | str, dict[str, Any]] = {
    200: {
        "headers": {
            "X-Total-Count": {
                "description": "How many records the collection holds (filtered).",
                "schema": {"type": "integer"},
            },
            "Link": {
                "description": 'Pages: rel="first", "prev", "next", "last" (RFC 8288).',
                "schema": {"type": "string"},
            },
        }
    }
}


@router.put(
    "/lineItems/{sourcedId}",
    summary="Create or replace a line item (putLineItem)",
    description="How a gradebook (a OneRoster 1.2 consumer) declares an assignment or "
    "assessment: its class, score range and the competencies it assesses "
    "(learningObjectiveSet, CASE identifiers). Its results become evidence on those "
    "competencies. 201 when created, 200 when replaced. Changing its range, alignment or status "
    "derives its results' evidence again.",
    response_model=s.SingleLineItem,
    responses={201: {"model": s.SingleLineItem}, **imsx_responses(400, 401, 403, 422)},
)
async def put_line_item(
    sourcedId: SourcedId,
    body: s.PutLineItemBody,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookWriter,
) -> JSONResponse:
    saved = await use_cases.gradebook.put_line_item(
        principal, s.put_line_item(sourcedId, body.lineItem)
    )
    return answers.saved(
        {"lineItem": answers.writer(request).line_item(saved.record)}, saved.created
    )


@router.get(
    "/lineItems/{sourcedId}",
    summary="Get a line item (getLineItem)",
    response_model=s.SingleLineItem,
    responses=imsx_responses(400, 401, 403, 404),
)
async def get_line_item(
    sourcedId: SourcedId,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookReader,
    fields: str | None = None,
) -> JSONResponse:
    """One line item (an assignment or assessment in a teacher's gradebook) as OneRoster 1.2 writes
    it, with the class and the competencies (learningObjectiveSet) its results count for.
    `fields` selects fields. Errors answer in imsx_StatusInfo form."""
    item = await use_cases.gradebook.get_line_item(principal, sourcedId)
    return JSONResponse(
        {"lineItem": selected(answers.writer(request).line_item(item), chosen(fields))}
    )


@router.get(
    "/lineItems",
    summary="List line items (getAllLineItems)",
    response_model=s.LineItemSet,
    responses={**PAGED, **imsx_responses(400, 401, 403)},
)
async def get_all_line_items(
    collection: Collection, use_cases: UseCasesDep, principal: GradebookReader
) -> Response:
    """The district's line items, paged with `limit` and `offset` (X-Total-Count and Link headers),
    filtered with OneRoster's `filter` syntax and sorted with `sort` and `orderBy`, as a
    gradebook vendor's client reads them."""
    page = await use_cases.gradebook.list_line_items(principal, collection.query(LINE_ITEM_FIELDS))
    writer = answers.writer(collection.request)
    return collection.answer("lineItems", [writer.line_item(i) for i in page.items], page)


@router.put(
    "/results/{sourcedId}",
    summary="Create or replace a result (putResult): it becomes evidence",
    description="How a gradebook sends a student's score on a line item. "
    "201 when created, 200 when replaced. A fully graded result becomes one piece "
    "of evidence per competency it reaches; any other scoreStatus counts for nothing and voids "
    f"what it counted for before. `metadata.{s.REPORT_KEY}` says what it made of evidence.",
    response_model=s.SingleResult,
    responses={201: {"model": s.SingleResult}, **imsx_responses(400, 401, 403, 422)},
)
async def put_result(
    sourcedId: SourcedId,
    body: s.PutResultBody,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookWriter,
) -> JSONResponse:
    saved = await use_cases.gradebook.put_result(principal, s.put_result(sourcedId, body.result))
    return answers.saved({"result": answers.writer(request).result(saved.record)}, saved.created)


@router.get(
    "/results/{sourcedId}",
    summary="Get a result (getResult)",
    response_model=s.SingleResult,
    responses=imsx_responses(400, 401, 403, 404),
)
async def get_result(
    sourcedId: SourcedId,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookReader,
    fields: str | None = None,
) -> JSONResponse:
    """One result as OneRoster 1.2 writes it, with `metadata.masteryEvidence` naming the
    competencies it counted for and any it ignored. `fields` selects fields. Errors answer in
    imsx_StatusInfo form."""
    result = await use_cases.gradebook.get_result(principal, sourcedId)
    return JSONResponse(
        {"result": selected(answers.writer(request).result(result), chosen(fields))}
    )


@router.get(
    "/results",
    summary="List results (getAllResults)",
    response_model=s.ResultSet,
    responses={**PAGED, **imsx_responses(400, 401, 403)},
)
async def get_all_results(
    collection: Collection, use_cases: UseCasesDep, principal: GradebookReader
) -> Response:
    """The district's gradebook results, paged with `limit` and `offset` (X-Total-Count and Link
    headers), filtered with OneRoster's `filter` syntax (e.g. on dateLastModified or scoreStatus)
    and sorted with `sort` and `orderBy`."""
    page = await use_cases.gradebook.list_results(principal, collection.query(RESULT_FIELDS))
    writer = answers.writer(collection.request)
    return collection.answer("results", [writer.result(r) for r in page.items], page)


@router.get(
    "/classes/{classSourcedId}/results",
    summary="List the results of a class (getResultsForClass)",
    response_model=s.ResultSet,
    responses={**PAGED, **imsx_responses(400, 401, 403, 404)},
)
async def get_results_for_class(
    classSourcedId: SourcedId,
    collection: Collection,
    use_cases: UseCasesDep,
    principal: GradebookReader,
) -> Response:
    """The results of one class's line items, paged, filtered and sorted as getAllResults. A class
    the district does not have is a 404 in imsx_StatusInfo form."""
    page = await use_cases.gradebook.list_results(
        principal, collection.query(RESULT_FIELDS), class_id=classSourcedId
    )
    writer = answers.writer(collection.request)
    return collection.answer("results", [writer.result(r) for r in page.items], page)


@router.delete(
    "/results/{sourcedId}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a result (deleteResult): its evidence is voided",
    responses=imsx_responses(400, 401, 403, 404),
)
async def delete_result(
    sourcedId: SourcedId,
    use_cases: UseCasesDep,
    principal: GradebookDeleter,
) -> Response:
    """Deletes a result a gradebook sent; the evidence it made is voided and the decisions it fed
    recomputed, as when a teacher removes a score. Answers 204."""
    await use_cases.gradebook.delete_result(principal, sourcedId)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put(
    "/categories/{sourcedId}",
    summary="Create or replace a category (putCategory)",
    description="How a gradebook declares a category of its line items (Homework, Tests). A "
    "framework's `category_map` (by sourcedId or title), or a framework category of the same "
    "name (any case), puts the results of the line items in it in one of the framework's "
    "evidence categories. 201 when created, 200 when replaced. A change of title derives "
    "those results' evidence again, so decisions follow.",
    response_model=s.SingleCategory,
    responses={201: {"model": s.SingleCategory}, **imsx_responses(400, 401, 403, 422)},
)
async def put_category(
    sourcedId: SourcedId,
    body: s.PutCategoryBody,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookWriter,
) -> JSONResponse:
    category, created = await use_cases.gradebook.put_category(
        principal, s.put_category(sourcedId, body.category)
    )
    return answers.saved({"category": answers.writer(request).category(category)}, created)


@router.get(
    "/categories/{sourcedId}",
    summary="Get a category (getCategory)",
    response_model=s.SingleCategory,
    responses=imsx_responses(400, 401, 403, 404),
)
async def get_category(
    sourcedId: SourcedId,
    request: Request,
    use_cases: UseCasesDep,
    principal: GradebookReader,
    fields: str | None = None,
) -> JSONResponse:
    """One gradebook category as OneRoster 1.2 writes it. `fields` selects fields. Errors answer
    in imsx_StatusInfo form."""
    category = await use_cases.gradebook.get_category(principal, sourcedId)
    body = selected(answers.writer(request).category(category), chosen(fields))
    return JSONResponse({"category": body})


@router.get(
    "/categories",
    summary="List categories (getAllCategories)",
    response_model=s.CategorySet,
    responses={**PAGED, **imsx_responses(400, 401, 403)},
)
async def get_all_categories(
    collection: Collection, use_cases: UseCasesDep, principal: GradebookReader
) -> Response:
    """The district's gradebook categories, paged with `limit` and `offset` (X-Total-Count and
    Link headers), filtered with OneRoster's `filter` syntax and sorted with `sort` and
    `orderBy`."""
    page = await use_cases.gradebook.list_categories(principal, collection.query(CATEGORY_FIELDS))
    writer = answers.writer(collection.request)
    return collection.answer("categories", [writer.category(c) for c in page.items], page)


@router.delete(
    "/categories/{sourcedId}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a category (deleteCategory)",
    responses=imsx_responses(400, 401, 403, 404),
)
async def delete_category(
    sourcedId: SourcedId,
    use_cases: UseCasesDep,
    principal: GradebookDeleter,
) -> Response:
    """Marks a category tobedeleted; results of its line items no longer take a framework
    category by its title (a category_map entry for its sourcedId still applies). Answers 204."""
    await use_cases.gradebook.delete_category(principal, sourcedId)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
