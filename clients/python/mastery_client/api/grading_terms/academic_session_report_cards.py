from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.academic_session_report_cards_format_type_0 import (
    AcademicSessionReportCardsFormatType0,
)
from ...models.problem_details import ProblemDetails
from ...models.report_cards_read import ReportCardsRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    framework_id: str,
    class_id: None | str | Unset = UNSET,
    student_id: None | str | Unset = UNSET,
    format_: AcademicSessionReportCardsFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["framework_id"] = framework_id

    json_class_id: None | str | Unset
    if isinstance(class_id, Unset):
        json_class_id = UNSET
    else:
        json_class_id = class_id
    params["class_id"] = json_class_id

    json_student_id: None | str | Unset
    if isinstance(student_id, Unset):
        json_student_id = UNSET
    else:
        json_student_id = student_id
    params["student_id"] = json_student_id

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
        "url": "/v1/academic-sessions/{id}/report-cards".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ReportCardsRead | None:
    if response.status_code == 200:
        response_200 = ReportCardsRead.from_dict(response.json())

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
) -> Response[ProblemDetails | ReportCardsRead]:
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
    class_id: None | str | Unset = UNSET,
    student_id: None | str | Unset = UNSET,
    format_: AcademicSessionReportCardsFormatType0 | None | Unset = UNSET,
) -> Response[ProblemDetails | ReportCardsRead]:
    """A term's report cards: a class's students, or one student

     For each student of `class_id` (or the one `student_id`): the term's standards of the
    framework (each standard's status and level as shown, overrides included) and the course
    grade by the framework's grade rules with its reason. A closed term reads its snapshot; an
    open one the live decisions (`frozen_at` null). As CSV (`Accept: text/csv` or
    `format=csv`), one row per student.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        class_id (None | str | Unset):
        student_id (None | str | Unset):
        format_ (AcademicSessionReportCardsFormatType0 | None | Unset): csv for the report cards
            as CSV (as Accept: text/csv); json (the default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReportCardsRead]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
        class_id=class_id,
        student_id=student_id,
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
    framework_id: str,
    class_id: None | str | Unset = UNSET,
    student_id: None | str | Unset = UNSET,
    format_: AcademicSessionReportCardsFormatType0 | None | Unset = UNSET,
) -> ProblemDetails | ReportCardsRead | None:
    """A term's report cards: a class's students, or one student

     For each student of `class_id` (or the one `student_id`): the term's standards of the
    framework (each standard's status and level as shown, overrides included) and the course
    grade by the framework's grade rules with its reason. A closed term reads its snapshot; an
    open one the live decisions (`frozen_at` null). As CSV (`Accept: text/csv` or
    `format=csv`), one row per student.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        class_id (None | str | Unset):
        student_id (None | str | Unset):
        format_ (AcademicSessionReportCardsFormatType0 | None | Unset): csv for the report cards
            as CSV (as Accept: text/csv); json (the default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReportCardsRead
    """

    return sync_detailed(
        id=id,
        client=client,
        framework_id=framework_id,
        class_id=class_id,
        student_id=student_id,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: str,
    class_id: None | str | Unset = UNSET,
    student_id: None | str | Unset = UNSET,
    format_: AcademicSessionReportCardsFormatType0 | None | Unset = UNSET,
) -> Response[ProblemDetails | ReportCardsRead]:
    """A term's report cards: a class's students, or one student

     For each student of `class_id` (or the one `student_id`): the term's standards of the
    framework (each standard's status and level as shown, overrides included) and the course
    grade by the framework's grade rules with its reason. A closed term reads its snapshot; an
    open one the live decisions (`frozen_at` null). As CSV (`Accept: text/csv` or
    `format=csv`), one row per student.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        class_id (None | str | Unset):
        student_id (None | str | Unset):
        format_ (AcademicSessionReportCardsFormatType0 | None | Unset): csv for the report cards
            as CSV (as Accept: text/csv); json (the default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReportCardsRead]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
        class_id=class_id,
        student_id=student_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: str,
    class_id: None | str | Unset = UNSET,
    student_id: None | str | Unset = UNSET,
    format_: AcademicSessionReportCardsFormatType0 | None | Unset = UNSET,
) -> ProblemDetails | ReportCardsRead | None:
    """A term's report cards: a class's students, or one student

     For each student of `class_id` (or the one `student_id`): the term's standards of the
    framework (each standard's status and level as shown, overrides included) and the course
    grade by the framework's grade rules with its reason. A closed term reads its snapshot; an
    open one the live decisions (`frozen_at` null). As CSV (`Accept: text/csv` or
    `format=csv`), one row per student.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        class_id (None | str | Unset):
        student_id (None | str | Unset):
        format_ (AcademicSessionReportCardsFormatType0 | None | Unset): csv for the report cards
            as CSV (as Accept: text/csv); json (the default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReportCardsRead
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            framework_id=framework_id,
            class_id=class_id,
            student_id=student_id,
            format_=format_,
        )
    ).parsed
