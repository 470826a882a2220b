from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery_page import DeliveryPage
from ...models.list_webhook_deliveries_format import (
    ListWebhookDeliveriesFormat,
)
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    webhook_id: str,
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ListWebhookDeliveriesFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/webhooks/{webhook_id}/deliveries".format(
            webhook_id=quote(str(webhook_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeliveryPage | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = DeliveryPage.from_dict(response.json())

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
) -> Response[DeliveryPage | ProblemDetails]:
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
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ListWebhookDeliveriesFormat | Unset = UNSET,
) -> Response[DeliveryPage | ProblemDetails]:
    """A subscription's delivery log, newest first

     Every try: the message's id and events, the attempt, the receiver's status, the outcome,
    why it failed (never what the receiver sent), how long it took.

    Scope: `admin`.

    Args:
        webhook_id (str):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListWebhookDeliveriesFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ListWebhookDeliveriesFormat | Unset = UNSET,
) -> DeliveryPage | ProblemDetails | None:
    """A subscription's delivery log, newest first

     Every try: the message's id and events, the attempt, the receiver's status, the outcome,
    why it failed (never what the receiver sent), how long it took.

    Scope: `admin`.

    Args:
        webhook_id (str):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListWebhookDeliveriesFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryPage | ProblemDetails
    """

    return sync_detailed(
        webhook_id=webhook_id,
        client=client,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ListWebhookDeliveriesFormat | Unset = UNSET,
) -> Response[DeliveryPage | ProblemDetails]:
    """A subscription's delivery log, newest first

     Every try: the message's id and events, the attempt, the receiver's status, the outcome,
    why it failed (never what the receiver sent), how long it took.

    Scope: `admin`.

    Args:
        webhook_id (str):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListWebhookDeliveriesFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: ListWebhookDeliveriesFormat | Unset = UNSET,
) -> DeliveryPage | ProblemDetails | None:
    """A subscription's delivery log, newest first

     Every try: the message's id and events, the attempt, the receiver's status, the outcome,
    why it failed (never what the receiver sent), how long it took.

    Scope: `admin`.

    Args:
        webhook_id (str):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListWebhookDeliveriesFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryPage | ProblemDetails
    """

    return (
        await asyncio_detailed(
            webhook_id=webhook_id,
            client=client,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
