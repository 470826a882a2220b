from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.webhook_create import WebhookCreate
from ...models.webhook_secret_read import WebhookSecretRead
from ...types import Response


def _get_kwargs(
    *,
    body: WebhookCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | WebhookSecretRead | None:
    if response.status_code == 201:
        response_201 = WebhookSecretRead.from_dict(response.json())

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
) -> Response[ProblemDetails | WebhookSecretRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookCreate,
) -> Response[ProblemDetails | WebhookSecretRead]:
    """Subscribe a URL to changes (its secret is shown once)

     Sends the change feed's events of `event_types` written from now on to `url`, in feed
    order, as Standard Webhooks messages (`webhook-id`, `webhook-timestamp`,
    `webhook-signature`). The answer's `secret` is shown this once. Every problem of the body
    is listed in one 422.

    Scope: `admin`.

    Args:
        body (WebhookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | WebhookSecretRead]
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
    body: WebhookCreate,
) -> ProblemDetails | WebhookSecretRead | None:
    """Subscribe a URL to changes (its secret is shown once)

     Sends the change feed's events of `event_types` written from now on to `url`, in feed
    order, as Standard Webhooks messages (`webhook-id`, `webhook-timestamp`,
    `webhook-signature`). The answer's `secret` is shown this once. Every problem of the body
    is listed in one 422.

    Scope: `admin`.

    Args:
        body (WebhookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | WebhookSecretRead
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookCreate,
) -> Response[ProblemDetails | WebhookSecretRead]:
    """Subscribe a URL to changes (its secret is shown once)

     Sends the change feed's events of `event_types` written from now on to `url`, in feed
    order, as Standard Webhooks messages (`webhook-id`, `webhook-timestamp`,
    `webhook-signature`). The answer's `secret` is shown this once. Every problem of the body
    is listed in one 422.

    Scope: `admin`.

    Args:
        body (WebhookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | WebhookSecretRead]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WebhookCreate,
) -> ProblemDetails | WebhookSecretRead | None:
    """Subscribe a URL to changes (its secret is shown once)

     Sends the change feed's events of `event_types` written from now on to `url`, in feed
    order, as Standard Webhooks messages (`webhook-id`, `webhook-timestamp`,
    `webhook-signature`). The answer's `secret` is shown this once. Every problem of the body
    is listed in one 422.

    Scope: `admin`.

    Args:
        body (WebhookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | WebhookSecretRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
