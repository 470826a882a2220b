from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_all_overrides_format import (
    ListAllOverridesFormat,
)
from ...models.override_list import OverrideList
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    class_id: None | str | Unset = UNSET,
    competency_id: None | str | Unset = UNSET,
    student_id: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListAllOverridesFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_class_id: None | str | Unset
    if isinstance(class_id, Unset):
        json_class_id = UNSET
    else:
        json_class_id = class_id
    params["class_id"] = json_class_id

    json_competency_id: None | str | Unset
    if isinstance(competency_id, Unset):
        json_competency_id = UNSET
    else:
        json_competency_id = competency_id
    params["competency_id"] = json_competency_id

    json_student_id: None | str | Unset
    if isinstance(student_id, Unset):
        json_student_id = UNSET
    else:
        json_student_id = student_id
    params["student_id"] = json_student_id

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

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
        "url": "/v1/overrides",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OverrideList | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = OverrideList.from_dict(response.json())

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
) -> Response[OverrideList | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    class_id: None | str | Unset = UNSET,
    competency_id: None | str | Unset = UNSET,
    student_id: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListAllOverridesFormat | Unset = UNSET,
) -> Response[OverrideList | ProblemDetails]:
    """The district's overrides, past and present, in the order set

     Every teacher's override of a decision across the district, oldest first: whose decision
    (student, competency, framework), the level or status set, who set it, why, when and until
    when, who removed it and when, and the engine's decision it replaced (`replaced_status`,
    `replaced_score`). Narrowed to a class's students, a competency, a student, or to those in
    force now; paged with `limit` and `cursor`. A class the district does not have is a 404.

    Scope: `mastery:read` (or `admin`).

    Args:
        class_id (None | str | Unset): Of this class's students
        competency_id (None | str | Unset):
        student_id (None | str | Unset):
        active (bool | None | Unset): true: in force now; false: removed or expired
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListAllOverridesFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OverrideList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        class_id=class_id,
        competency_id=competency_id,
        student_id=student_id,
        active=active,
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
    class_id: None | str | Unset = UNSET,
    competency_id: None | str | Unset = UNSET,
    student_id: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListAllOverridesFormat | Unset = UNSET,
) -> OverrideList | ProblemDetails | None:
    """The district's overrides, past and present, in the order set

     Every teacher's override of a decision across the district, oldest first: whose decision
    (student, competency, framework), the level or status set, who set it, why, when and until
    when, who removed it and when, and the engine's decision it replaced (`replaced_status`,
    `replaced_score`). Narrowed to a class's students, a competency, a student, or to those in
    force now; paged with `limit` and `cursor`. A class the district does not have is a 404.

    Scope: `mastery:read` (or `admin`).

    Args:
        class_id (None | str | Unset): Of this class's students
        competency_id (None | str | Unset):
        student_id (None | str | Unset):
        active (bool | None | Unset): true: in force now; false: removed or expired
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListAllOverridesFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OverrideList | ProblemDetails
    """

    return sync_detailed(
        client=client,
        class_id=class_id,
        competency_id=competency_id,
        student_id=student_id,
        active=active,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    class_id: None | str | Unset = UNSET,
    competency_id: None | str | Unset = UNSET,
    student_id: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListAllOverridesFormat | Unset = UNSET,
) -> Response[OverrideList | ProblemDetails]:
    """The district's overrides, past and present, in the order set

     Every teacher's override of a decision across the district, oldest first: whose decision
    (student, competency, framework), the level or status set, who set it, why, when and until
    when, who removed it and when, and the engine's decision it replaced (`replaced_status`,
    `replaced_score`). Narrowed to a class's students, a competency, a student, or to those in
    force now; paged with `limit` and `cursor`. A class the district does not have is a 404.

    Scope: `mastery:read` (or `admin`).

    Args:
        class_id (None | str | Unset): Of this class's students
        competency_id (None | str | Unset):
        student_id (None | str | Unset):
        active (bool | None | Unset): true: in force now; false: removed or expired
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListAllOverridesFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OverrideList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        class_id=class_id,
        competency_id=competency_id,
        student_id=student_id,
        active=active,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    class_id: None | str | Unset = UNSET,
    competency_id: None | str | Unset = UNSET,
    student_id: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: ListAllOverridesFormat | Unset = UNSET,
) -> OverrideList | ProblemDetails | None:
    """The district's overrides, past and present, in the order set

     Every teacher's override of a decision across the district, oldest first: whose decision
    (student, competency, framework), the level or status set, who set it, why, when and until
    when, who removed it and when, and the engine's decision it replaced (`replaced_status`,
    `replaced_score`). Narrowed to a class's students, a competency, a student, or to those in
    force now; paged with `limit` and `cursor`. A class the district does not have is a 404.

    Scope: `mastery:read` (or `admin`).

    Args:
        class_id (None | str | Unset): Of this class's students
        competency_id (None | str | Unset):
        student_id (None | str | Unset):
        active (bool | None | Unset): true: in force now; false: removed or expired
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        format_ (ListAllOverridesFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OverrideList | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            class_id=class_id,
            competency_id=competency_id,
            student_id=student_id,
            active=active,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
