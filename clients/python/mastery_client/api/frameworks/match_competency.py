from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.exact_match_changed import ExactMatchChanged
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    id: str,
    match_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/competencies/{id}/exact-matches/{match_id}".format(
            id=quote(str(id), safe=""),
            match_id=quote(str(match_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ExactMatchChanged | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 201:
        response_201 = ExactMatchChanged.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetails.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ProblemDetails.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ExactMatchChanged | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    match_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | ExactMatchChanged | ProblemDetails]:
    """Make two competencies of different frameworks exact matches (exactMatchOf)

     Records `id` exactMatchOf `match_id` with `id`'s framework (served by the CASE provider as its
    CFAssociation) and carries the results already stored on either competency to the other, in one
    transaction; audited. Answers 201 when made, 200 when they were exact matches already (say, imported
    after the results were stored): then only the results not carried yet are carried. Two competencies
    of one framework are a 422. A result posted for a competency also counts for each of its exact
    matches, in both directions and one hop only, kept as a copy (source `crosswalk`, `source_id` the
    original's id) whose score keeps its share of the top of its scale; the copy is changed and voided
    with the original, and the matched decision's explanation names the crosswalk.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        match_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ExactMatchChanged | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        match_id=match_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    match_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | ExactMatchChanged | ProblemDetails | None:
    """Make two competencies of different frameworks exact matches (exactMatchOf)

     Records `id` exactMatchOf `match_id` with `id`'s framework (served by the CASE provider as its
    CFAssociation) and carries the results already stored on either competency to the other, in one
    transaction; audited. Answers 201 when made, 200 when they were exact matches already (say, imported
    after the results were stored): then only the results not carried yet are carried. Two competencies
    of one framework are a 422. A result posted for a competency also counts for each of its exact
    matches, in both directions and one hop only, kept as a copy (source `crosswalk`, `source_id` the
    original's id) whose score keeps its share of the top of its scale; the copy is changed and voided
    with the original, and the matched decision's explanation names the crosswalk.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        match_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ExactMatchChanged | ProblemDetails
    """

    return sync_detailed(
        id=id,
        match_id=match_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    match_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | ExactMatchChanged | ProblemDetails]:
    """Make two competencies of different frameworks exact matches (exactMatchOf)

     Records `id` exactMatchOf `match_id` with `id`'s framework (served by the CASE provider as its
    CFAssociation) and carries the results already stored on either competency to the other, in one
    transaction; audited. Answers 201 when made, 200 when they were exact matches already (say, imported
    after the results were stored): then only the results not carried yet are carried. Two competencies
    of one framework are a 422. A result posted for a competency also counts for each of its exact
    matches, in both directions and one hop only, kept as a copy (source `crosswalk`, `source_id` the
    original's id) whose score keeps its share of the top of its scale; the copy is changed and voided
    with the original, and the matched decision's explanation names the crosswalk.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        match_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ExactMatchChanged | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        match_id=match_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    match_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | ExactMatchChanged | ProblemDetails | None:
    """Make two competencies of different frameworks exact matches (exactMatchOf)

     Records `id` exactMatchOf `match_id` with `id`'s framework (served by the CASE provider as its
    CFAssociation) and carries the results already stored on either competency to the other, in one
    transaction; audited. Answers 201 when made, 200 when they were exact matches already (say, imported
    after the results were stored): then only the results not carried yet are carried. Two competencies
    of one framework are a 422. A result posted for a competency also counts for each of its exact
    matches, in both directions and one hop only, kept as a copy (source `crosswalk`, `source_id` the
    original's id) whose score keeps its share of the top of its scale; the copy is changed and voided
    with the original, and the matched decision's explanation names the crosswalk.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        match_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ExactMatchChanged | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            match_id=match_id,
            client=client,
        )
    ).parsed
