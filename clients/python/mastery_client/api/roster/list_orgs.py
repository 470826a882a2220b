import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_orgs_format import ListOrgsFormat
from ...models.org_list import OrgList
from ...models.org_type import OrgType
from ...models.problem_details import ProblemDetails
from ...models.record_status import RecordStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: RecordStatus | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    type_: None | OrgType | Unset = UNSET,
    parent_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListOrgsFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, str):
        json_type_ = type_
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_parent_id: None | str | Unset
    if isinstance(parent_id, Unset):
        json_parent_id = UNSET
    else:
        json_parent_id = parent_id
    params["parent_id"] = json_parent_id

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
        "url": "/v1/orgs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrgList | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = OrgList.from_dict(response.json())

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
) -> Response[OrgList | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: RecordStatus | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    type_: None | OrgType | Unset = UNSET,
    parent_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListOrgsFormat | Unset = UNSET,
) -> Response[OrgList | ProblemDetails]:
    """List orgs

     The district's records of this kind (a district, school or other organisation (OneRoster org)),
    active ones unless `status=tobedeleted`, in sourcedId order. The filters narrow the list;
    `updated_since` gives what changed since a last read. Paged with `limit` and `cursor`; also as CSV
    or Parquet for the whole list.

    Scope: `roster:read` (or `admin`).

    Args:
        status (RecordStatus | Unset): OneRoster's record status: `tobedeleted` records are kept
            for history, hidden from reads.
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (UTC if no zone).
        type_ (None | OrgType | Unset):
        parent_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListOrgsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        status=status,
        updated_since=updated_since,
        type_=type_,
        parent_id=parent_id,
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
    status: RecordStatus | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    type_: None | OrgType | Unset = UNSET,
    parent_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListOrgsFormat | Unset = UNSET,
) -> OrgList | ProblemDetails | None:
    """List orgs

     The district's records of this kind (a district, school or other organisation (OneRoster org)),
    active ones unless `status=tobedeleted`, in sourcedId order. The filters narrow the list;
    `updated_since` gives what changed since a last read. Paged with `limit` and `cursor`; also as CSV
    or Parquet for the whole list.

    Scope: `roster:read` (or `admin`).

    Args:
        status (RecordStatus | Unset): OneRoster's record status: `tobedeleted` records are kept
            for history, hidden from reads.
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (UTC if no zone).
        type_ (None | OrgType | Unset):
        parent_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListOrgsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgList | ProblemDetails
    """

    return sync_detailed(
        client=client,
        status=status,
        updated_since=updated_since,
        type_=type_,
        parent_id=parent_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: RecordStatus | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    type_: None | OrgType | Unset = UNSET,
    parent_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListOrgsFormat | Unset = UNSET,
) -> Response[OrgList | ProblemDetails]:
    """List orgs

     The district's records of this kind (a district, school or other organisation (OneRoster org)),
    active ones unless `status=tobedeleted`, in sourcedId order. The filters narrow the list;
    `updated_since` gives what changed since a last read. Paged with `limit` and `cursor`; also as CSV
    or Parquet for the whole list.

    Scope: `roster:read` (or `admin`).

    Args:
        status (RecordStatus | Unset): OneRoster's record status: `tobedeleted` records are kept
            for history, hidden from reads.
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (UTC if no zone).
        type_ (None | OrgType | Unset):
        parent_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListOrgsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        status=status,
        updated_since=updated_since,
        type_=type_,
        parent_id=parent_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: RecordStatus | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    type_: None | OrgType | Unset = UNSET,
    parent_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListOrgsFormat | Unset = UNSET,
) -> OrgList | ProblemDetails | None:
    """List orgs

     The district's records of this kind (a district, school or other organisation (OneRoster org)),
    active ones unless `status=tobedeleted`, in sourcedId order. The filters narrow the list;
    `updated_since` gives what changed since a last read. Paged with `limit` and `cursor`; also as CSV
    or Parquet for the whole list.

    Scope: `roster:read` (or `admin`).

    Args:
        status (RecordStatus | Unset): OneRoster's record status: `tobedeleted` records are kept
            for history, hidden from reads.
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (UTC if no zone).
        type_ (None | OrgType | Unset):
        parent_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListOrgsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgList | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            updated_since=updated_since,
            type_=type_,
            parent_id=parent_id,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
