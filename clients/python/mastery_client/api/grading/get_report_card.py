from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_report_card_format_type_0 import (
    GetReportCardFormatType0,
)
from ...models.problem_details import ProblemDetails
from ...models.student_report_card_read import StudentReportCardRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    framework_id: list[str] | None | Unset = UNSET,
    session_id: None | str | Unset = UNSET,
    format_: GetReportCardFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_framework_id: list[str] | None | Unset
    if isinstance(framework_id, Unset):
        json_framework_id = UNSET
    elif isinstance(framework_id, list):
        json_framework_id = framework_id

    else:
        json_framework_id = framework_id
    params["framework_id"] = json_framework_id

    json_session_id: None | str | Unset
    if isinstance(session_id, Unset):
        json_session_id = UNSET
    else:
        json_session_id = session_id
    params["session_id"] = json_session_id

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, str):
        json_format_ = format_
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/students/{id}/report-card".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | StudentReportCardRead | None:
    if response.status_code == 200:
        response_200 = StudentReportCardRead.from_dict(response.json())

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
) -> Response[ProblemDetails | StudentReportCardRead]:
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
    framework_id: list[str] | None | Unset = UNSET,
    session_id: None | str | Unset = UNSET,
    format_: GetReportCardFormatType0 | None | Unset = UNSET,
) -> Response[ProblemDetails | StudentReportCardRead]:
    """A student's report card

     For each framework, the standards as the decisions show them (a teacher's override
    reason as the comment) and the course grade under the framework's grade rules with its
    reason. As a page (`format=html`), it prints one card per student on A4 or Letter.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (list[str] | None | Unset): Frameworks on the card (default: every framework
            in which the student has a decision).
        session_id (None | str | Unset): The grading term the card is for.
        format_ (GetReportCardFormatType0 | None | Unset): html for the printable page (as Accept:
            text/html); json (the default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | StudentReportCardRead]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
        session_id=session_id,
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
    framework_id: list[str] | None | Unset = UNSET,
    session_id: None | str | Unset = UNSET,
    format_: GetReportCardFormatType0 | None | Unset = UNSET,
) -> ProblemDetails | StudentReportCardRead | None:
    """A student's report card

     For each framework, the standards as the decisions show them (a teacher's override
    reason as the comment) and the course grade under the framework's grade rules with its
    reason. As a page (`format=html`), it prints one card per student on A4 or Letter.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (list[str] | None | Unset): Frameworks on the card (default: every framework
            in which the student has a decision).
        session_id (None | str | Unset): The grading term the card is for.
        format_ (GetReportCardFormatType0 | None | Unset): html for the printable page (as Accept:
            text/html); json (the default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | StudentReportCardRead
    """

    return sync_detailed(
        id=id,
        client=client,
        framework_id=framework_id,
        session_id=session_id,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: list[str] | None | Unset = UNSET,
    session_id: None | str | Unset = UNSET,
    format_: GetReportCardFormatType0 | None | Unset = UNSET,
) -> Response[ProblemDetails | StudentReportCardRead]:
    """A student's report card

     For each framework, the standards as the decisions show them (a teacher's override
    reason as the comment) and the course grade under the framework's grade rules with its
    reason. As a page (`format=html`), it prints one card per student on A4 or Letter.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (list[str] | None | Unset): Frameworks on the card (default: every framework
            in which the student has a decision).
        session_id (None | str | Unset): The grading term the card is for.
        format_ (GetReportCardFormatType0 | None | Unset): html for the printable page (as Accept:
            text/html); json (the default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | StudentReportCardRead]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
        session_id=session_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: list[str] | None | Unset = UNSET,
    session_id: None | str | Unset = UNSET,
    format_: GetReportCardFormatType0 | None | Unset = UNSET,
) -> ProblemDetails | StudentReportCardRead | None:
    """A student's report card

     For each framework, the standards as the decisions show them (a teacher's override
    reason as the comment) and the course grade under the framework's grade rules with its
    reason. As a page (`format=html`), it prints one card per student on A4 or Letter.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (list[str] | None | Unset): Frameworks on the card (default: every framework
            in which the student has a decision).
        session_id (None | str | Unset): The grading term the card is for.
        format_ (GetReportCardFormatType0 | None | Unset): html for the printable page (as Accept:
            text/html); json (the default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | StudentReportCardRead
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            framework_id=framework_id,
            session_id=session_id,
            format_=format_,
        )
    ).parsed
