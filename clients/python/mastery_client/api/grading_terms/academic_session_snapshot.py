from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.academic_session_snapshot_format import (
    AcademicSessionSnapshotFormat,
)
from ...models.decision_list import DecisionList
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    student_id: None | str | Unset = UNSET,
    class_id: None | str | Unset = UNSET,
    framework_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: AcademicSessionSnapshotFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_student_id: None | str | Unset
    if isinstance(student_id, Unset):
        json_student_id = UNSET
    else:
        json_student_id = student_id
    params["student_id"] = json_student_id

    json_class_id: None | str | Unset
    if isinstance(class_id, Unset):
        json_class_id = UNSET
    else:
        json_class_id = class_id
    params["class_id"] = json_class_id

    json_framework_id: None | str | Unset
    if isinstance(framework_id, Unset):
        json_framework_id = UNSET
    else:
        json_framework_id = framework_id
    params["framework_id"] = json_framework_id

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
        "url": "/v1/academic-sessions/{id}/snapshot".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DecisionList | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = DecisionList.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())

        return response_409

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
) -> Response[DecisionList | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    student_id: None | str | Unset = UNSET,
    class_id: None | str | Unset = UNSET,
    framework_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: AcademicSessionSnapshotFormat | Unset = UNSET,
) -> Response[DecisionList | ProblemDetails]:
    """A closed term's frozen decisions

     Every decision as frozen at the close, in the shape of a student's decisions
    (`/v1/students/{id}/mastery`), by student then competency id; paged with `limit` and
    `cursor`, also as CSV or Parquet. 404 while the term is open, 409 while it is closing.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        student_id (None | str | Unset):
        class_id (None | str | Unset): Of this class's students
        framework_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (AcademicSessionSnapshotFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        student_id=student_id,
        class_id=class_id,
        framework_id=framework_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    student_id: None | str | Unset = UNSET,
    class_id: None | str | Unset = UNSET,
    framework_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: AcademicSessionSnapshotFormat | Unset = UNSET,
) -> DecisionList | ProblemDetails | None:
    """A closed term's frozen decisions

     Every decision as frozen at the close, in the shape of a student's decisions
    (`/v1/students/{id}/mastery`), by student then competency id; paged with `limit` and
    `cursor`, also as CSV or Parquet. 404 while the term is open, 409 while it is closing.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        student_id (None | str | Unset):
        class_id (None | str | Unset): Of this class's students
        framework_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (AcademicSessionSnapshotFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionList | ProblemDetails
    """

    return sync_detailed(
        id=id,
        client=client,
        student_id=student_id,
        class_id=class_id,
        framework_id=framework_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    student_id: None | str | Unset = UNSET,
    class_id: None | str | Unset = UNSET,
    framework_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: AcademicSessionSnapshotFormat | Unset = UNSET,
) -> Response[DecisionList | ProblemDetails]:
    """A closed term's frozen decisions

     Every decision as frozen at the close, in the shape of a student's decisions
    (`/v1/students/{id}/mastery`), by student then competency id; paged with `limit` and
    `cursor`, also as CSV or Parquet. 404 while the term is open, 409 while it is closing.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        student_id (None | str | Unset):
        class_id (None | str | Unset): Of this class's students
        framework_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (AcademicSessionSnapshotFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        student_id=student_id,
        class_id=class_id,
        framework_id=framework_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    student_id: None | str | Unset = UNSET,
    class_id: None | str | Unset = UNSET,
    framework_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: AcademicSessionSnapshotFormat | Unset = UNSET,
) -> DecisionList | ProblemDetails | None:
    """A closed term's frozen decisions

     Every decision as frozen at the close, in the shape of a student's decisions
    (`/v1/students/{id}/mastery`), by student then competency id; paged with `limit` and
    `cursor`, also as CSV or Parquet. 404 while the term is open, 409 while it is closing.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        student_id (None | str | Unset):
        class_id (None | str | Unset): Of this class's students
        framework_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (AcademicSessionSnapshotFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionList | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            student_id=student_id,
            class_id=class_id,
            framework_id=framework_id,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
