from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.class_grid_read import ClassGridRead
from ...models.class_mastery_format_type_0 import (
    ClassMasteryFormatType0,
)
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    framework_id: str,
    format_: ClassMasteryFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["framework_id"] = framework_id

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
        "url": "/v1/classes/{id}/mastery".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClassGridRead | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = ClassGridRead.from_dict(response.json())

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
) -> Response[ClassGridRead | ProblemDetails]:
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
    format_: ClassMasteryFormatType0 | None | Unset = UNSET,
) -> Response[ClassGridRead | ProblemDetails]:
    """The class grid: every enrolled student by every competency of a framework

     Every student enrolled in the class by every competency of `framework_id`: the grid a teacher
    reads on screen, one row of decisions per student in the framework's order. As CSV (`Accept:
    text/csv` or `format=csv`) it has one row per student with each competency's status and
    score. A class of another district is a 404.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        format_ (ClassMasteryFormatType0 | None | Unset): csv for the grid as CSV (as Accept:
            text/csv); json (the default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClassGridRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
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
    format_: ClassMasteryFormatType0 | None | Unset = UNSET,
) -> ClassGridRead | ProblemDetails | None:
    """The class grid: every enrolled student by every competency of a framework

     Every student enrolled in the class by every competency of `framework_id`: the grid a teacher
    reads on screen, one row of decisions per student in the framework's order. As CSV (`Accept:
    text/csv` or `format=csv`) it has one row per student with each competency's status and
    score. A class of another district is a 404.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        format_ (ClassMasteryFormatType0 | None | Unset): csv for the grid as CSV (as Accept:
            text/csv); json (the default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClassGridRead | ProblemDetails
    """

    return sync_detailed(
        id=id,
        client=client,
        framework_id=framework_id,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: str,
    format_: ClassMasteryFormatType0 | None | Unset = UNSET,
) -> Response[ClassGridRead | ProblemDetails]:
    """The class grid: every enrolled student by every competency of a framework

     Every student enrolled in the class by every competency of `framework_id`: the grid a teacher
    reads on screen, one row of decisions per student in the framework's order. As CSV (`Accept:
    text/csv` or `format=csv`) it has one row per student with each competency's status and
    score. A class of another district is a 404.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        format_ (ClassMasteryFormatType0 | None | Unset): csv for the grid as CSV (as Accept:
            text/csv); json (the default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClassGridRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: str,
    format_: ClassMasteryFormatType0 | None | Unset = UNSET,
) -> ClassGridRead | ProblemDetails | None:
    """The class grid: every enrolled student by every competency of a framework

     Every student enrolled in the class by every competency of `framework_id`: the grid a teacher
    reads on screen, one row of decisions per student in the framework's order. As CSV (`Accept:
    text/csv` or `format=csv`) it has one row per student with each competency's status and
    score. A class of another district is a 404.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        format_ (ClassMasteryFormatType0 | None | Unset): csv for the grid as CSV (as Accept:
            text/csv); json (the default)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClassGridRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            framework_id=framework_id,
            format_=format_,
        )
    ).parsed
