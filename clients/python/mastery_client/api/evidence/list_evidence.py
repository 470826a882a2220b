import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evidence_list import EvidenceList
from ...models.list_evidence_format import ListEvidenceFormat
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    student_id: None | str | Unset = UNSET,
    competency_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListEvidenceFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_student_id: None | str | Unset
    if isinstance(student_id, Unset):
        json_student_id = UNSET
    else:
        json_student_id = student_id
    params["student_id"] = json_student_id

    json_competency_id: None | str | Unset
    if isinstance(competency_id, Unset):
        json_competency_id = UNSET
    else:
        json_competency_id = competency_id
    params["competency_id"] = json_competency_id

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

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
        "url": "/v1/evidence",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EvidenceList | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = EvidenceList.from_dict(response.json())

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
) -> Response[EvidenceList | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    student_id: None | str | Unset = UNSET,
    competency_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListEvidenceFormat | Unset = UNSET,
) -> Response[EvidenceList | ProblemDetails]:
    """List results in arrival order

     The district's results in the order they arrived, narrowed by `student_id`, `competency_id`
    and `since` (changed at or after). Paged with `limit` and `cursor`, so a warehouse can read
    what is new since its last page; also as CSV or Parquet for the whole list.

    Scope: `mastery:read` (or `admin`).

    Args:
        student_id (None | str | Unset):
        competency_id (None | str | Unset):
        since (datetime.datetime | None | Unset): Changed at or after
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListEvidenceFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        student_id=student_id,
        competency_id=competency_id,
        since=since,
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
    student_id: None | str | Unset = UNSET,
    competency_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListEvidenceFormat | Unset = UNSET,
) -> EvidenceList | ProblemDetails | None:
    """List results in arrival order

     The district's results in the order they arrived, narrowed by `student_id`, `competency_id`
    and `since` (changed at or after). Paged with `limit` and `cursor`, so a warehouse can read
    what is new since its last page; also as CSV or Parquet for the whole list.

    Scope: `mastery:read` (or `admin`).

    Args:
        student_id (None | str | Unset):
        competency_id (None | str | Unset):
        since (datetime.datetime | None | Unset): Changed at or after
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListEvidenceFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceList | ProblemDetails
    """

    return sync_detailed(
        client=client,
        student_id=student_id,
        competency_id=competency_id,
        since=since,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    student_id: None | str | Unset = UNSET,
    competency_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListEvidenceFormat | Unset = UNSET,
) -> Response[EvidenceList | ProblemDetails]:
    """List results in arrival order

     The district's results in the order they arrived, narrowed by `student_id`, `competency_id`
    and `since` (changed at or after). Paged with `limit` and `cursor`, so a warehouse can read
    what is new since its last page; also as CSV or Parquet for the whole list.

    Scope: `mastery:read` (or `admin`).

    Args:
        student_id (None | str | Unset):
        competency_id (None | str | Unset):
        since (datetime.datetime | None | Unset): Changed at or after
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListEvidenceFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        student_id=student_id,
        competency_id=competency_id,
        since=since,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    student_id: None | str | Unset = UNSET,
    competency_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListEvidenceFormat | Unset = UNSET,
) -> EvidenceList | ProblemDetails | None:
    """List results in arrival order

     The district's results in the order they arrived, narrowed by `student_id`, `competency_id`
    and `since` (changed at or after). Paged with `limit` and `cursor`, so a warehouse can read
    what is new since its last page; also as CSV or Parquet for the whole list.

    Scope: `mastery:read` (or `admin`).

    Args:
        student_id (None | str | Unset):
        competency_id (None | str | Unset):
        since (datetime.datetime | None | Unset): Changed at or after
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListEvidenceFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceList | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            student_id=student_id,
            competency_id=competency_id,
            since=since,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
