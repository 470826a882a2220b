from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.framework_list import FrameworkList
from ...models.list_frameworks_format import ListFrameworksFormat
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListFrameworksFormat | Unset = UNSET,
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
        "url": "/v1/frameworks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FrameworkList | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = FrameworkList.from_dict(response.json())

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
) -> Response[FrameworkList | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListFrameworksFormat | Unset = UNSET,
) -> Response[FrameworkList | ProblemDetails]:
    """List frameworks

     The district's frameworks with their policy and how many competencies each has, without the
    trees (GET one for its tree). Paged with `limit` and `cursor`; also as CSV or Parquet.

    Scope: `frameworks:read` (or `admin`).

    Args:
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListFrameworksFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListFrameworksFormat | Unset = UNSET,
) -> FrameworkList | ProblemDetails | None:
    """List frameworks

     The district's frameworks with their policy and how many competencies each has, without the
    trees (GET one for its tree). Paged with `limit` and `cursor`; also as CSV or Parquet.

    Scope: `frameworks:read` (or `admin`).

    Args:
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListFrameworksFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkList | ProblemDetails
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListFrameworksFormat | Unset = UNSET,
) -> Response[FrameworkList | ProblemDetails]:
    """List frameworks

     The district's frameworks with their policy and how many competencies each has, without the
    trees (GET one for its tree). Paged with `limit` and `cursor`; also as CSV or Parquet.

    Scope: `frameworks:read` (or `admin`).

    Args:
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListFrameworksFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListFrameworksFormat | Unset = UNSET,
) -> FrameworkList | ProblemDetails | None:
    """List frameworks

     The district's frameworks with their policy and how many competencies each has, without the
    trees (GET one for its tree). Paged with `limit` and `cursor`; also as CSV or Parquet.

    Scope: `frameworks:read` (or `admin`).

    Args:
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListFrameworksFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkList | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
