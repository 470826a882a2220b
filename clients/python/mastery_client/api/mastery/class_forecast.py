import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.class_forecast_read import ClassForecastRead
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    framework_id: str,
    by: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["framework_id"] = framework_id

    json_by: None | str | Unset
    if isinstance(by, Unset):
        json_by = UNSET
    elif isinstance(by, datetime.date):
        json_by = by.isoformat()
    else:
        json_by = by
    params["by"] = json_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/classes/{id}/forecast".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClassForecastRead | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = ClassForecastRead.from_dict(response.json())

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
) -> Response[ClassForecastRead | ProblemDetails]:
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
    by: datetime.date | None | Unset = UNSET,
) -> Response[ClassForecastRead | ProblemDetails]:
    """The students of a class not on track to master by a date (default: end of term)

     Each enrolled student and active competency not yet mastered whose forecast gives no
    date, or a date after `by`, with the reason; in student then framework order.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        by (datetime.date | None | Unset): The date to be on track by (default: the end of the
            class's term running today; 422 when none is)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClassForecastRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
        by=by,
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
    by: datetime.date | None | Unset = UNSET,
) -> ClassForecastRead | ProblemDetails | None:
    """The students of a class not on track to master by a date (default: end of term)

     Each enrolled student and active competency not yet mastered whose forecast gives no
    date, or a date after `by`, with the reason; in student then framework order.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        by (datetime.date | None | Unset): The date to be on track by (default: the end of the
            class's term running today; 422 when none is)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClassForecastRead | ProblemDetails
    """

    return sync_detailed(
        id=id,
        client=client,
        framework_id=framework_id,
        by=by,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: str,
    by: datetime.date | None | Unset = UNSET,
) -> Response[ClassForecastRead | ProblemDetails]:
    """The students of a class not on track to master by a date (default: end of term)

     Each enrolled student and active competency not yet mastered whose forecast gives no
    date, or a date after `by`, with the reason; in student then framework order.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        by (datetime.date | None | Unset): The date to be on track by (default: the end of the
            class's term running today; 422 when none is)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClassForecastRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
        by=by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: str,
    by: datetime.date | None | Unset = UNSET,
) -> ClassForecastRead | ProblemDetails | None:
    """The students of a class not on track to master by a date (default: end of term)

     Each enrolled student and active competency not yet mastered whose forecast gives no
    date, or a date after `by`, with the reason; in student then framework order.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):
        by (datetime.date | None | Unset): The date to be on track by (default: the end of the
            class's term running today; 422 when none is)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClassForecastRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            framework_id=framework_id,
            by=by,
        )
    ).parsed
