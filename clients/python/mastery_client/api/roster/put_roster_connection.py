from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.connection_read import ConnectionRead
from ...models.connection_write import ConnectionWrite
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    *,
    body: ConnectionWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/roster/connection",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConnectionRead | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = ConnectionRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ConnectionRead.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

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
) -> Response[ConnectionRead | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ConnectionWrite,
) -> Response[ConnectionRead | ProblemDetails]:
    """Set the SIS's OneRoster REST connection

     Stores how the service reaches the district's SIS over OneRoster REST (1.1 or 1.2): its base
    URL, OAuth 2.0 client credentials (`token_url`, `client_id`, `client_secret`, `scopes`) or
    OAuth 1.0a signing. The secret is kept sealed and never read back. Nothing is fetched until
    `POST /v1/roster/sync`. 201 when created, 200 when replaced.

    Scope: `admin`.

    Args:
        body (ConnectionWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConnectionRead | ProblemDetails]
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
    body: ConnectionWrite,
) -> ConnectionRead | ProblemDetails | None:
    """Set the SIS's OneRoster REST connection

     Stores how the service reaches the district's SIS over OneRoster REST (1.1 or 1.2): its base
    URL, OAuth 2.0 client credentials (`token_url`, `client_id`, `client_secret`, `scopes`) or
    OAuth 1.0a signing. The secret is kept sealed and never read back. Nothing is fetched until
    `POST /v1/roster/sync`. 201 when created, 200 when replaced.

    Scope: `admin`.

    Args:
        body (ConnectionWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConnectionRead | ProblemDetails
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ConnectionWrite,
) -> Response[ConnectionRead | ProblemDetails]:
    """Set the SIS's OneRoster REST connection

     Stores how the service reaches the district's SIS over OneRoster REST (1.1 or 1.2): its base
    URL, OAuth 2.0 client credentials (`token_url`, `client_id`, `client_secret`, `scopes`) or
    OAuth 1.0a signing. The secret is kept sealed and never read back. Nothing is fetched until
    `POST /v1/roster/sync`. 201 when created, 200 when replaced.

    Scope: `admin`.

    Args:
        body (ConnectionWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConnectionRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ConnectionWrite,
) -> ConnectionRead | ProblemDetails | None:
    """Set the SIS's OneRoster REST connection

     Stores how the service reaches the district's SIS over OneRoster REST (1.1 or 1.2): its base
    URL, OAuth 2.0 client credentials (`token_url`, `client_id`, `client_secret`, `scopes`) or
    OAuth 1.0a signing. The secret is kept sealed and never read back. Nothing is fetched until
    `POST /v1/roster/sync`. 201 when created, 200 when replaced.

    Scope: `admin`.

    Args:
        body (ConnectionWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConnectionRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
