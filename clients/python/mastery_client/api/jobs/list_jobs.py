from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.job_status import JobStatus
from ...models.list_jobs_format import ListJobsFormat
from ...models.list_page_job_read import ListPageJobRead
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: list[str] | None | Unset = UNSET,
    status: list[JobStatus] | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListJobsFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: list[str] | None | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, list):
        json_kind = kind

    else:
        json_kind = kind
    params["kind"] = json_kind

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item: str = status_type_0_item_data
            json_status.append(status_type_0_item)

    else:
        json_status = status
    params["status"] = json_status

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
        "url": "/v1/jobs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ListPageJobRead | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = ListPageJobRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

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
) -> Response[ListPageJobRead | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: list[str] | None | Unset = UNSET,
    status: list[JobStatus] | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListJobsFormat | Unset = UNSET,
) -> Response[ListPageJobRead | ProblemDetails]:
    """The tenant's background jobs, newest first

     Imports, SIS syncs and recomputes, to find a job whose Location was lost or to watch a nightly sync.
    Only the jobs of the caller's tenant started under a scope the caller holds (as for GET
    /v1/jobs/{id}); `kind` and `status` narrow the list (repeat for several).

    Args:
        kind (list[str] | None | Unset): Only jobs of these kinds, e.g. `roster_sync`.
        status (list[JobStatus] | None | Unset): Only jobs in these states.
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListJobsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListPageJobRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        kind=kind,
        status=status,
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
    kind: list[str] | None | Unset = UNSET,
    status: list[JobStatus] | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListJobsFormat | Unset = UNSET,
) -> ListPageJobRead | ProblemDetails | None:
    """The tenant's background jobs, newest first

     Imports, SIS syncs and recomputes, to find a job whose Location was lost or to watch a nightly sync.
    Only the jobs of the caller's tenant started under a scope the caller holds (as for GET
    /v1/jobs/{id}); `kind` and `status` narrow the list (repeat for several).

    Args:
        kind (list[str] | None | Unset): Only jobs of these kinds, e.g. `roster_sync`.
        status (list[JobStatus] | None | Unset): Only jobs in these states.
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListJobsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListPageJobRead | ProblemDetails
    """

    return sync_detailed(
        client=client,
        kind=kind,
        status=status,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: list[str] | None | Unset = UNSET,
    status: list[JobStatus] | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListJobsFormat | Unset = UNSET,
) -> Response[ListPageJobRead | ProblemDetails]:
    """The tenant's background jobs, newest first

     Imports, SIS syncs and recomputes, to find a job whose Location was lost or to watch a nightly sync.
    Only the jobs of the caller's tenant started under a scope the caller holds (as for GET
    /v1/jobs/{id}); `kind` and `status` narrow the list (repeat for several).

    Args:
        kind (list[str] | None | Unset): Only jobs of these kinds, e.g. `roster_sync`.
        status (list[JobStatus] | None | Unset): Only jobs in these states.
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListJobsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListPageJobRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        kind=kind,
        status=status,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: list[str] | None | Unset = UNSET,
    status: list[JobStatus] | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListJobsFormat | Unset = UNSET,
) -> ListPageJobRead | ProblemDetails | None:
    """The tenant's background jobs, newest first

     Imports, SIS syncs and recomputes, to find a job whose Location was lost or to watch a nightly sync.
    Only the jobs of the caller's tenant started under a scope the caller holds (as for GET
    /v1/jobs/{id}); `kind` and `status` narrow the list (repeat for several).

    Args:
        kind (list[str] | None | Unset): Only jobs of these kinds, e.g. `roster_sync`.
        status (list[JobStatus] | None | Unset): Only jobs in these states.
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListJobsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListPageJobRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            status=status,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
