from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.category_set import CategorySet
from ...models.problem_details import ProblemDetails
from ...models.status_info import StatusInfo
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    filter_: None | str | Unset = UNSET,
    fields: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    else:
        json_sort = sort
    params["sort"] = json_sort

    json_order_by: None | str | Unset
    if isinstance(order_by, Unset):
        json_order_by = UNSET
    else:
        json_order_by = order_by
    params["orderBy"] = json_order_by

    json_filter_: None | str | Unset
    if isinstance(filter_, Unset):
        json_filter_ = UNSET
    else:
        json_filter_ = filter_
    params["filter"] = json_filter_

    json_fields: None | str | Unset
    if isinstance(fields, Unset):
        json_fields = UNSET
    else:
        json_fields = fields
    params["fields"] = json_fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/provider/ims/oneroster/gradebook/v1p2/categories",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CategorySet | ProblemDetails | StatusInfo | None:
    if response.status_code == 200:
        response_200 = CategorySet.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = StatusInfo.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = StatusInfo.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = StatusInfo.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ProblemDetails.from_dict(response.json())

        return response_503

    if 400 <= response.status_code <= 499:
        response_4xx = StatusInfo.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CategorySet | ProblemDetails | StatusInfo]:
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
    offset: int | Unset = 0,
    sort: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    filter_: None | str | Unset = UNSET,
    fields: None | str | Unset = UNSET,
) -> Response[CategorySet | ProblemDetails | StatusInfo]:
    """List the grade categories (getAllCategories)

     `standards-grades` and `course-grades`, each when a line item is in it. Paged with `limit` and
    `offset` (X-Total-Count and Link headers), filtered with OneRoster's `filter`, sorted with `sort`
    and `orderBy`; `fields` selects fields; errors answer in imsx_StatusInfo form.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly` (or `admin`,
    `mastery:read`).

    Args:
        limit (int | Unset): Page size (at most 1000). Default: 100.
        offset (int | Unset):  Default: 0.
        sort (None | str | Unset): A field to sort on.
        order_by (None | str | Unset): asc or desc
        filter_ (None | str | Unset): e.g. dateLastModified>'2026-09-01' AND status='active'
        fields (None | str | Unset): Comma-separated fields to return.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CategorySet | ProblemDetails | StatusInfo]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        sort=sort,
        order_by=order_by,
        filter_=filter_,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    filter_: None | str | Unset = UNSET,
    fields: None | str | Unset = UNSET,
) -> CategorySet | ProblemDetails | StatusInfo | None:
    """List the grade categories (getAllCategories)

     `standards-grades` and `course-grades`, each when a line item is in it. Paged with `limit` and
    `offset` (X-Total-Count and Link headers), filtered with OneRoster's `filter`, sorted with `sort`
    and `orderBy`; `fields` selects fields; errors answer in imsx_StatusInfo form.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly` (or `admin`,
    `mastery:read`).

    Args:
        limit (int | Unset): Page size (at most 1000). Default: 100.
        offset (int | Unset):  Default: 0.
        sort (None | str | Unset): A field to sort on.
        order_by (None | str | Unset): asc or desc
        filter_ (None | str | Unset): e.g. dateLastModified>'2026-09-01' AND status='active'
        fields (None | str | Unset): Comma-separated fields to return.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CategorySet | ProblemDetails | StatusInfo
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        sort=sort,
        order_by=order_by,
        filter_=filter_,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    filter_: None | str | Unset = UNSET,
    fields: None | str | Unset = UNSET,
) -> Response[CategorySet | ProblemDetails | StatusInfo]:
    """List the grade categories (getAllCategories)

     `standards-grades` and `course-grades`, each when a line item is in it. Paged with `limit` and
    `offset` (X-Total-Count and Link headers), filtered with OneRoster's `filter`, sorted with `sort`
    and `orderBy`; `fields` selects fields; errors answer in imsx_StatusInfo form.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly` (or `admin`,
    `mastery:read`).

    Args:
        limit (int | Unset): Page size (at most 1000). Default: 100.
        offset (int | Unset):  Default: 0.
        sort (None | str | Unset): A field to sort on.
        order_by (None | str | Unset): asc or desc
        filter_ (None | str | Unset): e.g. dateLastModified>'2026-09-01' AND status='active'
        fields (None | str | Unset): Comma-separated fields to return.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CategorySet | ProblemDetails | StatusInfo]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        sort=sort,
        order_by=order_by,
        filter_=filter_,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    filter_: None | str | Unset = UNSET,
    fields: None | str | Unset = UNSET,
) -> CategorySet | ProblemDetails | StatusInfo | None:
    """List the grade categories (getAllCategories)

     `standards-grades` and `course-grades`, each when a line item is in it. Paged with `limit` and
    `offset` (X-Total-Count and Link headers), filtered with OneRoster's `filter`, sorted with `sort`
    and `orderBy`; `fields` selects fields; errors answer in imsx_StatusInfo form.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly` (or `admin`,
    `mastery:read`).

    Args:
        limit (int | Unset): Page size (at most 1000). Default: 100.
        offset (int | Unset):  Default: 0.
        sort (None | str | Unset): A field to sort on.
        order_by (None | str | Unset): asc or desc
        filter_ (None | str | Unset): e.g. dateLastModified>'2026-09-01' AND status='active'
        fields (None | str | Unset): Comma-separated fields to return.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CategorySet | ProblemDetails | StatusInfo
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            sort=sort,
            order_by=order_by,
            filter_=filter_,
            fields=fields,
        )
    ).parsed
