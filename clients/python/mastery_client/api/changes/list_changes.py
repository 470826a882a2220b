from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_page_read import ChangePageRead
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    types: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_after: None | str | Unset
    if isinstance(after, Unset):
        json_after = UNSET
    else:
        json_after = after
    params["after"] = json_after

    params["limit"] = limit

    json_types: None | str | Unset
    if isinstance(types, Unset):
        json_types = UNSET
    else:
        json_types = types
    params["types"] = json_types

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/changes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChangePageRead | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = ChangePageRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

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
) -> Response[ChangePageRead | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    types: None | str | Unset = UNSET,
) -> Response[ChangePageRead | ProblemDetails]:
    """The change feed, oldest first

     Every change of a decision (status, level, score, override), of evidence (added,
    replaced, voided) and of the roster (users, classes, enrollments), in one durable order.
    Keep `next_cursor` and pass it as `after`: a page never skips an event that commits
    later, and an empty page hands the same cursor back. Events are kept
    `MASTERY_CHANGES_RETENTION_DAYS` (30 by default).

    Scope: `mastery:read` (or `admin`).

    Args:
        after (None | str | Unset): `next_cursor` of the previous page.
        limit (int | Unset): Events per page. Default: 100.
        types (None | str | Unset): Only these types, comma-separated.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePageRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
        types=types,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    types: None | str | Unset = UNSET,
) -> ChangePageRead | ProblemDetails | None:
    """The change feed, oldest first

     Every change of a decision (status, level, score, override), of evidence (added,
    replaced, voided) and of the roster (users, classes, enrollments), in one durable order.
    Keep `next_cursor` and pass it as `after`: a page never skips an event that commits
    later, and an empty page hands the same cursor back. Events are kept
    `MASTERY_CHANGES_RETENTION_DAYS` (30 by default).

    Scope: `mastery:read` (or `admin`).

    Args:
        after (None | str | Unset): `next_cursor` of the previous page.
        limit (int | Unset): Events per page. Default: 100.
        types (None | str | Unset): Only these types, comma-separated.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePageRead | ProblemDetails
    """

    return sync_detailed(
        client=client,
        after=after,
        limit=limit,
        types=types,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    types: None | str | Unset = UNSET,
) -> Response[ChangePageRead | ProblemDetails]:
    """The change feed, oldest first

     Every change of a decision (status, level, score, override), of evidence (added,
    replaced, voided) and of the roster (users, classes, enrollments), in one durable order.
    Keep `next_cursor` and pass it as `after`: a page never skips an event that commits
    later, and an empty page hands the same cursor back. Events are kept
    `MASTERY_CHANGES_RETENTION_DAYS` (30 by default).

    Scope: `mastery:read` (or `admin`).

    Args:
        after (None | str | Unset): `next_cursor` of the previous page.
        limit (int | Unset): Events per page. Default: 100.
        types (None | str | Unset): Only these types, comma-separated.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePageRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
        types=types,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    types: None | str | Unset = UNSET,
) -> ChangePageRead | ProblemDetails | None:
    """The change feed, oldest first

     Every change of a decision (status, level, score, override), of evidence (added,
    replaced, voided) and of the roster (users, classes, enrollments), in one durable order.
    Keep `next_cursor` and pass it as `after`: a page never skips an event that commits
    later, and an empty page hands the same cursor back. Events are kept
    `MASTERY_CHANGES_RETENTION_DAYS` (30 by default).

    Scope: `mastery:read` (or `admin`).

    Args:
        after (None | str | Unset): `next_cursor` of the previous page.
        limit (int | Unset): Events per page. Default: 100.
        types (None | str | Unset): Only these types, comma-separated.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePageRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            limit=limit,
            types=types,
        )
    ).parsed
