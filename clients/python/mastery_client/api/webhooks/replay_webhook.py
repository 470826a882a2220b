from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.webhook_read import WebhookRead
from ...models.webhook_replay import WebhookReplay
from ...types import Response


def _get_kwargs(
    webhook_id: str,
    *,
    body: WebhookReplay,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks/{webhook_id}/replay".format(
            webhook_id=quote(str(webhook_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | WebhookRead | None:
    if response.status_code == 200:
        response_200 = WebhookRead.from_dict(response.json())

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
) -> Response[ProblemDetails | WebhookRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    body: WebhookReplay,
) -> Response[ProblemDetails | WebhookRead]:
    """Send again the events after a feed cursor

     Moves the subscription's position to `after` (a `next_cursor` of `GET /v1/changes`, or
    a delivered message's `data.cursor`): the events after it are delivered again, in order.
    Audit-logged.

    Scope: `admin`.

    Args:
        webhook_id (str):
        body (WebhookReplay):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | WebhookRead]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    body: WebhookReplay,
) -> ProblemDetails | WebhookRead | None:
    """Send again the events after a feed cursor

     Moves the subscription's position to `after` (a `next_cursor` of `GET /v1/changes`, or
    a delivered message's `data.cursor`): the events after it are delivered again, in order.
    Audit-logged.

    Scope: `admin`.

    Args:
        webhook_id (str):
        body (WebhookReplay):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | WebhookRead
    """

    return sync_detailed(
        webhook_id=webhook_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    body: WebhookReplay,
) -> Response[ProblemDetails | WebhookRead]:
    """Send again the events after a feed cursor

     Moves the subscription's position to `after` (a `next_cursor` of `GET /v1/changes`, or
    a delivered message's `data.cursor`): the events after it are delivered again, in order.
    Audit-logged.

    Scope: `admin`.

    Args:
        webhook_id (str):
        body (WebhookReplay):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | WebhookRead]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    body: WebhookReplay,
) -> ProblemDetails | WebhookRead | None:
    """Send again the events after a feed cursor

     Moves the subscription's position to `after` (a `next_cursor` of `GET /v1/changes`, or
    a delivered message's `data.cursor`): the events after it are delivered again, in order.
    Audit-logged.

    Scope: `admin`.

    Args:
        webhook_id (str):
        body (WebhookReplay):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | WebhookRead
    """

    return (
        await asyncio_detailed(
            webhook_id=webhook_id,
            client=client,
            body=body,
        )
    ).parsed
