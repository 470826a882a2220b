from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.platform_create import PlatformCreate
from ...models.platform_read import PlatformRead
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    *,
    body: PlatformCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/lti/platforms",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PlatformRead | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = PlatformRead.from_dict(response.json())

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
) -> Response[PlatformRead | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PlatformCreate,
) -> Response[PlatformRead | ProblemDetails]:
    """Register the tool in an LMS platform

     Registers a platform (its issuer, the client id it gave the tool, its URLs) and the
    deployments whose launches open this district's pages. An issuer and client id already
    registered, by this district or another, is a 409: a launch names no district, so one
    registration must name it.

    Scope: `admin`.

    Args:
        body (PlatformCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlatformRead | ProblemDetails]
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
    body: PlatformCreate,
) -> PlatformRead | ProblemDetails | None:
    """Register the tool in an LMS platform

     Registers a platform (its issuer, the client id it gave the tool, its URLs) and the
    deployments whose launches open this district's pages. An issuer and client id already
    registered, by this district or another, is a 409: a launch names no district, so one
    registration must name it.

    Scope: `admin`.

    Args:
        body (PlatformCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlatformRead | ProblemDetails
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PlatformCreate,
) -> Response[PlatformRead | ProblemDetails]:
    """Register the tool in an LMS platform

     Registers a platform (its issuer, the client id it gave the tool, its URLs) and the
    deployments whose launches open this district's pages. An issuer and client id already
    registered, by this district or another, is a 409: a launch names no district, so one
    registration must name it.

    Scope: `admin`.

    Args:
        body (PlatformCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlatformRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PlatformCreate,
) -> PlatformRead | ProblemDetails | None:
    """Register the tool in an LMS platform

     Registers a platform (its issuer, the client id it gave the tool, its URLs) and the
    deployments whose launches open this district's pages. An issuer and client id already
    registered, by this district or another, is a 409: a launch names no district, so one
    registration must name it.

    Scope: `admin`.

    Args:
        body (PlatformCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlatformRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
