from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.exact_match_list import ExactMatchList
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/competencies/{id}/exact-matches".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ExactMatchList | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = ExactMatchList.from_dict(response.json())

        return response_200

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
) -> Response[ExactMatchList | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ExactMatchList | ProblemDetails]:
    """A competency's exact matches in the district's other frameworks

     The competencies of other frameworks linked to this one by an `exactMatchOf` association, imported
    with a CASE package or made here, in either direction. A result posted for a competency also counts
    for each of its exact matches, in both directions and one hop only, kept as a copy (source
    `crosswalk`, `source_id` the original's id) whose score keeps its share of the top of its scale; the
    copy is changed and voided with the original, and the matched decision's explanation names the
    crosswalk.

    Scope: `frameworks:read` (or `admin`).

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExactMatchList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
) -> ExactMatchList | ProblemDetails | None:
    """A competency's exact matches in the district's other frameworks

     The competencies of other frameworks linked to this one by an `exactMatchOf` association, imported
    with a CASE package or made here, in either direction. A result posted for a competency also counts
    for each of its exact matches, in both directions and one hop only, kept as a copy (source
    `crosswalk`, `source_id` the original's id) whose score keeps its share of the top of its scale; the
    copy is changed and voided with the original, and the matched decision's explanation names the
    crosswalk.

    Scope: `frameworks:read` (or `admin`).

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExactMatchList | ProblemDetails
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ExactMatchList | ProblemDetails]:
    """A competency's exact matches in the district's other frameworks

     The competencies of other frameworks linked to this one by an `exactMatchOf` association, imported
    with a CASE package or made here, in either direction. A result posted for a competency also counts
    for each of its exact matches, in both directions and one hop only, kept as a copy (source
    `crosswalk`, `source_id` the original's id) whose score keeps its share of the top of its scale; the
    copy is changed and voided with the original, and the matched decision's explanation names the
    crosswalk.

    Scope: `frameworks:read` (or `admin`).

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExactMatchList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
) -> ExactMatchList | ProblemDetails | None:
    """A competency's exact matches in the district's other frameworks

     The competencies of other frameworks linked to this one by an `exactMatchOf` association, imported
    with a CASE package or made here, in either direction. A result posted for a competency also counts
    for each of its exact matches, in both directions and one hop only, kept as a copy (source
    `crosswalk`, `source_id` the original's id) whose score keeps its share of the top of its scale; the
    copy is changed and voided with the original, and the matched decision's explanation names the
    crosswalk.

    Scope: `frameworks:read` (or `admin`).

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExactMatchList | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
