from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.student_forecast_read import StudentForecastRead
from ...types import UNSET, Response


def _get_kwargs(
    id: str,
    *,
    framework_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["framework_id"] = framework_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/students/{id}/forecast".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | StudentForecastRead | None:
    if response.status_code == 200:
        response_200 = StudentForecastRead.from_dict(response.json())

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
) -> Response[ProblemDetails | StudentForecastRead]:
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
) -> Response[ProblemDetails | StudentForecastRead]:
    """When a student should master each competency not yet mastered, at the current rate

     Per active competency of the framework not yet mastered (as shown, overrides included):
    the day the straight-line trend of the latest counted results (up to 10, scores on the
    scale) reaches the mastery threshold, with its 80 % interval; or null with the reason when
    there is not enough evidence to claim a date (fewer than 3 results, all on one day, not
    clearly rising, beyond two years, rolled up, overridden).

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | StudentForecastRead]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
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
) -> ProblemDetails | StudentForecastRead | None:
    """When a student should master each competency not yet mastered, at the current rate

     Per active competency of the framework not yet mastered (as shown, overrides included):
    the day the straight-line trend of the latest counted results (up to 10, scores on the
    scale) reaches the mastery threshold, with its 80 % interval; or null with the reason when
    there is not enough evidence to claim a date (fewer than 3 results, all on one day, not
    clearly rising, beyond two years, rolled up, overridden).

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | StudentForecastRead
    """

    return sync_detailed(
        id=id,
        client=client,
        framework_id=framework_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: str,
) -> Response[ProblemDetails | StudentForecastRead]:
    """When a student should master each competency not yet mastered, at the current rate

     Per active competency of the framework not yet mastered (as shown, overrides included):
    the day the straight-line trend of the latest counted results (up to 10, scores on the
    scale) reaches the mastery threshold, with its 80 % interval; or null with the reason when
    there is not enough evidence to claim a date (fewer than 3 results, all on one day, not
    clearly rising, beyond two years, rolled up, overridden).

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | StudentForecastRead]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: str,
) -> ProblemDetails | StudentForecastRead | None:
    """When a student should master each competency not yet mastered, at the current rate

     Per active competency of the framework not yet mastered (as shown, overrides included):
    the day the straight-line trend of the latest counted results (up to 10, scores on the
    scale) reaches the mastery threshold, with its 80 % interval; or null with the reason when
    there is not enough evidence to claim a date (fewer than 3 results, all on one day, not
    clearly rising, beyond two years, rolled up, overridden).

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | StudentForecastRead
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            framework_id=framework_id,
        )
    ).parsed
