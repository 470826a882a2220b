from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.status_info import StatusInfo
from ...types import Response


def _get_kwargs(
    sourced_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/ims/oneroster/gradebook/v1p2/scoreScales/{sourced_id}".format(
            sourced_id=quote(str(sourced_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ProblemDetails | StatusInfo | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = StatusInfo.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = StatusInfo.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = StatusInfo.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = StatusInfo.from_dict(response.json())

        return response_404

    if response.status_code == 503:
        response_503 = ProblemDetails.from_dict(response.json())

        return response_503

    if 400 <= response.status_code <= 499:
        response_4xx = StatusInfo.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ProblemDetails | StatusInfo]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | ProblemDetails | StatusInfo]:
    """Delete a score scale (deleteScoreScale)

     Marks a score scale tobedeleted (kept for history, no longer read). Answers 204.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.delete` (or `admin`,
    `evidence:write`).

    Args:
        sourced_id (str): The sourcedId.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails | StatusInfo]
    """

    kwargs = _get_kwargs(
        sourced_id=sourced_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | ProblemDetails | StatusInfo | None:
    """Delete a score scale (deleteScoreScale)

     Marks a score scale tobedeleted (kept for history, no longer read). Answers 204.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.delete` (or `admin`,
    `evidence:write`).

    Args:
        sourced_id (str): The sourcedId.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails | StatusInfo
    """

    return sync_detailed(
        sourced_id=sourced_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | ProblemDetails | StatusInfo]:
    """Delete a score scale (deleteScoreScale)

     Marks a score scale tobedeleted (kept for history, no longer read). Answers 204.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.delete` (or `admin`,
    `evidence:write`).

    Args:
        sourced_id (str): The sourcedId.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails | StatusInfo]
    """

    kwargs = _get_kwargs(
        sourced_id=sourced_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | ProblemDetails | StatusInfo | None:
    """Delete a score scale (deleteScoreScale)

     Marks a score scale tobedeleted (kept for history, no longer read). Answers 204.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.delete` (or `admin`,
    `evidence:write`).

    Args:
        sourced_id (str): The sourcedId.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails | StatusInfo
    """

    return (
        await asyncio_detailed(
            sourced_id=sourced_id,
            client=client,
        )
    ).parsed
