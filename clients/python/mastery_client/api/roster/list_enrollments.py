import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_list import EnrollmentList
from ...models.enrollment_role import EnrollmentRole
from ...models.list_enrollments_format import ListEnrollmentsFormat
from ...models.problem_details import ProblemDetails
from ...models.record_status import RecordStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: RecordStatus | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    class_id: None | str | Unset = UNSET,
    user_id: None | str | Unset = UNSET,
    role: EnrollmentRole | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListEnrollmentsFormat | Unset = UNSET,
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

    json_class_id: None | str | Unset
    if isinstance(class_id, Unset):
        json_class_id = UNSET
    else:
        json_class_id = class_id
    params["class_id"] = json_class_id

    json_user_id: None | str | Unset
    if isinstance(user_id, Unset):
        json_user_id = UNSET
    else:
        json_user_id = user_id
    params["user_id"] = json_user_id

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, str):
        json_role = role
    else:
        json_role = role
    params["role"] = json_role

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
        "url": "/v1/enrollments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentList | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = EnrollmentList.from_dict(response.json())

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
) -> Response[EnrollmentList | ProblemDetails]:
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
    class_id: None | str | Unset = UNSET,
    user_id: None | str | Unset = UNSET,
    role: EnrollmentRole | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListEnrollmentsFormat | Unset = UNSET,
) -> Response[EnrollmentList | ProblemDetails]:
    """List enrollments

     The district's records of this kind (a user's place in a class as student or teacher (OneRoster
    enrollment)), active ones unless `status=tobedeleted`, in sourcedId order. The filters narrow the
    list; `updated_since` gives what changed since a last read. Paged with `limit` and `cursor`; also as
    CSV or Parquet for the whole list.

    Scope: `roster:read` (or `admin`).

    Args:
        status (RecordStatus | Unset): OneRoster's record status: `tobedeleted` records are kept
            for history, hidden from reads.
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (UTC if no zone).
        class_id (None | str | Unset):
        user_id (None | str | Unset):
        role (EnrollmentRole | None | Unset):
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListEnrollmentsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        status=status,
        updated_since=updated_since,
        class_id=class_id,
        user_id=user_id,
        role=role,
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
    class_id: None | str | Unset = UNSET,
    user_id: None | str | Unset = UNSET,
    role: EnrollmentRole | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListEnrollmentsFormat | Unset = UNSET,
) -> EnrollmentList | ProblemDetails | None:
    """List enrollments

     The district's records of this kind (a user's place in a class as student or teacher (OneRoster
    enrollment)), active ones unless `status=tobedeleted`, in sourcedId order. The filters narrow the
    list; `updated_since` gives what changed since a last read. Paged with `limit` and `cursor`; also as
    CSV or Parquet for the whole list.

    Scope: `roster:read` (or `admin`).

    Args:
        status (RecordStatus | Unset): OneRoster's record status: `tobedeleted` records are kept
            for history, hidden from reads.
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (UTC if no zone).
        class_id (None | str | Unset):
        user_id (None | str | Unset):
        role (EnrollmentRole | None | Unset):
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListEnrollmentsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentList | ProblemDetails
    """

    return sync_detailed(
        client=client,
        status=status,
        updated_since=updated_since,
        class_id=class_id,
        user_id=user_id,
        role=role,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: RecordStatus | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    class_id: None | str | Unset = UNSET,
    user_id: None | str | Unset = UNSET,
    role: EnrollmentRole | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListEnrollmentsFormat | Unset = UNSET,
) -> Response[EnrollmentList | ProblemDetails]:
    """List enrollments

     The district's records of this kind (a user's place in a class as student or teacher (OneRoster
    enrollment)), active ones unless `status=tobedeleted`, in sourcedId order. The filters narrow the
    list; `updated_since` gives what changed since a last read. Paged with `limit` and `cursor`; also as
    CSV or Parquet for the whole list.

    Scope: `roster:read` (or `admin`).

    Args:
        status (RecordStatus | Unset): OneRoster's record status: `tobedeleted` records are kept
            for history, hidden from reads.
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (UTC if no zone).
        class_id (None | str | Unset):
        user_id (None | str | Unset):
        role (EnrollmentRole | None | Unset):
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListEnrollmentsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        status=status,
        updated_since=updated_since,
        class_id=class_id,
        user_id=user_id,
        role=role,
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
    class_id: None | str | Unset = UNSET,
    user_id: None | str | Unset = UNSET,
    role: EnrollmentRole | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListEnrollmentsFormat | Unset = UNSET,
) -> EnrollmentList | ProblemDetails | None:
    """List enrollments

     The district's records of this kind (a user's place in a class as student or teacher (OneRoster
    enrollment)), active ones unless `status=tobedeleted`, in sourcedId order. The filters narrow the
    list; `updated_since` gives what changed since a last read. Paged with `limit` and `cursor`; also as
    CSV or Parquet for the whole list.

    Scope: `roster:read` (or `admin`).

    Args:
        status (RecordStatus | Unset): OneRoster's record status: `tobedeleted` records are kept
            for history, hidden from reads.
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (UTC if no zone).
        class_id (None | str | Unset):
        user_id (None | str | Unset):
        role (EnrollmentRole | None | Unset):
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListEnrollmentsFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentList | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            updated_since=updated_since,
            class_id=class_id,
            user_id=user_id,
            role=role,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
