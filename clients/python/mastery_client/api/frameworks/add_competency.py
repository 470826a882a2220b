from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.competency_add import CompetencyAdd
from ...models.competency_read import CompetencyRead
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: CompetencyAdd,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/frameworks/{id}/competencies".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | list[CompetencyRead] | None:
    if response.status_code == 201:
        response_201 = []
        _response_201 = response.json()
        for response_201_item_data in _response_201:
            response_201_item = CompetencyRead.from_dict(response_201_item_data)

            response_201.append(response_201_item)

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

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())

        return response_409

    if response.status_code == 415:
        response_415 = ProblemDetails.from_dict(response.json())

        return response_415

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
) -> Response[ProblemDetails | list[CompetencyRead]]:
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
    body: CompetencyAdd,
) -> Response[ProblemDetails | list[CompetencyRead]]:
    """Add a competency (with nested children) to a framework

     Adds a competency to a framework, under `parent_id` or at the top level, with any nested
    `children`; a rollup above it is recomputed. Answers 201 with every competency added, in
    tree order. Every problem of the body is listed in one 422 and nothing is written.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (CompetencyAdd):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | list[CompetencyRead]]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: CompetencyAdd,
) -> ProblemDetails | list[CompetencyRead] | None:
    """Add a competency (with nested children) to a framework

     Adds a competency to a framework, under `parent_id` or at the top level, with any nested
    `children`; a rollup above it is recomputed. Answers 201 with every competency added, in
    tree order. Every problem of the body is listed in one 422 and nothing is written.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (CompetencyAdd):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | list[CompetencyRead]
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: CompetencyAdd,
) -> Response[ProblemDetails | list[CompetencyRead]]:
    """Add a competency (with nested children) to a framework

     Adds a competency to a framework, under `parent_id` or at the top level, with any nested
    `children`; a rollup above it is recomputed. Answers 201 with every competency added, in
    tree order. Every problem of the body is listed in one 422 and nothing is written.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (CompetencyAdd):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | list[CompetencyRead]]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: CompetencyAdd,
) -> ProblemDetails | list[CompetencyRead] | None:
    """Add a competency (with nested children) to a framework

     Adds a competency to a framework, under `parent_id` or at the top level, with any nested
    `children`; a rollup above it is recomputed. Answers 201 with every competency added, in
    tree order. Every problem of the body is listed in one 422 and nothing is written.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (CompetencyAdd):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | list[CompetencyRead]
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
