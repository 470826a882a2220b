from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.framework_create import FrameworkCreate
from ...models.framework_read import FrameworkRead
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    *,
    body: FrameworkCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/frameworks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FrameworkRead | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = FrameworkRead.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())

        return response_413

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
) -> Response[FrameworkRead | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FrameworkCreate,
) -> Response[FrameworkRead | ProblemDetails]:
    """Create a framework with its whole competency tree

     Creates a competency framework with its scale (levels and mastery threshold), its calculation
    (how results become a decision), `min_evidence` and its whole tree of competencies, nested
    under `children`. Every problem of the body is listed in one 422 and nothing is written.
    Answers 201 with the framework as GET reads it.

    Scope: `frameworks:write` (or `admin`).

    Args:
        body (FrameworkCreate): A whole framework: what POST creates and PUT replaces, and what
            GET answers.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: FrameworkCreate,
) -> FrameworkRead | ProblemDetails | None:
    """Create a framework with its whole competency tree

     Creates a competency framework with its scale (levels and mastery threshold), its calculation
    (how results become a decision), `min_evidence` and its whole tree of competencies, nested
    under `children`. Every problem of the body is listed in one 422 and nothing is written.
    Answers 201 with the framework as GET reads it.

    Scope: `frameworks:write` (or `admin`).

    Args:
        body (FrameworkCreate): A whole framework: what POST creates and PUT replaces, and what
            GET answers.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkRead | ProblemDetails
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FrameworkCreate,
) -> Response[FrameworkRead | ProblemDetails]:
    """Create a framework with its whole competency tree

     Creates a competency framework with its scale (levels and mastery threshold), its calculation
    (how results become a decision), `min_evidence` and its whole tree of competencies, nested
    under `children`. Every problem of the body is listed in one 422 and nothing is written.
    Answers 201 with the framework as GET reads it.

    Scope: `frameworks:write` (or `admin`).

    Args:
        body (FrameworkCreate): A whole framework: what POST creates and PUT replaces, and what
            GET answers.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: FrameworkCreate,
) -> FrameworkRead | ProblemDetails | None:
    """Create a framework with its whole competency tree

     Creates a competency framework with its scale (levels and mastery threshold), its calculation
    (how results become a decision), `min_evidence` and its whole tree of competencies, nested
    under `children`. Every problem of the body is listed in one 422 and nothing is written.
    Answers 201 with the framework as GET reads it.

    Scope: `frameworks:write` (or `admin`).

    Args:
        body (FrameworkCreate): A whole framework: what POST creates and PUT replaces, and what
            GET answers.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
