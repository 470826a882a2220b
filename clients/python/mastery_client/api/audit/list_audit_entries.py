import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_kind import AuditKind
from ...models.list_audit_entries_format import (
    ListAuditEntriesFormat,
)
from ...models.list_page_audit_entry_read import ListPageAuditEntryRead
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: list[AuditKind] | None | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListAuditEntriesFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: list[str] | None | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, list):
        json_kind = []
        for kind_type_0_item_data in kind:
            kind_type_0_item: str = kind_type_0_item_data
            json_kind.append(kind_type_0_item)

    else:
        json_kind = kind
    params["kind"] = json_kind

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

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
        "url": "/v1/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ListPageAuditEntryRead | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = ListPageAuditEntryRead.from_dict(response.json())

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
) -> Response[ListPageAuditEntryRead | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: list[AuditKind] | None | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListAuditEntriesFormat | Unset = UNSET,
) -> Response[ListPageAuditEntryRead | ProblemDetails]:
    """The audit trail, newest first

     Who changed what and when in the district: clients created and rotated, overrides set and
    cleared, framework and policy changes, imports, erasures; each with what it was before and
    after. Newest first, paged with `cursor`; `kind` (repeat for several), `since` and `until`
    narrow it. Also as CSV or Parquet for the whole trail.

    Scope: `admin`.

    Args:
        kind (list[AuditKind] | None | Unset): Only these kinds.
        since (datetime.datetime | None | Unset): At or after.
        until (datetime.datetime | None | Unset): Before.
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListAuditEntriesFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListPageAuditEntryRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        kind=kind,
        since=since,
        until=until,
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
    kind: list[AuditKind] | None | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListAuditEntriesFormat | Unset = UNSET,
) -> ListPageAuditEntryRead | ProblemDetails | None:
    """The audit trail, newest first

     Who changed what and when in the district: clients created and rotated, overrides set and
    cleared, framework and policy changes, imports, erasures; each with what it was before and
    after. Newest first, paged with `cursor`; `kind` (repeat for several), `since` and `until`
    narrow it. Also as CSV or Parquet for the whole trail.

    Scope: `admin`.

    Args:
        kind (list[AuditKind] | None | Unset): Only these kinds.
        since (datetime.datetime | None | Unset): At or after.
        until (datetime.datetime | None | Unset): Before.
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListAuditEntriesFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListPageAuditEntryRead | ProblemDetails
    """

    return sync_detailed(
        client=client,
        kind=kind,
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: list[AuditKind] | None | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListAuditEntriesFormat | Unset = UNSET,
) -> Response[ListPageAuditEntryRead | ProblemDetails]:
    """The audit trail, newest first

     Who changed what and when in the district: clients created and rotated, overrides set and
    cleared, framework and policy changes, imports, erasures; each with what it was before and
    after. Newest first, paged with `cursor`; `kind` (repeat for several), `since` and `until`
    narrow it. Also as CSV or Parquet for the whole trail.

    Scope: `admin`.

    Args:
        kind (list[AuditKind] | None | Unset): Only these kinds.
        since (datetime.datetime | None | Unset): At or after.
        until (datetime.datetime | None | Unset): Before.
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListAuditEntriesFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListPageAuditEntryRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        kind=kind,
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: list[AuditKind] | None | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListAuditEntriesFormat | Unset = UNSET,
) -> ListPageAuditEntryRead | ProblemDetails | None:
    """The audit trail, newest first

     Who changed what and when in the district: clients created and rotated, overrides set and
    cleared, framework and policy changes, imports, erasures; each with what it was before and
    after. Newest first, paged with `cursor`; `kind` (repeat for several), `since` and `until`
    narrow it. Also as CSV or Parquet for the whole trail.

    Scope: `admin`.

    Args:
        kind (list[AuditKind] | None | Unset): Only these kinds.
        since (datetime.datetime | None | Unset): At or after.
        until (datetime.datetime | None | Unset): Before.
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListAuditEntriesFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListPageAuditEntryRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            since=since,
            until=until,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
