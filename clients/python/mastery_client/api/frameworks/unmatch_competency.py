from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    id: str,
    match_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/competencies/{id}/exact-matches/{match_id}".format(
            id=quote(str(id), safe=""),
            match_id=quote(str(match_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ProblemDetails | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | ProblemDetails]:
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
) -> Response[Any | ProblemDetails]:
    """Remove the exact match between two competencies

     Removes every `exactMatchOf` between the two (kept with either framework, in either direction) and
    voids the results carried between them, recomputing the decisions they reach; audited. Answers 204
    also when they were not matched.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        match_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails]
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
) -> Any | ProblemDetails | None:
    """Remove the exact match between two competencies

     Removes every `exactMatchOf` between the two (kept with either framework, in either direction) and
    voids the results carried between them, recomputing the decisions they reach; audited. Answers 204
    also when they were not matched.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        match_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails
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
) -> Response[Any | ProblemDetails]:
    """Remove the exact match between two competencies

     Removes every `exactMatchOf` between the two (kept with either framework, in either direction) and
    voids the results carried between them, recomputing the decisions they reach; audited. Answers 204
    also when they were not matched.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        match_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails]
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
) -> Any | ProblemDetails | None:
    """Remove the exact match between two competencies

     Removes every `exactMatchOf` between the two (kept with either framework, in either direction) and
    voids the results carried between them, recomputing the decisions they reach; audited. Answers 204
    also when they were not matched.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        match_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            match_id=match_id,
            client=client,
        )
    ).parsed
