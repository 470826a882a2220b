from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_create import ClientCreate
from ...models.client_secret_read import ClientSecretRead
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    *,
    body: ClientCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/clients",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientSecretRead | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = ClientSecretRead.from_dict(response.json())

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
) -> Response[ClientSecretRead | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ClientCreate,
) -> Response[ClientSecretRead | ProblemDetails]:
    """Create an API client (its secret is shown once)

     Creates a client for a vendor's integration or a district script, holding the scopes named in
    `scope` (space-separated; an unknown scope is a 422). The answer carries `client_secret`,
    shown this once: only its hash is kept. Exchange the two at `POST /oauth/token`.

    Scope: `admin`.

    Args:
        body (ClientCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientSecretRead | ProblemDetails]
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
    body: ClientCreate,
) -> ClientSecretRead | ProblemDetails | None:
    """Create an API client (its secret is shown once)

     Creates a client for a vendor's integration or a district script, holding the scopes named in
    `scope` (space-separated; an unknown scope is a 422). The answer carries `client_secret`,
    shown this once: only its hash is kept. Exchange the two at `POST /oauth/token`.

    Scope: `admin`.

    Args:
        body (ClientCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientSecretRead | ProblemDetails
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ClientCreate,
) -> Response[ClientSecretRead | ProblemDetails]:
    """Create an API client (its secret is shown once)

     Creates a client for a vendor's integration or a district script, holding the scopes named in
    `scope` (space-separated; an unknown scope is a 422). The answer carries `client_secret`,
    shown this once: only its hash is kept. Exchange the two at `POST /oauth/token`.

    Scope: `admin`.

    Args:
        body (ClientCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientSecretRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ClientCreate,
) -> ClientSecretRead | ProblemDetails | None:
    """Create an API client (its secret is shown once)

     Creates a client for a vendor's integration or a district script, holding the scopes named in
    `scope` (space-separated; an unknown scope is a 422). The answer carries `client_secret`,
    shown this once: only its hash is kept. Exchange the two at `POST /oauth/token`.

    Scope: `admin`.

    Args:
        body (ClientCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientSecretRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
