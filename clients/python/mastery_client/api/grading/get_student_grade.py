from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.student_grade_read import StudentGradeRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    framework_id: str,
    session_id: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["framework_id"] = framework_id

    json_session_id: None | str | Unset
    if isinstance(session_id, Unset):
        json_session_id = UNSET
    else:
        json_session_id = session_id
    params["session_id"] = json_session_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/students/{id}/grades".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | StudentGradeRead | None:
    if response.status_code == 200:
        response_200 = StudentGradeRead.from_dict(response.json())

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
) -> Response[ProblemDetails | StudentGradeRead]:
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
    framework_id: str,
    session_id: None | str | Unset = UNSET,
) -> Response[ProblemDetails | StudentGradeRead]:
    """A student's grade under a framework's rules, with its reason

     The first rule that holds on the student's standards as shown (overrides included)
    gives the grade; `reason` says why, and why not each rule above it. With `session_id`, the
    grade of that term, by the same rules.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        session_id (None | str | Unset): A term or grading period: its grade, from its snapshot
            once it is closed, from the live decisions while it is open

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | StudentGradeRead]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
        session_id=session_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: str,
    session_id: None | str | Unset = UNSET,
) -> ProblemDetails | StudentGradeRead | None:
    """A student's grade under a framework's rules, with its reason

     The first rule that holds on the student's standards as shown (overrides included)
    gives the grade; `reason` says why, and why not each rule above it. With `session_id`, the
    grade of that term, by the same rules.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        session_id (None | str | Unset): A term or grading period: its grade, from its snapshot
            once it is closed, from the live decisions while it is open

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | StudentGradeRead
    """

    return sync_detailed(
        id=id,
        client=client,
        framework_id=framework_id,
        session_id=session_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: str,
    session_id: None | str | Unset = UNSET,
) -> Response[ProblemDetails | StudentGradeRead]:
    """A student's grade under a framework's rules, with its reason

     The first rule that holds on the student's standards as shown (overrides included)
    gives the grade; `reason` says why, and why not each rule above it. With `session_id`, the
    grade of that term, by the same rules.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        session_id (None | str | Unset): A term or grading period: its grade, from its snapshot
            once it is closed, from the live decisions while it is open

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | StudentGradeRead]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
        session_id=session_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: str,
    session_id: None | str | Unset = UNSET,
) -> ProblemDetails | StudentGradeRead | None:
    """A student's grade under a framework's rules, with its reason

     The first rule that holds on the student's standards as shown (overrides included)
    gives the grade; `reason` says why, and why not each rule above it. With `session_id`, the
    grade of that term, by the same rules.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        session_id (None | str | Unset): A term or grading period: its grade, from its snapshot
            once it is closed, from the live decisions while it is open

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | StudentGradeRead
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            framework_id=framework_id,
            session_id=session_id,
        )
    ).parsed
