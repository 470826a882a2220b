"""Crosswalks: a competency's exact matches (CASE `exactMatchOf`) in the district's other
frameworks, read, made and removed. A result counts for its exact matches
(docs/decisions/0053-crosswalk.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response, status
from pydantic import BaseModel, Field

from app.api.deps import FrameworkReader, FrameworkWriter, UseCasesDep
from app.api.problems import responses

router = APIRouter(tags=["frameworks"])
Id = Annotated[str, Path(min_length=1, max_length=255)]

_RULE = (
    "A result posted for a competency also counts for each of its exact matches, in both "
    "directions and one hop only, kept as a copy (source `crosswalk`, `source_id` the "
    "original's id) whose score keeps its share of the top of its scale; the copy is changed "
    "and voided with the original, and the matched decision's explanation names the crosswalk."
)


class ExactMatchRead(BaseModel):
    competency_id: str
    code: str
    framework_id: str
    framework_title: str


class ExactMatchList(BaseModel):
    items: list[ExactMatchRead]


class ExactMatchChanged(BaseModel):
    competency_id: str
    match_id: str
    changed: bool = Field(description="False when the two were exact matches already")
    results_carried: int = Field(
        description="Stored results carried across to the other competency (copies made)"
    )


@router.get(
    "/v1/competencies/{id}/exact-matches",
    response_model=ExactMatchList,
    summary="A competency's exact matches in the district's other frameworks",
    description="The competencies of other frameworks linked to this one by an `exactMatchOf` "
    "association, imported with a CASE package or made here, in either direction. " + _RULE,
    operation_id="list_exact_matches",
    responses=responses(401, 403, 404),
)
async def list_(id: Id, use_cases: UseCasesDep, principal: FrameworkReader) -> Any:
    found = await use_cases.crosswalks.exact_matches(principal, id)
    return {
        "items": [
            ExactMatchRead(
                competency_id=c.id, code=c.code, framework_id=f.id, framework_title=f.title
            )
            for c, f in found
        ]
    }


@router.put(
    "/v1/competencies/{id}/exact-matches/{match_id}",
    response_model=ExactMatchChanged,
    summary="Make two competencies of different frameworks exact matches (exactMatchOf)",
    description="Records `id` exactMatchOf `match_id` with `id`'s framework (served by the "
    "CASE provider as its CFAssociation) and carries the results already stored on either "
    "competency to the other, in one transaction; audited. Answers 201 when made, 200 when "
    "they were exact matches already (say, imported after the results were stored): then only "
    "the results not carried yet are carried. Two competencies of one framework are a 422. "
    + _RULE,
    operation_id="match_competency",
    status_code=status.HTTP_201_CREATED,
    responses={200: {"description": "Exact matches already"}, **responses(401, 403, 404, 422)},
)
async def match(
    id: Id, match_id: Id, use_cases: UseCasesDep, principal: FrameworkWriter, response: Response
) -> Any:
    changed = await use_cases.crosswalks.match(principal, id, match_id)
    if not changed.changed:
        response.status_code = status.HTTP_200_OK
    return ExactMatchChanged(
        competency_id=id,
        match_id=match_id,
        changed=changed.changed,
        results_carried=changed.results,
    )


@router.delete(
    "/v1/competencies/{id}/exact-matches/{match_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove the exact match between two competencies",
    description="Removes every `exactMatchOf` between the two (kept with either framework, in "
    "either direction) and voids the results carried between them, recomputing the "
    "decisions they reach; audited. Answers 204 also when they were not matched.",
    operation_id="unmatch_competency",
    responses=responses(401, 403, 404),
)
async def unmatch(
    id: Id, match_id: Id, use_cases: UseCasesDep, principal: FrameworkWriter
) -> Response:
    await use_cases.crosswalks.unmatch(principal, id, match_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
